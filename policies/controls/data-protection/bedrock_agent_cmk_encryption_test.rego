package cafscan.tests.bedrock_agent_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-70"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

encrypted := {"customerEncryptionKeyArn": key}

agent(configuration) := deployed(configuration, [draft_alias], [])

# The test alias every agent has: it serves the DRAFT.
draft_alias := {"agentAliasId": "TSTALIASID", "agentAliasName": "AgentTestAlias", "agentAliasStatus": "PREPARED", "routingConfiguration": [{"agentVersion": "DRAFT"}]}

live_alias(version) := {"agentAliasId": "LIVE123456", "agentAliasName": "live", "agentAliasStatus": "PREPARED", "aliasInvocationState": "ACCEPT_INVOCATIONS", "routingConfiguration": [{"agentVersion": version}]}

prod_alias(version) := object.union(live_alias(version), {"agentAliasId": "PROD123456", "agentAliasName": "prod"})

agent_version(version, extra) := object.union({"agentId": "AGENT12345", "agentName": "claims-agent", "version": version, "agentStatus": "PREPARED"}, extra)

deployed(configuration, aliases, versions) := {
	"type": "AWS::Bedrock::Agent", "id": "AGENT12345",
	"arn": "arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345",
	"name": "claims-agent", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"agentId": "AGENT12345", "agentName": "claims-agent", "agentStatus": "PREPARED",
			"agentArn": "arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345",
			"agentResourceRoleArn": "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_claims",
			"foundationModel": "anthropic.claude-3-haiku-20240307-v1:0",
		},
		configuration,
	),
	"supplementaryConfiguration": {"AgentAliases": aliases, "AgentVersions": versions}, "tags": {}, "relationships": [],
}

test_fails_without_key if {
	testing.status(id, agent({})) == "fail"
	testing.messages(id, agent({})) == ["Agent claims-agent is encrypted with an AWS owned key, not a customer managed KMS key."]
}

test_fails_with_empty_or_odd_key if {
	testing.status(id, agent({"customerEncryptionKeyArn": ""})) == "fail"
	testing.status(id, agent({"customerEncryptionKeyArn": null})) == "fail"
	testing.status(id, agent({"customerEncryptionKeyArn": 7})) == "fail"
}

test_passes_with_key if testing.status(id, agent(encrypted)) == "pass"

test_passes_when_served_versions_have_keys if {
	r := deployed(encrypted, [draft_alias, live_alias("3")], [agent_version("3", encrypted)])
	testing.status(id, r) == "pass"
}

