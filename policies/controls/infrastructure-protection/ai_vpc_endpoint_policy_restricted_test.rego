package cafscan.tests.ai_vpc_endpoint_policy_restricted

import data.cafscan.testing

id := "CAFAI-IP-91"

endpoint(service, policy) := {
	"type": "AWS::EC2::VPCEndpoint", "id": "vpce-0a1b2c3d4e5f60718", "arn": "arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/vpce-0a1b2c3d4e5f60718",
	"name": "ml-endpoint", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {
		"vpcEndpointId": "vpce-0a1b2c3d4e5f60718", "vpcEndpointType": "Interface", "vpcId": "vpc-1",
		"serviceName": concat("", ["com.amazonaws.us-east-1.", service]), "state": "available", "policyDocument": policy,
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

full_access := {"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}

org_only := {"Version": "2012-10-17", "Statement": [{
	"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*",
	"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}},
}]}

invoke_only := {"Version": "2012-10-17", "Statement": [{
	"Effect": "Allow", "Principal": "*",
	"Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
	"Resource": "arn:aws:bedrock:*::foundation-model/*",
}]}

test_fails_with_the_default_full_access_policy if {
	r := endpoint("bedrock-runtime", full_access)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["VPC endpoint ml-endpoint for com.amazonaws.us-east-1.bedrock-runtime has a policy that lets any principal call every bedrock action on every resource (statement #1)."]
}

test_fails_for_every_ai_service_family if {
	testing.messages(id, endpoint("sagemaker.runtime", {"Statement": {"Sid": "All", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sagemaker:*", "Resource": "*"}})) == ["VPC endpoint ml-endpoint for com.amazonaws.us-east-1.sagemaker.runtime has a policy that lets any principal call every sagemaker action on every resource (statement \"All\")."]
	testing.messages(id, endpoint("bedrock-agentcore", full_access)) == ["VPC endpoint ml-endpoint for com.amazonaws.us-east-1.bedrock-agentcore has a policy that lets any principal call every bedrock-agentcore action on every resource (statement #1)."]
	testing.status(id, endpoint("bedrock-agent-runtime", full_access)) == "fail"
	testing.status(id, endpoint("sagemaker.api", full_access)) == "fail"
}

# AWS Config records the policy as JSON text.
test_decodes_a_policy_recorded_as_text if {
	testing.status(id, endpoint("bedrock-runtime", json.marshal(full_access))) == "fail"
	testing.status(id, endpoint("bedrock-runtime", json.marshal(org_only))) == "pass"
}

test_passes_when_the_caller_is_pinned_to_the_organization if {
	testing.status(id, endpoint("bedrock-runtime", org_only)) == "pass"
}

test_passes_when_actions_or_resources_are_limited if {
	testing.status(id, endpoint("bedrock-runtime", invoke_only)) == "pass"
	all_actions_one_model := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "bedrock:*", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2"}]}
	testing.status(id, endpoint("bedrock-runtime", all_actions_one_model)) == "pass"
}

test_passes_when_a_deny_takes_something_away if {
	deny := {"Statement": [
		{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "Principal": "*", "Action": "bedrock:*", "Resource": "*"},
	]}
	testing.status(id, endpoint("bedrock-runtime", deny)) == "pass"
}

# A resource policy's Deny applies to the principals it names: everyone else keeps full access.
test_fails_when_a_deny_names_only_some_principals if {
	one_role := {"Statement": [
		{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:role/intern"}, "Action": "*", "Resource": "*"},
	]}
	testing.status(id, endpoint("bedrock-runtime", one_role)) == "fail"
	all_but_admin := {"Statement": [
		{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
		{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "bedrock:*", "Resource": "*"},
	]}
	testing.status(id, endpoint("bedrock-runtime", all_but_admin)) == "fail"
}

# Every request through the endpoint traverses the endpoint and its VPC: conditions on them hold
# for every caller. Another endpoint's id or another VPC does restrict.
test_fails_when_the_only_condition_names_the_endpoint_itself if {
	own := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}}}]}
	testing.status(id, endpoint("bedrock-runtime", own)) == "fail"
	own_vpc := {"Statement": [{"Sid": "Vpc", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"AWS:SourceVpc": ["vpc-1"]}}}]}
	testing.messages(id, endpoint("sagemaker.api", own_vpc)) == ["VPC endpoint ml-endpoint for com.amazonaws.us-east-1.sagemaker.api has a policy that lets any principal call every sagemaker action on every resource (statement \"Vpc\")."]
	with_org := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718", "aws:PrincipalOrgID": "o-exampleorgid"}}}]}
	testing.status(id, endpoint("bedrock-runtime", with_org)) == "pass"
	other_vpc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-2"}}}]}
	testing.status(id, endpoint("bedrock-runtime", other_vpc)) == "pass"
	json_text := json.marshal(own)
	testing.status(id, endpoint("bedrock-runtime", json_text)) == "fail"
}

# The usual way to close a policy to an organization: allow everything, deny everyone outside it.
test_passes_when_a_deny_closes_the_policy_to_an_organization if {
	full := {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}
	outside_org := {"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}}}
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [full, outside_org]})) == "pass"
	if_exists := json.patch(outside_org, [{"op": "replace", "path": "/Condition", "value": {"StringNotEqualsIfExists": {"aws:PrincipalAccount": ["111122223333", "444455556666"]}}}])
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [full, if_exists]})) == "pass"
}

deny_with(condition) := {"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": condition}

