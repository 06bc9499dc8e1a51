# METADATA
# title: SageMaker models are created from approved model packages in the model registry
# description: >-
#   Every container of the model (its PrimaryContainer, or each entry of Containers for an
#   inference pipeline) is created from a model package (ModelPackageName, a name or an ARN)
#   rather than from an image and artifacts given directly, and each package it names has the
#   approval status Approved in the SageMaker Model Registry. A package that is pending manual
#   approval, rejected, unversioned (no approval workflow) or not found while the account's model
#   packages were collected fails; a package whose status cannot be known (not collected, or in
#   another account) leaves the result not evaluated.
# custom:
#   id: CAFAI-SG-04
#   capability: security-governance
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::Model"]
#   related_resource_types: ["AWS::SageMaker::ModelPackage", "AWS::::Account"]
#   related_fields:
#     "AWS::SageMaker::ModelPackage": [configuration]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   caf_section: "Security governance"
#   rationale: >-
#     For the model, CAF-AI Security governance asks for defined roles and responsibilities in
#     creating and training models and for an author, approver and publisher approach to model
#     release, with the training tools and people evaluated so that no vulnerability is
#     introduced on the way. The SageMaker Model Registry's approval status is where that
#     approver decision is recorded; a model built from an approved package is one that went
#     through it, while a model built straight from an image and an S3 artifact bypassed the
#     release process entirely.
#   remediation:
#     console: >-
#       Register the model as a version of a model package group (SageMaker Studio > Models >
#       Registered models > the group > Register version, or from the training pipeline's
#       RegisterModel step), have the approver set its status to Approved (the version > Update
#       status), then deploy it from the registry (the version > Deploy), which creates a model
#       from the package, and move the endpoint to that model.
#     cli: >-
#       aws sagemaker update-model-package --model-package-arn PACKAGE_ARN --model-approval-status Approved
#       --approval-description "reviewed by ..."
#       && aws sagemaker create-model --model-name NAME --execution-role-arn ROLE_ARN
#       --primary-container ModelPackageName=PACKAGE_ARN
#     cloudformation: |-
#       ChurnModel:
#         Type: AWS::SageMaker::Model
#         Properties:
#           ModelName: churn-v7
#           ExecutionRoleArn: !GetAtt ModelRole.Arn
#           EnableNetworkIsolation: true
#           PrimaryContainer:
#             ModelPackageName: arn:aws:sagemaker:us-east-1:111122223333:model-package/churn/7
#   references:
#     - id: Update the approval status of a model
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-approve.html
package cafscan.controls.sagemaker_model_from_approved_package

import data.cafscan.lib
import data.cafscan.lib.sagemaker_monitoring as coverage

package_type := "AWS::SageMaker::ModelPackage"

# --- the model's containers ----------------------------------------------------------------------

pipeline if is_array(lib.configuration.Containers)

containers := [lib.configuration.PrimaryContainer] if {
	is_object(lib.configuration.PrimaryContainer)
} else := lib.configuration.Containers if {
	pipeline
} else := []

missing contains "the model's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

missing contains "the model's containers are not in the inventory" if {
	count(lib.configuration) > 0
	count(containers) == 0
}

package_ref(c) := ref if {
	ref := c.ModelPackageName
	is_string(ref)
	ref != ""
}

from_package(c) if package_ref(c)

# How to name a container of a pipeline in a message: its host name, its image, or its position.
container_label(c, i) := c.ContainerHostname if {
	is_string(c.ContainerHostname)
} else := c.Image if {
	is_string(c.Image)
} else := concat("", ["#", format_int(i + 1, 10)])

violations contains concat("", ["Model ", lib.label, " is not created from a model package in the SageMaker Model Registry."]) if {
	not pipeline
	some c in containers
	not from_package(c)
}

violations contains concat("", ["Model ", lib.label, " has a container (", lib.text(container_label(c, i)), ") that is not created from a model package in the SageMaker Model Registry."]) if {
	pipeline
	some i, c in containers
	not from_package(c)
}

# --- the packages they name ----------------------------------------------------------------------

refs := {ref |
	some c in containers
	ref := package_ref(c)
}

is_arn(ref) if startswith(ref, "arn:")

arn_account(ref) := split(ref, ":")[4]

# The package a reference names: by ARN anywhere in the inventory (which is keyed by ARN, so a
# name never matches there), else by ARN in any case, name ("group/version" for versioned
# packages) or unversioned package name in the model's account and region.
resolve(ref) := p if {
	p := lib.related(ref)
} else := p if {
	candidates := [q |
		some q in lib.same_account_of_type(package_type)
		q.region == lib.resource.region
		named(q, ref)
	]
	p := candidates[0]
}

named(p, ref) if lower(p.arn) == lower(ref)

named(p, ref) if p.name == ref

# An unversioned package's own name (a versioned package's ModelPackageName is its group's).
named(p, ref) if {
	p.configuration.ModelPackageName == ref
	not versioned(p)
}

found(ref) if resolve(ref)

# A status that is not a string (absent, or null in a snapshot) is unknown, not a status.
approval(ref) := status if {
	status := resolve(ref).configuration.ModelApprovalStatus
	is_string(status)
}

versioned(p) if is_string(p.configuration.ModelPackageGroupName)

versioned(p) if p.configuration.ModelPackageVersion

violations contains concat("", ["Model ", lib.label, " is created from model package ", lib.text(ref), ", whose approval status is ", lib.text(status), "."]) if {
	some ref in refs
	status := approval(ref)
	status != "Approved"
}

violations contains concat("", ["Model ", lib.label, " is created from model package ", lib.text(ref), ", an unversioned package outside any model package group, with no approval status."]) if {
	some ref in refs
	p := resolve(ref)
	not versioned(p)
	not approval(ref)
}

violations contains concat("", ["Model ", lib.label, " references model package ", lib.text(ref), ", which was not found in the model registry."]) if {
	some ref in refs
	not found(ref)
	same_account(ref)
	coverage.region_collected(package_type)
}

same_account(ref) if not is_arn(ref)

same_account(ref) if arn_account(ref) == lib.resource.accountId

missing contains concat("", ["model package ", lib.text(ref), " is not in the inventory: ", lib.text(reason)]) if {
	some ref in refs
	not found(ref)
	same_account(ref)
	reason := coverage.region_uncollected_reason(package_type, "SageMaker model packages")
}

missing contains concat("", ["model package ", lib.text(ref), " belongs to account ", lib.text(arn_account(ref)), ", whose model registry is not in the inventory"]) if {
	some ref in refs
	not found(ref)
	not same_account(ref)
}

missing contains concat("", ["the settings of model package ", lib.text(ref), " are not in the inventory"]) if {
	some ref in refs
	p := resolve(ref)
	count(object.get(p, "configuration", {})) == 0
}

missing contains concat("", ["the approval status of model package ", lib.text(ref), " is not in the inventory"]) if {
	some ref in refs
	versioned(resolve(ref))
	not approval(ref)
}
