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

document(statements) := {"Version": "2012-10-17", "Statement": statements}

allow(action, resource) := {"Effect": "Allow", "Action": action, "Resource": resource}

with_inline(r, docs) := object.union(r, {"configuration": {inline_key(r): [{"policyName": concat("", ["p", format_int(i, 10)]), "policyDocument": d} | some i, d in docs]}})

inline_key(r) := "userPolicyList" if r.type == "AWS::IAM::User"

else := "groupPolicyList"

customer_policy_arn := "arn:aws:iam::111122223333:policy/ml-builders"

customer_policy(doc) := {
	"type": "AWS::IAM::Policy", "id": "ANPAEXAMPLE", "arn": customer_policy_arn,
	"name": "ml-builders", "accountId": "111122223333", "region": "global",
	"configuration": {"policyName": "ml-builders", "arn": customer_policy_arn, "policyVersionList": [{"versionId": "v1", "isDefaultVersion": true, "document": doc}]},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_for_a_user_with_sagemaker_full_access if {
	r := user([attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"), attachment("arn:aws:iam::aws:policy/ReadOnlyAccess")])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["User alice has the AWS managed policy AmazonSageMakerFullAccess attached, which allows every SageMaker action."]
}

test_fails_for_a_group_with_both if {
	r := group([attachment("arn:aws:iam::aws:policy/AmazonBedrockFullAccess"), attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == [
		"Group ml has the AWS managed policy AmazonBedrockFullAccess attached, which allows every Bedrock action.",
		"Group ml has the AWS managed policy AmazonSageMakerFullAccess attached, which allows every SageMaker action.",
	]
}

test_fails_with_administrator_access if {
	testing.status(id, user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")])) == "fail"
	testing.messages(id, user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")])) == ["User alice has the AWS managed policy AdministratorAccess attached, which allows every SageMaker and Bedrock action."]
	testing.status(id, group([attachment("arn:aws-us-gov:iam::aws:policy/PowerUserAccess")])) == "fail"
	testing.messages(id, group([attachment("arn:aws-us-gov:iam::aws:policy/PowerUserAccess")])) == ["Group ml has the AWS managed policy PowerUserAccess attached, which allows every SageMaker and Bedrock action."]
}

# A full-access policy already seen fails the principal even when another attached policy is
# not in the inventory.
test_fails_on_a_certain_grant_when_another_policy_is_unknown if {
	r := user([attachment("arn:aws:iam::aws:policy/AmazonBedrockFullAccess"), attachment(customer_policy_arn)])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["User alice has the AWS managed policy AmazonBedrockFullAccess attached, which allows every Bedrock action."]
}

# job-function/DataScientist allows sagemaker:*; an AWS managed policy cafscan does not know may
# allow a whole service: unknown, never a pass.
test_aws_managed_policies_judged_by_name if {
	testing.messages(id, user([attachment("arn:aws:iam::aws:policy/job-function/DataScientist")])) == ["User alice has the AWS managed policy DataScientist attached, which allows every SageMaker action."]
	r := user([attachment("arn:aws:iam::aws:policy/AmazonQDeveloperAccess")])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == [
		"the AWS managed policy AmazonQDeveloperAccess is attached and cafscan does not know whether it allows every Amazon Bedrock action (AWS managed policies are judged by name)",
		"the AWS managed policy AmazonQDeveloperAccess is attached and cafscan does not know whether it allows every SageMaker AI action (AWS managed policies are judged by name)",
	]
	testing.status(id, user([attachment("arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess")])) == "pass"
}

test_fails_with_an_inline_policy_allowing_a_whole_service if {
	r := with_inline(user([]), [document([allow("sagemaker:*", "*")])])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["User alice has inline policy p0, which allows every SageMaker action on every resource."]
}

test_fails_with_an_inline_policy_allowing_everything if {
	r := with_inline(group([]), [document([allow("*", "*")])])
	testing.messages(id, r) == ["Group ml has inline policy p0, which allows every Bedrock and SageMaker action on every resource."]
}

test_fails_with_not_action if {
	r := with_inline(user([]), [document([{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}])])
	testing.status(id, r) == "fail"
}

test_fails_with_a_customer_managed_policy if {
	r := user([attachment(customer_policy_arn)])
	ctx := testing.context([customer_policy(document([allow(["Bedrock:*", "s3:GetObject"], ["*"])]))])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["User alice has customer managed policy ml-builders, which allows every Bedrock action on every resource."] with data.inventory as ctx
}

test_fails_with_not_resource if {
	# sagemaker:* on everything but models is still every action (on the other resources).
	r := with_inline(user([]), [
		document([allow("sagemaker:*", "arn:aws:sagemaker:*:*:model/*")]),
		document([{"Effect": "Allow", "Action": "sagemaker:*", "NotResource": "arn:aws:sagemaker:*:*:model/*"}]),
	])
	testing.status(id, r) == "fail"
}

test_passes_with_scoped_policies if {
	testing.status(id, user([attachment("arn:aws:iam::aws:policy/AmazonSageMakerReadOnly")])) == "pass"
	testing.status(id, group([])) == "pass"
	testing.status(id, with_inline(user([]), [document([allow(["sagemaker:Describe*", "sagemaker:List*", "bedrock:InvokeModel"], "*")])])) == "pass"
	testing.status(id, with_inline(user([]), [document([allow("sagemaker:*", "arn:aws:sagemaker:us-east-1:111122223333:model/churn")])])) == "pass"
}

test_passes_when_a_deny_in_another_policy_removes_the_service if {
	r := with_inline(group([]), [document([allow("sagemaker:*", "*")]), document([{"Effect": "Deny", "Action": "sagemaker:*", "Resource": "*"}])])
	testing.status(id, r) == "pass"
}

test_passes_when_a_deny_removes_the_service if {
	r := with_inline(user([]), [document([allow("*", "*"), {"Effect": "Deny", "Action": ["sagemaker:*", "bedrock:*"], "Resource": "*"}])])
	testing.status(id, r) == "pass"
}

test_customer_managed_policy_with_the_same_name_is_judged_by_its_document if {
	arn := "arn:aws:iam::111122223333:policy/AmazonBedrockFullAccess"
	scoped := object.union(customer_policy(document([allow("bedrock:InvokeModel", "*")])), {"arn": arn})
	testing.status(id, user([attachment(arn)])) == "pass" with data.inventory as testing.context([scoped])
}

test_not_evaluated_without_attached_policies if {
	r := object.union(user([]), {"configuration": {"attachedManagedPolicies": null}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the attached managed policies are not in the inventory"]
}

# A source that lists users without their policies: absent is unknown, not "none".
test_not_evaluated_when_policy_lists_are_absent if {
	r := json.remove(user([]), ["configuration/attachedManagedPolicies", "configuration/userPolicyList"])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the attached managed policies are not in the inventory", "the inline policies are not in the inventory"]
}

test_not_evaluated_when_a_customer_managed_policy_is_unknown if {
	r := user([attachment(customer_policy_arn)])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == [concat("", ["the attached policy ", customer_policy_arn, " is not in the inventory"])]
}

test_not_applicable_to_roles if {
	testing.not_applicable(id, object.union(user([attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")]), {"type": "AWS::IAM::Role"}))
}
