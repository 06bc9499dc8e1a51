package cafscan.tests.bedrock_agent_role_not_shared

import data.cafscan.testing

id := "CAFAI-IAM-05"

role_arn := "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_claims"

agent(agent_id, name, account_id, region, configuration) := {
	"type": "AWS::Bedrock::Agent", "id": agent_id,
	"arn": sprintf("arn:aws:bedrock:%s:%s:agent/%s", [region, account_id, agent_id]),
	"name": name, "accountId": account_id, "region": region,
	"configuration": object.union({"agentId": agent_id, "agentName": name, "agentStatus": "PREPARED"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

with_role(agent_id, name, role) := agent(agent_id, name, "111122223333", "us-east-1", {"agentResourceRoleArn": role})

account(collected) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": {}},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::Bedrock::Agent"])

claims := with_role("AGENT00001", "claims-agent", role_arn)

test_fails_when_another_agent_uses_the_role if {
	ctx := testing.context([collected, claims, with_role("AGENT00002", "triage-agent", role_arn)])
	testing.status(id, claims) == "fail" with data.inventory as ctx
	testing.messages(id, claims) == ["Agent claims-agent shares its service role arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_claims with agent triage-agent."] with data.inventory as ctx
}

test_fails_across_regions_ignoring_case_and_path if {
	other := agent("AGENT00003", "eu-agent", "111122223333", "eu-west-1", {"agentResourceRoleArn": "arn:aws:iam::111122223333:role/amazonbedrockexecutionroleforagents_CLAIMS"})
	ctx := testing.context([collected, claims, other, with_role("AGENT00002", "triage-agent", role_arn)])
	testing.messages(id, claims) == ["Agent claims-agent shares its service role arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_claims with agents eu-agent, triage-agent."] with data.inventory as ctx
}

test_fails_even_when_other_agents_are_unknown if {
	ctx := testing.context([
		claims, with_role("AGENT00002", "triage-agent", role_arn),
		agent("AGENT00004", "summary-only", "111122223333", "us-east-1", {}),
	])
	testing.status(id, claims) == "fail" with data.inventory as ctx
}

test_passes_with_own_role if {
	ctx := testing.context([
		collected, claims,
		with_role("AGENT00002", "triage-agent", "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_triage"),
		agent("AGENT00005", "other-account", "444455556666", "us-east-1", {"agentResourceRoleArn": role_arn}),
	])
	testing.status(id, claims) == "pass" with data.inventory as ctx
}

test_passes_as_only_agent if {
	testing.status(id, claims) == "pass" with data.inventory as testing.context([collected, claims])
}

test_not_evaluated_without_own_role if {
	r := agent("AGENT00001", "claims-agent", "111122223333", "us-east-1", {})
	testing.messages(id, r) == ["the agent's service role is not in the inventory"] with data.inventory as testing.context([collected, r])
}

test_not_evaluated_when_another_agent_role_is_unknown if {
	other := agent("AGENT00004", "summary-only", "111122223333", "us-east-1", {})
	ctx := testing.context([collected, claims, other])
	testing.status(id, claims) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, claims) == ["the service role of other agents in the account is not in the inventory: summary-only"] with data.inventory as ctx
}

test_not_evaluated_when_agents_not_collected if {
	ctx := testing.context([account([]), claims])
	testing.status(id, claims) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, claims) == ["the account's Bedrock agents were not collected, so another agent could use the same role"] with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(claims, {"type": "AWS::Bedrock::KnowledgeBase"})) with data.inventory as testing.context([collected])
}

# An empty role ARN names no role: the agent's role is unknown, not "shared with nobody".
test_not_evaluated_with_an_empty_role if {
	r := with_role("AGENT00001", "claims-agent", "")
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([collected, r])
	testing.messages(id, r) == ["the agent's service role is not in the inventory"] with data.inventory as testing.context([collected, r])
}

# A role whose name only contains this agent's role name is another role.
test_passes_when_another_role_name_only_contains_this_one if {
	ctx := testing.context([
		collected, claims,
		with_role("AGENT00002", "claims-v2", "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_claims_v2"),
	])
	testing.status(id, claims) == "pass" with data.inventory as ctx
}

test_names_every_other_agent_whose_role_is_unknown if {
	ctx := testing.context([
		collected, claims,
		agent("AGENT00004", "summary-only", "111122223333", "us-east-1", {}),
		agent("AGENT00006", "listed-only", "111122223333", "us-east-1", {}),
	])
	testing.messages(id, claims) == ["the service role of other agents in the account is not in the inventory: listed-only, summary-only"] with data.inventory as ctx
}

# Without its own role the agent cannot be compared with anything: that is the one reason given,
# whatever is known about the other agents.
test_gives_only_the_own_role_reason_when_it_is_missing if {
	r := agent("AGENT00001", "claims-agent", "111122223333", "us-east-1", {})
	other := agent("AGENT00004", "summary-only", "111122223333", "us-east-1", {})
	testing.messages(id, r) == ["the agent's service role is not in the inventory"] with data.inventory as testing.context([collected, r, other])
	testing.messages(id, r) == ["the agent's service role is not in the inventory"] with data.inventory as testing.context([account([]), r])
}
