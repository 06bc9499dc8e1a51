package cafscan.tests.apigateway_ai_stage_waf

import data.cafscan.testing

id := "CAFAI-AS-06"

stage(configuration) := {
	"type": "AWS::ApiGateway::Stage", "id": "a1b2c3d4e5/prod",
	"arn": "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod",
	"name": "llm-api/prod", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

acl := "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/model-api/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"

with_acl(arn) := stage({"StageName": "prod", "RestApiId": "a1b2c3d4e5", "MethodSettings": [], "WebAclArn": arn})

test_fails_without_web_acl if {
	testing.status(id, with_acl(null)) == "fail"
	testing.messages(id, with_acl(null)) == ["Stage llm-api/prod has no AWS WAF web ACL associated."]
}

test_fails_when_config_leaves_the_web_acl_out if {
	testing.status(id, stage({"StageName": "prod", "RestApiId": "a1b2c3d4e5"})) == "fail"
}

test_passes_with_web_acl if testing.status(id, with_acl(acl)) == "pass"

test_passes_with_the_api_key_name if testing.status(id, stage({"stageName": "prod", "webAclArn": acl})) == "pass"

test_fails_with_an_empty_web_acl if testing.status(id, with_acl("")) == "fail"

test_not_evaluated_without_configuration if {
	testing.status(id, stage({})) == "not_evaluated"
	testing.messages(id, stage({})) == ["the stage's configuration is not in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(with_acl(null), {"type": "AWS::ApiGateway::RestApi"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, with_acl(null))

test_applies_only_where_linked_as_output if {
	testing.linked_status(id, with_acl(null), ["output"]) == "fail"
	not testing.linked_status(id, with_acl(null), ["model"])
}
