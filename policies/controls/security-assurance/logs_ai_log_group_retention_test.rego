package cafscan.tests.logs_ai_log_group_retention

import data.cafscan.testing

id := "CAFAI-SA-07"

name := "/aws/sagemaker/Endpoints/chat-endpoint"

log_group(configuration) := {
	"type": "AWS::Logs::LogGroup", "id": name,
	"arn": sprintf("arn:aws:logs:us-east-1:111122223333:log-group:%s:*", [name]),
	"name": name, "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": null, "relationships": [],
}

# As the live collector writes it (logs.ts): every key present, null when unset.
collected(days) := log_group({"LogGroupName": name, "KmsKeyId": null, "RetentionInDays": days, "LogGroupClass": "STANDARD"})

test_fails_when_events_never_expire if {
	testing.status(id, collected(null)) == "fail"
	testing.messages(id, collected(null)) == ["Log group /aws/sagemaker/Endpoints/chat-endpoint never expires its events: no retention period is set."]
}

# AWS Config leaves unset properties out of the item.
test_fails_when_config_leaves_retention_out if {
	testing.status(id, log_group({"LogGroupName": name})) == "fail"
}

test_fails_when_retention_is_too_short if {
	testing.status(id, collected(30)) == "fail"
	testing.messages(id, collected(30)) == ["Log group /aws/sagemaker/Endpoints/chat-endpoint keeps events for only 30 days, less than the 90 days needed to investigate misuse."]
}

test_passes_at_90_days if testing.status(id, collected(90)) == "pass"

test_passes_at_a_year if testing.status(id, collected(365)) == "pass"

test_passes_with_the_api_key_name if testing.status(id, log_group({"logGroupName": name, "retentionInDays": 400})) == "pass"

test_not_evaluated_without_configuration if {
	testing.status(id, log_group({})) == "not_evaluated"
	testing.messages(id, log_group({})) == ["the log group's configuration is not in the inventory"]
}

# The API spelling unset (null) is no retention, and says nothing about a number of days.
test_fails_when_the_api_key_is_null if {
	testing.messages(id, log_group({"logGroupName": name, "retentionInDays": null})) == ["Log group /aws/sagemaker/Endpoints/chat-endpoint never expires its events: no retention period is set."]
}

# A record carrying both spellings (e.g. a Config item enriched from the API) uses the one set.
test_uses_whichever_spelling_holds_a_number if {
	testing.status(id, log_group({"LogGroupName": name, "RetentionInDays": null, "retentionInDays": 400})) == "pass"
	testing.status(id, log_group({"LogGroupName": name, "RetentionInDays": 30, "retentionInDays": null})) == "fail"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(collected(null), {"type": "AWS::ECR::Repository"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, collected(null))

test_applies_only_where_linked_as_output if {
	testing.linked_status(id, collected(null), ["output"]) == "fail"
	not testing.linked_status(id, collected(null), ["input"])
}
