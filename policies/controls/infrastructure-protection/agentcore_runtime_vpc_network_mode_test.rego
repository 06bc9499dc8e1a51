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
	"supplementaryConfiguration": {"RuntimeEndpoints": [endpoint("DEFAULT", "3")], "RuntimeVersions": []}, "tags": {}, "relationships": [],
}

# A runtime endpoint as ListAgentRuntimeEndpoints returns it, serving `live`.
endpoint(name, live) := {
	"name": name, "id": concat("", [name, "-Zx12Yw34Vu"]), "liveVersion": live, "status": "READY",
	"agentRuntimeArn": arn, "agentRuntimeEndpointArn": concat("", [arn, "/runtime-endpoint/", name]),
	"createdAt": "2025-06-02T21:33:20Z", "lastUpdatedAt": "2025-06-04T01:20:00Z",
}

# A runtime whose latest version (3) has `latest`, with endpoints and the records of other versions.
deployed(latest, endpoints, versions) := object.union(runtime(latest), {"supplementaryConfiguration": {"RuntimeEndpoints": endpoints, "RuntimeVersions": versions}})

# The same runtime as an AWS Config item gives it: no endpoints.
config_only(r) := object.union(object.remove(r, ["supplementaryConfiguration"]), {"supplementaryConfiguration": {}})

# GetAgentRuntime of an older version v.
version(v, settings) := object.union(object.union(runtime({}).configuration, {"agentRuntimeVersion": v}), settings)

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

# --- versions served by the runtime's endpoints (ListAgentRuntimeEndpoints) ---------------------

public := {"networkConfiguration": {"networkMode": "PUBLIC"}}

# The latest version moved to a VPC, but the endpoint "prod" still serves version 2, in PUBLIC mode.
test_fails_when_an_endpoint_serves_an_older_public_version if {
	r := deployed(vpc, [endpoint("DEFAULT", "3"), endpoint("prod", "2")], [version("2", public)])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent runtime claims_agent serves runtime version 2 (endpoint prod) in PUBLIC network mode, not in a VPC."]
}

# An endpoint being updated serves its live version until the target one is ready, then the target.
test_fails_when_an_endpoint_moves_to_a_public_version if {
	moving := object.union(endpoint("prod", "3"), {"targetVersion": "2", "status": "UPDATING"})
	r := deployed(vpc, [moving], [version("2", public)])
	testing.messages(id, r) == ["Agent runtime claims_agent serves runtime version 2 (endpoint prod) in PUBLIC network mode, not in a VPC."]
	live_public := deployed(vpc, [object.union(endpoint("prod", "2"), {"targetVersion": "3", "status": "UPDATING"})], [version("2", public)])
	testing.status(id, live_public) == "fail"
}

test_names_every_endpoint_and_version if {
	r := deployed(public, [endpoint("DEFAULT", "3"), endpoint("prod", "2"), endpoint("canary", "2"), endpoint("old", "1")], [version("2", public), version("1", public)])
	testing.messages(id, r) == [
		"Agent runtime claims_agent runs in PUBLIC network mode, not in a VPC.",
		"Agent runtime claims_agent serves runtime version 1 (endpoint old), version 2 (endpoint canary, prod) in PUBLIC network mode, not in a VPC.",
	]
}

test_passes_when_every_served_version_is_in_a_vpc if {
	testing.status(id, deployed(vpc, [endpoint("DEFAULT", "3"), endpoint("prod", "2")], [version("2", vpc)])) == "pass"
	testing.status(id, deployed(vpc, [], [])) == "pass"
}

# An endpoint whose creation failed, or that is being deleted, serves nothing.
test_ignores_endpoints_that_serve_nothing if {
	failed := object.union(endpoint("prod", "2"), {"status": "CREATE_FAILED"})
	deleting := object.union(endpoint("old", "1"), {"status": "DELETING"})
	testing.status(id, deployed(vpc, [endpoint("DEFAULT", "3"), failed, deleting], [version("2", public), version("1", public)])) == "pass"
	delete_failed := object.union(endpoint("old", "1"), {"status": "DELETE_FAILED"})
	testing.status(id, deployed(vpc, [delete_failed], [version("1", public)])) == "fail"
}

test_not_evaluated_when_a_served_version_is_not_recorded if {
	r := deployed(vpc, [endpoint("DEFAULT", "3"), endpoint("prod", "2")], [version("1", public)])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["runtime version 2 (endpoint prod) is not in the inventory"]
}

test_not_evaluated_when_a_served_version_has_no_known_mode if {
	r := deployed(vpc, [endpoint("prod", "2")], [version("2", {"networkConfiguration": {"networkMode": "PRIVATE_LINK"}})])
	testing.messages(id, r) == ["runtime version 2 (endpoint prod) states no network mode cafscan knows (PUBLIC or VPC)"]
	testing.status(id, deployed(vpc, [endpoint("prod", "2")], [version("2", {})])) == "not_evaluated"
}

test_not_evaluated_when_an_endpoint_names_no_version if {
	r := deployed(vpc, [object.remove(endpoint("prod", "2"), ["liveVersion"])], [])
	testing.messages(id, r) == ["endpoint prod names no live or target version"]
	testing.status(id, deployed(vpc, [object.union(endpoint("prod", "2"), {"liveVersion": ""})], [])) == "not_evaluated"
	nameless := object.remove(endpoint("prod", "2"), ["liveVersion", "name"])
	testing.messages(id, deployed(vpc, [nameless], [])) == ["endpoint prod-Zx12Yw34Vu names no live or target version"]
}

