package cafscan.tests.apigateway_ai_stage_throttling

import data.cafscan.testing

id := "CAFAI-IP-13"

stage(configuration) := {
	"type": "AWS::ApiGateway::Stage", "id": "a1b2c3d4e5/prod",
	"arn": "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod",
	"name": "llm-api/prod", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# As apigateway.ts writes a method setting.
setting(path, method, rate, burst) := {
	"ResourcePath": path, "HttpMethod": method, "MetricsEnabled": null, "LoggingLevel": null,
	"DataTraceEnabled": null, "ThrottlingBurstLimit": burst, "ThrottlingRateLimit": rate,
	"CachingEnabled": null, "CacheTtlInSeconds": null, "CacheDataEncrypted": null,
}

with_settings(list) := stage({"StageName": "prod", "RestApiId": "a1b2c3d4e5", "MethodSettings": list, "WebAclArn": null})

throttled := with_settings([setting("/*", "*", 50, 100)])

test_fails_without_method_settings if {
	testing.status(id, with_settings([])) == "fail"
	testing.messages(id, with_settings([])) == ["Stage llm-api/prod does not throttle requests: its default method settings (*/*) have no positive rate and burst limits."]
}

test_fails_when_config_leaves_method_settings_out if {
	testing.status(id, stage({"StageName": "prod", "RestApiId": "a1b2c3d4e5"})) == "fail"
}

test_fails_when_only_one_method_is_throttled if {
	testing.status(id, with_settings([setting("/v1/chat", "POST", 5, 10)])) == "fail"
}

test_fails_when_the_stage_default_has_no_limits if {
	testing.status(id, with_settings([setting("/*", "*", null, null)])) == "fail"
}

test_fails_when_the_burst_limit_is_zero if {
	testing.status(id, with_settings([setting("/*", "*", 50, 0)])) == "fail"
}

test_fails_when_an_override_turns_throttling_off if {
	r := with_settings([setting("/*", "*", 50, 100), setting("/v1/chat", "POST", -1, -1)])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Stage llm-api/prod turns throttling off for POST /v1/chat."]
}

test_passes_with_stage_wide_limits if testing.status(id, throttled) == "pass"

test_passes_with_stricter_method_overrides if {
	testing.status(id, with_settings([setting("/*", "*", 50, 100), setting("/v1/chat", "POST", 5, 10)])) == "pass"
}

# The API's (and a Config item's) own shape: a map keyed "<path>/<METHOD>".
test_reads_the_api_method_settings_map if {
	throttled_map := stage({"stageName": "prod", "methodSettings": {"*/*": {"throttlingRateLimit": 50, "throttlingBurstLimit": 100}}})
	testing.status(id, throttled_map) == "pass"
	off := stage({"stageName": "prod", "methodSettings": {
		"*/*": {"throttlingRateLimit": 50, "throttlingBurstLimit": 100},
		"~1v1~1chat/POST": {"throttlingRateLimit": -1, "throttlingBurstLimit": -1},
	}})
	testing.messages(id, off) == ["Stage llm-api/prod turns throttling off for POST /v1/chat."]
	testing.status(id, stage({"stageName": "prod", "methodSettings": {}})) == "fail"
}

test_not_evaluated_without_configuration if testing.status(id, stage({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(throttled, {"type": "AWS::ApiGateway::RestApi"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, with_settings([]))

test_applies_only_where_linked_as_output if {
	testing.linked_status(id, with_settings([]), ["output"]) == "fail"
	not testing.linked_status(id, with_settings([]), ["input"])
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, stage({})) == ["the stage's configuration is not in the inventory"]
}

# Terraform and hand-written items key the map without escaping the path's slashes.
test_reads_unescaped_method_setting_keys if {
	off := stage({"stageName": "prod", "methodSettings": {
		"*/*": {"throttlingRateLimit": 50, "throttlingBurstLimit": 100},
		"v1/chat/POST": {"throttlingRateLimit": -1, "throttlingBurstLimit": -1},
	}})
	testing.messages(id, off) == ["Stage llm-api/prod turns throttling off for POST /v1/chat."]
}

# Only the */* entry is the stage default: limits on one method or one path leave the rest open.
test_fails_when_only_all_methods_of_one_path_or_one_method_everywhere_is_throttled if {
	testing.status(id, with_settings([setting("/*", "GET", 50, 100)])) == "fail"
	testing.status(id, with_settings([setting("/v1/chat", "*", 50, 100)])) == "fail"
}

test_fails_when_the_rate_limit_is_zero if {
	testing.status(id, with_settings([setting("/*", "*", 0, 100)])) == "fail"
}

test_passes_with_the_smallest_positive_limits if {
	testing.status(id, with_settings([setting("/*", "*", 1, 1)])) == "pass"
}

# Both shapes carry limits as numbers; anything else is not evidence of a limit.
test_fails_when_limits_are_not_numbers if {
	testing.status(id, with_settings([setting("/*", "*", "50", "100")])) == "fail"
}

# A stage default of -1 is already "does not throttle"; it is not also reported as an override.
test_stage_default_turned_off_is_reported_once if {
	testing.messages(id, with_settings([setting("/*", "*", -1, -1)])) == ["Stage llm-api/prod does not throttle requests: its default method settings (*/*) have no positive rate and burst limits."]
}

test_one_negative_limit_turns_the_override_off if {
	rate_off := with_settings([setting("/*", "*", 50, 100), setting("/v1/chat", "POST", -1, 10)])
	testing.messages(id, rate_off) == ["Stage llm-api/prod turns throttling off for POST /v1/chat."]
	burst_off := with_settings([setting("/*", "*", 50, 100), setting("/v1/chat", "POST", 5, -1)])
	testing.messages(id, burst_off) == ["Stage llm-api/prod turns throttling off for POST /v1/chat."]
}

# An override for logging only (null limits) inherits the stage's; 0 blocks the method entirely.
test_passes_with_overrides_that_inherit_or_block if {
	testing.status(id, with_settings([setting("/*", "*", 50, 100), setting("/v1/chat", "POST", null, null)])) == "pass"
	testing.status(id, with_settings([setting("/*", "*", 50, 100), setting("/v1/chat", "POST", 0, 0)])) == "pass"
}

test_lists_every_override_that_turns_throttling_off if {
	r := with_settings([setting("/*", "*", 50, 100), setting("/v1/chat", "POST", -1, -1), setting("/v1/embed", "POST", -1, -1)])
	testing.messages(id, r) == ["Stage llm-api/prod turns throttling off for POST /v1/chat, POST /v1/embed."]
}

test_judges_a_stage_with_a_single_recorded_field if {
	testing.status(id, stage({"stageName": "prod"})) == "fail"
}
