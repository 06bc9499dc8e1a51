package cafscan.tests.sagemaker_model_from_approved_package

import data.cafscan.testing

id := "CAFAI-SG-04"

model(configuration) := {
	"type": "AWS::SageMaker::Model", "id": "churn-v7",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model/churn-v7",
	"name": "churn-v7", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

package_arn := "arn:aws:sagemaker:us-east-1:111122223333:model-package/churn/7"

from_package(ref) := model({"ModelName": "churn-v7", "PrimaryContainer": {"ModelPackageName": ref}})

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::SageMaker::ModelPackageGroup", "AWS::SageMaker::ModelPackage"], {})

versioned(arn, account_id, status) := {
	"type": "AWS::SageMaker::ModelPackage", "id": arn, "arn": arn,
	"name": "churn/7", "accountId": account_id, "region": "us-east-1",
	"configuration": {
		"ModelPackageArn": arn, "ModelPackageName": "churn", "ModelPackageGroupName": "churn",
		"ModelPackageVersion": 7, "ModelApprovalStatus": status, "ModelPackageStatus": "Completed",
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

registered(status) := versioned(package_arn, "111122223333", status)

unversioned := {
	"type": "AWS::SageMaker::ModelPackage", "id": "arn:aws:sagemaker:us-east-1:111122223333:model-package/churn-xgb",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model-package/churn-xgb",
	"name": "churn-xgb", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"ModelPackageArn": "arn:aws:sagemaker:us-east-1:111122223333:model-package/churn-xgb", "ModelPackageName": "churn-xgb", "ModelPackageStatus": "Completed"},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

image_only := model({"ModelName": "churn-v7", "PrimaryContainer": {"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/churn:7", "ModelDataUrl": "s3://models/churn/7/model.tar.gz"}})

test_fails_for_a_model_built_from_an_image if {
	testing.status(id, image_only) == "fail" with data.inventory as testing.context([collected])
	testing.messages(id, image_only) == ["Model churn-v7 is not created from a model package in the SageMaker Model Registry."] with data.inventory as testing.context([collected])
}

test_fails_for_a_pipeline_container_built_from_an_image if {
	r := model({"ModelName": "churn-v7", "Containers": [
		{"ContainerHostname": "preprocess", "Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/prep:1"},
		{"ContainerHostname": "predict", "ModelPackageName": package_arn},
	]})
	ctx := testing.context([collected, registered("Approved")])
	testing.messages(id, r) == ["Model churn-v7 has a container (preprocess) that is not created from a model package in the SageMaker Model Registry."] with data.inventory as ctx
}

test_fails_when_the_package_is_pending_approval if {
	r := from_package(package_arn)
	ctx := testing.context([collected, registered("PendingManualApproval")])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == [sprintf("Model churn-v7 is created from model package %s, whose approval status is PendingManualApproval.", [package_arn])] with data.inventory as ctx
}

test_fails_when_the_package_is_rejected if {
	testing.status(id, from_package(package_arn)) == "fail" with data.inventory as testing.context([collected, registered("Rejected")])
}

test_fails_when_the_package_is_not_found if {
	r := from_package(package_arn)
	testing.messages(id, r) == [sprintf("Model churn-v7 references model package %s, which was not found in the model registry.", [package_arn])] with data.inventory as testing.context([collected])
}

test_fails_for_an_unversioned_package if {
	r := from_package("churn-xgb")
	testing.messages(id, r) == ["Model churn-v7 is created from model package churn-xgb, an unversioned package outside any model package group, with no approval status."] with data.inventory as testing.context([collected, unversioned])
}

test_passes_with_an_approved_package_by_arn if {
	testing.status(id, from_package(package_arn)) == "pass" with data.inventory as testing.context([collected, registered("Approved")])
}

test_passes_with_an_approved_package_by_name if {
	testing.status(id, from_package("churn/7")) == "pass" with data.inventory as testing.context([collected, registered("Approved")])
}

test_passes_with_a_pipeline_of_approved_packages if {
	r := model({"ModelName": "churn-v7", "Containers": [{"ModelPackageName": package_arn}, {"ModelPackageName": package_arn}]})
	testing.status(id, r) == "pass" with data.inventory as testing.context([collected, registered("Approved")])
}

test_passes_with_an_approved_package_of_another_scanned_account if {
	arn := "arn:aws:sagemaker:us-east-1:444455556666:model-package/churn/7"
	testing.status(id, from_package(arn)) == "pass" with data.inventory as testing.context([collected, versioned(arn, "444455556666", "Approved")])
}

test_not_evaluated_when_packages_were_not_collected if {
	r := from_package(package_arn)
	ctx := testing.context([account([], {})])
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == [sprintf("model package %s is not in the inventory: SageMaker model packages were not collected for this account and region", [package_arn])] with data.inventory as ctx
}

test_not_evaluated_for_a_package_of_another_account if {
	r := from_package("arn:aws:sagemaker:us-east-1:444455556666:model-package/churn/7")
	testing.messages(id, r) == ["model package arn:aws:sagemaker:us-east-1:444455556666:model-package/churn/7 belongs to account 444455556666, whose model registry is not in the inventory"] with data.inventory as testing.context([collected])
}

test_not_evaluated_when_the_approval_status_is_unknown if {
	p := json.patch(registered("Approved"), [{"op": "remove", "path": "/configuration/ModelApprovalStatus"}])
	testing.status(id, from_package(package_arn)) == "not_evaluated" with data.inventory as testing.context([collected, p])
}

test_not_evaluated_without_configuration if {
	ctx := testing.context([collected])
	testing.status(id, model({})) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, model({})) == ["the model's configuration is not in the inventory"] with data.inventory as ctx
}

# A snapshot that records the model but neither container (null in a Config item) says nothing
# about where the model came from.
test_not_evaluated_when_the_containers_are_not_recorded if {
	ctx := testing.context([collected, registered("Approved")])
	every r in [
		model({"ModelName": "churn-v7"}),
		model({"ModelName": "churn-v7", "PrimaryContainer": null, "Containers": null}),
		model({"ModelName": "churn-v7", "Containers": []}),
	] {
		testing.status(id, r) == "not_evaluated" with data.inventory as ctx
		testing.messages(id, r) == ["the model's containers are not in the inventory"] with data.inventory as ctx
	}
}

# Config items carry absent keys as null: an image container with a null or empty
# ModelPackageName is not from a package.
test_fails_for_an_image_container_with_a_null_or_empty_package_name if {
	ctx := testing.context([collected, registered("Approved")])
	every ref in [null, ""] {
		r := model({"ModelName": "churn-v7", "PrimaryContainer": {"ModelPackageName": ref, "Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/churn:7"}})
		testing.messages(id, r) == ["Model churn-v7 is not created from a model package in the SageMaker Model Registry."] with data.inventory as ctx
	}
}

test_passes_with_a_pipeline_of_approved_packages_and_a_null_primary_container if {
	r := model({"ModelName": "churn-v7", "PrimaryContainer": null, "Containers": [{"ModelPackageName": package_arn}, {"ModelPackageName": "churn/7"}]})
	testing.status(id, r) == "pass" with data.inventory as testing.context([collected, registered("Approved")])
}

# A pipeline container is named by its host name, else its image, else its position.
test_names_a_pipeline_container_by_its_image_or_position if {
	r := model({"ModelName": "churn-v7", "Containers": [
		{"ContainerHostname": null, "Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/prep:1"},
		{"ModelPackageName": package_arn},
		{"ContainerHostname": null, "Image": null, "ModelDataUrl": "s3://models/churn/7/post.tar.gz"},
	]})
	testing.messages(id, r) == [
		"Model churn-v7 has a container (#3) that is not created from a model package in the SageMaker Model Registry.",
		"Model churn-v7 has a container (111122223333.dkr.ecr.us-east-1.amazonaws.com/prep:1) that is not created from a model package in the SageMaker Model Registry.",
	] with data.inventory as testing.context([collected, registered("Approved")])
}

# A reference by name only matches a package of the model's own account and region with that
# name: another version, another group's name or the same name in another region is not it.
test_fails_when_no_package_of_the_region_has_the_name if {
	west := object.union(versioned("arn:aws:sagemaker:us-west-2:111122223333:model-package/churn/8", "111122223333", "Approved"), {"name": "churn/8", "region": "us-west-2"})
	ctx := testing.context([collected, registered("Approved"), unversioned, west])
	every ref in ["churn/8", "churn", "churn-lgbm"] {
		r := from_package(ref)
		testing.status(id, r) == "fail" with data.inventory as ctx
		testing.messages(id, r) == [sprintf("Model churn-v7 references model package %s, which was not found in the model registry.", [ref])] with data.inventory as ctx
	}
}

# SageMaker ARNs are lower case; a reference that spells the ARN in another case is the same package.
test_passes_with_an_approved_package_by_arn_in_another_case if {
	r := from_package("arn:aws:sagemaker:us-east-1:111122223333:model-package/Churn/7")
	testing.status(id, r) == "pass" with data.inventory as testing.context([collected, registered("Approved")])
}

# An unversioned package is found by its ModelPackageName whatever name the inventory gives it.
test_fails_for_an_unversioned_package_named_otherwise_in_the_inventory if {
	p := object.union(unversioned, {"name": unversioned.arn})
	testing.messages(id, from_package("churn-xgb")) == ["Model churn-v7 is created from model package churn-xgb, an unversioned package outside any model package group, with no approval status."] with data.inventory as testing.context([collected, p])
}

# AWS gives unversioned packages no approval status; if a source records one anyway, the model
# is judged on it, and not also called a package "with no approval status".
test_an_unversioned_package_with_a_status_is_judged_on_it if {
	p := json.patch(unversioned, [{"op": "add", "path": "/configuration/ModelApprovalStatus", "value": "Rejected"}])
	testing.messages(id, from_package("churn-xgb")) == ["Model churn-v7 is created from model package churn-xgb, whose approval status is Rejected."] with data.inventory as testing.context([collected, p])
}

test_fails_for_an_unversioned_package_with_few_settings_recorded if {
	p := json.patch(unversioned, [{"op": "replace", "path": "/configuration", "value": {"ModelPackageName": "churn-xgb"}}])
	testing.messages(id, from_package("churn-xgb")) == ["Model churn-v7 is created from model package churn-xgb, an unversioned package outside any model package group, with no approval status."] with data.inventory as testing.context([collected, p])
}

test_not_evaluated_when_the_package_settings_are_not_in_the_inventory if {
	p := json.patch(registered("Approved"), [{"op": "replace", "path": "/configuration", "value": {}}])
	r := from_package(package_arn)
	testing.messages(id, r) == [sprintf("the settings of model package %s are not in the inventory", [package_arn])] with data.inventory as testing.context([collected, p])
}

# A version whose number or status the source did not record (only its group) is still a
# version whose approval is unknown; a null status is unknown too.
test_not_evaluated_when_the_approval_status_of_a_version_is_not_recorded if {
	r := from_package(package_arn)
	every patch in [
		[{"op": "replace", "path": "/configuration", "value": {"ModelPackageGroupName": "churn"}}],
		[{"op": "replace", "path": "/configuration/ModelApprovalStatus", "value": null}],
	] {
		ctx := testing.context([collected, json.patch(registered("Approved"), patch)])
		testing.status(id, r) == "not_evaluated" with data.inventory as ctx
		testing.messages(id, r) == [sprintf("the approval status of model package %s is not in the inventory", [package_arn])] with data.inventory as ctx
	}
}

# Coverage only matters for packages that were not found: one that is in the inventory is
# judged even when the account's collection record is missing (a Config snapshot has none).
test_passes_with_an_approved_package_without_a_coverage_record if {
	testing.status(id, from_package(package_arn)) == "pass" with data.inventory as testing.context([registered("Approved")])
}

test_not_evaluated_for_a_package_of_another_account_when_packages_were_not_collected if {
	r := from_package("arn:aws:sagemaker:us-east-1:444455556666:model-package/churn/7")
	testing.messages(id, r) == ["model package arn:aws:sagemaker:us-east-1:444455556666:model-package/churn/7 belongs to account 444455556666, whose model registry is not in the inventory"] with data.inventory as testing.context([account([], {})])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, registered("Rejected")) with data.inventory as testing.context([collected])
}
