package cafscan.tests.cloudtrail_multi_region_trail

import data.cafscan.testing

id := "CAFAI-SA-01"

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::CloudTrail::Trail"], {})

# GetTrailStatus and GetEventSelectors as the live collector records them.
logging := {"TrailStatus": {"isLogging": true}}

stopped := {"TrailStatus": {"isLogging": false}}

default_selector := {"EventSelectors": [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": [], "excludeManagementEventSources": []}]}

good := object.union(logging, default_selector)

basic(selector) := object.union(logging, {"EventSelectors": [selector]})

advanced(selectors) := object.union(logging, {"AdvancedEventSelectors": selectors})

management_selector(extra) := {"name": "Management", "fieldSelectors": array.concat([{"field": "eventCategory", "equals": ["Management"]}], extra)}

trail_with(account_id, region, name, multi_region, supplementary, has_custom) := {
	"type": "AWS::CloudTrail::Trail", "id": name, "arn": sprintf("arn:aws:cloudtrail:%s:%s:trail/%s", [region, account_id, name]),
	"name": name, "accountId": account_id, "region": region,
	"configuration": {"name": name, "homeRegion": region, "isMultiRegionTrail": multi_region, "logFileValidationEnabled": true, "hasCustomEventSelectors": has_custom},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

trail(account_id, region, name, multi_region, supplementary) := trail_with(account_id, region, name, multi_region, supplementary, true)

all_regions(supplementary) := trail("111122223333", "us-east-1", "all-regions", true, supplementary)

status_with(supplementary) := s if {
	s := testing.status(id, collected) with data.inventory as testing.context([all_regions(supplementary)])
}

test_fails_with_only_single_region_trails if {
	ctx := testing.context([trail("111122223333", "us-east-1", "local", false, good)])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["No multi-region CloudTrail trail records API activity for 111122223333 us-east-1."] with data.inventory as ctx
}

test_fails_with_no_trails_when_collected if {
	testing.status(id, collected) == "fail" with data.inventory as testing.context([])
}

test_fails_when_only_another_account_has_a_multi_region_trail if {
	ctx := testing.context([trail("444455556666", "us-east-1", "org", true, good)])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_fails_when_the_multi_region_trail_is_stopped if {
	ctx := testing.context([all_regions(object.union(stopped, default_selector))])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["The multi-region CloudTrail trail(s) of 111122223333 us-east-1 are not logging: all-regions."] with data.inventory as ctx
}

test_fails_when_stopped_even_if_selectors_unknown if {
	status_with(stopped) == "fail"
}

test_fails_when_management_events_are_excluded if {
	s := basic({"readWriteType": "All", "includeManagementEvents": false, "dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]})
	status_with(s) == "fail"
	ctx := testing.context([all_regions(s)])
	testing.messages(id, collected) == ["No logging multi-region CloudTrail trail of 111122223333 us-east-1 records read and write management events."] with data.inventory as ctx
}

test_fails_when_only_write_management_events_are_recorded if {
	s := basic({"readWriteType": "WriteOnly", "includeManagementEvents": true})
	ctx := testing.context([all_regions(s)])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["No logging multi-region CloudTrail trail of 111122223333 us-east-1 records read management events."] with data.inventory as ctx
}

test_fails_when_only_read_management_events_are_recorded if {
	status_with(basic({"readWriteType": "ReadOnly"})) == "fail"
}

test_fails_with_advanced_selectors_without_management_events if {
	s := advanced([{"name": "S3 data", "fieldSelectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}])
	status_with(s) == "fail"
}

test_fails_with_advanced_management_write_only if {
	status_with(advanced([management_selector([{"field": "readOnly", "equals": ["false"]}])])) == "fail"
	status_with(advanced([management_selector([{"field": "readOnly", "notEquals": ["true"]}])])) == "fail"
}

test_fails_when_the_only_full_trail_is_single_region if {
	ctx := testing.context([
		trail("111122223333", "us-east-1", "local", false, good),
		all_regions(object.union(stopped, default_selector)),
	])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_passes_with_multi_region_trail_in_another_region if {
	ctx := testing.context([trail("111122223333", "eu-west-1", "all-regions", true, good)])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

test_passes_with_multi_region_trail_even_if_not_collected_here if {
	ctx := testing.context([all_regions(good)])
	testing.status(id, account([], {})) == "pass" with data.inventory as ctx
}

test_passes_with_absent_defaults_of_the_basic_selector if {
	# IncludeManagementEvents and ReadWriteType default to true and All.
	status_with(basic({"dataResources": []})) == "pass"
}

test_passes_with_advanced_management_selector if {
	status_with(advanced([management_selector([{"field": "eventSource", "notEquals": ["kms.amazonaws.com"]}])])) == "pass"
}

test_passes_with_read_and_write_from_two_advanced_selectors if {
	status_with(advanced([
		management_selector([{"field": "readOnly", "equals": ["true"]}]),
		management_selector([{"field": "readOnly", "equals": ["false"]}]),
	])) == "pass"
}

test_passes_when_selectors_were_never_set if {
	# moto 5.2 answers GetEventSelectors with [] where AWS gives the default selector; both are
	# a trail without custom selectors, which records all management events.
	ctx := testing.context([trail_with("111122223333", "us-east-1", "all-regions", true, object.union(logging, {"EventSelectors": []}), false)])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

test_passes_when_one_good_trail_among_stopped_ones if {
	ctx := testing.context([all_regions(good), trail("111122223333", "eu-west-1", "old", true, stopped)])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

test_not_evaluated_when_logging_status_unknown if {
	ctx := testing.context([all_regions(default_selector)])
	testing.status(id, collected) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, collected) == ["whether trail all-regions is logging is not in the inventory (AWS Config does not record it; live collection does)"] with data.inventory as ctx
}

test_not_evaluated_when_logging_status_was_denied if {
	t := object.union(all_regions(default_selector), {"collectionErrors": {"TrailStatus": "cloudtrail:GetTrailStatus was denied (AccessDeniedException)"}})
	testing.messages(id, collected) == ["whether trail all-regions is logging could not be read: cloudtrail:GetTrailStatus was denied (AccessDeniedException)"] with data.inventory as testing.context([t])
}

test_not_evaluated_when_selectors_unknown if {
	status_with(logging) == "not_evaluated"

	# An empty list is no evidence when the trail is known to have custom selectors.
	status_with(object.union(logging, {"EventSelectors": []})) == "not_evaluated"
}

test_not_evaluated_with_config_shaped_trail if {
	# AWS Config records neither status nor selectors, only hasCustomEventSelectors.
	ctx := testing.context([trail_with("111122223333", "us-east-1", "all-regions", true, {}, false)])
	testing.status(id, collected) == "not_evaluated" with data.inventory as ctx
}

test_not_evaluated_when_trails_not_collected if {
	r := account(["AWS::S3::Bucket"], {})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, r) == ["CloudTrail trails were not collected for this account and region"] with data.inventory as testing.context([])
}

test_not_evaluated_gives_collection_failure if {
	r := account([], {"AWS::CloudTrail::Trail": "AccessDeniedException: not authorized to perform cloudtrail:DescribeTrails"})
	testing.messages(id, r) == ["CloudTrail trails could not be collected for this account and region: AccessDeniedException: not authorized to perform cloudtrail:DescribeTrails"] with data.inventory as testing.context([])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, trail("111122223333", "us-east-1", "local", false, good)) with data.inventory as testing.context([])
}

test_not_evaluated_when_a_multi_region_trail_homed_in_an_unscanned_region_covers_this_one if {
	r := json.patch(collected, [{"op": "add", "path": "/configuration/cloudtrailMultiRegionTrailsFromOtherRegions", "value": {"trails": [{"trailARN": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org", "name": "org", "homeRegion": "eu-west-1"}]}}])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, r) == ["multi-region trail org (home region eu-west-1) covers this region but is not in the inventory: scan its home region to judge it"] with data.inventory as testing.context([])

	# Collected from its home region, it is judged.
	t := trail("111122223333", "eu-west-1", "org", true, good)
	testing.status(id, r) == "pass" with data.inventory as testing.context([t])
}
