package cafscan.tests.cloudtrail_bedrock_data_events

import data.cafscan.testing

id := "CAFAI-SA-91"

account(collected, facts) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": {}}, facts),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

bedrock_types := ["AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail"]

collected := account(array.concat(["AWS::CloudTrail::Trail"], bedrock_types), {})

# The Bedrock types were listed, the trails were not.
not_collected := account(bedrock_types, {})

# ListAgents denied; the rest collected.
agents_denied := account(["AWS::CloudTrail::Trail", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail"], {"failedTypes": {"AWS::Bedrock::Agent": "AccessDenied on bedrock:ListAgents"}})

agents_unknown := "whether the region has Bedrock agents is unknown: AWS::Bedrock::Agent could not be collected: AccessDenied on bedrock:ListAgents"

bedrock(type, name, region) := {
	"type": type, "id": name, "arn": concat("", ["arn:aws:bedrock:", region, ":111122223333:x/", name]), "name": name,
	"accountId": "111122223333", "region": region, "configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

agent := bedrock("AWS::Bedrock::Agent", "support-agent", "us-east-1")

kb := bedrock("AWS::Bedrock::KnowledgeBase", "policies-kb", "us-east-1")

guardrail := bedrock("AWS::Bedrock::Guardrail", "pii-guardrail", "us-east-1")

data_selector(type) := {"name": type, "fieldSelectors": [
	{"field": "eventCategory", "equals": ["Data"]},
	{"field": "resources.type", "equals": [type]},
]}

management := {"name": "Management", "fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}]}

trail(name, region, multi, supplementary) := {
	"type": "AWS::CloudTrail::Trail", "id": name, "arn": concat("", ["arn:aws:cloudtrail:", region, ":111122223333:trail/", name]), "name": name,
	"accountId": "111122223333", "region": region,
	"configuration": {"name": name, "isMultiRegionTrail": multi, "hasCustomEventSelectors": true},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

logging_with(selectors) := {"TrailStatus": {"isLogging": true}, "AdvancedEventSelectors": selectors}

all_three := [management, data_selector("AWS::Bedrock::AgentAlias"), data_selector("AWS::Bedrock::KnowledgeBase"), data_selector("AWS::Bedrock::Guardrail")]

test_passes_when_a_multi_region_trail_records_every_type_in_use if {
	ctx := testing.context([agent, kb, guardrail, trail("org", "eu-west-1", true, logging_with(all_three))])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

test_passes_with_one_selector_naming_several_types if {
	both := {"name": "bedrock", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::AgentAlias", "AWS::Bedrock::Guardrail"]},
		{"field": "eventSource", "equals": ["bedrock.amazonaws.com"]},
	]}
	ctx := testing.context([agent, guardrail, trail("local", "us-east-1", false, logging_with([both]))])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

# A selector for another service's events records no Bedrock event, whatever types it names.
test_fails_when_the_event_source_is_another_service if {
	other := {"name": "bedrock", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::AgentAlias"]},
		{"field": "eventSource", "equals": ["s3.amazonaws.com"]},
	]}
	testing.status(id, collected) == "fail" with data.inventory as testing.context([agent, trail("local", "us-east-1", false, logging_with([other]))])
	excluded := {"name": "bedrock", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::AgentAlias"]},
		{"field": "eventSource", "notEquals": ["bedrock.amazonaws.com"]},
	]}
	testing.status(id, collected) == "fail" with data.inventory as testing.context([agent, trail("local", "us-east-1", false, logging_with([excluded]))])
}

test_fails_with_management_events_only if {
	ctx := testing.context([agent, trail("main", "us-east-1", true, logging_with([management]))])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["No logging CloudTrail trail covering 111122223333 us-east-1 records the Bedrock data events of AWS::Bedrock::AgentAlias (an advanced event selector with eventCategory Data and that resources.type, not narrowed further)."] with data.inventory as ctx
}

test_fails_naming_each_unrecorded_type if {
	ctx := testing.context([agent, kb, guardrail, trail("main", "us-east-1", true, logging_with([data_selector("AWS::Bedrock::AgentAlias")]))])
	testing.messages(id, collected) == ["No logging CloudTrail trail covering 111122223333 us-east-1 records the Bedrock data events of AWS::Bedrock::Guardrail, AWS::Bedrock::KnowledgeBase (an advanced event selector with eventCategory Data and that resources.type, not narrowed further)."] with data.inventory as ctx
}

test_fails_without_any_trail if {
	testing.status(id, collected) == "fail" with data.inventory as testing.context([kb])
}

test_fails_when_the_recording_trail_is_stopped if {
	stopped := {"TrailStatus": {"isLogging": false}, "AdvancedEventSelectors": all_three}
	testing.status(id, collected) == "fail" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, stopped)])
}

test_fails_when_only_a_trail_of_another_region_records_them if {
	ctx := testing.context([kb, trail("eu", "eu-west-1", false, logging_with(all_three))])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_fails_when_the_selector_is_narrowed if {
	read_only := {"name": "kb reads", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::KnowledgeBase"]},
		{"field": "readOnly", "equals": ["true"]},
	]}
	testing.status(id, collected) == "fail" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, logging_with([read_only]))])
	not_arn := {"name": "kb", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::KnowledgeBase"], "notEquals": ["x"]},
	]}
	testing.status(id, collected) == "fail" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, logging_with([not_arn]))])
	management_kb := {"name": "kb", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Management"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::KnowledgeBase"]},
	]}
	testing.status(id, collected) == "fail" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, logging_with([management_kb]))])
}

