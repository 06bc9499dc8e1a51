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

test_passes_with_a_basic_data_resource_selector if {
	basic := {"EventSelectors": [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": [{"type": "AWS::SageMaker::Endpoint", "values": ["arn:aws:sagemaker"]}]}]}
	testing.status(id, endpoint) == "pass" with data.inventory as testing.context([collected, trail(object.union(logging(true), basic))])
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
