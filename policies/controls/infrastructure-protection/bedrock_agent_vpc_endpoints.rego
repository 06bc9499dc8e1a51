# METADATA
# title: Regions that use Amazon Bedrock have VPC endpoints for its control-plane and agent APIs
# description: >-
#   In each account and region that holds Amazon Bedrock resources (agents, knowledge bases,
#   custom models, guardrails) the account has an available interface VPC endpoint for
#   com.amazonaws.REGION.bedrock (the control plane), and where it holds agents or knowledge
#   bases also for com.amazonaws.REGION.bedrock-agent (building and managing them) and
#   com.amazonaws.REGION.bedrock-agent-runtime (InvokeAgent, Retrieve, RetrieveAndGenerate).
#   CAFAI-IP-10 checks the bedrock-runtime endpoint; together they cover every Bedrock API.
#   Regions without Bedrock resources are not checked; where a Bedrock listing failed or was not
#   collected and nothing brings the region in scope, it is not evaluated. Endpoints are looked for in the same
#   account: endpoints centralised in a shared networking account are not seen.
# custom:
#   id: CAFAI-IP-90
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   related_resource_types:
#     - AWS::EC2::VPCEndpoint
#     - AWS::Bedrock::Agent
#     - AWS::Bedrock::KnowledgeBase
#     - AWS::Bedrock::CustomModel
#     - AWS::Bedrock::Guardrail
#   related_fields:
#     "AWS::EC2::VPCEndpoint": [configuration.serviceName, configuration.state]
#     "AWS::Bedrock::Agent": []
#     "AWS::Bedrock::KnowledgeBase": []
#     "AWS::Bedrock::CustomModel": []
#     "AWS::Bedrock::Guardrail": []
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for secure endpoints for AI models and an explicit
#     allow-list of the calls made from outside a model's own VPC. Agents are invoked and
#     knowledge bases queried through the bedrock-agent-runtime API, and they are built and
#     changed through bedrock-agent and bedrock: without interface endpoints those calls,
#     carrying prompts, retrieved documents and agent configuration, leave the VPC for the
#     public endpoints, and no endpoint policy can limit them.
#   remediation:
#     console: >-
#       VPC console (in this region) > Endpoints > Create endpoint: type "AWS services", service
#       com.amazonaws.REGION.bedrock-agent-runtime (then again for bedrock-agent and bedrock),
#       the VPC the AI applications run in, one private subnet per Availability Zone, a
#       security group allowing HTTPS from them, and "Enable DNS name" checked; attach an
#       endpoint policy limiting principals and actions.
#     cli: >-
#       aws ec2 create-vpc-endpoint --region REGION --vpc-endpoint-type Interface --vpc-id VPC_ID
#       --service-name com.amazonaws.REGION.bedrock-agent-runtime --subnet-ids SUBNET_ID_1 SUBNET_ID_2
#       --security-group-ids SG_ID --private-dns-enabled
#       (repeat with com.amazonaws.REGION.bedrock-agent and com.amazonaws.REGION.bedrock)
#     terraform: |-
#       data "aws_region" "current" {}
#
#       resource "aws_vpc_endpoint" "bedrock" {
#         for_each            = toset(["bedrock", "bedrock-agent", "bedrock-agent-runtime"])
#         vpc_id              = aws_vpc.ml.id
#         service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
#         vpc_endpoint_type   = "Interface"
#         subnet_ids          = aws_subnet.private[*].id
#         security_group_ids  = [aws_security_group.endpoints.id]
#         private_dns_enabled = true
#       }
#     cloudformation: |-
#       BedrockAgentRuntimeEndpoint:
#         Type: AWS::EC2::VPCEndpoint
#         Properties:
#           VpcEndpointType: Interface
#           VpcId: !Ref Vpc
#           ServiceName: !Sub com.amazonaws.${AWS::Region}.bedrock-agent-runtime
#           SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
#           SecurityGroupIds: [!Ref EndpointSecurityGroup]
#           PrivateDnsEnabled: true
#   references:
#     - id: Use interface VPC endpoints (AWS PrivateLink) with Amazon Bedrock
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html
package cafscan.controls.bedrock_agent_vpc_endpoints

import data.cafscan.lib

endpoint_type := "AWS::EC2::VPCEndpoint"

region := input.resource.region

agent_types := ["AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase"]

other_types := ["AWS::Bedrock::CustomModel", "AWS::Bedrock::Guardrail"]

uses(types) if lib.any_in_region(types)

uses_agents if uses(agent_types)

uses_bedrock if uses(agent_types)

uses_bedrock if uses(other_types)

required contains "bedrock" if uses_bedrock

required contains "bedrock-agent" if uses_agents

required contains "bedrock-agent-runtime" if uses_agents

# Services the region may need although no resource found says so: a listing that would show
# them failed or was not collected (a denied ListAgents), so "none found" proves nothing.
unsure_reason["bedrock"] := lib.presence_unknown_reason(array.concat(agent_types, other_types), "the region uses Amazon Bedrock")

unsure_reason[service] := lib.presence_unknown_reason(agent_types, "the region has Bedrock agents or knowledge bases") if {
	some service in ["bedrock-agent", "bedrock-agent-runtime"]
}

unsure := {service | some service, _ in unsure_reason; not covered(service)}

# Out of scope only when the region is known not to use Bedrock (or every endpoint it might need
# is there anyway).
out_of_scope if {
	count(required) == 0
	count(unsure) == 0
}

service_name(service) := concat("", ["com.amazonaws.", lib.text(region), ".", lib.text(service)])

# China regions prefix "cn.", FIPS endpoints end in "-fips".
names_for(service) := {
	service_name(service),
	concat("", ["cn.com.amazonaws.", lib.text(region), ".", lib.text(service)]),
	concat("", ["com.amazonaws.", lib.text(region), ".", lib.text(service), "-fips"]),
}

endpoints := lib.same_region_of_type(endpoint_type)

# Every service this control asks about (required and unsure_reason), with its names, once: the
# names were built again for each endpoint and service, and the endpoints walked once per service.
services := ["bedrock", "bedrock-agent", "bedrock-agent-runtime"]

service_names[service] := names_for(service) if some service in services

serves(endpoint, service) if endpoint.configuration.serviceName in service_names[service]

available(endpoint) if lower(endpoint.configuration.state) == "available"

has_state(endpoint) if is_string(endpoint.configuration.state)

covered_services := {service |
	some endpoint in endpoints
	some service in services
	serves(endpoint, service)
	available(endpoint)
}

covered(service) if service in covered_services

uncovered := {service | some service in required; not covered(service)}

missing contains reason if {
	count(uncovered) > 0
	reason := lib.uncollected_reason(endpoint_type, "VPC endpoints")
}

# A known gap is reported as a failure; only without one does an unknown scope leave the
# verdict open.
missing contains reason if {
	count(uncovered) == 0
	some service in unsure
	reason := unsure_reason[service]
}

missing contains concat("", ["the state of VPC endpoint ", lib.text(endpoint.id), " for ", lib.text(service_name(service)), " is not in the inventory"]) if {
	some service in uncovered
	some endpoint in endpoints
	serves(endpoint, service)
	not has_state(endpoint)
}

violations contains msg if {
	count(uncovered) > 0
	lib.collected(endpoint_type)
	msg := concat("", [
		lib.label, " uses Amazon Bedrock but has no available interface VPC endpoint for ", concat(", ", sort([service_name(s) | some s in uncovered])), ".",
	])
}
