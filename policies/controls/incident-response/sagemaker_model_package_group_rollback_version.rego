# METADATA
# title: SageMaker model package groups keep an earlier approved version to roll back to
# description: >-
#   The model package group holds at least two Approved model package versions whose
#   ModelPackageStatus is Completed (not still Pending or InProgress, not Failed or Deleting): the one in use and at least one earlier version that can be redeployed at
#   once if the current model misbehaves or is found compromised. Groups with no packages at all
#   are not applicable; when the packages of the group's account and region were not collected,
#   or their approval status is not recorded and could change the answer, the result is not
#   evaluated.
# custom:
#   id: CAFAI-IR-03
#   capability: incident-response
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::ModelPackageGroup"]
#   related_resource_types: ["AWS::SageMaker::ModelPackage", "AWS::::Account"]
#   related_fields:
#     "AWS::SageMaker::ModelPackage": [configuration.ModelPackageGroupName, configuration.ModelPackageStatus, configuration.ModelApprovalStatus]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   caf_section: "Incident response"
#   rationale: >-
#     CAF-AI leaves Incident response as in the AWS CAF, which expects the means to contain and
#     recover from an incident to be ready before it happens. For models, CAF-AI Application
#     security spells them out: keep known good trained models, retain points in time so that a
#     compromised model can return to a known good state, and maintain tested roll-back
#     mechanisms for models to use in operational or security incidents. A second approved
#     version in the registry is that known good state, ready to redeploy through the same
#     approved path instead of an improvised rebuild.
#   remediation:
#     console: >-
#       SageMaker Studio > Models > Registered models > the group: when approving a new version,
#       leave the previous known good version Approved (do not reject or delete it); if only one
#       version is approved, re-evaluate an earlier version and set its status to Approved, and
#       document the rollback procedure (deploy the previous approved version to the endpoint).
#     cli: >-
#       aws sagemaker list-model-packages --model-package-group-name GROUP --model-approval-status Approved
#       && aws sagemaker update-model-package --model-package-arn PREVIOUS_VERSION_ARN --model-approval-status Approved
#       --approval-description "kept as rollback target"
#     cloudformation: |-
#       ChurnV6:
#         Type: AWS::SageMaker::ModelPackage
#         Properties:
#           ModelPackageGroupName: churn
#           ModelApprovalStatus: Approved
#           InferenceSpecification:
#             Containers:
#               - Image: !Ref ChurnImage
#                 ModelDataUrl: s3://models/churn/6/model.tar.gz
#             SupportedContentTypes: [text/csv]
#             SupportedResponseMIMETypes: [text/csv]
#   references:
#     - id: Update the approval status of a model
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-approve.html
package cafscan.controls.sagemaker_model_package_group_rollback_version

import data.cafscan.lib
import data.cafscan.lib.sagemaker_monitoring as coverage

package_type := "AWS::SageMaker::ModelPackage"

group_name := name if {
	name := lib.configuration.ModelPackageGroupName
	is_string(name)
	name != ""
} else := lib.label

# The group's versions in its account and region: by the group name DescribeModelPackage (and
# AWS Config) record, or by the ARN, model-package/<group>/<version> (lower case).
packages := [p |
	some p in lib.same_account_of_type(package_type)
	p.region == lib.resource.region
	in_group(p)
]

in_group(p) if p.configuration.ModelPackageGroupName == group_name

in_group(p) if contains(lower(p.arn), concat("", [":model-package/", lower(group_name), "/"]))

# Only a Completed package can be deployed; Pending and InProgress ones are still being created,
# Failed and Deleting ones never will be. ModelPackageStatus is a required member of
# DescribeModelPackage's answer, so a package without it is unknown, not usable.
usable(p) if p.configuration.ModelPackageStatus == "Completed"

status_recorded(p) if is_string(p.configuration.ModelPackageStatus)

approved := [p |
	some p in packages
	p.configuration.ModelApprovalStatus == "Approved"
	usable(p)
]

unknown := [p |
	some p in packages
	not p.configuration.ModelApprovalStatus
]

status_unknown := [p |
	some p in packages
	p.configuration.ModelApprovalStatus == "Approved"
	not status_recorded(p)
]

out_of_scope if {
	count(packages) == 0
	coverage.region_collected(package_type)
}

missing contains reason if {
	count(approved) < 2
	reason := coverage.region_uncollected_reason(package_type, "SageMaker model packages")
}

# Unknown statuses matter only when they could make up the missing approved versions.
missing contains concat("", ["the approval status of model package ", lib.text(p.name), " is not in the inventory"]) if {
	count(approved) < 2
	(count(approved) + count(unknown)) + count(status_unknown) >= 2
	some p in unknown
}

missing contains concat("", ["the status of approved model package ", lib.text(p.name), " is not in the inventory"]) if {
	count(approved) < 2
	(count(approved) + count(unknown)) + count(status_unknown) >= 2
	some p in status_unknown
}

violations contains concat("", ["Model package group ", lib.label, " has no approved model package: there is no known good version to deploy or roll back to."]) if {
	count(approved) == 0
}

violations contains concat("", ["Model package group ", lib.label, " has only one approved model package (", lib.text(approved[0].name), "): there is no earlier approved version to roll back to."]) if {
	count(approved) == 1
}
