package cafscan.tests.agentcore_gateway_inbound_authorization

import data.cafscan.testing

id := "CAFAI-IAM-60"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:gateway/claims-tools-x1y2z3"

gateway(configuration) := {
	"type": "AWS::BedrockAgentCore::Gateway", "id": "claims-tools-x1y2z3", "arn": arn,
	"name": "claims-tools", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"gatewayArn": arn, "gatewayId": "claims-tools-x1y2z3", "name": "claims-tools", "status": "READY",
			"protocolType": "MCP", "roleArn": "arn:aws:iam::111122223333:role/claims-gateway",
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

engine(mode) := {"policyEngineConfiguration": {"arn": "arn:aws:bedrock-agentcore:us-east-1:111122223333:policy-engine/pe1", "mode": mode}}

interceptor(points) := {"interceptorConfigurations": [{"interceptor": {"lambda": {"arn": "arn:aws:lambda:us-east-1:111122223333:function:authz"}}, "interceptionPoints": points}]}

test_fails_without_authorization if {
	r := gateway({"authorizerType": "NONE"})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Gateway claims-tools accepts inbound requests without authorization (authorizerType NONE): anyone who reaches it can call its tools."]
}

# No principal to decide on: a policy engine does not make an anonymous gateway authorized.
test_fails_without_authorization_even_with_a_policy_engine if testing.status(id, gateway(object.union({"authorizerType": "NONE"}, engine("ENFORCE")))) == "fail"

test_passes_with_jwt_or_iam if {
	testing.status(id, gateway({"authorizerType": "CUSTOM_JWT", "authorizerConfiguration": {"customJWTAuthorizer": {"discoveryUrl": "https://idp.example.com/.well-known/openid-configuration"}}})) == "pass"
	testing.status(id, gateway({"authorizerType": "AWS_IAM"})) == "pass"
}

test_fails_authenticate_only_without_a_decision if {
	r := gateway({"authorizerType": "AUTHENTICATE_ONLY"})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Gateway claims-tools only authenticates callers (authorizerType AUTHENTICATE_ONLY) and neither an enforcing policy engine nor a REQUEST interceptor authorizes them."]
}

test_fails_authenticate_only_with_a_log_only_engine_or_response_interceptor if {
	testing.status(id, gateway(object.union({"authorizerType": "AUTHENTICATE_ONLY"}, engine("LOG_ONLY")))) == "fail"
	testing.status(id, gateway(object.union({"authorizerType": "AUTHENTICATE_ONLY"}, interceptor(["RESPONSE"])))) == "fail"
	testing.status(id, gateway({"authorizerType": "AUTHENTICATE_ONLY", "policyEngineConfiguration": null, "interceptorConfigurations": [null, "REQUEST"]})) == "fail"
}

test_passes_authenticate_only_with_an_enforcing_engine_or_request_interceptor if {
	testing.status(id, gateway(object.union({"authorizerType": "AUTHENTICATE_ONLY"}, engine("ENFORCE")))) == "pass"
	testing.status(id, gateway(object.union({"authorizerType": "AUTHENTICATE_ONLY"}, interceptor(["REQUEST", "RESPONSE"])))) == "pass"
}

test_not_applicable_when_failed_or_deleting if {
	testing.not_applicable(id, gateway({"authorizerType": "NONE", "status": "FAILED"}))
	testing.not_applicable(id, gateway({"authorizerType": "NONE", "status": "DELETING"}))
}

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(gateway({"authorizerType": "NONE"}), {"type": "AWS::BedrockAgentCore::Runtime"}))

test_not_evaluated_without_authorizer_type if {
	testing.status(id, gateway({})) == "not_evaluated"
	testing.status(id, gateway({"authorizerType": null})) == "not_evaluated"
}

test_not_evaluated_on_an_unknown_authorizer_type if testing.status(id, gateway({"authorizerType": "MTLS"})) == "not_evaluated"

test_not_evaluated_when_only_the_summary_is_known if {
	summary := object.union(object.remove(gateway({}), ["configuration"]), {"configuration": {"gatewayId": "claims-tools-x1y2z3", "authorizerType": "NONE"}})
	testing.status(id, summary) == "not_evaluated"
}

test_not_evaluated_when_get_gateway_failed if {
	r := object.union(gateway({"authorizerType": "NONE"}), {"collectionErrors": {"configuration": "bedrock-agentcore:GetGateway was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_passes_when_one_of_several_interceptors_runs_on_requests if {
	two := {"interceptorConfigurations": [
		{"interceptor": {"lambda": {"arn": "arn:aws:lambda:us-east-1:111122223333:function:redact"}}, "interceptionPoints": ["RESPONSE"]},
		{"interceptor": {"lambda": {"arn": "arn:aws:lambda:us-east-1:111122223333:function:authz"}}, "interceptionPoints": ["REQUEST"]},
	]}
	testing.status(id, gateway(object.union({"authorizerType": "AUTHENTICATE_ONLY"}, two))) == "pass"
}

test_names_what_is_not_recorded if {
	testing.messages(id, gateway({})) == ["the gateway's inbound authorizer type (authorizerType) is not recorded"]
	testing.messages(id, gateway({"authorizerType": "MTLS"})) == ["the gateway's authorizer type MTLS is not one cafscan knows"]
	summary := object.union(object.remove(gateway({}), ["configuration"]), {"configuration": {"gatewayId": "claims-tools-x1y2z3"}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}

# A summary gives one reason, not also one about the setting it lacks or holds.
test_a_bare_summary_gives_one_reason if {
	summary := object.union(object.remove(gateway({}), ["configuration"]), {"configuration": {"gatewayId": "claims-tools-x1y2z3", "authorizerType": "MTLS"}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}
