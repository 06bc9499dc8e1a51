package cafscan.tests.bedrock_role_permissions_boundary

import data.cafscan.testing

id := "CAFAI-IAM-86"

trust(service) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}

role(service, boundary) := {
	"type": "AWS::IAM::Role", "id": "AROAEXAMPLE", "arn": "arn:aws:iam::111122223333:role/agent-role",
	"name": "agent-role", "accountId": "111122223333", "region": "global",
	"configuration": {"roleName": "agent-role", "assumeRolePolicyDocument": trust(service), "attachedManagedPolicies": [], "rolePolicyList": [], "permissionsBoundary": boundary},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

boundary(arn) := {"permissionsBoundaryType": "PermissionsBoundaryPolicy", "permissionsBoundaryArn": arn}

boundary_arn := "arn:aws:iam::111122223333:policy/bedrock-agent-boundary"

boundary_policy(document) := {
	"type": "AWS::IAM::Policy", "id": "ANPAEXAMPLE", "arn": boundary_arn, "name": "bedrock-agent-boundary", "accountId": "111122223333", "region": "global",
	"configuration": {"policyVersionList": [{"versionId": "v1", "isDefaultVersion": true, "document": document}]},
}

limited := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["bedrock:InvokeModel", "s3:GetObject"], "Resource": "*"}]}

everything := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

test_fails_without_a_boundary if {
	r := role("bedrock.amazonaws.com", null)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role agent-role, assumable by bedrock.amazonaws.com, has no permissions boundary."]
	testing.status(id, role("bedrock.amazonaws.com", {})) == "fail"
	testing.status(id, role("bedrock.amazonaws.com", boundary(""))) == "fail"
}

test_passes_with_a_limiting_boundary if {
	r := role("bedrock.amazonaws.com", boundary(boundary_arn))
	testing.status(id, r) == "pass" with data.inventory as testing.context([boundary_policy(limited)])
	sdk := role("bedrock-agentcore.amazonaws.com", {"PermissionsBoundaryArn": boundary_arn})
	testing.status(id, sdk) == "pass" with data.inventory as testing.context([boundary_policy(limited)])
	testing.status(id, role("bedrock.amazonaws.com", boundary("arn:aws:iam::aws:policy/AmazonBedrockReadOnly"))) == "pass"
}

# An AWS managed boundary cafscan does not know may allow everything.
test_not_evaluated_with_an_unknown_aws_managed_boundary if {
	r := role("bedrock.amazonaws.com", boundary("arn:aws:iam::aws:policy/AdministratorAccess-Amplify"))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the AWS managed policy AdministratorAccess-Amplify is attached and cafscan does not know whether it allows administrator access (AWS managed policies are judged by name)"]
}

test_fails_with_a_boundary_that_limits_nothing if {
	r := role(["bedrock.amazonaws.com", "bedrock-agentcore.amazonaws.com"], boundary("arn:aws:iam::aws:policy/PowerUserAccess"))
	testing.messages(id, r) == ["Role agent-role, assumable by bedrock-agentcore.amazonaws.com and bedrock.amazonaws.com, has the permissions boundary PowerUserAccess, which allows administrator access and so limits nothing."]
	custom := role("bedrock.amazonaws.com", boundary(boundary_arn))
	testing.messages(id, custom) == ["Role agent-role, assumable by bedrock.amazonaws.com, has the permissions boundary bedrock-agent-boundary, which allows administrator access and so limits nothing."] with data.inventory as testing.context([boundary_policy(everything)])
}

test_not_applicable_to_roles_other_services_assume if {
	testing.not_applicable(id, role("sagemaker.amazonaws.com", null))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(role("bedrock.amazonaws.com", null), {"type": "AWS::IAM::User"}))
}

test_not_evaluated_when_the_boundary_is_unknown if {
	r := role("bedrock.amazonaws.com", boundary(boundary_arn))
	testing.messages(id, r) == [concat("", ["the permissions boundary ", boundary_arn, " is not in the inventory"])]
	no_field := json.remove(role("bedrock.amazonaws.com", null), ["configuration/permissionsBoundary"])
	testing.messages(id, no_field) == ["the role's permissions boundary is not in the inventory"]
	no_trust := json.remove(role("bedrock.amazonaws.com", null), ["configuration/assumeRolePolicyDocument"])
	testing.messages(id, no_trust) == ["the role's trust policy is not in the inventory"]
	no_default := json.remove(boundary_policy(limited), ["configuration/policyVersionList"])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([no_default])
}

test_every_unbounded_managed_policy_fails if {
	failing := [name |
		some name in ["AdministratorAccess", "IAMFullAccess", "PowerUserAccess"]
		testing.status(id, role("bedrock.amazonaws.com", boundary(concat("", ["arn:aws:iam::aws:policy/", name])))) == "fail"
	]
	count(failing) == 3
}

test_a_customer_policy_named_like_a_managed_one_is_judged_by_its_document if {
	arn := "arn:aws:iam::111122223333:policy/AdministratorAccess"
	p := json.patch(boundary_policy(limited), [{"op": "replace", "path": "/arn", "value": arn}])
	testing.status(id, role("bedrock.amazonaws.com", boundary(arn))) == "pass" with data.inventory as testing.context([p])
}

test_a_malformed_boundary_is_no_boundary if {
	testing.status(id, role("bedrock.amazonaws.com", boundary(7))) == "fail"
	testing.status(id, role("bedrock.amazonaws.com", boundary_arn)) == "fail"
}
