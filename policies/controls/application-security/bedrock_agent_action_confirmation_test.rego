package cafscan.tests.bedrock_agent_action_confirmation

import data.cafscan.testing

id := "CAFAI-AS-77"

draft_alias := {"agentAliasId": "TSTALIASID", "agentAliasName": "AgentTestAlias", "agentAliasStatus": "PREPARED", "routingConfiguration": [{"agentVersion": "DRAFT"}]}

live_alias(version) := {"agentAliasId": "LIVE123456", "agentAliasName": "live", "agentAliasStatus": "PREPARED", "aliasInvocationState": "ACCEPT_INVOCATIONS", "routingConfiguration": [{"agentVersion": version}]}

agent(action_groups) := deployed([draft_alias], action_groups)

deployed(aliases, action_groups) := {
	"type": "AWS::Bedrock::Agent", "id": "AGENT12345",
	"arn": "arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345",
	"name": "claims-agent", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {
		"agentId": "AGENT12345", "agentName": "claims-agent", "agentStatus": "PREPARED",
		"agentResourceRoleArn": "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForAgents_claims",
	},
	"supplementaryConfiguration": {"AgentAliases": aliases, "AgentVersions": [], "ActionGroups": action_groups},
	"tags": {}, "relationships": [],
}

fn(name, confirmation) := object.union({"name": name, "parameters": {"claim_id": {"type": "string", "required": true}}}, confirmation)

on := {"requireConfirmation": "ENABLED"}

off := {"requireConfirmation": "DISABLED"}

functions_group(name, functions) := {
	"actionGroupId": concat("", ["AG-", name]), "actionGroupName": name, "actionGroupState": "ENABLED",
	"actionGroupExecutor": {"lambda": "arn:aws:lambda:us-east-1:111122223333:function:claims"},
	"functionSchema": {"functions": functions},
}

api_group(name, document) := {
	"actionGroupId": concat("", ["AG-", name]), "actionGroupName": name, "actionGroupState": "ENABLED",
	"actionGroupExecutor": {"customControl": "RETURN_CONTROL"},
	"apiSchema": {"payload": json.marshal(document)},
}

openapi(paths) := {"openapi": "3.0.0", "info": {"title": "claims", "version": "1"}, "paths": paths}

user_input := {"actionGroupId": "AG-UI", "actionGroupName": "UserInputAction", "actionGroupState": "ENABLED", "parentActionSignature": "AMAZON.UserInput"}

test_fails_on_functions_without_confirmation if {
	r := agent({"DRAFT": [functions_group("refunds", [fn("issue_refund", {}), fn("void_claim", off), fn("lookup", on)])]})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent claims-agent (working draft) runs action group refunds without user confirmation for issue_refund, void_claim."]
}

test_passes_when_every_function_is_confirmed if {
	testing.status(id, agent({"DRAFT": [functions_group("refunds", [fn("issue_refund", on), fn("lookup", on)]), user_input]})) == "pass"
}

test_passes_without_action_groups if testing.status(id, agent({"DRAFT": []})) == "pass"

test_ignores_built_in_and_disabled_groups if {
	disabled := object.union(functions_group("old", [fn("wipe", off)]), {"actionGroupState": "DISABLED"})
	code := {"actionGroupId": "AG-CI", "actionGroupName": "CodeInterpreterAction", "actionGroupState": "ENABLED", "parentActionSignature": "AMAZON.CodeInterpreter"}
	testing.status(id, agent({"DRAFT": [disabled, user_input, code]})) == "pass"
}

test_checks_groups_without_a_state if {
	g := object.remove(functions_group("refunds", [fn("issue_refund", off)]), ["actionGroupState"])
	testing.status(id, agent({"DRAFT": [g]})) == "fail"
}

test_fails_on_changing_api_operations_without_confirmation if {
	doc := openapi({
		"/claims/{id}": {
			"get": {"operationId": "getClaim"},
			"delete": {"operationId": "deleteClaim", "x-requireConfirmation": "ENABLED"},
			"PATCH": {"operationId": "patchClaim"},
		},
		"/refunds": {"post": {"operationId": "refund", "x-requireConfirmation": "DISABLED"}, "put": {"operationId": "put"}},
	})
	r := agent({"DRAFT": [api_group("claims-api", doc)]})
	testing.messages(id, r) == ["Agent claims-agent (working draft) runs action group claims-api without user confirmation for PATCH /claims/{id}, POST /refunds, PUT /refunds."]
}

test_passes_on_read_only_or_confirmed_api_operations if {
	doc := openapi({"/claims/{id}": {"get": {"operationId": "getClaim"}, "post": {"x-requireConfirmation": "ENABLED"}}, "/odd": "not an object"})
	testing.status(id, agent({"DRAFT": [api_group("claims-api", doc)]})) == "pass"
}

test_fails_on_a_served_version if {
	r := deployed([draft_alias, live_alias("3")], {"DRAFT": [], "3": [functions_group("refunds", [fn("issue_refund", off)])]})
	testing.messages(id, r) == ["Agent claims-agent (version 3 (alias live)) runs action group refunds without user confirmation for issue_refund."]
}

