package cafscan.tests.ai_service_role_confused_deputy

import data.cafscan.testing

id := "CAFAI-IAM-81"

statement(principal, condition) := object.union(
	{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"},
	{k: v | some k, v in {"Condition": condition}; v != null},
)

trust(statements) := {"Version": "2012-10-17", "Statement": statements}

role(doc) := {
	"type": "AWS::IAM::Role", "id": "AROAEXAMPLE", "arn": "arn:aws:iam::111122223333:role/agent-role",
	"name": "agent-role", "accountId": "111122223333", "region": "global",
	"configuration": {"roleName": "agent-role", "arn": "arn:aws:iam::111122223333:role/agent-role", "assumeRolePolicyDocument": doc, "attachedManagedPolicies": [], "rolePolicyList": []},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

bedrock := {"Service": "bedrock.amazonaws.com"}

pinned := {
	"StringEquals": {"aws:SourceAccount": "111122223333"},
	"ArnLike": {"aws:SourceArn": "arn:aws:bedrock:us-east-1:111122223333:agent/*"},
}

test_fails_without_a_condition if {
	r := role(trust([statement(bedrock, null)]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role agent-role lets bedrock.amazonaws.com assume it without an aws:SourceAccount, aws:SourceArn or aws:SourceOrgID condition naming a fixed account or organization (trust policy statement #1)."]
}

test_passes_with_source_account_and_arn if {
	testing.status(id, role(trust([statement(bedrock, pinned)]))) == "pass"
}

test_not_applicable_to_roles_other_services_assume if {
	testing.not_applicable(id, role(trust([statement({"Service": "lambda.amazonaws.com"}, null)])))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(role(trust([statement(bedrock, null)])), {"type": "AWS::IAM::User"}))
}

test_not_evaluated_without_the_trust_policy if {
	r := json.remove(role(null), ["configuration/assumeRolePolicyDocument"])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the role's trust policy is not in the inventory"]
	testing.status(id, role("%7Bnot-decoded")) == "not_evaluated"
}

# Each of these pins the source on its own.
pinning_conditions := [
	{"StringEquals": {"aws:SourceAccount": "111122223333"}},
	{"StringEquals": {"AWS:SOURCEACCOUNT": ["111122223333", "444455556666"]}},
	{"StringLike": {"aws:SourceAccount": "111122223333"}},
	{"ArnLike": {"aws:SourceArn": "arn:aws:sagemaker:us-east-1:111122223333:*"}},
	{"ArnEquals": {"aws:SourceArn": "arn:aws:bedrock:us-east-1:111122223333:agent/AGENT1"}},
	{"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}},
	{"stringequals": {"aws:SourceAccount": "111122223333"}, "Bool": {"aws:SecureTransport": "true"}},
]

test_passes_with_each_pinning_condition if {
	failing := [c | some c in pinning_conditions; testing.status(id, role(trust([statement(bedrock, c)]))) != "pass"]
	failing == []
}

# None of these pins the source.
open_conditions := [
	{},
	{"StringNotEquals": {"aws:SourceAccount": "444455556666"}},
	{"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}},
	{"ArnLike": {"aws:SourceArn": "arn:aws:bedrock:us-east-1:*:agent/*"}},
	{"ArnLike": {"aws:SourceArn": "*"}},
	{"StringLike": {"aws:SourceAccount": "1111*"}},
	{"StringEquals": {"aws:SourceAccount": ["111122223333", "*"]}},
	{"StringEquals": {"aws:SourceAccount": []}},
	{"StringEquals": {"aws:SourceAccount": 111122223333}},
	{"StringEquals": {"aws:SourceOrgID": "o-*"}},
	{"StringEquals": {"aws:PrincipalAccount": "111122223333"}},
	{"StringEquals": "aws:SourceAccount"},
	{"Null": {"aws:SourceAccount": "false"}},
]

test_fails_with_each_open_condition if {
	passing := [c | some c in open_conditions; testing.status(id, role(trust([statement(bedrock, c)]))) != "fail"]
	passing == []
}

test_every_ai_service_statement_needs_the_condition if {
	r := role(trust([
		object.union(statement(bedrock, pinned), {"Sid": "Bedrock"}),
		object.union(statement({"Service": ["SageMaker.amazonaws.com", "lambda.amazonaws.com"]}, null), {"Sid": "SageMaker"}),
		statement({"Service": "bedrock-agentcore.amazonaws.com"}, null),
		statement({"Service": "lambda.amazonaws.com"}, null),
	]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role agent-role lets bedrock-agentcore.amazonaws.com and bedrock.amazonaws.com and sagemaker.amazonaws.com assume it without an aws:SourceAccount, aws:SourceArn or aws:SourceOrgID condition naming a fixed account or organization (trust policy statements \"SageMaker\", #3)."]
}

test_a_deny_statement_is_not_judged if {
	r := role(trust([
		statement(bedrock, pinned),
		{"Effect": "Deny", "Principal": bedrock, "Action": "sts:AssumeRole"},
	]))
	testing.status(id, r) == "pass"
}

test_agentcore_roles_are_in_scope if {
	testing.status(id, role(trust([statement({"Service": "bedrock-agentcore.amazonaws.com"}, null)]))) == "fail"
	testing.status(id, role(trust([statement({"Service": "bedrock-agentcore.amazonaws.com"}, pinned)]))) == "pass"
}
