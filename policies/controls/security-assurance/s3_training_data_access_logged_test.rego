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

# --- selectors, field by field ---------------------------------------------------------------------

logging_trail(supplementary) := trail("t", "us-east-1", true, object.union(logging, supplementary))

only_reads := "CloudTrail records only read data events for objects in bucket training-data, so writes to its training data leave no audit trail."

only_writes := "CloudTrail records only write data events for objects in bucket training-data, so reads of its training data leave no audit trail."

no_events := "No CloudTrail trail records S3 data events for objects in bucket training-data, so reads and writes of its training data leave no audit trail."

# ReadWriteType defaults to All (API_EventSelector).
test_passes_with_a_basic_selector_without_read_write_type if {
	s := {"EventSelectors": [{"includeManagementEvents": true, "dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}
	status_with([logging_trail(s)]) == "pass"
}

# A prefix inside the bucket, or the bucket among others, selects it.
test_passes_with_a_basic_selector_naming_the_bucket_among_others if {
	status_with([logging_trail(basic("All", ["arn:aws:s3:::models/", "arn:aws:s3:::training-data/images/"]))]) == "pass"
}

# Only S3 object data resources record S3 object events; an empty value selects nothing.
test_fails_when_the_data_resource_is_not_s3_objects_or_the_value_is_empty if {
	lambda := {"EventSelectors": [{"readWriteType": "All", "dataResources": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:s3"]}]}]}
	messages_with([logging_trail(lambda)]) == [no_events]
	messages_with([logging_trail(basic("All", [""]))]) == [no_events]
}

test_fails_with_advanced_selectors_for_other_data_or_categories if {
	dynamodb := {"AdvancedEventSelectors": [{"name": "tables", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::DynamoDB::Table"]},
	]}]}
	messages_with([logging_trail(dynamodb)]) == [no_events]
	management := {"AdvancedEventSelectors": [{"name": "mgmt", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Management"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
	]}]}
	messages_with([logging_trail(management)]) == [no_events]
}

# A condition on eventName or on the caller records some reads or writes and drops others.
test_fails_when_event_names_or_callers_narrow_the_selector if {
	messages_with([logging_trail(advanced([{"field": "eventName", "equals": ["PutObject"]}]))]) == [no_events]
	messages_with([logging_trail(advanced([{"field": "eventName", "notEquals": ["GetObject"]}]))]) == [no_events]
	messages_with([logging_trail(advanced([{"field": "userIdentity.arn", "startsWith": ["arn:aws:sts::111122223333:assumed-role/etl/"]}]))]) == [no_events]
	messages_with([logging_trail(advanced([{"field": "sessionCredentialFromConsole", "equals": ["true"]}]))]) == [no_events]
	messages_with([logging_trail(advanced([{"field": "eventSource", "equals": ["dynamodb.amazonaws.com"]}]))]) == [no_events]
}

# eventSource and eventType are the same for every S3 object-level event.
test_passes_with_conditions_every_object_event_meets if {
	status_with([logging_trail(advanced([{"field": "eventSource", "equals": ["s3.amazonaws.com"]}, {"field": "eventType", "equals": ["AwsApiCall"]}]))]) == "pass"
	status_with([logging_trail(advanced([{"field": "userIdentity.arn"}]))]) == "pass"
}

test_fails_with_advanced_write_only_selectors if {
	messages_with([logging_trail(advanced([{"field": "readOnly", "equals": ["false"]}]))]) == [only_writes]
}

# An ARN condition that only excludes other buckets lets this one through.
test_passes_when_only_other_buckets_are_excluded if {
	others := {"field": "resources.ARN", "notStartsWith": ["arn:aws:s3:::logs/", "arn:aws:s3:::scratch/"]}
	status_with([logging_trail(advanced([others]))]) == "pass"
}

# Exact or suffix ARN conditions on other objects do not select this bucket's objects.
test_fails_with_equals_or_ends_with_arn_conditions_on_other_objects if {
	every condition in [
		{"field": "resources.ARN", "equals": ["arn:aws:s3:::models/churn/model.tar.gz"]},
		{"field": "resources.ARN", "endsWith": [".tar.gz"]},
	] {
		messages_with([logging_trail(advanced([condition]))]) == [no_events]
	}
}

# An exclusion wins over a prefix that would include the bucket, whichever exclusion it is.
test_fails_when_a_prefix_includes_the_bucket_but_an_exclusion_removes_it if {
	condition := {"field": "resources.ARN", "startsWith": ["arn:aws:s3:::"], "notStartsWith": ["arn:aws:s3:::logs/", "arn:aws:s3:::training-data/"]}
	messages_with([logging_trail(advanced([condition]))]) == [no_events]
}

# --- trails, their names and home regions ------------------------------------------------------------

# A trail record copied into another region (a shadow of a trail homed elsewhere) covers its
# home region only; without a homeRegion (null in a Config item) the record's region is its home.
test_a_single_region_trail_covers_its_home_region if {
	shadow := json.patch(trail("eu", "us-east-1", false, object.union(logging, basic("All", ["arn:aws:s3"]))), [{"op": "replace", "path": "/configuration/homeRegion", "value": "eu-west-1"}])
	messages_with([shadow]) == [no_events]
	local := json.patch(trail("local", "us-east-1", false, object.union(logging, basic("All", ["arn:aws:s3"]))), [{"op": "replace", "path": "/configuration/homeRegion", "value": null}])
	status_with([local]) == "pass"
}

# A trail without a usable name is named by its id in messages.
test_names_a_trail_without_a_name_by_its_id if {
	arn := "arn:aws:cloudtrail:us-east-1:111122223333:trail/cfg"
	every name in [null, ""] {
		t := object.union(trail("cfg", "us-east-1", true, {}), {"id": arn, "name": name})
		messages_with([t]) == [sprintf("the event selectors of CloudTrail trail %s are not in the inventory", [arn])]
	}
}

# --- unknowns that matter only while something is not recorded ---------------------------------------

# One half recorded is not enough to ignore what is unknown: trails homed in another,
# uncollected region, or a trail whose selectors are unknown, might record the other half.
test_not_evaluated_when_one_half_is_recorded_and_trails_were_not_collected if {
	reads := trail("reads", "us-east-1", true, object.union(logging, basic("ReadOnly", ["arn:aws:s3"])))
	testing.messages(id, bucket) == ["CloudTrail trails were not collected for 111122223333 us-east-1"] with data.inventory as testing.context([reads])
}

test_not_evaluated_when_one_half_is_recorded_and_a_trail_is_unknown if {
	reads := trail("reads", "us-east-1", true, object.union(logging, basic("ReadOnly", ["arn:aws:s3"])))
	messages_with([reads, trail("cfg", "us-east-1", true, {})]) == ["the event selectors of CloudTrail trail cfg are not in the inventory"]
}

# A stopped trail records nothing whatever its selectors, so unknown selectors do not matter.
test_fails_with_a_stopped_trail_whose_selectors_are_unknown if {
	messages_with([trail("paused", "us-east-1", true, stopped)]) == [no_events]
}

# The note names every stopped trail that would record a missing half, and only those.
test_names_the_stopped_trails_that_would_record_the_missing_events if {
	ts := [
		trail("paused-b", "us-east-1", true, object.union(stopped, basic("ReadOnly", ["arn:aws:s3"]))),
		trail("paused-a", "us-east-1", true, object.union(stopped, basic("All", ["arn:aws:s3:::training-data/"]))),
		trail("paused-mgmt", "us-east-1", true, object.union(stopped, no_data_events)),
	]
	messages_with(ts) == ["No CloudTrail trail records S3 data events for objects in bucket training-data, so reads and writes of its training data leave no audit trail (trail paused-a, paused-b would record them but is not logging)."]
}
