package cafscan.tests.agentcore_browser_not_public

import data.cafscan.testing

id := "CAFAI-IP-61"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:browser-custom/claims_browser-a1B2c3D4e5"

browser(configuration) := {
	"type": "AWS::BedrockAgentCore::BrowserCustom", "id": "claims_browser-a1B2c3D4e5", "arn": arn,
	"name": "claims_browser", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{"browserArn": arn, "browserId": "claims_browser-a1B2c3D4e5", "name": "claims_browser", "status": "READY"},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_in_public_mode if {
	r := browser({"networkConfiguration": {"networkMode": "PUBLIC"}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Custom browser claims_browser runs in PUBLIC network mode, not in a VPC."]
}

test_passes_in_vpc_mode if testing.status(id, browser({"networkConfiguration": {"networkMode": "VPC", "vpcConfig": {"subnets": ["subnet-0abc"], "securityGroups": ["sg-0abc"]}}})) == "pass"

test_not_applicable_when_failed_or_deleted if {
	testing.not_applicable(id, browser({"status": "CREATE_FAILED", "networkConfiguration": {"networkMode": "PUBLIC"}}))
	testing.not_applicable(id, browser({"status": "DELETING", "networkConfiguration": {"networkMode": "PUBLIC"}}))
	testing.not_applicable(id, browser({"status": "DELETED", "networkConfiguration": {"networkMode": "PUBLIC"}}))
}

test_applies_when_delete_failed if testing.status(id, browser({"status": "DELETE_FAILED", "networkConfiguration": {"networkMode": "PUBLIC"}})) == "fail"

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(browser({"networkConfiguration": {"networkMode": "PUBLIC"}}), {"type": "AWS::BedrockAgentCore::CodeInterpreterCustom"}))

test_not_evaluated_without_network_mode if {
	testing.status(id, browser({})) == "not_evaluated"
	testing.status(id, browser({"networkConfiguration": {}})) == "not_evaluated"
	testing.status(id, browser({"networkConfiguration": {"networkMode": 1}})) == "not_evaluated"
}

test_not_evaluated_on_an_unknown_mode if testing.status(id, browser({"networkConfiguration": {"networkMode": "SANDBOX"}})) == "not_evaluated"

test_not_evaluated_when_only_the_summary_is_known if {
	summary := object.union(object.remove(browser({}), ["configuration"]), {"configuration": {"browserId": "claims_browser-a1B2c3D4e5", "status": "READY", "networkConfiguration": {"networkMode": "VPC"}}})
	testing.status(id, summary) == "not_evaluated"
}

test_not_evaluated_when_get_browser_failed if {
	r := object.union(browser({"networkConfiguration": {"networkMode": "VPC"}}), {"collectionErrors": {"configuration": "bedrock-agentcore:GetBrowser was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_names_what_is_not_recorded if {
	testing.messages(id, browser({})) == ["the browser's network mode (networkConfiguration.networkMode) is not recorded"]
	testing.messages(id, browser({"networkConfiguration": {"networkMode": "SANDBOX"}})) == ["the browser's network mode SANDBOX is not one cafscan knows (PUBLIC or VPC)"]
	summary := object.union(object.remove(browser({}), ["configuration"]), {"configuration": {"browserId": "claims_browser-a1B2c3D4e5", "networkConfiguration": {"networkMode": "SANDBOX"}}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}

# A summary gives one reason, not also one about the setting it lacks or holds.
test_a_bare_summary_gives_one_reason if {
	summary := object.union(object.remove(browser({}), ["configuration"]), {"configuration": {"browserId": "claims_browser-a1B2c3D4e5"}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}