test_basic_selectors_or_defaults_record_no_bedrock_data_events if {
	basic := {"TrailStatus": {"isLogging": true}, "EventSelectors": [{"readWriteType": "All", "includeManagementEvents": true}]}
	testing.status(id, collected) == "fail" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, basic)])
	default_trail := object.union(trail("main", "us-east-1", true, {"TrailStatus": {"isLogging": true}}), {"configuration": {"hasCustomEventSelectors": false, "isMultiRegionTrail": true}})
	testing.status(id, collected) == "fail" with data.inventory as testing.context([kb, default_trail])
}

test_not_evaluated_when_selectors_are_unknown if {
	ctx := testing.context([kb, trail("main", "us-east-1", true, {"TrailStatus": {"isLogging": true}})])
	testing.status(id, collected) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, collected) == ["the event selectors of trail main are not in the inventory (AWS Config does not record it; live collection does)"] with data.inventory as ctx
	failed := object.union(trail("main", "us-east-1", true, {"TrailStatus": {"isLogging": true}}), {"collectionErrors": {"EventSelectors": "cloudtrail:GetEventSelectors was denied (AccessDeniedException)"}})
	testing.messages(id, collected) == ["the event selectors of trail main could not be read: cloudtrail:GetEventSelectors was denied (AccessDeniedException)"] with data.inventory as testing.context([kb, failed])
}

test_not_evaluated_when_logging_status_is_unknown if {
	ctx := testing.context([kb, trail("main", "us-east-1", true, {"AdvancedEventSelectors": [management]})])
	testing.messages(id, collected) == ["whether trail main is logging is not in the inventory (AWS Config does not record it; live collection does)"] with data.inventory as ctx
	unnamed := object.union(trail("main", "us-east-1", true, {}), {"name": ""})
	testing.messages(id, collected) == ["whether trail main is logging is not in the inventory (AWS Config does not record it; live collection does)"] with data.inventory as testing.context([kb, unnamed])
}

test_unknown_trails_do_not_matter_once_everything_is_recorded if {
	ctx := testing.context([kb, trail("main", "us-east-1", true, logging_with(all_three)), trail("other", "us-east-1", false, {})])
	testing.status(id, collected) == "pass" with data.inventory as ctx
	testing.status(id, not_collected) == "pass" with data.inventory as ctx
}

test_not_evaluated_when_trails_were_not_collected if {
	testing.status(id, not_collected) == "not_evaluated" with data.inventory as testing.context([kb])
}

