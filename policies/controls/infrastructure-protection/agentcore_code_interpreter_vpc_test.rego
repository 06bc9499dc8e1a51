package cafscan.tests.agentcore_code_interpreter_vpc

import data.cafscan.testing

id := "CAFAI-IP-62"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:code-interpreter-custom/claims_ci-Z9y8X7w6V5"

interpreter(configuration) := {
	"type": "AWS::BedrockAgentCore::CodeInterpreterCustom", "id": "claims_ci-Z9y8X7w6V5", "arn": arn,
	"name": "claims_ci", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{"codeInterpreterArn": arn, "codeInterpreterId": "claims_ci-Z9y8X7w6V5", "name": "claims_ci", "status": "READY"},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

mode(m) := {"networkConfiguration": {"networkMode": m}}

test_fails_in_public_mode if {
	r := interpreter(mode("PUBLIC"))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Custom code interpreter claims_ci runs in PUBLIC network mode, not in a VPC."]
}

test_fails_in_sandbox_mode if {
	r := interpreter(mode("SANDBOX"))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Custom code interpreter claims_ci runs in SANDBOX network mode, not in a VPC."]
}

test_passes_in_vpc_mode if testing.status(id, interpreter({"networkConfiguration": {"networkMode": "VPC", "vpcConfig": {"subnets": ["subnet-0abc"], "securityGroups": ["sg-0abc"]}}})) == "pass"

test_not_applicable_when_failed_or_deleted if {
	testing.not_applicable(id, interpreter(object.union(mode("PUBLIC"), {"status": "CREATE_FAILED"})))
	testing.not_applicable(id, interpreter(object.union(mode("PUBLIC"), {"status": "DELETING"})))
	testing.not_applicable(id, interpreter(object.union(mode("PUBLIC"), {"status": "DELETED"})))
}

test_applies_while_creating if testing.status(id, interpreter(object.union(mode("SANDBOX"), {"status": "CREATING"}))) == "fail"

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(interpreter(mode("PUBLIC")), {"type": "AWS::BedrockAgentCore::BrowserCustom"}))

test_not_evaluated_without_network_mode if {
	testing.status(id, interpreter({})) == "not_evaluated"
	testing.status(id, interpreter({"networkConfiguration": null})) == "not_evaluated"
	testing.status(id, interpreter(mode(null))) == "not_evaluated"
}

test_not_evaluated_on_an_unknown_mode if testing.status(id, interpreter(mode("ISOLATED"))) == "not_evaluated"

test_not_evaluated_when_only_the_summary_is_known if {
	summary := object.union(object.remove(interpreter({}), ["configuration"]), {"configuration": {"codeInterpreterId": "claims_ci-Z9y8X7w6V5", "status": "READY", "networkConfiguration": {"networkMode": "VPC"}}})
	testing.status(id, summary) == "not_evaluated"
}

test_not_evaluated_when_get_code_interpreter_failed if {
	r := object.union(interpreter(mode("VPC")), {"collectionErrors": {"configuration": "bedrock-agentcore:GetCodeInterpreter was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_names_what_is_not_recorded if {
	testing.messages(id, interpreter({})) == ["the code interpreter's network mode (networkConfiguration.networkMode) is not recorded"]
	testing.messages(id, interpreter(mode("ISOLATED"))) == ["the code interpreter's network mode ISOLATED is not one cafscan knows (PUBLIC, SANDBOX or VPC)"]
	summary := object.union(object.remove(interpreter({}), ["configuration"]), {"configuration": {"codeInterpreterId": "claims_ci-Z9y8X7w6V5", "networkConfiguration": {"networkMode": "ISOLATED"}}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}

# A summary gives one reason, not also one about the setting it lacks or holds.
test_a_bare_summary_gives_one_reason if {
	summary := object.union(object.remove(interpreter({}), ["configuration"]), {"configuration": {"codeInterpreterId": "claims_ci-Z9y8X7w6V5"}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}