test_not_evaluated_when_the_endpoints_could_not_be_read if {
	r := object.union(deployed(vpc, [], []), {"collectionErrors": {"RuntimeEndpoints": "bedrock-agentcore:ListAgentRuntimeEndpoints was denied (AccessDeniedException)"}})
	testing.messages(id, r) == ["the runtime's endpoints, or a version they serve, could not be read, so the versions it serves are unknown: bedrock-agentcore:ListAgentRuntimeEndpoints was denied (AccessDeniedException)"]

	# What was read still fails the runtime.
	partial := object.union(deployed(vpc, [endpoint("prod", "2")], [version("2", public)]), {"collectionErrors": {"RuntimeEndpoints": "bedrock-agentcore:GetAgentRuntime was denied (AccessDeniedException)"}})
	testing.status(id, partial) == "fail"
}

# AWS Config records the latest version and no endpoints: the other versions are unknown, unless
# the latest is version 1 (a runtime never updated has no other), or the latest already fails.
test_config_only_runtime_is_judged_on_what_config_can_say if {
	from_config := config_only(runtime(vpc))
	testing.status(id, from_config) == "not_evaluated"
	testing.messages(id, from_config) == ["the runtime's endpoints are not in the inventory (supplementaryConfiguration.RuntimeEndpoints; AWS Config does not record them, a live scan lists them), so the versions it serves besides the latest are unknown"]
	testing.status(id, config_only(runtime(object.union(vpc, {"agentRuntimeVersion": "1"})))) == "pass"
	testing.status(id, config_only(runtime(public))) == "fail"
	no_version := object.union(object.remove(runtime(vpc), ["configuration"]), {"configuration": object.remove(runtime(vpc).configuration, ["agentRuntimeVersion"])})
	testing.status(id, config_only(no_version)) == "not_evaluated"
}

# Without a latest version number every served version is read as another one.
test_judges_every_served_version_when_the_latest_has_no_number if {
	unnumbered := object.union(object.remove(runtime(vpc), ["configuration"]), {"configuration": object.remove(runtime(vpc).configuration, ["agentRuntimeVersion"])})
	testing.status(id, object.union(unnumbered, {"supplementaryConfiguration": {"RuntimeEndpoints": [endpoint("DEFAULT", "3")], "RuntimeVersions": [version("3", public)]}})) == "fail"
	testing.status(id, object.union(unnumbered, {"supplementaryConfiguration": {"RuntimeEndpoints": [endpoint("DEFAULT", "3")], "RuntimeVersions": []}})) == "not_evaluated"
}

# Odd inventories: an endpoint list of another type is no list; odd entries and values are unknown.
test_odd_endpoint_lists_and_entries_are_unknown if {
	not_a_list := object.union(object.remove(runtime(vpc), ["supplementaryConfiguration"]), {"supplementaryConfiguration": {"RuntimeEndpoints": {"DEFAULT": endpoint("DEFAULT", "3")}}})
	testing.messages(id, not_a_list) == ["the runtime's endpoints are not in the inventory (supplementaryConfiguration.RuntimeEndpoints; AWS Config does not record them, a live scan lists them), so the versions it serves besides the latest are unknown"]
	testing.messages(id, deployed(vpc, ["prod"], [])) == ["endpoint ? names no live or target version"]
	testing.messages(id, deployed(vpc, [object.union(endpoint("prod", "3"), {"name": 7})], [version("2", public)])) == []
	testing.messages(id, deployed(vpc, [object.union(endpoint("prod", "2"), {"name": 7, "liveVersion": 2})], [])) == ["endpoint prod-Zx12Yw34Vu names no live or target version"]
	testing.messages(id, deployed(vpc, [object.union(object.remove(endpoint("prod", "2"), ["name"]), {"id": 7, "liveVersion": ""})], [])) == ["endpoint ? names no live or target version"]
}

# An endpoint being created names only its target version.
test_an_endpoint_with_only_a_target_version_serves_it if {
	creating := object.union(object.remove(endpoint("prod", "2"), ["liveVersion"]), {"targetVersion": "3", "status": "CREATING"})
	testing.status(id, deployed(vpc, [creating], [])) == "pass"
}

test_names_only_the_endpoints_that_serve if {
	r := deployed(vpc, [endpoint("prod", "2"), object.union(endpoint("old", "2"), {"status": "DELETING"})], [version("2", public)])
	testing.messages(id, r) == ["Agent runtime claims_agent serves runtime version 2 (endpoint prod) in PUBLIC network mode, not in a VPC."]
	testing.status(id, deployed(vpc, [object.remove(object.union(endpoint("old", "2"), {"status": "DELETING"}), ["liveVersion"])], [])) == "pass"
}

# A runtime whose latest version is 1 has no other: errors and odd endpoints about others do not matter.
test_version_one_is_judged_in_full if {
	first := object.union(vpc, {"agentRuntimeVersion": "1"})
	errored := object.union(deployed(first, [], []), {"collectionErrors": {"RuntimeEndpoints": "bedrock-agentcore:ListAgentRuntimeEndpoints was denied (AccessDeniedException)"}})
	testing.status(id, errored) == "pass"
	testing.status(id, deployed(first, [object.remove(endpoint("DEFAULT", "1"), ["liveVersion"])], [])) == "pass"
}
