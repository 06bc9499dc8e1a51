package cafscan.tests.cloudtrail_cloudwatch_logs

import data.cafscan.testing

id := "CAFAI-IR-02"

trail(configuration) := {
	"type": "AWS::CloudTrail::Trail", "id": "management", "arn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management",
	"name": "management", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"name": "management", "s3BucketName": "cloudtrail-111122223333", "isMultiRegionTrail": true, "logFileValidationEnabled": true}

with_group(value) := object.union(base, {"cloudWatchLogsLogGroupArn": value})

test_fails_with_null_log_group if {
	testing.status(id, trail(with_group(null))) == "fail"
	testing.messages(id, trail(with_group(null))) == ["CloudTrail trail management does not deliver its events to CloudWatch Logs."]
}

test_fails_with_empty_log_group if testing.status(id, trail(with_group(""))) == "fail"

test_fails_when_key_is_absent if testing.status(id, trail(base)) == "fail"

test_passes_with_log_group if {
	testing.status(id, trail(with_group("arn:aws:logs:us-east-1:111122223333:log-group:cloudtrail:*"))) == "pass"
}

group_arn := "arn:aws:logs:us-east-1:111122223333:log-group:cloudtrail:*"

with_status(is_logging) := object.union(trail(with_group(group_arn)), {"supplementaryConfiguration": {"TrailStatus": {"isLogging": is_logging}}})

# A stopped trail delivers nothing; a logging one (or one whose status is unknown) is judged by
# its settings.
test_fails_when_the_trail_is_stopped if {
	testing.status(id, with_status(false)) == "fail"
	testing.messages(id, with_status(false)) == ["CloudTrail trail management delivers to CloudWatch Logs but is not logging (StopLogging), so no event reaches the log group."]
	testing.status(id, with_status(true)) == "pass"
	stopped_without_group := object.union(trail(base), {"supplementaryConfiguration": {"TrailStatus": {"isLogging": false}}})
	testing.messages(id, stopped_without_group) == ["CloudTrail trail management does not deliver its events to CloudWatch Logs."]
}

test_not_evaluated_without_configuration if {
	testing.status(id, trail({})) == "not_evaluated"
	testing.messages(id, trail({})) == ["the trail's configuration is not in the inventory"]
}

# An entry carrying only the trail's name says nothing about its delivery.
test_not_evaluated_when_the_entry_carries_only_the_name if {
	testing.messages(id, trail({"name": "management"})) == ["the trail's configuration is not in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(trail(base), {"type": "AWS::Logs::LogGroup"}))
}
