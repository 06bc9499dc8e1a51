# METADATA
# title: SageMaker models, notebook instances and endpoint configurations carry an owner tag
# description: >-
#   Each SageMaker AI model, notebook instance and endpoint configuration has a non-empty tag
#   naming who owns it: one of owner, team, owning-team, technical-owner or business-owner (the
#   key's case is ignored). Without it nobody can be asked to approve, patch, retrain or retire
#   the model, or be called when it misbehaves.
# custom:
#   id: CAFAI-SG-01
#   capability: security-governance
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::Model", "AWS::SageMaker::NotebookInstance", "AWS::SageMaker::EndpointConfig"]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI Security governance asks for roles and responsibilities around AI workloads,
#     including who creates, trains, approves and publishes models, and CAF-AI Application
#     security asks for an inventory of AI models in which every model instance has named
#     technical and business owners. An owner tag on the model, the notebook it was built in
#     and the endpoint configuration that serves it is the cheapest way to make that ownership
#     visible in the account itself, where cost reports, access policies and incident
#     responders can read it.
#   remediation:
#     console: >-
#       SageMaker AI console > Inference > Models (or Notebook > Notebook instances, or
#       Inference > Endpoint configurations) > the resource > Tags > Edit/Add tag: key "owner",
#       value the accountable team or person. Enforce it for new resources with a tag policy
#       in AWS Organizations or an aws:RequestTag condition on sagemaker:Create* actions.
#     cli: >-
#       aws sagemaker add-tags --resource-arn RESOURCE_ARN --tags Key=owner,Value=ml-platform-team
#     terraform: |-
#       resource "aws_sagemaker_model" "this" {
#         name               = "churn-model"
#         execution_role_arn = aws_iam_role.model.arn
#         primary_container { image = var.image }
#         tags = {
#           owner          = "ml-platform-team"
#           business-owner = "customer-retention"
#         }
#       }
#   references:
#     - id: AddTags API reference
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AddTags.html
package cafscan.controls.sagemaker_resource_owner_tag

import data.cafscan.lib

owner_keys := ["owner", "team", "owning-team", "technical-owner", "business-owner"]

kinds := {
	"AWS::SageMaker::Model": "SageMaker model",
	"AWS::SageMaker::NotebookInstance": "Notebook instance",
	"AWS::SageMaker::EndpointConfig": "Endpoint configuration",
}

missing contains "the resource's tags are not in the inventory" if {
	not has_tag_map
}

has_tag_map if is_object(input.resource.tags)

has_owner if {
	some key in owner_keys
	trim_space(lib.tag(key)) != ""
}

violations contains concat("", [lib.text(kinds[input.resource.type]), " ", lib.label, " has no owner tag (", concat(", ", owner_keys), ") with a value."]) if {
	has_tag_map
	not has_owner
}
