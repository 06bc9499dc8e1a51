package cafscan.tests.sagemaker_endpoint_invocations_logged

import data.cafscan.testing

id := "CAFAI-TD-06"

endpoint := {
	"type": "AWS::SageMaker::Endpoint", "id": "churn",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn",
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"EndpointName": "churn", "EndpointConfigName": "churn-config", "EndpointStatus": "InService"},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::CloudTrail::Trail"], {})

trail_in(region, multi_region, supplementary) := {
	"type": "AWS::CloudTrail::Trail", "id": "main",
	"arn": sprintf("arn:aws:cloudtrail:%s:111122223333:trail/main", [region]),
	"name": "main", "accountId": "111122223333", "region": region,
	"configuration": {"name": "main", "homeRegion": region, "isMultiRegionTrail": multi_region, "hasCustomEventSelectors": true},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

trail(supplementary) := trail_in("us-east-1", false, supplementary)

logging(is_logging) := {"TrailStatus": {"isLogging": is_logging}}

management := {"name": "Management events", "fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}]}

endpoint_data(extra) := {"name": "SageMaker endpoints", "fieldSelectors": array.concat(
	[{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::SageMaker::Endpoint"]}],
	extra,
)}

advanced(selectors) := {"AdvancedEventSelectors": selectors}

recording_trail(is_logging) := trail(object.union(logging(is_logging), advanced([management, endpoint_data([])])))

test_passes_with_a_logging_trail_recording_endpoint_data_events if {
	testing.status(id, endpoint) == "pass" with data.inventory as testing.context([collected, recording_trail(true)])
}

test_passes_with_a_multi_region_trail_homed_elsewhere if {
	t := trail_in("eu-west-1", true, object.union(logging(true), advanced([endpoint_data([])])))
	testing.status(id, endpoint) == "pass" with data.inventory as testing.context([collected, t])
}

test_passes_with_an_arn_condition_that_admits_the_endpoint if {
	sel := endpoint_data([{"field": "resources.ARN", "startsWith": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/"]}])
	testing.status(id, endpoint) == "pass" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

# Basic event selectors can only name S3 objects, Lambda functions and DynamoDB tables: a trail
# with basic selectors (here all S3 object data events) has known selectors and does not record
# endpoint invocations.
test_fails_with_basic_event_selectors if {
	basic := {"EventSelectors": [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}
	ctx := testing.context([collected, trail(object.union(logging(true), basic))])
	testing.status(id, endpoint) == "fail" with data.inventory as ctx
	testing.messages(id, endpoint) == ["No CloudTrail trail records the invocations (data events) of endpoint churn."] with data.inventory as ctx
}

test_fails_with_management_events_only if {
	ctx := testing.context([collected, trail(object.union(logging(true), advanced([management])))])
	testing.status(id, endpoint) == "fail" with data.inventory as ctx
	testing.messages(id, endpoint) == ["No CloudTrail trail records the invocations (data events) of endpoint churn."] with data.inventory as ctx
}

test_fails_with_default_selectors_known_from_config if {
	t := json.patch(trail({}), [{"op": "replace", "path": "/configuration/hasCustomEventSelectors", "value": false}])
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, t])
}

test_fails_without_any_trail if {
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected])
}

test_fails_when_the_recording_trail_is_stopped if {
	ctx := testing.context([collected, recording_trail(false)])
	testing.messages(id, endpoint) == ["The CloudTrail trail(s) that record the invocations of endpoint churn (main) are not logging."] with data.inventory as ctx
}

test_fails_when_the_arn_condition_excludes_the_endpoint if {
	sel := endpoint_data([{"field": "resources.ARN", "equals": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud"]}])
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

test_fails_when_a_not_condition_excludes_the_endpoint if {
	sel := endpoint_data([{"field": "resources.ARN", "notStartsWith": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/ch"]}])
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

test_fails_when_only_other_event_names_are_selected if {
	sel := endpoint_data([{"field": "eventName", "equals": ["GetRecord"]}])
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

test_fails_when_the_only_recording_trail_is_single_region_elsewhere if {
	t := trail_in("eu-west-1", false, object.union(logging(true), advanced([endpoint_data([])])))
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, t])
}

test_not_evaluated_when_trails_were_not_collected if {
	ctx := testing.context([account([], {})])
	testing.status(id, endpoint) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, endpoint) == ["CloudTrail trails were not collected for this account"] with data.inventory as ctx
}

test_not_evaluated_gives_the_collection_failure if {
	ctx := testing.context([account([], {"AWS::CloudTrail::Trail": "AccessDenied"})])
	testing.messages(id, endpoint) == ["CloudTrail trails could not be collected for this account: AccessDenied"] with data.inventory as ctx
}

test_not_evaluated_when_selectors_are_unknown if {
	ctx := testing.context([collected, trail(logging(true))])
	testing.messages(id, endpoint) == ["the event selectors of trail main are not in the inventory"] with data.inventory as ctx
}

test_not_evaluated_names_the_failed_selector_call if {
	t := object.union(trail(logging(true)), {"collectionErrors": {"EventSelectors": "GetEventSelectors: AccessDeniedException"}})
	testing.messages(id, endpoint) == ["the event selectors of trail main could not be read: GetEventSelectors: AccessDeniedException"] with data.inventory as testing.context([collected, t])
}

test_not_evaluated_when_the_recording_trail_status_is_unknown if {
	t := trail(advanced([endpoint_data([])]))
	testing.messages(id, endpoint) == ["whether trail main is logging is not in the inventory"] with data.inventory as testing.context([collected, t])
}

test_passes_when_one_trail_records_even_if_others_are_unknown if {
	unknown := object.union(trail({}), {"id": "audit", "name": "audit", "arn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/audit"})
	ctx := testing.context([account([], {}), recording_trail(true), unknown])
	testing.status(id, endpoint) == "pass" with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, recording_trail(true)) with data.inventory as testing.context([collected])
}

# --- advanced selector conditions ------------------------------------------------------------

selector_status(extra) := s if {
	ctx := testing.context([collected, trail(object.union(logging(true), advanced([management, endpoint_data(extra)])))])
	s := testing.status(id, endpoint) with data.inventory as ctx
}

test_arn_prefix_conditions if {
	selector_status([{"field": "resources.ARN", "startsWith": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud"]}]) == "fail"
	selector_status([{"field": "resources.ARN", "startsWith": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/ch"]}]) == "pass"
}

test_arn_suffix_conditions if {
	selector_status([{"field": "resources.ARN", "endsWith": ["/fraud"]}]) == "fail"
	selector_status([{"field": "resources.ARN", "endsWith": ["/churn"]}]) == "pass"
	selector_status([{"field": "resources.ARN", "endsWith": ["/fraud", "/churn"]}]) == "pass"
}

test_arn_exclusions if {
	selector_status([{"field": "resources.ARN", "notEquals": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn"]}]) == "fail"
	selector_status([{"field": "resources.ARN", "notEquals": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud"]}]) == "pass"
	selector_status([{"field": "resources.ARN", "notStartsWith": ["arn:aws:sagemaker:us-east-1:111122223333:endpoint/fr"]}]) == "pass"
	selector_status([{"field": "resources.ARN", "notEndsWith": ["/churn"]}]) == "fail"
	selector_status([{"field": "resources.ARN", "notEndsWith": ["/fraud"]}]) == "pass"
}

test_event_name_conditions if {
	selector_status([{"field": "eventName", "equals": ["InvokeEndpoint"]}]) == "pass"
	selector_status([{"field": "eventName", "notEquals": ["InvokeEndpoint"]}]) == "fail"
}

# eventSource and eventType are known for an invocation; a condition on who calls
# (userIdentity.arn, sessionCredentialFromConsole) records only some callers' invocations.
test_event_source_and_type_conditions if {
	selector_status([{"field": "eventSource", "equals": ["sagemaker.amazonaws.com"]}]) == "pass"
	selector_status([{"field": "eventSource", "equals": ["s3.amazonaws.com"]}]) == "fail"
	selector_status([{"field": "eventType", "equals": ["AwsApiCall"]}]) == "pass"
	selector_status([{"field": "eventType", "notEquals": ["AwsApiCall"]}]) == "fail"
}

test_caller_conditions_record_only_some_invocations if {
	selector_status([{"field": "userIdentity.arn", "equals": ["arn:aws:sts::111122223333:assumed-role/app/session"]}]) == "fail"
	selector_status([{"field": "userIdentity.arn", "notStartsWith": ["arn:aws:sts::111122223333:assumed-role/batch/"]}]) == "fail"
	selector_status([{"field": "sessionCredentialFromConsole", "equals": ["true"]}]) == "fail"
	selector_status([{"field": "userIdentity.arn"}]) == "pass"
}

# Whether CloudTrail marks InvokeEndpoint read-only is not known to cafscan: a readOnly condition
# that keeps both kinds admits it, one that keeps a single kind leaves the result unknown.
test_read_only_conditions if {
	selector_status([{"field": "readOnly", "equals": ["true", "false"]}]) == "pass"
	selector_status([{"field": "readOnly", "equals": ["false"]}]) == "not_evaluated"
	selector_status([{"field": "readOnly", "notEquals": ["false"]}]) == "not_evaluated"
	ctx := testing.context([collected, trail(object.union(logging(true), advanced([management, endpoint_data([{"field": "readOnly", "equals": ["true"]}])])))])
	testing.messages(id, endpoint) == ["trail main records the endpoint's data events only if they are read-only, or only if they are not, and whether CloudTrail marks InvokeEndpoint read-only is not known"] with data.inventory as ctx
}

# The readOnly doubt only matters for a selector that would otherwise record the endpoint, on a
# trail that is not stopped, and while no other trail is known to record it.
test_read_only_doubt_is_limited if {
	read_only := endpoint_data([{"field": "readOnly", "equals": ["true"]}])
	s3_read_only := {"name": "s3", "fieldSelectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}, {"field": "readOnly", "equals": ["true"]}]}
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([s3_read_only])))])
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(false), advanced([read_only])))])
	testing.status(id, endpoint) == "pass" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([read_only, endpoint_data([])])))])
	testing.status(id, endpoint) == "pass" with data.inventory as testing.context([collected, recording_trail(true), named_trail("backup", object.union(logging(true), advanced([read_only])))])
}

# A selector that names the endpoint type but whose event category is not Data records no
# invocation.
test_fails_when_the_event_category_is_not_data if {
	sel := {"name": "wrong", "fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}, {"field": "resources.type", "equals": ["AWS::SageMaker::Endpoint"]}]}
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

test_fails_when_the_data_selector_names_other_types if {
	sel := {"name": "s3", "fieldSelectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

# CloudTrail documents only Equals on resources.type; a type condition in another form is not
# taken as selecting the endpoint.
test_fails_when_the_type_is_not_given_by_equals if {
	sel := {"name": "odd", "fieldSelectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "startsWith": ["AWS::SageMaker::"]}]}
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

# Every condition of a selector must hold, the type condition included.
test_fails_when_a_type_condition_also_excludes_the_endpoint if {
	sel := endpoint_data([{"field": "resources.type", "notEquals": ["AWS::SageMaker::Endpoint"]}])
	testing.status(id, endpoint) == "fail" with data.inventory as testing.context([collected, trail(object.union(logging(true), advanced([sel])))])
}

# --- several trails --------------------------------------------------------------------------

named_trail(name, supplementary) := object.union(trail(supplementary), {
	"id": name, "name": name,
	"arn": concat("", ["arn:aws:cloudtrail:us-east-1:111122223333:trail/", name]),
	"configuration": {"name": name},
})

test_passes_when_a_second_recording_trail_is_stopped if {
	ctx := testing.context([collected, recording_trail(true), named_trail("backup", object.union(logging(false), advanced([endpoint_data([])])))])
	testing.status(id, endpoint) == "pass" with data.inventory as ctx
}

test_passes_when_a_second_recording_trail_has_unknown_status if {
	ctx := testing.context([collected, recording_trail(true), named_trail("backup", advanced([endpoint_data([])]))])
	testing.status(id, endpoint) == "pass" with data.inventory as ctx
}

test_stopped_message_names_every_stopped_recorder_and_only_them if {
	ctx := testing.context([
		collected, recording_trail(false),
		named_trail("backup", object.union(logging(false), advanced([endpoint_data([])]))),
		named_trail("audit", object.union(logging(false), advanced([management]))),
	])
	testing.messages(id, endpoint) == ["The CloudTrail trail(s) that record the invocations of endpoint churn (backup, main) are not logging."] with data.inventory as ctx
}

test_stopped_message_falls_back_to_the_trail_id if {
	t := object.union(recording_trail(false), {"id": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"})
	empty := json.patch(t, [{"op": "replace", "path": "/name", "value": ""}])
	null_name := json.patch(t, [{"op": "replace", "path": "/name", "value": null}])
	expected := ["The CloudTrail trail(s) that record the invocations of endpoint churn (arn:aws:cloudtrail:us-east-1:111122223333:trail/main) are not logging."]
	testing.messages(id, endpoint) == expected with data.inventory as testing.context([collected, empty])
	testing.messages(id, endpoint) == expected with data.inventory as testing.context([collected, null_name])
}

test_not_evaluated_names_the_failed_status_call if {
	t := object.union(trail(advanced([endpoint_data([])])), {"collectionErrors": {"TrailStatus": "GetTrailStatus: AccessDeniedException"}})
	testing.messages(id, endpoint) == ["whether trail main is logging could not be read: GetTrailStatus: AccessDeniedException"] with data.inventory as testing.context([collected, t])
}

# A collection error recorded in an unexpected shape is not quoted as if it were a message.
test_not_evaluated_ignores_a_malformed_collection_error if {
	t := object.union(trail(logging(true)), {"collectionErrors": {"EventSelectors": {"code": "AccessDenied"}}})
	testing.messages(id, endpoint) == ["the event selectors of trail main are not in the inventory"] with data.inventory as testing.context([collected, t])
}

# --- collection of the account's trails ------------------------------------------------------

test_passes_when_a_recording_trail_is_known_despite_a_failed_listing if {
	ctx := testing.context([account([], {"AWS::CloudTrail::Trail": "AccessDenied"}), recording_trail(true)])
	testing.status(id, endpoint) == "pass" with data.inventory as ctx
}

# DescribeTrails in the endpoint's region also returns the multi-region trails homed elsewhere, so
# a failed listing in another region does not make the verdict unknown.
test_fails_when_the_listing_failed_only_in_another_region if {
	other := json.patch(account([], {"AWS::CloudTrail::Trail": "AccessDenied"}), [
		{"op": "replace", "path": "/id", "value": "111122223333/eu-west-1"},
		{"op": "replace", "path": "/arn", "value": "arn:aws::eu-west-1:111122223333:account"},
		{"op": "replace", "path": "/region", "value": "eu-west-1"},
	])
	ctx := testing.context([collected, other, trail(object.union(logging(true), advanced([management])))])
	testing.status(id, endpoint) == "fail" with data.inventory as ctx
}

test_not_evaluated_ignores_a_malformed_failure_record if {
	ctx := testing.context([account([], {"AWS::CloudTrail::Trail": {"code": "AccessDenied"}})])
	testing.messages(id, endpoint) == ["CloudTrail trails were not collected for this account"] with data.inventory as ctx
}
