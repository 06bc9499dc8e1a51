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
			"status": "READY", "networkConfiguration": {"networkMode": "VPC"},
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

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