test_fails_when_a_served_version_has_no_key if {
	r := deployed(encrypted, [draft_alias, live_alias("3"), prod_alias("3")], [agent_version("3", {})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent claims-agent serves agent version 3 (alias live, prod) encrypted with an AWS owned key, not a customer managed KMS key."]
}

test_reports_draft_and_versions if {
	r := deployed({}, [draft_alias, live_alias("3")], [agent_version("3", {"customerEncryptionKeyArn": ""})])
	testing.messages(id, r) == [
		"Agent claims-agent is encrypted with an AWS owned key, not a customer managed KMS key.",
		"Agent claims-agent serves agent version 3 (alias live) encrypted with an AWS owned key, not a customer managed KMS key.",
	]
}

test_ignores_versions_behind_aliases_that_serve_nothing if {
	failed := object.union(live_alias("2"), {"agentAliasStatus": "FAILED"})
	rejecting := object.union(prod_alias("4"), {"aliasInvocationState": "REJECT_INVOCATIONS"})
	testing.status(id, deployed(encrypted, [draft_alias, failed, rejecting], [])) == "pass"
}

test_fails_on_the_draft_even_when_aliases_are_unknown if {
	r := object.union(agent({}), {"collectionErrors": {"AgentAliases": "bedrock:ListAgentAliases was denied (AccessDeniedException)"}})
	testing.status(id, r) == "fail"
}

test_not_evaluated_when_aliases_are_unknown if {
	r := object.union(deployed(encrypted, [], []), {"collectionErrors": {"AgentAliases": "bedrock:ListAgentAliases was denied (AccessDeniedException)"}})
	testing.messages(id, r) == ["the agent's aliases could not be read, so the versions it serves are unknown: bedrock:ListAgentAliases was denied (AccessDeniedException)"]
	no_record := json.patch(agent(encrypted), [{"op": "replace", "path": "/supplementaryConfiguration", "value": {}}])
	testing.status(id, no_record) == "not_evaluated"
}

test_not_evaluated_when_a_served_version_is_unknown if {
	r := deployed(encrypted, [draft_alias, live_alias("3")], [agent_version("5", encrypted)])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["agent version 3, which alias(es) live route to, is not in the inventory"]
}

test_fails_on_a_known_version_when_another_is_unknown if {
	r := deployed(encrypted, [draft_alias, live_alias("3"), prod_alias("5")], [agent_version("3", {})])
	testing.status(id, r) == "fail"
}

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(agent({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the resource's configuration is not in the inventory"]
}

test_not_evaluated_when_get_agent_failed if {
	r := object.union(agent({}), {"collectionErrors": {"configuration": "bedrock:GetAgent was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(agent({}), {"type": "AWS::Bedrock::Guardrail"}))
}

# Both unknowns are reported: the configuration and what the aliases serve.
test_not_evaluated_without_configuration_and_aliases if {
	r := object.union(object.remove(agent({}), ["configuration"]), {"configuration": {}, "collectionErrors": {"AgentAliases": "bedrock:ListAgentAliases was denied (AccessDeniedException)"}})
	testing.messages(id, r) == [
		"the agent's aliases could not be read, so the versions it serves are unknown: bedrock:ListAgentAliases was denied (AccessDeniedException)",
		"the resource's configuration is not in the inventory",
	]
}

# A served version known to use an AWS owned key fails even when the alias listing stopped early.
test_fails_on_a_served_version_when_the_alias_listing_failed_part_way if {
	r := object.union(deployed(encrypted, [draft_alias, live_alias("3")], [agent_version("3", {})]), {"collectionErrors": {"AgentAliases": "bedrock:ListAgentAliases throttled (ThrottlingException)"}})
	testing.status(id, r) == "fail"
}

test_names_every_alias_of_an_unrecorded_version if {
	r := deployed(encrypted, [draft_alias, live_alias("3"), prod_alias("3")], [])
	testing.messages(id, r) == ["agent version 3, which alias(es) live, prod route to, is not in the inventory"]
}

# A certain failure is not hidden by served versions that are unknown.
test_fails_on_the_draft_when_a_served_version_is_unknown if {
	testing.messages(id, deployed({}, [draft_alias, live_alias("3")], [])) == ["Agent claims-agent is encrypted with an AWS owned key, not a customer managed KMS key."]
}

test_lists_every_unencrypted_served_version if {
	beta := object.union(live_alias("4"), {"agentAliasId": "BETA123456", "agentAliasName": "beta"})
	r := deployed(encrypted, [draft_alias, live_alias("3"), beta], [agent_version("3", {}), agent_version("4", {})])
	testing.messages(id, r) == ["Agent claims-agent serves agent version 3 (alias live), version 4 (alias beta) encrypted with an AWS owned key, not a customer managed KMS key."]
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key, on the draft or on a served version. A customer's own alias still passes.
aws_managed_aliases := ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"]

test_fails_with_an_aws_managed_key_alias_on_the_draft if {
	every k in aws_managed_aliases {
		r := agent({"customerEncryptionKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Agent claims-agent is encrypted with the AWS managed key %s (customerEncryptionKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_fails_with_an_aws_managed_key_alias_on_a_served_version if {
	every k in aws_managed_aliases {
		r := deployed(encrypted, [draft_alias, live_alias("3")], [agent_version("3", {"customerEncryptionKeyArn": k})])
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Agent claims-agent serves agent version 3 (alias live) encrypted with the AWS managed key %s (customerEncryptionKeyArn), not a customer managed KMS key.", [k])]
	}
}

# A certain failure is not hidden by served versions that are unknown.
test_fails_on_an_aws_managed_draft_key_when_a_served_version_is_unknown if {
	r := deployed({"customerEncryptionKeyArn": "alias/aws/bedrock"}, [draft_alias, live_alias("3")], [])
	testing.status(id, r) == "fail"
}

test_passes_with_a_customer_alias if {
	alias_arn := {"customerEncryptionKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"}
	testing.status(id, deployed(alias_arn, [draft_alias, live_alias("3")], [agent_version("3", alias_arn)])) == "pass"
}

# An alias whose name is null (or absent, or empty) is named by its id: the served version it
# routes to is still judged, not dropped from the message.
test_an_alias_without_a_name_still_shows_its_version if {
	unnamed := object.union(live_alias("3"), {"agentAliasName": null})
	r := deployed(encrypted, [draft_alias, unnamed], [agent_version("3", {})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent claims-agent serves agent version 3 (alias LIVE123456) encrypted with an AWS owned key, not a customer managed KMS key."]
	testing.messages(id, deployed(encrypted, [draft_alias, unnamed], [])) == ["agent version 3, which alias(es) LIVE123456 route to, is not in the inventory"]
	anonymous := object.remove(unnamed, ["agentAliasId"])
	testing.messages(id, deployed(encrypted, [draft_alias, anonymous], [agent_version("3", {})])) == ["Agent claims-agent serves agent version 3 (alias ?) encrypted with an AWS owned key, not a customer managed KMS key."]
}