test_not_evaluated_when_a_multi_region_trail_homed_elsewhere_is_missing if {
	r := account(["AWS::CloudTrail::Trail"], {"cloudtrailMultiRegionTrailsFromOtherRegions": {"trails": [{"trailARN": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org", "name": "org", "homeRegion": "eu-west-1"}]}})
	ctx := testing.context([kb])
	testing.messages(id, r) == ["multi-region trail org (home region eu-west-1) covers this region but is not in the inventory: scan its home region to judge it"] with data.inventory as ctx
	present := testing.context([kb, trail("org", "eu-west-1", true, logging_with([management]))])
	testing.status(id, r) == "fail" with data.inventory as present
}

test_not_applicable_without_bedrock_resources_here if {
	ctx := testing.context([bedrock("AWS::Bedrock::Agent", "elsewhere", "eu-west-1"), trail("main", "us-east-1", true, logging_with([management]))])
	testing.not_applicable(id, collected) with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, kb) with data.inventory as testing.context([kb])
}

# Once every type in use is recorded, a logging trail with unknown selectors or a trail homed in an
# unscanned region cannot change the verdict.
test_recorded_everything_needs_nothing_more if {
	unknown_selectors := trail("other", "us-east-1", false, {"TrailStatus": {"isLogging": true}})
	ctx := testing.context([kb, trail("main", "us-east-1", true, logging_with(all_three)), unknown_selectors])
	testing.status(id, collected) == "pass" with data.inventory as ctx
	r := account(["AWS::CloudTrail::Trail"], {"cloudtrailMultiRegionTrailsFromOtherRegions": {"trails": [{"trailARN": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org", "name": "org", "homeRegion": "eu-west-1"}]}})
	testing.status(id, r) == "pass" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, logging_with(all_three))])
	unnamed_elsewhere := account(["AWS::CloudTrail::Trail"], {"cloudtrailMultiRegionTrailsFromOtherRegions": {"trails": [{"trailARN": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org"}]}})
	testing.messages(id, unnamed_elsewhere) == ["multi-region trail arn:aws:cloudtrail:eu-west-1:111122223333:trail/org (home region unknown) covers this region but is not in the inventory: scan its home region to judge it"] with data.inventory as testing.context([kb])
}

test_names_a_trail_without_a_name_by_its_id if {
	nameless := object.union(trail("main", "us-east-1", true, {}), {"name": null})
	testing.messages(id, collected) == ["whether trail main is logging is not in the inventory (AWS Config does not record it; live collection does)"] with data.inventory as testing.context([kb, nameless])
}

test_empty_extra_operators_do_not_narrow if {
	empty_not := {"name": "kb", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"], "notEquals": []},
		{"field": "resources.type", "equals": ["AWS::Bedrock::KnowledgeBase"], "startsWith": []},
	]}
	testing.status(id, collected) == "pass" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, logging_with([empty_not]))])
}

test_one_matching_field_selector_is_enough if {
	doubled := {"name": "kb", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "eventCategory", "equals": ["Data", "Management"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::KnowledgeBase"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail"]},
	]}
	testing.status(id, collected) == "pass" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, logging_with([doubled]))])
	mixed := {"name": "kb", "fieldSelectors": [
		{"field": "eventCategory", "equals": ["Management"]},
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::Guardrail"]},
		{"field": "resources.type", "equals": ["AWS::Bedrock::KnowledgeBase"]},
	]}
	testing.status(id, collected) == "pass" with data.inventory as testing.context([kb, trail("main", "us-east-1", true, logging_with([mixed]))])
}

test_failed_status_read_is_the_reason if {
	failed := object.union(trail("main", "us-east-1", true, {}), {"collectionErrors": {"TrailStatus": "cloudtrail:GetTrailStatus was denied (AccessDeniedException)"}})
	testing.messages(id, collected) == ["whether trail main is logging could not be read: cloudtrail:GetTrailStatus was denied (AccessDeniedException)"] with data.inventory as testing.context([kb, failed])
}

test_not_evaluated_when_the_agent_listing_failed_and_nothing_was_found if {
	ctx := testing.context([trail("main", "us-east-1", true, logging_with([management]))])
	testing.status(id, agents_denied) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, agents_denied) == [agents_unknown] with data.inventory as ctx
}

# The knowledge base's data events are recorded, but agents may exist and theirs are not.
test_not_evaluated_when_what_is_known_is_recorded_but_agents_are_unknown if {
	ctx := testing.context([kb, trail("main", "us-east-1", true, logging_with([data_selector("AWS::Bedrock::KnowledgeBase")]))])
	testing.messages(id, agents_denied) == [agents_unknown] with data.inventory as ctx
}

test_passes_when_a_listing_failed_but_its_data_events_are_recorded if {
	ctx := testing.context([kb, trail("main", "us-east-1", true, logging_with(all_three))])
	testing.status(id, agents_denied) == "pass" with data.inventory as ctx
}

test_a_known_gap_still_fails_when_a_listing_failed if {
	ctx := testing.context([kb, trail("main", "us-east-1", true, logging_with([management]))])
	testing.status(id, agents_denied) == "fail" with data.inventory as ctx
}

test_not_evaluated_when_bedrock_types_were_not_collected if {
	r := account(["AWS::CloudTrail::Trail"], {})
	ctx := testing.context([trail("main", "us-east-1", true, logging_with([management]))])
	testing.messages(id, r) == [
		"whether the region has Bedrock agents is unknown: AWS::Bedrock::Agent were not collected",
		"whether the region has Bedrock guardrails is unknown: AWS::Bedrock::Guardrail were not collected",
		"whether the region has Bedrock knowledge bases is unknown: AWS::Bedrock::KnowledgeBase were not collected",
	] with data.inventory as ctx
}