test_not_evaluated_when_a_served_versions_groups_are_unknown if {
	r := object.union(deployed([draft_alias, live_alias("3")], {"DRAFT": []}), {"collectionErrors": {"ActionGroups": "bedrock:ListAgentActionGroups was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the action groups of the agent's version 3 (alias live) could not be read: bedrock:ListAgentActionGroups was denied (AccessDeniedException)"]
	r2 := deployed([draft_alias, live_alias("3")], {"DRAFT": []})
	testing.messages(id, r2) == ["the action groups of the agent's version 3 (alias live) are not in the inventory (supplementaryConfiguration.ActionGroups)"]
}

test_not_evaluated_without_action_groups_record if {
	r := json.patch(agent({}), [{"op": "remove", "path": "/supplementaryConfiguration/ActionGroups"}])
	testing.messages(id, r) == ["the action groups of the agent's working draft are not in the inventory (supplementaryConfiguration.ActionGroups)"]
}

test_not_evaluated_when_aliases_are_unknown if {
	r := object.union(deployed([], {"DRAFT": []}), {"collectionErrors": {"AgentAliases": "bedrock:ListAgentAliases was denied (AccessDeniedException)"}})
	testing.messages(id, r) == ["the agent's aliases could not be read, so the versions it serves are unknown: bedrock:ListAgentAliases was denied (AccessDeniedException)"]
}

test_not_evaluated_on_unread_schemas if {
	s3 := {"actionGroupId": "AG-S3", "actionGroupName": "s3-api", "actionGroupState": "ENABLED", "apiSchema": {"s3": {"s3BucketName": "schemas", "s3ObjectKey": "claims.yaml"}}}
	testing.messages(id, agent({"DRAFT": [s3]})) == ["action group s3-api of the agent's working draft keeps its OpenAPI schema in S3, which cafscan does not read"]
	yaml := {"actionGroupId": "AG-Y", "actionGroupName": "yaml-api", "actionGroupState": "ENABLED", "apiSchema": {"payload": "openapi: 3.0.0\npaths: {}\n"}}
	testing.messages(id, agent({"DRAFT": [yaml]})) == ["action group yaml-api of the agent's working draft has an OpenAPI schema that is not JSON (YAML is not read)"]
	summary := {"actionGroupId": "AG-X", "actionGroupName": "summary-only", "actionGroupState": "ENABLED"}
	testing.messages(id, agent({"DRAFT": [summary]})) == ["the schema of action group summary-only of the agent's working draft is not in the inventory"]
}

# A certain failure is reported even where other parts are unknown.
test_fails_when_another_group_is_unknown if {
	s3 := {"actionGroupId": "AG-S3", "actionGroupName": "s3-api", "actionGroupState": "ENABLED", "apiSchema": {"s3": {"s3BucketName": "schemas", "s3ObjectKey": "claims.yaml"}}}
	r := object.union(deployed([draft_alias, live_alias("3")], {"DRAFT": [s3, functions_group("refunds", [fn("issue_refund", off)])]}), {"collectionErrors": {"ActionGroups": "throttled"}})
	testing.status(id, r) == "fail"
}

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(agent({"DRAFT": []}), ["configuration"]), {"configuration": {}})
	testing.messages(id, r) == ["the resource's configuration is not in the inventory"]
}

test_not_evaluated_when_get_agent_failed if {
	r := object.union(agent({"DRAFT": []}), {"collectionErrors": {"configuration": "bedrock:GetAgent was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(agent({"DRAFT": []}), {"type": "AWS::Bedrock::Guardrail"}))
}

test_not_evaluated_when_a_versions_record_is_not_a_list if {
	testing.status(id, agent({"DRAFT": null})) == "not_evaluated"
	testing.status(id, agent({"DRAFT": {"refunds": {}}})) == "not_evaluated"
}

test_checks_groups_whose_parent_signature_is_empty_or_odd if {
	empty := object.union(functions_group("refunds", [fn("issue_refund", off)]), {"parentActionSignature": ""})
	testing.status(id, agent({"DRAFT": [empty]})) == "fail"
	odd := object.union(functions_group("refunds", [fn("issue_refund", off)]), {"parentActionSignature": 5})
	testing.status(id, agent({"DRAFT": [odd]})) == "fail"
}

test_ignores_entries_that_are_not_objects if {
	testing.status(id, agent({"DRAFT": ["junk", 7, null]})) == "pass"
	testing.status(id, agent({"DRAFT": [functions_group("refunds", ["junk", fn("lookup", on)])]})) == "pass"
}

test_names_a_group_by_id_or_question_mark if {
	testing.messages(id, agent({"DRAFT": [{"actionGroupId": "AG-X", "actionGroupState": "ENABLED"}]})) == ["the schema of action group AG-X of the agent's working draft is not in the inventory"]
	testing.messages(id, agent({"DRAFT": [{"actionGroupState": "ENABLED"}]})) == ["the schema of action group ? of the agent's working draft is not in the inventory"]
}

test_fails_on_an_unconfirmed_delete if {
	doc := openapi({"/claims/{id}": {"delete": {"operationId": "deleteClaim"}}})
	testing.messages(id, agent({"DRAFT": [api_group("claims-api", doc)]})) == ["Agent claims-agent (working draft) runs action group claims-api without user confirmation for DELETE /claims/{id}."]
}
