package cafscan.tests.ai_service_role_not_admin

import data.cafscan.testing

id := "CAFAI-IAM-01"

trust(service) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}

document(action, resource) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]}

scoped := document(["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::training-data", "arn:aws:s3:::training-data/*"])

admin := document("*", "*")

role(service, attached, inline) := {
	"type": "AWS::IAM::Role", "id": "AROAEXAMPLE", "arn": "arn:aws:iam::111122223333:role/sm-exec",
	"name": "sm-exec", "accountId": "111122223333", "region": "global",
	"configuration": {
		"roleName": "sm-exec", "path": "/", "arn": "arn:aws:iam::111122223333:role/sm-exec",
		"assumeRolePolicyDocument": trust(service),
		"attachedManagedPolicies": attached,
		"rolePolicyList": inline,
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

attachment(arn) := {"policyName": split(arn, "/")[count(split(arn, "/")) - 1], "policyArn": arn}

customer_policy_arn := "arn:aws:iam::111122223333:policy/ml-training"

customer_policy(default_document) := {
	"type": "AWS::IAM::Policy", "id": "ANPAEXAMPLE", "arn": customer_policy_arn,
	"name": "ml-training", "accountId": "111122223333", "region": "global",
	"configuration": {
		"policyName": "ml-training", "arn": customer_policy_arn, "defaultVersionId": "v2",
		"policyVersionList": [
			{"versionId": "v1", "isDefaultVersion": false, "document": admin},
			{"versionId": "v2", "isDefaultVersion": true, "document": default_document},
		],
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_with_administrator_access if {
	r := role("sagemaker.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role sm-exec, assumable by sagemaker.amazonaws.com, has the AWS managed policy AdministratorAccess attached."]
}

# AWS managed policies are judged by name: one cafscan does not know (AdministratorAccess-Amplify
# is as powerful as AdministratorAccess, AWS says) leaves the role unknown, never passed.
test_not_evaluated_with_an_unknown_aws_managed_policy if {
	r := role("sagemaker.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AdministratorAccess-Amplify")], [])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the AWS managed policy AdministratorAccess-Amplify is attached and cafscan does not know whether it allows administrator access (AWS managed policies are judged by name)"]
	known := role("sagemaker.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"), attachment("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")], [])
	testing.status(id, known) == "pass"
	either := role("sagemaker.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AdministratorAccess-Amplify"), attachment("arn:aws:iam::aws:policy/IAMFullAccess")], [])
	testing.status(id, either) == "fail"
}

# iam:CreatePolicyVersion acts on the policy, not the role: allowed on a customer managed policy
# attached to the role, it lets the role write itself a new default version.
test_fails_when_the_role_can_rewrite_its_attached_policy if {
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	ctx := testing.context([customer_policy(document(["s3:GetObject", "iam:CreatePolicyVersion"], ["arn:aws:s3:::training-data/*", customer_policy_arn]))])
	testing.messages(id, r) == ["Role sm-exec, assumable by sagemaker.amazonaws.com, has customer managed policy ml-training, which gives administrator access: it allows iam:CreatePolicyVersion on its attached policy ml-training, so the role can rewrite its own permissions."] with data.inventory as ctx
	other := testing.context([customer_policy(document("iam:CreatePolicyVersion", "arn:aws:iam::111122223333:policy/someone-else"))])
	testing.status(id, r) == "pass" with data.inventory as other
}

test_fails_with_an_admin_inline_policy if {
	r := role(["bedrock.amazonaws.com", "lambda.amazonaws.com"], [], [{"policyName": "everything", "policyDocument": admin}])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role sm-exec, assumable by bedrock.amazonaws.com, has inline policy everything, which gives administrator access: it allows every action on every resource."]
}

test_fails_with_an_admin_customer_managed_policy if {
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	ctx := testing.context([customer_policy(admin)])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Role sm-exec, assumable by sagemaker.amazonaws.com, has customer managed policy ml-training, which gives administrator access: it allows every action on every resource."] with data.inventory as ctx
}

test_passes_with_scoped_policies if {
	r := role(
		"sagemaker.amazonaws.com", [
			attachment(customer_policy_arn),
			attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"),
		],
		[{"policyName": "read-data", "policyDocument": scoped}],
	)
	testing.status(id, r) == "pass" with data.inventory as testing.context([customer_policy(scoped)])
}

test_only_the_default_version_counts if {
	# v1 of the policy is admin, but v2 (the default) is scoped.
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	testing.status(id, r) == "pass" with data.inventory as testing.context([customer_policy(scoped)])
}

test_not_evaluated_when_an_attached_policy_is_not_in_the_inventory if {
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == [sprintf("the attached policy %s is not in the inventory", [customer_policy_arn])]
}

test_a_certain_violation_wins_over_missing_policies if {
	r := role(
		"sagemaker.amazonaws.com", [
			attachment(customer_policy_arn),
			attachment("arn:aws:iam::aws:policy/AdministratorAccess"),
		],
		[],
	)
	testing.status(id, r) == "fail"
}

