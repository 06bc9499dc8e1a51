# METADATA
# title: SageMaker models run with network isolation
# description: >-
#   The model has EnableNetworkIsolation set, so the containers that serve it (and any job
#   that uses it) get no outbound network access: they cannot call the internet, other
#   AWS services or hosts in the VPC. When the setting is absent it is off, as in the
#   CreateModel API and CloudFormation.
# custom:
#   id: CAFAI-IP-04
#   capability: infrastructure-protection
#   component: model
#   severity: high
#   resource_types: ["AWS::SageMaker::Model"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for secure endpoints for models and for an
#     explicit allow-list of calls a model may make outside its own VPC. Network isolation
#     is the strictest form of that list: the inference container can answer requests but
#     cannot open connections, so a compromised or malicious model image, or code smuggled
#     in through model artifacts, cannot send data out or fetch a second stage.
#   remediation:
#     console: >-
#       A model's network isolation cannot be changed. SageMaker console > Inference >
#       Models > Create model: use the same container and artifacts, and under Network
#       check "Enable network isolation". Create an endpoint configuration that uses the new
#       model, update the endpoint to it, then delete the old model.
#     cli: >-
#       aws sagemaker create-model --model-name NAME-isolated --execution-role-arn ROLE_ARN
#       --primary-container Image=IMAGE_URI,ModelDataUrl=S3_URI --enable-network-isolation
#     terraform: |-
#       resource "aws_sagemaker_model" "this" {
#         name                     = "classifier"
#         execution_role_arn       = aws_iam_role.model.arn
#         enable_network_isolation = true
#         primary_container {
#           image          = var.image_uri
#           model_data_url = var.model_data_url
#         }
#       }
#   references:
#     - id: CreateModel EnableNetworkIsolation (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html#sagemaker-CreateModel-request-EnableNetworkIsolation
package cafscan.controls.sagemaker_model_network_isolation

import data.cafscan.lib

missing contains "the model's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Model ", lib.label, " does not have network isolation enabled."]) if {
	not isolated
}

isolated if lib.configuration.EnableNetworkIsolation == true

isolated if {
	is_string(lib.configuration.EnableNetworkIsolation)
	lower(lib.configuration.EnableNetworkIsolation) == "true"
}
