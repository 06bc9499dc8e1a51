package cafscan.tests.sagemaker_model_package_group_rollback_version

import data.cafscan.testing

id := "CAFAI-IR-03"

group := {
	"type": "AWS::SageMaker::ModelPackageGroup", "id": "churn",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model-package-group/churn",
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"ModelPackageGroupName": "churn", "ModelPackageGroupStatus": "Completed", "ModelPackageGroupPolicy": null},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::SageMaker::ModelPackageGroup", "AWS::SageMaker::ModelPackage"], {})

version_of(group_name, region, n, configuration) := {
	"type": "AWS::SageMaker::ModelPackage",
	"id": sprintf("arn:aws:sagemaker:%s:111122223333:model-package/%s/%d", [region, group_name, n]),
	"arn": sprintf("arn:aws:sagemaker:%s:111122223333:model-package/%s/%d", [region, group_name, n]),
	"name": sprintf("%s/%d", [group_name, n]), "accountId": "111122223333", "region": region,
	"configuration": object.union({"ModelPackageGroupName": group_name, "ModelPackageVersion": n, "ModelPackageStatus": "Completed"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

version(n, status) := version_of("churn", "us-east-1", n, {"ModelApprovalStatus": status})

test_fails_with_a_single_approved_version if {
	ctx := testing.context([collected, version(1, "Rejected"), version(2, "Approved"), version(3, "PendingManualApproval")])
	testing.status(id, group) == "fail" with data.inventory as ctx
	testing.messages(id, group) == ["Model package group churn has only one approved model package (churn/2): there is no earlier approved version to roll back to."] with data.inventory as ctx
}

test_fails_with_no_approved_version if {
	ctx := testing.context([collected, version(1, "PendingManualApproval")])
	testing.messages(id, group) == ["Model package group churn has no approved model package: there is no known good version to deploy or roll back to."] with data.inventory as ctx
}

test_fails_when_the_other_approved_version_failed if {
	failed := version_of("churn", "us-east-1", 1, {"ModelApprovalStatus": "Approved", "ModelPackageStatus": "Failed"})
	testing.status(id, group) == "fail" with data.inventory as testing.context([collected, failed, version(2, "Approved")])
}

test_fails_when_the_other_approved_version_is_still_being_created if {
	pending := version_of("churn", "us-east-1", 1, {"ModelApprovalStatus": "Approved", "ModelPackageStatus": "InProgress"})
	testing.status(id, group) == "fail" with data.inventory as testing.context([collected, pending, version(2, "Approved")])
}

test_not_evaluated_when_an_approved_version_has_no_status if {
	v1 := json.patch(version(1, "Approved"), [{"op": "remove", "path": "/configuration/ModelPackageStatus"}])
	ctx := testing.context([collected, v1, version(2, "Approved")])
	testing.status(id, group) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, group) == ["the status of approved model package churn/1 is not in the inventory"] with data.inventory as ctx
}

test_fails_when_approved_versions_belong_to_other_groups_or_regions if {
	ctx := testing.context([
		collected,
		version(2, "Approved"),
		version_of("fraud", "us-east-1", 1, {"ModelApprovalStatus": "Approved"}),
		version_of("churn", "eu-west-1", 1, {"ModelApprovalStatus": "Approved"}),
	])
	testing.status(id, group) == "fail" with data.inventory as ctx
}

test_fails_when_an_unknown_status_could_not_make_two if {
	unknown := version_of("churn", "us-east-1", 1, {})
	testing.status(id, group) == "fail" with data.inventory as testing.context([collected, unknown])
}

test_passes_with_two_approved_versions if {
	ctx := testing.context([collected, version(1, "Approved"), version(2, "Approved"), version(3, "Rejected")])
	testing.status(id, group) == "pass" with data.inventory as ctx
}

test_matches_versions_by_arn_when_the_group_name_is_not_recorded if {
	v1 := json.patch(version(1, "Approved"), [{"op": "remove", "path": "/configuration/ModelPackageGroupName"}])
	v2 := json.patch(version(2, "Approved"), [{"op": "remove", "path": "/configuration/ModelPackageGroupName"}])
	testing.status(id, group) == "pass" with data.inventory as testing.context([collected, v1, v2])
}

test_passes_when_packages_were_not_collected_but_two_are_approved if {
	testing.status(id, group) == "pass" with data.inventory as testing.context([account([], {}), version(1, "Approved"), version(2, "Approved")])
}

test_not_evaluated_when_packages_were_not_collected if {
	ctx := testing.context([account([], {"AWS::SageMaker::ModelPackage": "the model package groups could not be listed: AccessDeniedException"})])
	testing.status(id, group) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, group) == ["SageMaker model packages could not be collected for this account and region: the model package groups could not be listed: AccessDeniedException"] with data.inventory as ctx
}

test_not_evaluated_when_an_unknown_status_could_make_two if {
	unknown := version_of("churn", "us-east-1", 1, {})
	ctx := testing.context([collected, unknown, version(2, "Approved")])
	testing.messages(id, group) == ["the approval status of model package churn/1 is not in the inventory"] with data.inventory as ctx
}

test_not_applicable_to_a_group_without_packages if {
	testing.not_applicable(id, group) with data.inventory as testing.context([collected])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, version(1, "Approved")) with data.inventory as testing.context([collected])
}

# --- the group's name: ModelPackageGroupName, else the resource's label ---

test_finds_versions_by_the_recorded_group_name_or_the_label if {
	ctx := testing.context([collected, version(1, "Approved"), version(2, "Approved")])

	# As AWS Config may record it: the id is the ARN and the name field empty.
	config_shaped := object.union(group, {"id": "arn:aws:sagemaker:us-east-1:111122223333:model-package-group/churn", "name": ""})
	testing.status(id, config_shaped) == "pass" with data.inventory as ctx
	unnamed := json.patch(group, [{"op": "replace", "path": "/configuration/ModelPackageGroupName", "value": ""}])
	testing.status(id, unnamed) == "pass" with data.inventory as ctx
	null_name := json.patch(group, [{"op": "replace", "path": "/configuration/ModelPackageGroupName", "value": null}])
	testing.status(id, null_name) == "pass" with data.inventory as ctx
}

# --- unknowns that cannot change the verdict ---

# A rejected version whose status is unknown could never be a known good version.
test_an_unknown_status_of_a_rejected_version_does_not_matter if {
	rejected := json.patch(version(1, "Rejected"), [{"op": "remove", "path": "/configuration/ModelPackageStatus"}])
	testing.status(id, group) == "fail" with data.inventory as testing.context([collected, rejected, version(2, "Approved")])
}

# One approved version, even if usable, is not two.
test_fails_when_the_only_approved_version_has_no_status if {
	v1 := json.patch(version(1, "Approved"), [{"op": "remove", "path": "/configuration/ModelPackageStatus"}])
	testing.status(id, group) == "fail" with data.inventory as testing.context([collected, v1])
}

test_passes_with_two_approved_versions_whatever_else_is_unknown if {
	no_status := json.patch(version(3, "Approved"), [{"op": "remove", "path": "/configuration/ModelPackageStatus"}])
	ctx := testing.context([collected, version(1, "Approved"), version(2, "Approved"), no_status, version_of("churn", "us-east-1", 4, {})])
	testing.status(id, group) == "pass" with data.inventory as ctx
}
