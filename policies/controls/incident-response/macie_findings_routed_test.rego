package cafscan.tests.macie_findings_routed

import data.cafscan.testing

id := "CAFAI-IR-97"

account_with(configuration) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"accountId": "111122223333", "region": "us-east-1", "collectedTypes": ["AWS::Events::Rule"], "failedTypes": {}}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

macie(status) := {"macie": {"status": status}}

enabled := account_with(macie("ENABLED"))

topic := "arn:aws:sns:us-east-1:111122223333:data-owners"

macie_pattern := {"source": ["aws.macie"], "detail-type": ["Macie Finding"]}

rule_in(account_id, region, configuration) := {
	"type": "AWS::Events::Rule", "id": "macie-findings",
	"arn": concat("", ["arn:aws:events:", region, ":", account_id, ":rule/macie-findings"]),
	"name": "macie-findings", "accountId": account_id, "region": region,
	"configuration": object.union(
		{"Name": "macie-findings", "EventPattern": macie_pattern, "State": "ENABLED", "Targets": [{"Arn": topic, "Id": "owners"}]},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

rule(configuration) := rule_in("111122223333", "us-east-1", configuration)

status_with(a, resources) := s if {
	s := testing.status(id, a) with data.inventory as testing.context(resources)
}

fails_with(r) if status_with(enabled, [r]) == "fail"

passes_with(r) if status_with(enabled, [r]) == "pass"

test_passes_with_a_routing_rule if {
	testing.status(id, enabled) == "pass" with data.inventory as testing.context([rule({})])
}

test_passes_with_a_string_pattern_without_detail_type if passes_with(rule({"EventPattern": `{"source":["aws.macie"]}`}))

test_passes_on_the_default_bus_by_name_or_arn if {
	passes_with(rule({"EventBusName": "default"}))
	passes_with(rule({"EventBusName": "arn:aws:events:us-east-1:111122223333:event-bus/default"}))
	passes_with(rule({"State": "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"}))
}

test_fails_without_rules if {
	testing.status(id, enabled) == "fail" with data.inventory as testing.context([])
	testing.messages(id, enabled) == ["Amazon Macie is enabled in 111122223333 us-east-1 but no enabled EventBridge rule sends its findings to a target, so sensitive data it finds in AI input data reaches no responder."] with data.inventory as testing.context([])
}

test_fails_with_a_disabled_rule if fails_with(rule({"State": "DISABLED"}))

test_fails_with_a_rule_without_targets if {
	fails_with(json.patch(rule({}), [{"op": "replace", "path": "/configuration/Targets", "value": []}]))
	fails_with(json.remove(rule({}), ["configuration/Targets"]))
}

test_fails_with_a_guardduty_rule if fails_with(rule({"EventPattern": {"source": ["aws.guardduty"]}}))

test_fails_with_another_macie_detail_type if fails_with(rule({"EventPattern": {"source": ["aws.macie"], "detail-type": ["Macie Alert"]}}))

test_fails_with_a_rule_on_a_custom_bus if fails_with(rule({"EventBusName": "security"}))

test_fails_when_the_rule_is_in_another_region_or_account if {
	status_with(enabled, [rule_in("111122223333", "eu-west-1", {}), rule_in("444455556666", "us-east-1", {})]) == "fail"
}

test_not_applicable_where_macie_is_not_enabled if {
	testing.not_applicable(id, account_with(macie("PAUSED"))) with data.inventory as testing.context([])
	testing.not_applicable(id, account_with(macie("DISABLED"))) with data.inventory as testing.context([])
}

test_not_evaluated_when_macie_status_is_unknown if {
	a := account_with({})
	status_with(a, [rule({})]) == "not_evaluated"
	testing.messages(id, a) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 is not in the inventory"] with data.inventory as testing.context([rule({})])
	status_with(account_with({"macie": null}), [rule({})]) == "not_evaluated"
}

test_not_evaluated_when_macie_could_not_be_read if {
	a := account_with(object.union(macie("DISABLED"), {"factErrors": {"macie": "macie2:GetMacieSession was denied (AccessDenied)"}}))
	status_with(a, [rule({})]) == "not_evaluated"
	testing.messages(id, a) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 could not be read: macie2:GetMacieSession was denied (AccessDenied)"] with data.inventory as testing.context([rule({})])
}

test_not_evaluated_when_rules_were_not_collected if {
	a := account_with(object.union(macie("ENABLED"), {"collectedTypes": [], "failedTypes": {"AWS::Events::Rule": "AccessDenied"}}))
	status_with(a, []) == "not_evaluated"
	testing.messages(id, a) == ["EventBridge rules could not be collected for this account and region: AccessDenied"] with data.inventory as testing.context([])
}

test_not_evaluated_when_a_macie_rule_targets_are_unknown if {
	r := json.patch(rule({}), [{"op": "remove", "path": "/configuration/Targets"}, {"op": "add", "path": "/collectionErrors", "value": {"Targets": "AccessDenied"}}])
	status_with(enabled, [r]) == "not_evaluated"
	testing.messages(id, enabled) == ["the targets of EventBridge rule macie-findings could not be read"] with data.inventory as testing.context([r])
}

test_not_evaluated_when_the_macie_status_is_null if {
	status_with(account_with(macie(null)), [rule({})]) == "not_evaluated"
}

test_a_read_error_is_the_only_reason_given if {
	a := account_with({"factErrors": {"macie": "throttled"}})
	testing.messages(id, a) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 could not be read: throttled"] with data.inventory as testing.context([rule({})])
}

test_a_routing_rule_passes_even_when_the_rule_listing_was_incomplete if {
	a := account_with(object.union(macie("ENABLED"), {"collectedTypes": [], "failedTypes": {"AWS::Events::Rule": "throttled on page 2"}}))
	status_with(a, [rule({})]) == "pass"
}

test_a_routing_rule_passes_even_when_another_rule_targets_are_unknown if {
	other := json.patch(rule({"Name": "other"}), [{"op": "remove", "path": "/configuration/Targets"}, {"op": "add", "path": "/collectionErrors", "value": {"Targets": "AccessDenied"}}, {"op": "replace", "path": "/arn", "value": "arn:aws:events:us-east-1:111122223333:rule/other"}])
	status_with(enabled, [rule({}), other]) == "pass"
}

test_fails_when_targets_are_not_a_list if fails_with(rule({"Targets": "arn:aws:sns:us-east-1:111122223333:data-owners"}))
