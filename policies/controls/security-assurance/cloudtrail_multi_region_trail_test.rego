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
	testing.messages(id, collected) == ["No logging multi-region CloudTrail trail of 111122223333 us-east-1 records write management events."] with data.inventory as testing.context([all_regions(basic({"readWriteType": "ReadOnly"}))])
}

test_fails_with_advanced_selectors_without_management_events if {
	s := advanced([{"name": "S3 data", "fieldSelectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}])
	status_with(s) == "fail"
}

test_fails_with_advanced_management_write_only if {
	every condition in [{"field": "readOnly", "equals": ["false"]}, {"field": "readOnly", "notEquals": ["true"]}] {
		ctx := testing.context([all_regions(advanced([management_selector([condition])]))])
		testing.status(id, collected) == "fail" with data.inventory as ctx
		testing.messages(id, collected) == ["No logging multi-region CloudTrail trail of 111122223333 us-east-1 records read management events."] with data.inventory as ctx
	}
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
	testing.messages(id, collected) == ["the event selectors of trail all-regions are not in the inventory (AWS Config does not record it; live collection does)"] with data.inventory as testing.context([all_regions(logging)])
	denied := object.union(all_regions(logging), {"collectionErrors": {"EventSelectors": "cloudtrail:GetEventSelectors was denied (AccessDeniedException)"}})
	testing.messages(id, collected) == ["the event selectors of trail all-regions could not be read: cloudtrail:GetEventSelectors was denied (AccessDeniedException)"] with data.inventory as testing.context([denied])

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

# Without this region's collection a trail homed here is unseen: trails found elsewhere that do
# not record everything prove nothing (one that does is enough for a pass, tested above).
test_not_evaluated_when_trails_here_were_not_collected_and_those_found_fall_short if {
	ctx := testing.context([trail("111122223333", "eu-west-1", "all-regions", true, object.union(stopped, default_selector))])
	r := account(["AWS::S3::Bucket"], {})
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == ["CloudTrail trails were not collected for this account and region"] with data.inventory as ctx
}

# Once one trail records everything, what is unknown about the others does not matter.
test_passes_when_one_good_trail_among_unknown_ones if {
	other := json.patch(collected, [{"op": "add", "path": "/configuration/cloudtrailMultiRegionTrailsFromOtherRegions", "value": {"trails": [{"trailARN": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org", "name": "org", "homeRegion": "eu-west-1"}]}}])
	ctx := testing.context([
		all_regions(good),
		trail("111122223333", "eu-west-1", "status-unknown", true, default_selector),
		trail("111122223333", "eu-west-2", "selectors-unknown", true, logging),
	])
	testing.status(id, other) == "pass" with data.inventory as ctx
}

test_names_every_stopped_trail_and_a_trail_without_a_name_by_its_id if {
	unnamed := json.patch(trail("111122223333", "eu-west-1", "arn:aws:cloudtrail:eu-west-1:111122223333:trail/legacy", true, stopped), [{"op": "replace", "path": "/name", "value": null}])
	every name in [null, ""] {
		t := json.patch(unnamed, [{"op": "replace", "path": "/name", "value": name}])
		ctx := testing.context([all_regions(object.union(stopped, default_selector)), t])
		testing.messages(id, collected) == ["The multi-region CloudTrail trail(s) of 111122223333 us-east-1 are not logging: all-regions, arn:aws:cloudtrail:eu-west-1:111122223333:trail/legacy."] with data.inventory as ctx
	}
}

# A trail of another home region is judged once it is in the inventory; one that is not, even
# listed without a name or home region, leaves the result unknown.
test_a_trail_homed_elsewhere_is_judged_once_collected if {
	listed := {"trailARN": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org", "name": "org", "homeRegion": "eu-west-1"}
	r := json.patch(collected, [{"op": "add", "path": "/configuration/cloudtrailMultiRegionTrailsFromOtherRegions", "value": {"trails": [listed]}}])
	testing.messages(id, r) == ["The multi-region CloudTrail trail(s) of 111122223333 us-east-1 are not logging: org."] with data.inventory as testing.context([trail("111122223333", "eu-west-1", "org", true, object.union(stopped, default_selector))])
	bare := json.patch(collected, [{"op": "add", "path": "/configuration/cloudtrailMultiRegionTrailsFromOtherRegions", "value": {"trails": [{"trailARN": listed.trailARN}]}}])
	testing.messages(id, bare) == ["multi-region trail arn:aws:cloudtrail:eu-west-1:111122223333:trail/org (home region unknown) covers this region but is not in the inventory: scan its home region to judge it"] with data.inventory as testing.context([])
}
