package cafscan.tests.bedrock_agent_guardrail_version_pinned

import data.cafscan.testing

id := "CAFAI-AS-07"

agent(configuration) := deployed(configuration, [draft_alias], [])

draft_alias := {"agentAliasId": "TSTALIASID", "agentAliasName": "AgentTestAlias", "agentAliasStatus": "PREPARED", "routingConfiguration": [{"agentVersion": "DRAFT"}]}

live_alias(version) := {"agentAliasId": "LIVE123456", "agentAliasName": "live", "agentAliasStatus": "PREPARED", "routingConfiguration": [{"agentVersion": version}]}

agent_version(version, guardrail_version) := {"agentId": "AGENT12345", "version": version, "agentStatus": "PREPARED", "guardrailConfiguration": {"guardrailIdentifier": "gr1abcd2efgh", "guardrailVersion": guardrail_version}}

deployed(configuration, aliases, versions) := {
	"type": "AWS::Bedrock::Agent", "id": "AGENT12345",
	"arn": "arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345",
	"name": "claims-agent", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"agentId": "AGENT12345", "agentName": "claims-agent", "agentStatus": "PREPARED",
			"agentResourceRoleArn": "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_claims",
		},
		configuration,
	),
	"supplementaryConfiguration": {"AgentAliases": aliases, "AgentVersions": versions}, "tags": {}, "relationships": [],
}

with_guardrail(version) := agent({"guardrailConfiguration": {"guardrailIdentifier": "gr1abcd2efgh", "guardrailVersion": version}})

test_fails_with_draft if {
	testing.status(id, with_guardrail("DRAFT")) == "fail"
	testing.messages(id, with_guardrail("DRAFT")) == ["Agent claims-agent uses the working draft (DRAFT) of guardrail gr1abcd2efgh instead of a published version."]
}

test_fails_with_a_version_that_is_not_a_number if {
	testing.messages(id, with_guardrail("latest")) == ["Agent claims-agent uses guardrail gr1abcd2efgh at version \"latest\", which is not a published version number."]
}

test_passes_with_published_version if {
	testing.status(id, with_guardrail("1")) == "pass"
	testing.status(id, with_guardrail("12")) == "pass"
}

test_not_applicable_without_guardrail if {
	testing.not_applicable(id, agent({}))
	testing.not_applicable(id, agent({"guardrailConfiguration": {}}))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(with_guardrail("DRAFT"), {"type": "AWS::Bedrock::KnowledgeBase"}))
}

test_not_evaluated_without_version if {
	r := agent({"guardrailConfiguration": {"guardrailIdentifier": "gr1abcd2efgh"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the version of guardrail gr1abcd2efgh used by the agent is not in the inventory"]
}

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(agent({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_when_get_agent_failed if {
	r := object.union(with_guardrail("DRAFT"), {"collectionErrors": {"configuration": "bedrock:GetAgent was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

pinned := {"guardrailConfiguration": {"guardrailIdentifier": "gr1abcd2efgh", "guardrailVersion": "2"}}

test_fails_when_a_served_version_uses_the_draft_guardrail if {
	r := deployed(pinned, [draft_alias, live_alias("5")], [agent_version("5", "DRAFT")])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent claims-agent serves agent versions whose guardrail is not a published version: version 5 (alias live) uses guardrail gr1abcd2efgh at version DRAFT."]
}

test_fails_on_a_served_version_even_when_the_draft_agent_has_no_guardrail if {
	r := deployed({}, [draft_alias, live_alias("5")], [agent_version("5", "DRAFT")])
	testing.status(id, r) == "fail"
}

test_passes_when_served_versions_are_pinned if {
	testing.status(id, deployed(pinned, [draft_alias, live_alias("5")], [agent_version("5", "1")])) == "pass"
}

test_not_evaluated_when_aliases_are_unknown if {
	r := object.union(deployed(pinned, [], []), {"collectionErrors": {"AgentAliases": "bedrock:ListAgentAliases was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"

	# A draft on the DRAFT guardrail fails whatever the aliases serve.
	testing.status(id, object.union(with_guardrail("DRAFT"), {"collectionErrors": {"AgentAliases": "denied"}})) == "fail"
}

test_not_evaluated_when_a_served_version_is_unknown if {
	r := deployed(pinned, [draft_alias, live_alias("5")], [])
	testing.messages(id, r) == ["agent version 5, which alias(es) live route to, is not in the inventory"]
}
