package cafscan.tests.agentcore_runtime_vpc_network_mode

import data.cafscan.testing

id := "CAFAI-IP-60"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/claims_agent-Ab12Cd34Ef"

runtime(configuration) := {
	"type": "AWS::BedrockAgentCore::Runtime", "id": "claims_agent-Ab12Cd34Ef", "arn": arn,
	"name": "claims_agent", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"agentRuntimeArn": arn, "agentRuntimeId": "claims_agent-Ab12Cd34Ef", "agentRuntimeName": "claims_agent",
			"agentRuntimeVersion": "3", "status": "READY",
			"roleArn": "arn:aws:iam::111122223333:role/claims-agent-runtime",
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

vpc := {"networkConfiguration": {"networkMode": "VPC", "networkModeConfig": {"subnets": ["subnet-0abc"], "securityGroups": ["sg-0abc"]}}}

test_fails_in_public_mode if {
	r := runtime({"networkConfiguration": {"networkMode": "PUBLIC"}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent runtime claims_agent runs in PUBLIC network mode, not in a VPC."]
}

test_passes_in_vpc_mode if testing.status(id, runtime(vpc)) == "pass"

test_not_applicable_when_creation_failed if testing.not_applicable(id, runtime({"status": "CREATE_FAILED", "networkConfiguration": {"networkMode": "PUBLIC"}}))

test_not_applicable_when_deleting if testing.not_applicable(id, runtime({"status": "DELETING", "networkConfiguration": {"networkMode": "PUBLIC"}}))

test_applies_while_updating if testing.status(id, runtime({"status": "UPDATING", "networkConfiguration": {"networkMode": "PUBLIC"}})) == "fail"

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(runtime(vpc), {"type": "AWS::BedrockAgentCore::Gateway"}))

test_not_evaluated_without_network_mode if {
	testing.status(id, runtime({})) == "not_evaluated"
	testing.status(id, runtime({"networkConfiguration": null})) == "not_evaluated"
	testing.status(id, runtime({"networkConfiguration": {"networkMode": null}})) == "not_evaluated"
	testing.status(id, runtime({"networkConfiguration": "PUBLIC"})) == "not_evaluated"
}

test_not_evaluated_on_an_unknown_mode if {
	r := runtime({"networkConfiguration": {"networkMode": "PRIVATE_LINK"}})
	testing.status(id, r) == "not_evaluated"
}

# A List summary standing in for a failed GetAgentRuntime, or a Config item in CloudFormation's
# shape, carries no agentRuntimeArn key: unknown, never a pass.
test_not_evaluated_when_only_the_summary_is_known if {
	summary := object.union(object.remove(runtime({}), ["configuration"]), {"configuration": {"agentRuntimeId": "claims_agent-Ab12Cd34Ef", "status": "READY", "AgentRuntimeArn": arn}})
	testing.status(id, summary) == "not_evaluated"
	testing.status(id, object.union(runtime(vpc), {"configuration": {"agentRuntimeArn": ""}})) == "not_evaluated"
	testing.status(id, object.union(runtime(vpc), {"configuration": {"agentRuntimeArn": 7}})) == "not_evaluated"
}

test_not_evaluated_when_get_agent_runtime_failed if {
	r := object.union(runtime(vpc), {"collectionErrors": {"configuration": "bedrock-agentcore:GetAgentRuntime was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_names_what_is_not_recorded if {
	testing.messages(id, runtime({})) == ["the runtime's network mode (networkConfiguration.networkMode) is not recorded"]
	testing.messages(id, runtime({"networkConfiguration": {"networkMode": "PRIVATE_LINK"}})) == ["the runtime's network mode PRIVATE_LINK is not one cafscan knows (PUBLIC or VPC)"]
	summary := object.union(object.remove(runtime({}), ["configuration"]), {"configuration": {"agentRuntimeId": "claims_agent-Ab12Cd34Ef", "networkConfiguration": {"networkMode": "SANDBOX"}}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}

# A summary gives one reason, not also one about the setting it lacks or holds.
test_a_bare_summary_gives_one_reason if {
	summary := object.union(object.remove(runtime({}), ["configuration"]), {"configuration": {"agentRuntimeId": "claims_agent-Ab12Cd34Ef"}})
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}
