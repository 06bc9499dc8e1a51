package cafscan.tests.s3_ai_output_bucket_reads_recorded

import data.cafscan.testing

id := "CAFAI-IR-98"

logging_off := {"BucketLoggingConfiguration": {"destinationBucketName": null, "logFilePrefix": null}}

logging_on := {"BucketLoggingConfiguration": {"destinationBucketName": "access-logs", "logFilePrefix": "s3/"}}

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "inference-results", "arn": "arn:aws:s3:::inference-results",
	"name": "inference-results", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "inference-results"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::CloudTrail::Trail"], {})

trail(name, supplementary) := {
	"type": "AWS::CloudTrail::Trail", "id": name,
	"arn": concat("", ["arn:aws:cloudtrail:us-east-1:111122223333:trail/", name]),
	"name": name, "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": name, "homeRegion": "us-east-1", "isMultiRegionTrail": true},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

basic(read_write) := {"EventSelectors": [{"readWriteType": read_write, "includeManagementEvents": true, "dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::inference-results/"]}]}]}

logging := {"TrailStatus": {"isLogging": true}}

stopped := {"TrailStatus": {"isLogging": false}}

no_data_events := object.union(logging, {"EventSelectors": [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": []}]})

status_with(b, resources) := s if {
	s := testing.status(id, b) with data.inventory as testing.context(resources)
}

messages_with(b, resources) := m if {
	m := testing.messages(id, b) with data.inventory as testing.context(resources)
}

test_passes_with_server_access_logging if {
	testing.status(id, bucket(logging_on)) == "pass" with data.inventory as testing.context([collected])
}

test_passes_with_logging_even_when_trails_are_unknown if {
	status_with(bucket(logging_on), [account([], {})]) == "pass"
	status_with(bucket(logging_on), [collected, trail("t", {})]) == "pass"
}

test_passes_with_a_trail_recording_reads if {
	status_with(bucket(logging_off), [collected, trail("t", object.union(logging, basic("ReadOnly")))]) == "pass"
	status_with(bucket(logging_off), [collected, trail("t", object.union(logging, basic("All")))]) == "pass"
}

test_passes_with_a_trail_recording_reads_when_logging_settings_are_unknown if {
	status_with(bucket({}), [collected, trail("t", object.union(logging, basic("All")))]) == "pass"
}

test_fails_without_logging_or_trails if {
	testing.status(id, bucket(logging_off)) == "fail" with data.inventory as testing.context([collected])
	messages_with(bucket(logging_off), [collected]) == ["Bucket inference-results has no server access logging and no CloudTrail trail records S3 read data events for its objects, so who read the AI outputs it holds cannot be investigated."]
}

test_fails_with_a_blank_logging_destination if {
	b := bucket({"BucketLoggingConfiguration": {"destinationBucketName": " ", "logFilePrefix": null}})
	status_with(b, [collected]) == "fail"
}

test_fails_when_the_trail_records_writes_only if {
	status_with(bucket(logging_off), [collected, trail("t", object.union(logging, basic("WriteOnly")))]) == "fail"
}

test_fails_when_the_trail_records_no_data_events if {
	status_with(bucket(logging_off), [collected, trail("t", no_data_events)]) == "fail"
}

test_fails_when_the_trail_recording_reads_is_stopped if {
	status_with(bucket(logging_off), [collected, trail("t", object.union(stopped, basic("All")))]) == "fail"
}

test_not_evaluated_without_logging_settings if {
	status_with(bucket({}), [collected]) == "not_evaluated"
	messages_with(bucket({}), [collected]) == ["the bucket's server access logging settings are not in the inventory"]
}

test_not_evaluated_when_trails_were_not_collected if {
	status_with(bucket(logging_off), [account([], {})]) == "not_evaluated"
	messages_with(bucket(logging_off), [account([], {})]) == ["CloudTrail trails were not collected for 111122223333 us-east-1"]
	failed := account([], {"AWS::CloudTrail::Trail": "AccessDenied"})
	messages_with(bucket(logging_off), [failed]) == ["CloudTrail trails could not be collected for 111122223333 us-east-1: AccessDenied"]
}

test_not_evaluated_when_a_trail_selectors_are_unknown if {
	status_with(bucket(logging_off), [collected, trail("t", logging)]) == "not_evaluated"
	messages_with(bucket(logging_off), [collected, trail("t", logging)]) == ["the event selectors of CloudTrail trail t are not in the inventory"]
}

test_not_evaluated_when_a_trail_recording_reads_has_unknown_status if {
	status_with(bucket(logging_off), [collected, trail("t", basic("All"))]) == "not_evaluated"
	messages_with(bucket(logging_off), [collected, trail("t", basic("All"))]) == ["whether CloudTrail trail t is logging is not in the inventory"]
}

test_applies_only_to_output_buckets if {
	testing.unlinked_not_applicable(id, bucket(logging_off)) with data.inventory as testing.context([collected])
	testing.linked_status(id, bucket(logging_off), ["output"]) == "fail" with data.inventory as testing.context([collected])
	count(testing.findings_linked(id, bucket(logging_off), ["input", "model"], false)) == 0 with data.inventory as testing.context([collected])
}

test_fails_with_a_stopped_trail_whose_selectors_are_unknown if {
	status_with(bucket(logging_off), [collected, trail("t", stopped)]) == "fail"
}

test_passes_with_logging_when_a_trail_recording_reads_has_unknown_status if {
	status_with(bucket(logging_on), [collected, trail("t", basic("All"))]) == "pass"
}

test_fails_when_a_trail_without_read_events_has_unknown_status if {
	status_with(bucket(logging_off), [collected, trail("t", {"EventSelectors": [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": []}]})]) == "fail"
	status_with(bucket(logging_off), [collected, trail("t", basic("WriteOnly"))]) == "fail"
}

test_fails_when_data_and_s3_objects_are_named_under_other_fields if {
	selectors := {"AdvancedEventSelectors": [{"name": "odd", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Management"]},
		{"field": "eventName", "equals": ["Data"]},
		{"field": "resources.ARN", "startsWith": ["arn:aws:s3:::inference-results/"]},
		{"field": "eventSource", "equals": ["AWS::S3::Object"]},
	]}]}
	status_with(bucket(logging_off), [collected, trail("t", object.union(logging, selectors))]) == "fail"
}

# A trail whose only S3 selector keeps one event name records no read (and only some writes).
test_fails_when_the_selector_keeps_only_some_event_names if {
	put_only := {"AdvancedEventSelectors": [{"name": "puts", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
		{"field": "eventName", "equals": ["PutObject"]},
	]}]}
	status_with(bucket(logging_off), [collected, trail("t", object.union(logging, put_only))]) == "fail"
	one_role := {"AdvancedEventSelectors": [{"name": "etl", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
		{"field": "userIdentity.arn", "equals": ["arn:aws:sts::111122223333:assumed-role/etl/job"]},
	]}]}
	status_with(bucket(logging_off), [collected, trail("t", object.union(logging, one_role))]) == "fail"
	every_read := {"AdvancedEventSelectors": [{"name": "reads", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
		{"field": "readOnly", "equals": ["true"]},
		{"field": "eventSource", "equals": ["s3.amazonaws.com"]},
	]}]}
	status_with(bucket(logging_off), [collected, trail("t", object.union(logging, every_read))]) == "pass"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket(logging_off), {"type": "AWS::ECR::Repository"})) with data.inventory as testing.context([collected])
}
