# METADATA
# title: Regions that use SageMaker AI or Amazon Bedrock have interface VPC endpoints for them
# description: >-
#   In each account and region that holds SageMaker AI resources (notebook instances, models,
#   endpoints, training jobs, domains) the account has available interface VPC endpoints for
#   com.amazonaws.REGION.sagemaker.api and com.amazonaws.REGION.sagemaker.runtime, and in each
#   region that holds Amazon Bedrock resources (agents, knowledge bases, custom models,
#   guardrails) one for com.amazonaws.REGION.bedrock-runtime, so workloads in the VPC call
#   these services over AWS PrivateLink rather than over the internet. Regions without such
#   resources are not checked; where a listing of them failed or was not collected and nothing
#   brings the region in scope, it is not evaluated. Endpoints are looked for in the same account: endpoints
#   centralised in a shared networking account are not seen.
# custom:
#   id: CAFAI-IP-10
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   related_resource_types:
#     - AWS::EC2::VPCEndpoint
#     - AWS::SageMaker::NotebookInstance
#     - AWS::SageMaker::Model
#     - AWS::SageMaker::Endpoint
#     - AWS::SageMaker::TrainingJob
#     - AWS::SageMaker::Domain
#     - AWS::Bedrock::Agent
#     - AWS::Bedrock::KnowledgeBase
#     - AWS::Bedrock::CustomModel
#     - AWS::Bedrock::Guardrail
#   related_fields:
#     "AWS::EC2::VPCEndpoint": [configuration.serviceName, configuration.state]
#     "AWS::SageMaker::NotebookInstance": []
#     "AWS::SageMaker::Model": []
#     "AWS::SageMaker::Endpoint": []
#     "AWS::SageMaker::TrainingJob": []
#     "AWS::SageMaker::Domain": []
#     "AWS::Bedrock::Agent": []
#     "AWS::Bedrock::KnowledgeBase": []
#     "AWS::Bedrock::CustomModel": []
#     "AWS::Bedrock::Guardrail": []
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for secure endpoints for AI models and for an
#     explicit allow-list of the API calls made from outside a model's own VPC. Interface VPC
#     endpoints for the SageMaker AI API and runtime and the Bedrock runtime keep prompts,
#     inference payloads and control-plane calls on the AWS network, let VPCs without an
#     internet route reach the models at all, and carry endpoint policies that state which
#     principals and actions may pass: that policy is the allow-list CAF-AI describes.
#   remediation:
#     console: >-
#       VPC console (in this region) > Endpoints > Create endpoint: type "AWS services",
#       service com.amazonaws.REGION.sagemaker.api (then again for sagemaker.runtime, and for
#       bedrock-runtime where Bedrock is used), the VPC the AI workloads run in, one private
#       subnet per Availability Zone, a security group allowing HTTPS from the workloads, and
#       "Enable DNS name" checked. Attach an endpoint policy limiting the allowed principals
#       and actions.
#     cli: >-
#       aws ec2 create-vpc-endpoint --region REGION --vpc-endpoint-type Interface --vpc-id VPC_ID
#       --service-name com.amazonaws.REGION.bedrock-runtime --subnet-ids SUBNET_ID_1 SUBNET_ID_2
#       --security-group-ids SG_ID --private-dns-enabled
#       (repeat with com.amazonaws.REGION.sagemaker.api and com.amazonaws.REGION.sagemaker.runtime)
#     terraform: |-
#       data "aws_region" "current" {}
#
#       resource "aws_vpc_endpoint" "ai" {
#         for_each            = toset(["sagemaker.api", "sagemaker.runtime", "bedrock-runtime"])
#         vpc_id              = aws_vpc.ml.id
#         service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
#         vpc_endpoint_type   = "Interface"
#         subnet_ids          = aws_subnet.private[*].id
#         security_group_ids  = [aws_security_group.endpoints.id]
#         private_dns_enabled = true
#       }
#     cloudformation: |-
#       BedrockRuntimeEndpoint:
#         Type: AWS::EC2::VPCEndpoint
#         Properties:
#           VpcEndpointType: Interface
#           VpcId: !Ref Vpc
#           ServiceName: !Sub com.amazonaws.${AWS::Region}.bedrock-runtime
#           SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
#           SecurityGroupIds: [!Ref EndpointSecurityGroup]
#           PrivateDnsEnabled: true
package cafscan.controls.ai_vpc_endpoints_configured

import data.cafscan.lib

endpoint_type := "AWS::EC2::VPCEndpoint"

region := input.resource.region

sagemaker_types := [
	"AWS::SageMaker::NotebookInstance",
	"AWS::SageMaker::Model",
	"AWS::SageMaker::Endpoint",
	"AWS::SageMaker::TrainingJob",
	"AWS::SageMaker::Domain",
]

bedrock_types := [
	"AWS::Bedrock::Agent",
	"AWS::Bedrock::KnowledgeBase",
	"AWS::Bedrock::CustomModel",
	"AWS::Bedrock::Guardrail",
]

uses_sagemaker if lib.any_in_region(sagemaker_types)

uses_bedrock if lib.any_in_region(bedrock_types)

# The endpoint services each AI service in use needs, as suffixes of the service name.
required contains "sagemaker.api" if uses_sagemaker

required contains "sagemaker.runtime" if uses_sagemaker

required contains "bedrock-runtime" if uses_bedrock

# Services the region may use although no resource found says so: a listing that would show
# them failed or was not collected (a denied ListAgents), so "none found" proves nothing.
unsure_reason[service] := lib.presence_unknown_reason(sagemaker_types, "the region uses SageMaker AI") if {
	some service in ["sagemaker.api", "sagemaker.runtime"]
}

unsure_reason["bedrock-runtime"] := lib.presence_unknown_reason(bedrock_types, "the region uses Amazon Bedrock")

unsure := {service | some service, _ in unsure_reason; not covered(service)}

# Out of scope only when the region is known to use neither service (or every endpoint it might
# need is there anyway).
out_of_scope if {
	count(required) == 0
	count(unsure) == 0
}

# The service name as EC2 reports it; China regions prefix "cn.", FIPS endpoints end in "-fips".
service_name(service) := concat("", ["com.amazonaws.", lib.text(region), ".", lib.text(service)])

names_for(service) := {
	service_name(service),
	concat("", ["cn.com.amazonaws.", lib.text(region), ".", lib.text(service)]),
	concat("", ["com.amazonaws.", lib.text(region), ".", lib.text(service), "-fips"]),
}

endpoints := lib.same_region_of_type(endpoint_type)

# Every service this control asks about (required and unsure_reason), with its names, once: the
# names were built again for each endpoint and service, and the endpoints walked once per service.
services := ["sagemaker.api", "sagemaker.runtime", "bedrock-runtime"]

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

services_in_use := "SageMaker AI and Amazon Bedrock" if {
	uses_sagemaker
	uses_bedrock
} else := "SageMaker AI" if {
	uses_sagemaker
} else := "Amazon Bedrock"

violations contains msg if {
	count(uncovered) > 0
	lib.collected(endpoint_type)
	msg := concat("", [
		lib.label, " uses ", lib.text(services_in_use), " but has no available interface VPC endpoint for ", concat(", ", sort([service_name(s) | some s in uncovered])), ".",
	])
}
