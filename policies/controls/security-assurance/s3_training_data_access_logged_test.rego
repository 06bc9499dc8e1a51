package cafscan.tests.s3_training_data_access_logged

import data.cafscan.testing

id := "CAFAI-SA-04"

bucket := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::CloudTrail::Trail"], {})

# A trail as the collector records it; `supplementary` holds TrailStatus and the selectors.
trail(name, region, multi_region, supplementary) := {
	"type": "AWS::CloudTrail::Trail", "id": name,
	"arn": sprintf("arn:aws:cloudtrail:%s:111122223333:trail/%s", [region, name]),
	"name": name, "accountId": "111122223333", "region": region,
	"configuration": {"name": name, "homeRegion": region, "isMultiRegionTrail": multi_region},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

logging := {"TrailStatus": {"isLogging": true}}

stopped := {"TrailStatus": {"isLogging": false}}

basic(read_write, values) := {"EventSelectors": [
	{"readWriteType": "All", "includeManagementEvents": true, "dataResources": []},
	{"readWriteType": read_write, "includeManagementEvents": false, "dataResources": [{"type": "AWS::S3::Object", "values": values}]},
]}

advanced(field_selectors) := {"AdvancedEventSelectors": [
	{"name": "Management", "fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}]},
	{"name": "S3 data", "fieldSelectors": array.concat(
		[{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}],
		field_selectors,
	)},
]}

no_data_events := {"EventSelectors": [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": []}]}

status_with(ts) := s if {
	s := testing.status(id, bucket) with data.inventory as testing.context(array.concat([collected], ts))
}

messages_with(ts) := m if {
	m := testing.messages(id, bucket) with data.inventory as testing.context(array.concat([collected], ts))
}

# --- pass -----------------------------------------------------------------------------------------

test_passes_with_all_buckets_on_a_multi_region_trail_homed_elsewhere if {
	status_with([trail("org", "eu-west-1", true, object.union(logging, basic("All", ["arn:aws:s3"])))]) == "pass"
}

test_passes_with_the_bucket_prefix_on_a_trail_of_its_region if {
	status_with([trail("local", "us-east-1", false, object.union(logging, basic("All", ["arn:aws:s3:::training-data/"])))]) == "pass"
}

test_passes_with_advanced_selectors_for_all_objects if {
	status_with([trail("adv", "us-east-1", false, object.union(logging, advanced([])))]) == "pass"
}

test_passes_with_advanced_selectors_starting_with_the_bucket if {
	arn := {"field": "resources.ARN", "startsWith": ["arn:aws:s3:::other/", "arn:aws:s3:::training-data/"]}
	status_with([trail("adv", "us-east-1", false, object.union(logging, advanced([arn])))]) == "pass"
}

test_passes_with_reads_and_writes_from_two_trails if {
	status_with([
		trail("reads", "us-east-1", true, object.union(logging, basic("ReadOnly", ["arn:aws:s3"]))),
		trail("writes", "us-east-1", false, object.union(logging, advanced([{"field": "readOnly", "equals": ["false"]}]))),
	]) == "pass"
}

# --- fail -----------------------------------------------------------------------------------------

test_fails_without_data_events if {
	ts := [trail("mgmt", "us-east-1", true, object.union(logging, no_data_events))]
	status_with(ts) == "fail"
	messages_with(ts) == ["No CloudTrail trail records S3 data events for objects in bucket training-data, so reads and writes of its training data leave no audit trail."]
}

test_fails_when_the_account_has_no_trail if {
	messages_with([]) == ["No CloudTrail trail records S3 data events for objects in bucket training-data, so reads and writes of its training data leave no audit trail."]
}

test_fails_with_write_only_selectors if {
	ts := [trail("writes", "us-east-1", true, object.union(logging, basic("WriteOnly", ["arn:aws:s3"])))]
	messages_with(ts) == ["CloudTrail records only write data events for objects in bucket training-data, so reads of its training data leave no audit trail."]
}

test_fails_with_advanced_read_only_selectors if {
	ts := [trail("reads", "us-east-1", true, object.union(logging, advanced([{"field": "readOnly", "equals": ["true"]}])))]
	messages_with(ts) == ["CloudTrail records only read data events for objects in bucket training-data, so writes to its training data leave no audit trail."]
}

test_fails_when_selectors_name_other_buckets if {
	status_with([trail("t", "us-east-1", true, object.union(logging, basic("All", ["arn:aws:s3:::training-data-archive/", "arn:aws:s3:::models/"])))]) == "fail"
	other := {"field": "resources.ARN", "startsWith": ["arn:aws:s3:::models/"]}
	status_with([trail("t", "us-east-1", true, object.union(logging, advanced([other])))]) == "fail"
}

test_fails_when_the_bucket_is_excluded if {
	excluded := {"field": "resources.ARN", "notStartsWith": ["arn:aws:s3:::training-data/"]}
	status_with([trail("t", "us-east-1", true, object.union(logging, advanced([excluded])))]) == "fail"
}

test_fails_with_management_only_advanced_selectors if {
	s := {"AdvancedEventSelectors": [{"name": "Management", "fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}]}]}
	status_with([trail("t", "us-east-1", true, object.union(logging, s))]) == "fail"
}

test_fails_when_only_a_single_region_trail_elsewhere_records if {
	status_with([trail("eu", "eu-west-1", false, object.union(logging, basic("All", ["arn:aws:s3"])))]) == "fail"
}

test_fails_when_the_recording_trail_is_stopped if {
	ts := [trail("paused", "us-east-1", true, object.union(stopped, basic("All", ["arn:aws:s3"])))]
	messages_with(ts) == ["No CloudTrail trail records S3 data events for objects in bucket training-data, so reads and writes of its training data leave no audit trail (trail paused would record them but is not logging)."]
}

# --- not evaluated --------------------------------------------------------------------------------

# AWS Config records neither event selectors nor logging status.
test_not_evaluated_without_event_selectors if {
	ts := [trail("cfg", "us-east-1", true, {})]
	status_with(ts) == "not_evaluated"
	messages_with(ts) == ["the event selectors of CloudTrail trail cfg are not in the inventory"]
}

test_not_evaluated_without_the_logging_status if {
	ts := [trail("t", "us-east-1", true, basic("All", ["arn:aws:s3"]))]
	messages_with(ts) == ["whether CloudTrail trail t is logging is not in the inventory"]
}

test_not_evaluated_when_trails_were_not_collected if {
	ctx := testing.context([account([], {})])
	testing.status(id, bucket) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, bucket) == ["CloudTrail trails were not collected for 111122223333 us-east-1"] with data.inventory as ctx
	testing.messages(id, bucket) == ["CloudTrail trails were not collected for 111122223333 us-east-1"] with data.inventory as testing.context([])
}

test_not_evaluated_gives_the_collection_failure if {
	ctx := testing.context([account([], {"AWS::CloudTrail::Trail": "cloudtrail:DescribeTrails was denied (AccessDeniedException)"})])
	testing.messages(id, bucket) == ["CloudTrail trails could not be collected for 111122223333 us-east-1: cloudtrail:DescribeTrails was denied (AccessDeniedException)"] with data.inventory as ctx
}

# Unknown trails do not matter once a known trail records everything.
test_passes_despite_unknown_trails_when_one_records_everything if {
	status_with([
		trail("cfg", "us-east-1", true, {}),
		trail("t", "us-east-1", true, object.union(logging, basic("All", ["arn:aws:s3"]))),
	]) == "pass"
	testing.status(id, bucket) == "pass" with data.inventory as testing.context([trail("t", "us-east-1", true, object.union(logging, basic("All", ["arn:aws:s3"])))])
}

# --- applicability --------------------------------------------------------------------------------

test_not_applicable_to_other_types if {
	testing.not_applicable(id, trail("t", "us-east-1", true, logging)) with data.inventory as testing.context([collected])
}

test_not_applicable_when_no_ai_workload_uses_it if {
	testing.unlinked_not_applicable(id, bucket) with data.inventory as testing.context([collected])
}

test_applies_only_where_linked_as_input if {
	ctx := testing.context([collected])
	testing.linked_status(id, bucket, ["input"]) == "fail" with data.inventory as ctx
	not testing.linked_status(id, bucket, ["output"]) with data.inventory as ctx
}

# Spelled out once without the helper: no trail in the account records anything.
test_fails_with_trails_collected_but_none_present if {
	testing.status(id, bucket) == "fail" with data.inventory as testing.context([collected])
}
