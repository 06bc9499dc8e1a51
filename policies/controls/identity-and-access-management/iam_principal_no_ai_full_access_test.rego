package cafscan.tests.iam_principal_no_ai_full_access

import data.cafscan.testing

id := "CAFAI-IAM-02"

attachment(arn) := {"policyName": split(arn, "/")[count(split(arn, "/")) - 1], "policyArn": arn}

user(attached) := {
	"type": "AWS::IAM::User", "id": "AIDAEXAMPLE", "arn": "arn:aws:iam::111122223333:user/alice",
	"name": "alice", "accountId": "111122223333", "region": "global",
	"configuration": {"userName": "alice", "arn": "arn:aws:iam::111122223333:user/alice", "groupList": ["ml"], "attachedManagedPolicies": attached, "userPolicyList": []},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

group(attached) := {
	"type": "AWS::IAM::Group", "id": "AGPAEXAMPLE", "arn": "arn:aws:iam::111122223333:group/ml",
	"name": "ml", "accountId": "111122223333", "region": "global",
	"configuration": {"groupName": "ml", "arn": "arn:aws:iam::111122223333:group/ml", "attachedManagedPolicies": attached, "groupPolicyList": []},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_for_a_user_with_sagemaker_full_access if {
	r := user([attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"), attachment("arn:aws:iam::aws:policy/ReadOnlyAccess")])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["User alice has the AWS managed policy AmazonSageMakerFullAccess attached."]
}

test_fails_for_a_group_with_both if {
	r := group([attachment("arn:aws:iam::aws:policy/AmazonBedrockFullAccess"), attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == [
		"Group ml has the AWS managed policy AmazonBedrockFullAccess attached.",
		"Group ml has the AWS managed policy AmazonSageMakerFullAccess attached.",
	]
}

test_passes_with_scoped_policies if {
	testing.status(id, user([attachment("arn:aws:iam::aws:policy/AmazonSageMakerReadOnly")])) == "pass"
	testing.status(id, group([])) == "pass"
}

test_customer_managed_policy_with_the_same_name_is_not_flagged if {
	testing.status(id, user([attachment("arn:aws:iam::111122223333:policy/AmazonBedrockFullAccess")])) == "pass"
}

test_not_evaluated_without_attached_policies if {
	r := object.union(user([]), {"configuration": {"attachedManagedPolicies": null}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the attached managed policies are not in the inventory"]
}

test_not_applicable_to_roles if {
	testing.not_applicable(id, object.union(user([attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")]), {"type": "AWS::IAM::Role"}))
}
