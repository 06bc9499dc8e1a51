package cafscan.tests.agentcore_runtime_no_secrets_in_environment

import data.cafscan.testing

id := "CAFAI-AS-60"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/claims_agent-Ab12Cd34Ef"

runtime(configuration) := {
	"type": "AWS::BedrockAgentCore::Runtime", "id": "claims_agent-Ab12Cd34Ef", "arn": arn,
	"name": "claims_agent", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"agentRuntimeArn": arn, "agentRuntimeId": "claims_agent-Ab12Cd34Ef", "agentRuntimeName": "claims_agent",
			"agentRuntimeVersion": "3", "status": "READY", "networkConfiguration": {"networkMode": "VPC"},
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

env(vars) := {"environmentVariables": vars}

test_fails_on_credentials_in_the_environment if {
	r := runtime(env({"LOG_LEVEL": "info", "OPENAI_API_KEY": "sk-proj-0000000000000000000000000000", "DB_PASSWORD": "hunter2"}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent runtime claims_agent sets environment variables that look like credentials: DB_PASSWORD, OPENAI_API_KEY."]
}

test_fails_on_a_value_shaped_like_an_access_key if {
	testing.status(id, runtime(env({"UPSTREAM": "AKIAIOSFODNN7EXAMPLE"}))) == "fail"
}

test_passes_with_plain_settings_and_references if {
	testing.status(id, runtime(env({"LOG_LEVEL": "info", "API_KEY_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:111122223333:secret:agents/claims/api-key-AbCdEf", "MODEL_ID": "anthropic.claude-3-5-sonnet"}))) == "pass"
}

# Environment variables are optional (CreateAgentRuntime): none set, none leaked.
test_passes_without_environment_variables if {
	testing.status(id, runtime({})) == "pass"
	testing.status(id, runtime(env(null))) == "pass"
	testing.status(id, runtime(env({}))) == "pass"
	testing.status(id, runtime(env({"DB_PASSWORD": ""}))) == "pass"
	testing.status(id, runtime(env({"DB_PASSWORD": 7}))) == "pass"
}

test_not_applicable_when_failed_or_deleting if {
	testing.not_applicable(id, runtime(object.union(env({"DB_PASSWORD": "hunter2"}), {"status": "CREATE_FAILED"})))
	testing.not_applicable(id, runtime(object.union(env({"DB_PASSWORD": "hunter2"}), {"status": "DELETING"})))
}

test_applies_while_updating if testing.status(id, runtime(object.union(env({"DB_PASSWORD": "hunter2"}), {"status": "UPDATING"}))) == "fail"

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(runtime(env({"DB_PASSWORD": "hunter2"})), {"type": "AWS::SageMaker::Model"}))

# ListAgentRuntimes' summary has no environment: unknown, never "none set".
test_not_evaluated_when_only_the_summary_is_known if {
	summary := object.union(object.remove(runtime({}), ["configuration"]), {"configuration": {"agentRuntimeId": "claims_agent-Ab12Cd34Ef", "status": "READY"}})
	testing.status(id, summary) == "not_evaluated"
	testing.messages(id, summary) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}

test_not_evaluated_when_get_agent_runtime_failed if {
	r := object.union(runtime(env({"LOG_LEVEL": "info"})), {"collectionErrors": {"configuration": "bedrock-agentcore:GetAgentRuntime was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

# --- versions served by the runtime's endpoints (ListAgentRuntimeEndpoints) ---------------------

leaky := env({"LOG_LEVEL": "info", "OPENAI_API_KEY": "sk-proj-0000000000000000000000000000"})

clean := env({"LOG_LEVEL": "info"})

# The secret was removed in version 3, but the endpoint "prod" still serves version 2 with it.
test_fails_when_an_endpoint_serves_an_older_version_with_a_credential if {
	r := deployed(clean, [endpoint("DEFAULT", "3"), endpoint("prod", "2")], [version("2", leaky)])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Agent runtime claims_agent serves runtime version 2 (endpoint prod) with environment variables that look like credentials: OPENAI_API_KEY."]
}

test_fails_when_an_endpoint_moves_to_a_version_with_a_credential if {
	moving := object.union(endpoint("prod", "3"), {"targetVersion": "2", "status": "UPDATING"})
	testing.status(id, deployed(clean, [moving], [version("2", leaky)])) == "fail"
}

test_names_each_version_and_the_latest if {
	r := deployed(leaky, [endpoint("DEFAULT", "3"), endpoint("prod", "2"), endpoint("old", "1")], [version("2", env({"DB_PASSWORD": "hunter2"})), version("1", clean)])
	testing.messages(id, r) == [
		"Agent runtime claims_agent serves runtime version 2 (endpoint prod) with environment variables that look like credentials: DB_PASSWORD.",
		"Agent runtime claims_agent sets environment variables that look like credentials: OPENAI_API_KEY.",
	]
}

test_passes_when_no_served_version_holds_a_credential if {
	testing.status(id, deployed(clean, [endpoint("DEFAULT", "3"), endpoint("prod", "2"), endpoint("old", "1")], [version("2", clean), version("1", {})])) == "pass"
	testing.status(id, deployed(clean, [object.union(endpoint("prod", "2"), {"status": "DELETING"})], [version("2", leaky)])) == "pass"
}

test_not_evaluated_when_a_served_version_is_not_recorded if {
	r := deployed(clean, [endpoint("prod", "2")], [])
	testing.messages(id, r) == ["runtime version 2 (endpoint prod) is not in the inventory"]
}

test_not_evaluated_when_the_endpoints_could_not_be_read if {
	r := object.union(deployed(clean, [], []), {"collectionErrors": {"RuntimeEndpoints": "bedrock-agentcore:ListAgentRuntimeEndpoints was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_config_only_runtime_is_judged_on_what_config_can_say if {
	testing.status(id, config_only(runtime(clean))) == "not_evaluated"
	testing.status(id, config_only(runtime(object.union(clean, {"agentRuntimeVersion": "1"})))) == "pass"
	testing.status(id, config_only(runtime(leaky))) == "fail"
}