test_fails_when_the_closing_deny_does_not_pin_callers if {
	full := {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}

	# a wildcard value, a key that does not name the caller, a positive test, and one action only
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [full, deny_with({"StringNotLike": {"aws:PrincipalOrgID": "o-*"}})]})) == "fail"
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [full, deny_with({"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}})]})) == "fail"
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [full, deny_with({"StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}})]})) == "fail"
	one_action := {"Effect": "Deny", "Principal": "*", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}}}
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [full, one_action]})) == "fail"
}

# "Deny unless the request comes through this endpoint" denies nothing here: every request does.
test_fails_when_the_deny_only_excludes_the_endpoint_itself if {
	full := {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}
	not_me := {"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}}}
	testing.messages(id, endpoint("bedrock-runtime", {"Statement": [full, not_me]})) == ["VPC endpoint ml-endpoint for com.amazonaws.us-east-1.bedrock-runtime has a policy that lets any principal call every bedrock action on every resource (statement #1)."]
	not_other := json.patch(not_me, [{"op": "replace", "path": "/Condition/StringNotEquals/aws:SourceVpce", "value": "vpce-other"}])
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [full, not_other]})) == "pass"
}

# Every positive operator on the endpoint's own id always holds (the statement stays open);
# every negated one never holds (the statement allows nothing). A list naming the endpoint
# among others behaves the same, and a key that is not about the network restricts.
test_own_network_conditions_by_operator if {
	own := "vpce-0a1b2c3d4e5f60718"
	every op in ["StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "ForAnyValue:StringEquals", "ForAnyValue:StringEqualsIgnoreCase", "ForAnyValue:StringLike", "StringEqualsIfExists"] {
		testing.status(id, endpoint("bedrock-runtime", {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {op: {"aws:SourceVpce": [own, "vpce-other"]}}}]})) == "fail"
	}
	every op in ["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike", "StringNotEqualsIfExists"] {
		testing.status(id, endpoint("bedrock-runtime", {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {op: {"aws:SourceVpce": own}}}]})) == "pass"
	}
	testing.status(id, endpoint("bedrock-runtime", {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalAccount": own}}}]})) == "pass"
}

# Two statements that are each narrow do not make an open policy together.
test_judges_each_statement_on_its_own if {
	split_grant := {"Statement": [
		{"Effect": "Allow", "Principal": "*", "Action": "bedrock:InvokeModel", "Resource": "*"},
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ml"}, "Action": "*", "Resource": "*"},
	]}
	testing.status(id, endpoint("bedrock-runtime", split_grant)) == "pass"
}

test_not_evaluated_without_the_policy if {
	r := endpoint("bedrock-runtime", null)
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the endpoint policy of VPC endpoint ml-endpoint is not in the inventory"]
	testing.status(id, endpoint("bedrock-runtime", "{not json")) == "not_evaluated"
	absent := object.union(endpoint("bedrock-runtime", null), {"configuration": {"policyDocument": null}})
	testing.status(id, object.remove(absent, ["configuration"])) == "not_evaluated"
}

test_not_evaluated_without_the_service_name if {
	r := object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"serviceName": null}})
	testing.messages(id, r) == ["the service of VPC endpoint ml-endpoint is not in the inventory"]
}

test_not_applicable_to_other_services if {
	testing.not_applicable(id, endpoint("s3", full_access))
	testing.not_applicable(id, endpoint("ec2", null))
	testing.not_applicable(id, endpoint("sagemaker-featurestore-runtime", full_access))
}

test_china_and_fips_names_are_ai_endpoints if {
	cn := object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"serviceName": "cn.com.amazonaws.cn-north-1.bedrock-runtime"}})
	testing.status(id, cn) == "fail"
	fips := object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"serviceName": "com.amazonaws.us-east-1.bedrock-runtime-fips"}})
	testing.status(id, fips) == "fail"
}

test_not_applicable_to_gone_endpoints if {
	testing.not_applicable(id, object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"state": "Deleted"}}))
	testing.not_applicable(id, object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"state": "rejected"}}))
	testing.status(id, object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"state": "pendingAcceptance"}})) == "fail"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, {
		"type": "AWS::S3::Bucket", "id": "b", "arn": "arn:aws:s3:::b", "name": "b", "accountId": "111122223333",
		"region": "us-east-1", "configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
	})
}

test_not_applicable_to_names_outside_the_service_namespace if {
	notebook := object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"serviceName": "aws.sagemaker.us-east-1.notebook"}})
	testing.not_applicable(id, notebook)
	bare := object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"serviceName": "com.amazonaws.us-east-1"}})
	testing.not_applicable(id, bare)
}

test_not_applicable_to_other_gone_states if {
	every state in ["deleting", "failed", "expired"] {
		testing.not_applicable(id, object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"state": state}}))
	}
	vendor := object.union(endpoint("bedrock-runtime", full_access), {"configuration": {"serviceName": "com.example.vendor.us-east-1.bedrock-runtime"}})
	testing.not_applicable(id, vendor)
}

test_names_every_open_statement if {
	two := {"Statement": [
		{"Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
		{"Sid": "B", "Effect": "Allow", "Principal": "*", "Action": "bedrock:*", "Resource": "*"},
	]}
	testing.messages(id, endpoint("bedrock-runtime", two)) == ["VPC endpoint ml-endpoint for com.amazonaws.us-east-1.bedrock-runtime has a policy that lets any principal call every bedrock action on every resource (statement \"A\", \"B\")."]
}

# Resource patterns are matched in the endpoint's partition.
test_matches_resources_in_the_endpoint_partition if {
	service_wide := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "bedrock:*", "Resource": "arn:aws:bedrock:*"}]}
	testing.status(id, endpoint("bedrock-runtime", service_wide)) == "fail"
}
