# METADATA
# title: Bedrock AgentCore runtimes run in VPC network mode
# description: >-
#   The agent runtime's networkConfiguration.networkMode is VPC, so the agent's container runs with
#   network interfaces in the account's own subnets and security groups. In PUBLIC mode the agent
#   reaches the internet directly, outside every network control the account applies. The mode is
#   a required setting of CreateAgentRuntime; where it is not recorded the runtime is not
#   evaluated. A runtime whose creation failed, or that is being deleted, runs nothing and is not
#   checked. Every version the runtime's endpoints serve is judged, not only the latest one
#   (GetAgentRuntime without a version, which the DEFAULT endpoint follows): an endpoint can stay
#   on an older version, or be moving to another, whose network mode is still PUBLIC, so the
#   runtime fails if any served version is PUBLIC and is not evaluated while a served version is
#   unknown. Live scans list the endpoints (ListAgentRuntimeEndpoints: liveVersion, targetVersion)
#   and read each served version (GetAgentRuntime with agentRuntimeVersion). AWS Config records
#   only the latest version and no endpoints, so from Config alone a runtime whose latest version
#   is not 1 (versions are numbered from 1, one more at every update) is not evaluated unless that
#   version is already PUBLIC; version 1 is the only version a never-updated runtime has.
# custom:
#   id: CAFAI-IP-60
#   capability: infrastructure-protection
#   component: model
#   severity: high
#   resource_types: ["AWS::BedrockAgentCore::Runtime"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the systems running models sit inside network
#     boundaries the organisation controls. An AgentCore runtime hosts agent code that calls models
#     and tools with the runtime role's permissions; in VPC mode its traffic leaves through the
#     account's security groups, network ACLs, VPC endpoints and flow logs, so egress can be limited
#     to the tools the agent needs and an injected instruction cannot send data to an arbitrary
#     host. PUBLIC mode gives the agent unrestricted internet egress that none of those controls see.
#   remediation:
#     console: >-
#       Amazon Bedrock AgentCore console > Runtime > the agent runtime > Update hosting > Network
#       configuration: VPC, choose the VPC, private subnets and security groups (with VPC endpoints
#       or a NAT for what the agent must reach) > Save; the update creates a new runtime version.
#     cli: >-
#       aws bedrock-agentcore-control update-agent-runtime --agent-runtime-id RUNTIME_ID
#       --agent-runtime-artifact file://artifact.json --role-arn ROLE_ARN
#       --network-configuration
#       'networkMode=VPC,networkModeConfig={subnets=[subnet-0abc],securityGroups=[sg-0abc]}'
#     terraform: |-
#       resource "aws_bedrockagentcore_agent_runtime" "this" {
#         # ...
#         network_configuration {
#           network_mode = "VPC"
#           network_mode_config {
#             subnets         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
#             security_groups = [aws_security_group.agent.id]
#           }
#         }
#       }
#     cloudformation: |-
#       ClaimsAgentRuntime:
#         Type: AWS::BedrockAgentCore::Runtime
#         Properties:
#           AgentRuntimeName: claims_agent
#           RoleArn: !GetAtt AgentRuntimeRole.Arn
#           AgentRuntimeArtifact:
#             ContainerConfiguration:
#               ContainerUri: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/claims-agent:1
#           NetworkConfiguration:
#             NetworkMode: VPC
#             NetworkModeConfig:
#               Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
#               SecurityGroups: [!Ref AgentSecurityGroup]
#   references:
#     - id: NetworkConfiguration (networkMode PUBLIC or VPC)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_NetworkConfiguration.html
#     - id: ListAgentRuntimeEndpoints (liveVersion, targetVersion) and GetAgentRuntime (agentRuntimeVersion)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_ListAgentRuntimeEndpoints.html
#     - id: Configure AgentCore Runtime and tools for VPC
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html
package cafscan.controls.agentcore_runtime_vpc_network_mode

import data.cafscan.lib
import data.cafscan.lib.agentcore

out_of_scope if lib.configuration.status in {"CREATE_FAILED", "DELETING"}

recorded if agentcore.recorded("agentRuntimeArn")

missing contains agentcore.not_recorded if not recorded

missing contains "the runtime's network mode (networkConfiguration.networkMode) is not recorded" if {
	recorded
	not agentcore.network_mode
}

missing contains concat("", ["the runtime's network mode ", agentcore.network_mode, " is not one cafscan knows (PUBLIC or VPC)"]) if {
	recorded
	not agentcore.network_mode in {"PUBLIC", "VPC"}
}

violations contains concat("", ["Agent runtime ", lib.label, " runs in PUBLIC network mode, not in a VPC."]) if {
	agentcore.network_mode == "PUBLIC"
}

# Served versions other than the latest that run in PUBLIC mode, as "version 2 (endpoint prod)".
public_versions := sort({agentcore.version_label(v) |
	some v, _ in agentcore.other_served_versions
	some record in agentcore.version_records(v)
	agentcore.record_network_mode(record) == "PUBLIC"
})

violations contains concat("", ["Agent runtime ", lib.label, " serves runtime ", concat(", ", public_versions), " in PUBLIC network mode, not in a VPC."]) if {
	count(public_versions) > 0
}

# What keeps a served version from being judged matters only while none is known to be PUBLIC.
missing contains reason if {
	recorded
	count(violations) == 0
	some reason in agentcore.served_missing
}

missing contains concat("", ["runtime ", agentcore.version_label(v), " states no network mode cafscan knows (PUBLIC or VPC)"]) if {
	recorded
	count(violations) == 0
	some v, _ in agentcore.other_served_versions
	some record in agentcore.version_records(v)
	not known_mode(record)
}

# (A helper rule: `not f(record) in {…}` is not reliably true when f is undefined.)
known_mode(record) if agentcore.record_network_mode(record) in {"PUBLIC", "VPC"}
