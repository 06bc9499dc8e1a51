package cafscan.tests.sagemaker_model_package_group_policy_not_public

import data.cafscan.testing

id := "CAFAI-SG-05"

group_with(configuration) := {
	"type": "AWS::SageMaker::ModelPackageGroup", "id": "churn",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model-package-group/churn",
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"ModelPackageGroupName": "churn", "ModelPackageGroupStatus": "Completed"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

group(policy) := group_with({"ModelPackageGroupPolicy": policy})

read_actions := ["sagemaker:DescribeModelPackageGroup", "sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"]

statement(principal, condition) := object.union(
	{"Sid": "Share", "Effect": "Allow", "Principal": principal, "Action": read_actions, "Resource": "*"},
	condition,
)

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

test_fails_when_shared_with_everyone if {
	r := group(doc([statement({"AWS": "*"}, {})]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model package group churn has a resource policy statement (\"Share\") that allows any AWS principal without restricting it to known accounts or an organization."]
}

test_fails_with_a_bare_star_principal_and_single_statement if {
	r := group({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "sagemaker:*", "Resource": "*"}})
	testing.messages(id, r) == ["Model package group churn has a resource policy statement (#1) that allows any AWS principal without restricting it to known accounts or an organization."]
}

test_fails_with_allow_not_principal if {
	r := group(doc([{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": read_actions, "Resource": "*"}]))
	testing.status(id, r) == "fail"
}

test_fails_when_the_condition_does_not_restrict_the_caller if {
	r := group(doc([statement({"AWS": ["*"]}, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})]))
	testing.status(id, r) == "fail"
}

test_fails_when_the_org_condition_only_applies_if_present if {
	r := group(doc([statement({"AWS": "*"}, {"Condition": {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}})]))
	testing.status(id, r) == "fail"
}

test_fails_when_the_account_condition_is_a_wildcard if {
	r := group(doc([statement({"AWS": "*"}, {"Condition": {"StringLike": {"aws:PrincipalAccount": "*"}}})]))
	testing.status(id, r) == "fail"
}

test_fails_when_decoding_a_policy_string_shows_it_public if {
	r := group(json.marshal(doc([statement("*", {})])))
	testing.status(id, r) == "fail"
}

test_passes_without_a_policy if testing.status(id, group(null)) == "pass"

test_passes_when_restricted_to_the_organization if {
	r := group(doc([statement({"AWS": "*"}, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})]))
	testing.status(id, r) == "pass"
}

test_passes_when_restricted_to_accounts if {
	r := group(doc([statement({"AWS": "*"}, {"Condition": {"StringEquals": {"aws:PrincipalAccount": ["444455556666", "777788889999"]}}})]))
	testing.status(id, r) == "pass"
}

test_passes_when_shared_with_a_named_account if {
	testing.status(id, group(doc([statement({"AWS": "arn:aws:iam::444455556666:root"}, {})]))) == "pass"
}

test_passes_with_a_public_deny if {
	r := group(doc([object.union(statement("*", {}), {"Effect": "Deny"})]))
	testing.status(id, r) == "pass"
}

test_not_evaluated_when_the_policy_could_not_be_read if {
	r := object.union(group_with({}), {"collectionErrors": {"ModelPackageGroupPolicy": "GetModelPackageGroupPolicy: AccessDeniedException"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the model package group's resource policy could not be read: GetModelPackageGroupPolicy: AccessDeniedException"]
}

test_not_evaluated_when_the_policy_is_not_recorded if {
	testing.messages(id, group_with({})) == ["the model package group's resource policy is not in the inventory"]
}

test_not_evaluated_when_the_policy_cannot_be_decoded if {
	testing.status(id, group("{not json")) == "not_evaluated"
	testing.messages(id, group("{not json")) == ["the model package group's resource policy could not be decoded"]
}

# Valid JSON that is no policy document (a list, a bare string) is as unknown as invalid JSON.
test_not_evaluated_when_the_policy_string_is_not_a_document if {
	testing.messages(id, group("[]")) == ["the model package group's resource policy could not be decoded"]
	testing.messages(id, group("\"*\"")) == ["the model package group's resource policy could not be decoded"]
	testing.status(id, group(["*"])) == "not_evaluated"
}

# The collector records a failed read as a message string; anything else there says nothing
# more than that the policy is absent.
test_not_evaluated_when_the_read_error_is_not_a_message if {
	r := object.union(group_with({}), {"collectionErrors": {"ModelPackageGroupPolicy": {"Code": "AccessDeniedException"}}})
	testing.messages(id, r) == ["the model package group's resource policy is not in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(group(doc([statement("*", {})])), {"type": "AWS::SageMaker::ModelPackage"}))
}

# "Everyone outside my organization" (a negated operator) is not a restriction to known callers.
test_fails_when_the_condition_is_negated if {
	negated := [
		{"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}},
		{"StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:*"}},
		{"ArnNotEquals": {"aws:SourceArn": "arn:aws:sagemaker:us-east-1:111122223333:pipeline/p"}},
		{"StringNotEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}},
		{"Null": {"aws:PrincipalOrgID": "false"}},
	]
	passing := [c | some c in negated; testing.status(id, group(doc([statement({"AWS": "*"}, {"Condition": c})]))) != "fail"]
	passing == []
}

test_passes_when_restricted_by_other_identity_keys if {
	restricting := [
		{"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::444455556666:role/consumer"}},
		{"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}},
		{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
	]
	failing := [c | some c in restricting; testing.status(id, group(doc([statement({"AWS": "*"}, {"Condition": c})]))) != "pass"]
	failing == []
}

test_names_the_statement_without_sprintf if {
	s := statement("*", {"Sid": "Share \"all\""})
	testing.messages(id, group(doc([s]))) == ["Model package group churn has a resource policy statement (\"Share \"all\"\") that allows any AWS principal without restricting it to known accounts or an organization."]
}
