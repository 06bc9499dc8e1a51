# METADATA
# title: Bedrock AgentCore runtimes run in VPC network mode
# description: >-
#   The agent runtime's networkConfiguration.networkMode is VPC, so the agent's container runs with
#   network interfaces in the account's own subnets and security groups. In PUBLIC mode the agent
#   reaches the internet directly, outside every network control the account applies. The mode is
#   a required setting of CreateAgentRuntime; where it is not recorded the runtime is not
#   evaluated. A runtime whose creation failed, or that is being deleted, runs nothing and is not
#   checked.
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
