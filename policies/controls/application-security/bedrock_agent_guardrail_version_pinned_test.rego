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

aliases_denied := {"collectionErrors": {"AgentAliases": "bedrock:ListAgentAliases was denied (AccessDeniedException)"}}

version_without_guardrail(version) := {"agentId": "AGENT12345", "version": version, "agentStatus": "PREPARED"}

# Without a guardrail on the draft, a served version may still carry one whose version is unpinned.
test_not_evaluated_without_a_draft_guardrail_when_aliases_are_unknown if {
	r := object.union(agent({}), aliases_denied)
	testing.messages(id, r) == ["the agent's aliases could not be read, so the versions it serves are unknown: bedrock:ListAgentAliases was denied (AccessDeniedException)"]
}

test_not_evaluated_without_a_draft_guardrail_when_a_served_version_is_unknown if {
	r := deployed({}, [draft_alias, live_alias("5")], [])
	testing.messages(id, r) == ["agent version 5, which alias(es) live route to, is not in the inventory"]
}

test_not_applicable_when_neither_the_draft_nor_the_served_versions_have_a_guardrail if {
	testing.not_applicable(id, deployed({}, [draft_alias, live_alias("3")], [version_without_guardrail("3")]))
}

# A version recorded as null or "" is unknown, never a pass or a finding.
test_not_evaluated_with_a_null_or_empty_version if {
	testing.messages(id, with_guardrail(null)) == ["the version of guardrail gr1abcd2efgh used by the agent is not in the inventory"]
	testing.messages(id, with_guardrail("")) == ["the version of guardrail gr1abcd2efgh used by the agent is not in the inventory"]
}

test_not_evaluated_when_a_served_versions_guardrail_version_is_empty if {
	r := deployed(pinned, [draft_alias, live_alias("5")], [agent_version("5", "")])
	testing.messages(id, r) == ["the guardrail version of agent version 5 (alias live) is not in the inventory"]
}

# A certain failure of the draft is reported even when a served version's guardrail is unknown.
test_fails_on_the_draft_when_a_served_versions_guardrail_version_is_unknown if {
	r := deployed({"guardrailConfiguration": {"guardrailIdentifier": "gr1abcd2efgh", "guardrailVersion": "DRAFT"}}, [draft_alias, live_alias("5")], [agent_version("5", "")])
	testing.status(id, r) == "fail"
}

test_lists_every_unpinned_served_version if {
	live6 := object.union(live_alias("6"), {"agentAliasId": "PROD123456", "agentAliasName": "prod"})
	r := deployed(pinned, [draft_alias, live_alias("5"), live6], [agent_version("5", "DRAFT"), agent_version("6", "latest")])
	testing.messages(id, r) == ["Agent claims-agent serves agent versions whose guardrail is not a published version: version 5 (alias live) uses guardrail gr1abcd2efgh at version DRAFT; version 6 (alias prod) uses guardrail gr1abcd2efgh at version latest."]
}

# One unpinned served version is a certain failure: an unrecorded other version changes nothing.
test_fails_on_one_unpinned_served_version_when_another_is_unknown if {
	live6 := object.union(live_alias("6"), {"agentAliasId": "PROD123456", "agentAliasName": "prod"})
	r := deployed(pinned, [draft_alias, live_alias("5"), live6], [agent_version("5", "DRAFT")])
	testing.status(id, r) == "fail"
}

test_fails_on_an_unpublished_draft_version_when_aliases_are_unknown if {
	testing.status(id, object.union(with_guardrail("latest"), aliases_denied)) == "fail"
}

# An unknown draft version is not a certain failure: what the aliases serve is reported too.
test_not_evaluated_without_version_and_unknown_aliases if {
	r := object.union(agent({"guardrailConfiguration": {"guardrailIdentifier": "gr1abcd2efgh"}}), aliases_denied)
	testing.messages(id, r) == [
		"the agent's aliases could not be read, so the versions it serves are unknown: bedrock:ListAgentAliases was denied (AccessDeniedException)",
		"the version of guardrail gr1abcd2efgh used by the agent is not in the inventory",
	]
	n := object.union(with_guardrail(null), aliases_denied)
	testing.messages(id, n) == [
		"the agent's aliases could not be read, so the versions it serves are unknown: bedrock:ListAgentAliases was denied (AccessDeniedException)",
		"the version of guardrail gr1abcd2efgh used by the agent is not in the inventory",
	]
}

test_names_every_alias_of_an_unrecorded_version if {
	prod := object.union(live_alias("5"), {"agentAliasId": "PROD123456", "agentAliasName": "prod"})
	r := deployed(pinned, [draft_alias, live_alias("5"), prod], [])
	testing.messages(id, r) == ["agent version 5, which alias(es) live, prod route to, is not in the inventory"]
}

# published decides as the pattern it spells out in string tests.
test_published_is_the_pattern if {
	samples := ["1", "9", "10", "123", "0", "01", "", "1a", "a1", "1.0", "DRAFT", " 1", "1 ", "١", "-1", "+1"]
	published := {v | some v in samples; data.cafscan.controls.bedrock_agent_guardrail_version_pinned.published(v)}
	published == {v | some v in samples; regex.match(`^[1-9][0-9]*$`, v)}
	count(published) == 4
}
