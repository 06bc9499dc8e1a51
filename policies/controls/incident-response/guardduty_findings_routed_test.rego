package cafscan.tests.guardduty_findings_routed

import data.cafscan.testing

id := "CAFAI-IR-01"

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::Events::Rule"], {})

not_collected := account([], {})

topic := "arn:aws:sns:us-east-1:111122223333:oncall"

guardduty_pattern := {"source": ["aws.guardduty"], "detail-type": ["GuardDuty Finding"]}

rule_in(account_id, region, configuration) := {
	"type": "AWS::Events::Rule", "id": "guardduty-findings",
	"arn": sprintf("arn:aws:events:%s:%s:rule/guardduty-findings", [region, account_id]),
	"name": "guardduty-findings", "accountId": account_id, "region": region,
	"configuration": object.union(
		{"Name": "guardduty-findings", "EventPattern": guardduty_pattern, "State": "ENABLED", "Targets": [{"Arn": topic, "Id": "oncall"}]},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

rule(configuration) := rule_in("111122223333", "us-east-1", configuration)

fails_with(r) if {
	testing.status(id, collected) == "fail" with data.inventory as testing.context([r])
}

test_fails_without_rules_when_collected if {
	testing.status(id, collected) == "fail" with data.inventory as testing.context([])
	testing.messages(id, collected) == ["No enabled EventBridge rule in 111122223333 us-east-1 sends GuardDuty findings to a target."] with data.inventory as testing.context([])
}

test_fails_with_disabled_rule if fails_with(rule({"State": "DISABLED"}))

test_fails_with_rule_without_targets if fails_with(json.patch(rule({}), [{"op": "replace", "path": "/configuration/Targets", "value": []}]))

test_fails_with_rule_missing_targets_key if fails_with(json.remove(rule({}), ["configuration/Targets"]))

test_fails_with_rule_for_other_source if fails_with(rule({"EventPattern": {"source": ["aws.securityhub"]}}))

test_fails_with_unparsable_pattern if fails_with(rule({"EventPattern": `{"source": ["aws.guardduty"]`}))

test_fails_with_rule_on_custom_bus if fails_with(rule({"EventBusName": "security"}))

test_fails_when_rule_is_in_another_region_or_account if {
	ctx := testing.context([rule_in("111122223333", "eu-west-1", {}), rule_in("444455556666", "us-east-1", {})])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_passes_with_routing_rule if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([rule({})])
}

test_passes_with_pattern_as_json_string if {
	r := rule({"EventPattern": `{"source":"aws.guardduty"}`, "EventBusName": "default"})
	testing.status(id, collected) == "pass" with data.inventory as testing.context([r])
}

test_passes_on_default_bus_given_by_arn if {
	r := rule({"EventBusName": "arn:aws:events:us-east-1:111122223333:event-bus/default"})
	testing.status(id, collected) == "pass" with data.inventory as testing.context([r])
}

test_passes_even_if_rules_not_fully_collected if {
	testing.status(id, not_collected) == "pass" with data.inventory as testing.context([rule({})])
}

test_not_evaluated_when_rules_not_collected if {
	ctx := testing.context([rule({"State": "DISABLED"})])
	testing.status(id, not_collected) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, not_collected) == ["EventBridge rules were not collected for this account and region"] with data.inventory as ctx
}

test_not_evaluated_gives_collection_failure if {
	r := account([], {"AWS::Events::Rule": "AccessDenied"})
	testing.messages(id, r) == ["EventBridge rules could not be collected for this account and region: AccessDenied"] with data.inventory as testing.context([])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, rule({})) with data.inventory as testing.context([])
}

# ListTargetsByRule failed for the GuardDuty rule: its targets are unknown, not absent.
test_not_evaluated_when_a_guardduty_rules_targets_could_not_be_read if {
	r := object.union(json.remove(rule({}), ["configuration/Targets"]), {"collectionErrors": {"Targets": "events:ListTargetsByRule was denied (AccessDeniedException)"}})
	testing.status(id, collected) == "not_evaluated" with data.inventory as testing.context([r])
	testing.messages(id, collected) == ["the targets of EventBridge rule guardduty-findings could not be read"] with data.inventory as testing.context([r])
}

test_fails_when_the_pattern_names_other_guardduty_detail_types_only if {
	fails_with(rule({"EventPattern": {"source": ["aws.guardduty"], "detail-type": ["GuardDuty Malware Protection Object Scan Result"]}}))
}

test_passes_when_the_pattern_has_no_detail_type_condition if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([rule({"EventPattern": {"source": ["aws.guardduty"]}})])
}

# A rule created with State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS is enabled too.
test_passes_with_a_rule_enabled_with_cloudtrail_management_events if {
	ctx := testing.context([rule({"State": "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"})])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

other_rule(configuration) := object.union(rule(configuration), {
	"id": "ec2-changes", "arn": "arn:aws:events:us-east-1:111122223333:rule/ec2-changes", "name": "ec2-changes",
	"configuration": {"Name": "ec2-changes"},
})

# Unreadable targets matter only on a rule that listens to GuardDuty findings, and only while no
# other rule is known to route them.
test_unreadable_targets_of_other_rules_do_not_matter if {
	unrelated := json.remove(object.union(other_rule({"EventPattern": {"source": ["aws.ec2"]}}), {"collectionErrors": {"Targets": "events:ListTargetsByRule AccessDeniedException"}}), ["configuration/Targets"])
	testing.status(id, collected) == "fail" with data.inventory as testing.context([unrelated])
	unread := json.remove(object.union(other_rule({}), {"collectionErrors": {"Targets": "events:ListTargetsByRule AccessDeniedException"}}), ["configuration/Targets"])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([rule({}), unread])
}
