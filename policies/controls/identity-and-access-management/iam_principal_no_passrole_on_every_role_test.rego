package cafscan.tests.iam_principal_no_passrole_on_every_role

import data.cafscan.testing

id := "CAFAI-IAM-80"

statement(fields) := object.union({"Effect": "Allow"}, fields)

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

inline(d) := [{"policyName": "pass", "policyDocument": d}]

user(attached, policies) := {
	"type": "AWS::IAM::User", "id": "AIDAEXAMPLE", "arn": "arn:aws:iam::111122223333:user/ml-engineer",
	"name": "ml-engineer", "accountId": "111122223333", "region": "global",
	"configuration": {"userName": "ml-engineer", "arn": "arn:aws:iam::111122223333:user/ml-engineer", "attachedManagedPolicies": attached, "userPolicyList": policies, "groupList": []},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

role(attached, policies) := {
	"type": "AWS::IAM::Role", "id": "AROAEXAMPLE", "arn": "arn:aws:iam::111122223333:role/pipeline",
	"name": "pipeline", "accountId": "111122223333", "region": "global",
	"configuration": {
		"roleName": "pipeline", "arn": "arn:aws:iam::111122223333:role/pipeline",
		"assumeRolePolicyDocument": doc([{"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]),
		"attachedManagedPolicies": attached, "rolePolicyList": policies,
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

group(attached, policies) := {
	"type": "AWS::IAM::Group", "id": "AGPAEXAMPLE", "arn": "arn:aws:iam::111122223333:group/ml",
	"name": "ml", "accountId": "111122223333", "region": "global",
	"configuration": {"groupName": "ml", "arn": "arn:aws:iam::111122223333:group/ml", "attachedManagedPolicies": attached, "groupPolicyList": policies},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

attachment(arn) := {"policyName": split(arn, "/")[count(split(arn, "/")) - 1], "policyArn": arn}

pass_any := doc([statement({"Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}})])

pass_scoped := doc([statement({"Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-*"})])

customer_policy_arn := "arn:aws:iam::111122223333:policy/ml-pass"

customer_policy(d) := {
	"type": "AWS::IAM::Policy", "id": "ANPAEXAMPLE", "arn": customer_policy_arn,
	"name": "ml-pass", "accountId": "111122223333", "region": "global",
	"configuration": {"policyName": "ml-pass", "arn": customer_policy_arn, "policyVersionList": [{"versionId": "v1", "isDefaultVersion": true, "document": d}]},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_with_passrole_on_every_role if {
	r := user([], inline(pass_any))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["User ml-engineer has inline policy pass, which allows iam:PassRole on every role."]
}

test_fails_with_iam_full_access if {
	r := role([attachment("arn:aws:iam::aws:policy/IAMFullAccess")], [])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role pipeline has the AWS managed policy IAMFullAccess attached, which allows iam:PassRole on every role."]
}

test_fails_with_a_customer_managed_policy if {
	r := group([attachment(customer_policy_arn)], [])
	ctx := testing.context([customer_policy(pass_any)])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Group ml has customer managed policy ml-pass, which allows iam:PassRole on every role."] with data.inventory as ctx
}

# AmazonBedrockFullAccess passes only roles named *AmazonBedrock* (AWS managed policy reference).
test_passes_with_passrole_on_named_roles if {
	testing.status(id, user([attachment("arn:aws:iam::aws:policy/AmazonBedrockFullAccess")], inline(pass_scoped))) == "pass"
	testing.status(id, role([attachment(customer_policy_arn)], [])) == "pass" with data.inventory as testing.context([customer_policy(pass_scoped)])
}

# AmazonSageMakerFullAccess's statement AllowPassRoleToSageMaker allows iam:PassRole on
# arn:aws:iam::*:role/* when the role is passed to SageMaker AI: every role, as the rule counts it.
test_fails_with_amazon_sagemaker_full_access if {
	r := user([attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")], [])
	testing.messages(id, r) == ["User ml-engineer has the AWS managed policy AmazonSageMakerFullAccess attached, which allows iam:PassRole on every role."]
}

# An AWS managed policy cafscan does not know may allow it: unknown, never a pass.
test_not_evaluated_with_an_unknown_aws_managed_policy if {
	r := user([attachment("arn:aws:iam::aws:policy/AdministratorAccess-Amplify")], [])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the AWS managed policy AdministratorAccess-Amplify is attached and cafscan does not know whether it allows iam:PassRole on every role (AWS managed policies are judged by name)"]
	known := user([attachment("arn:aws:iam::aws:policy/ReadOnlyAccess"), attachment("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")], [])
	testing.status(id, known) == "pass"

	# AmazonBedrockLimitedAccess is known for the other questions, not this one.
	testing.status(id, user([attachment("arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess")], [])) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(user([], inline(pass_any)), {"type": "AWS::IAM::Policy"}))
}

test_not_evaluated_when_an_attached_policy_is_not_in_the_inventory if {
	r := group([attachment(customer_policy_arn)], [])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == [concat("", ["the attached policy ", customer_policy_arn, " is not in the inventory"])]
}

test_not_evaluated_when_policy_lists_are_absent if {
	r := json.remove(role([], []), ["configuration/attachedManagedPolicies", "configuration/rolePolicyList"])
	testing.status(id, r) == "not_evaluated"
}

test_a_certain_violation_wins_over_missing_policies if {
	testing.status(id, group([attachment(customer_policy_arn), attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [])) == "fail"
}

every_role := [
	statement({"Action": "iam:PassRole", "Resource": "*"}),
	statement({"Action": ["iam:PassRole"], "Resource": ["arn:aws:iam::*:role/*"]}),
	statement({"Action": "iam:passrole", "Resource": "arn:aws:iam::111122223333:role/*"}),
	statement({"Action": "iam:Pass*", "Resource": "arn:aws:iam::111122223333:*"}),
	statement({"Action": "iam:*", "Resource": "*"}),
	statement({"Action": "*", "Resource": "*"}),
	statement({"NotAction": "s3:*", "Resource": "*"}),
	statement({"Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/admin"}),
	statement({"Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "bedrock.amazonaws.com"}}}),
]

test_fails_with_each_grant_on_every_role if {
	passing := [s | some s in every_role; testing.status(id, user([], inline(doc([s])))) != "fail"]
	passing == []
}

named_roles := [
	statement({"Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/sagemaker-exec"}),
	statement({"Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/service-role/*"}),
	statement({"Action": "iam:GetRole", "Resource": "*"}),
	statement({"NotAction": ["iam:*"], "Resource": "*"}),
	{"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"},
]

test_passes_with_each_grant_short_of_every_role if {
	failing := [s | some s in named_roles; testing.status(id, user([], inline(doc([s])))) != "pass"]
	failing == []
}

# An explicit, unconditional Deny in another policy removes the grant.
test_passes_when_another_policy_denies_passrole if {
	r := user([], [
		{"policyName": "pass", "policyDocument": pass_any},
		{"policyName": "guard", "policyDocument": doc([{"Effect": "Deny", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"}])},
	])
	testing.status(id, r) == "pass"
}

# A conditional Deny may not apply: the grant stands.
test_fails_when_the_deny_is_conditional if {
	r := user([], [
		{"policyName": "pass", "policyDocument": pass_any},
		{"policyName": "guard", "policyDocument": doc([{"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}])},
	])
	testing.status(id, r) == "fail"
}

test_names_only_the_policy_that_grants if {
	r := user([], [
		{"policyName": "pass", "policyDocument": pass_any},
		{"policyName": "scoped", "policyDocument": pass_scoped},
	])
	testing.messages(id, r) == ["User ml-engineer has inline policy pass, which allows iam:PassRole on every role."]
}