test_not_evaluated_when_an_inline_policy_was_not_decoded if {
	r := role("sagemaker.amazonaws.com", [], [{"policyName": "garbled", "policyDocument": "%7Bbroken"}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the inline policy garbled could not be decoded"]
}

test_not_evaluated_without_the_trust_policy if {
	r := object.union(role("sagemaker.amazonaws.com", [], []), {"configuration": {"assumeRolePolicyDocument": null}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the role's trust policy is not in the inventory"]
}

test_not_applicable_to_roles_other_services_assume if {
	testing.not_applicable(id, role("ec2.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AdministratorAccess")], []))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(role("sagemaker.amazonaws.com", [], []), {"type": "AWS::IAM::User"}))
}

inline(doc) := [{"policyName": "p", "policyDocument": doc}]

statement(fields) := {"Version": "2012-10-17", "Statement": [object.union({"Effect": "Allow"}, fields)]}

# Administrator equivalents other than the literal "*" on "*".
admin_equivalents := [
	statement({"Action": "*:*", "Resource": "*"}),
	statement({"Action": ["s3:GetObject", "*"], "Resource": ["*"]}),
	statement({"Action": "iam:*", "Resource": "*"}),
	statement({"Action": "IAM:*", "Resource": "*"}),
	statement({"NotAction": "s3:*", "Resource": "*"}),
	statement({"NotAction": ["iam:CreateUser"], "Resource": "*"}),
	statement({"Action": "*", "NotResource": "arn:aws:s3:::secret-bucket/*"}),
	statement({"Action": "iam:PutRolePolicy", "Resource": "arn:aws:iam::111122223333:role/sm-exec"}),
	statement({"Action": "iam:AttachRolePolicy", "Resource": "arn:aws:iam::111122223333:role/*"}),
	{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}},
	statement({"Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}),
]

test_fails_with_administrator_equivalents if {
	passing := [d | some d in admin_equivalents; testing.status(id, role("sagemaker.amazonaws.com", [], inline(d))) != "fail"]
	passing == []
}

test_fails_with_iam_full_access if {
	testing.status(id, role("sagemaker.amazonaws.com", [attachment("arn:aws:iam::aws:policy/IAMFullAccess")], [])) == "fail"
}

test_names_the_policy_that_gives_administrator_access if {
	r := role("sagemaker.amazonaws.com", [], [
		{"policyName": "data", "policyDocument": statement({"Action": "s3:*", "Resource": "*"})},
		{"policyName": "escalate", "policyDocument": statement({"Action": "iam:PutRolePolicy", "Resource": "arn:aws:iam::111122223333:role/*"})},
	])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role sm-exec, assumable by sagemaker.amazonaws.com, has inline policy escalate, which gives administrator access: it allows iam:PutRolePolicy on the role itself, so the role can grant itself any permission."]
}

not_admin := [
	statement({"Action": "*", "Resource": ["arn:aws:s3:::training-data", "arn:aws:s3:::training-data/*"]}),
	statement({"NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"}),
	statement({"NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"}),
	statement({"Action": ["iam:Get*", "iam:List*"], "Resource": "*"}),
	statement({"Action": "iam:PutRolePolicy", "Resource": "arn:aws:iam::111122223333:role/other-team/*"}),
	{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]},
]

test_passes_with_policies_that_are_not_admin if {
	failing := [d | some d in not_admin; testing.status(id, role("sagemaker.amazonaws.com", [], inline(d))) != "pass"]
	failing == []
}

# A Deny in one policy removes the Allow of another (explicit Deny wins).
test_passes_when_another_policy_denies_iam if {
	r := role("sagemaker.amazonaws.com", [], [
		{"policyName": "everything", "policyDocument": admin},
		{"policyName": "guard", "policyDocument": {"Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}},
	])
	testing.status(id, r) == "pass"
}

# A source that lists roles without their policies (ListRoles): absent lists are unknown.
test_not_evaluated_when_policy_lists_are_absent if {
	r := json.remove(role("sagemaker.amazonaws.com", [], []), ["configuration/attachedManagedPolicies", "configuration/rolePolicyList"])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the attached managed policies are not in the inventory", "the inline policies are not in the inventory"]
}

test_not_evaluated_when_the_default_version_is_not_recorded if {
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	p := json.remove(customer_policy(admin), ["configuration/policyVersionList"])
	testing.messages(id, r) == [concat("", ["the default version of the attached policy ", customer_policy_arn, " is not in the inventory"])] with data.inventory as testing.context([p])
}

# Administrator access on a role whose trust policy is unknown: whether an AI service assumes it
# is not known, so the verdict is not evaluated rather than a failure of an AI role.
test_not_evaluated_with_administrator_access_and_no_trust_policy if {
	for_attached := object.union(role("sagemaker.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AdministratorAccess")], []), {"configuration": {"assumeRolePolicyDocument": null}})
	testing.status(id, for_attached) == "not_evaluated"
	testing.messages(id, for_attached) == ["the role's trust policy is not in the inventory"]
	for_inline := object.union(role("sagemaker.amazonaws.com", [], [{"policyName": "everything", "policyDocument": admin}]), {"configuration": {"assumeRolePolicyDocument": null}})
	testing.status(id, for_inline) == "not_evaluated"
	testing.messages(id, for_inline) == ["the role's trust policy is not in the inventory"]
}
