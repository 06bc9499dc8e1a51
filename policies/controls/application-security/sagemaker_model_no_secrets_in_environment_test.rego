package cafscan.tests.sagemaker_model_no_secrets_in_environment

import data.cafscan.testing

id := "CAFAI-AS-02"

model(configuration) := {
	"type": "AWS::SageMaker::Model", "id": "assistant",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model/assistant",
	"name": "assistant", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

container(env) := {"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/assistant:1", "ModelDataUrl": "s3://models/assistant.tar.gz", "Environment": env}

clean_env := {
	"SAGEMAKER_PROGRAM": "inference.py",
	"API_KEY_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:111122223333:secret:models/assistant-AbCdEf",
	"HF_TOKEN_PATH": "/opt/ml/secrets/token",
	"MAX_TOKENS": "",
}

test_fails_with_a_secret_in_the_primary_container if {
	r := model({"ModelName": "assistant", "PrimaryContainer": container(object.union(clean_env, {"OPENAI_API_KEY": "sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD"}))})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model assistant sets container environment variables that look like credentials: OPENAI_API_KEY."]
}

test_fails_with_secrets_in_inference_pipeline_containers if {
	r := model({"ModelName": "assistant", "Containers": [
		container({"DB_PASSWORD": "hunter2"}),
		container({"AWS_KEY": "AKIAIOSFODNN7EXAMPLE", "DB_PASSWORD": "hunter2"}),
	]})
	testing.messages(id, r) == ["Model assistant sets container environment variables that look like credentials: AWS_KEY, DB_PASSWORD."]
}

# A connection string's password is a credential whatever the variable is called.
test_fails_with_a_password_inside_a_connection_url if {
	r := model({"ModelName": "assistant", "PrimaryContainer": container(object.union(clean_env, {"DATABASE_URL": "postgresql://admin:S3cretPw@features.internal:5432/db"}))})
	testing.messages(id, r) == ["Model assistant sets container environment variables that look like credentials: DATABASE_URL."]
	placeholder := model({"ModelName": "assistant", "PrimaryContainer": container(object.union(clean_env, {"DATABASE_URL": "postgresql://admin:${DB_PASSWORD}@features.internal:5432/db"}))})
	testing.status(id, placeholder) == "pass"
}

test_message_never_contains_the_value if {
	r := model({"ModelName": "assistant", "PrimaryContainer": container({"DB_PASSWORD": "hunter2"})})
	some message in testing.messages(id, r)
	not contains(message, "hunter2")
}

test_passes_without_secrets if {
	testing.status(id, model({"ModelName": "assistant", "PrimaryContainer": container(clean_env)})) == "pass"
	testing.status(id, model({"ModelName": "assistant", "PrimaryContainer": {"Image": "img"}})) == "pass"
}

test_not_evaluated_without_configuration if {
	testing.status(id, model({})) == "not_evaluated"
	testing.messages(id, model({})) == ["the model's configuration is not in the inventory"]
}

# A one-field record is still a record: it has no container definitions.
test_not_evaluated_with_only_a_model_name if {
	testing.messages(id, model({"ModelName": "assistant"})) == ["the model's container definitions are not in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(model({"PrimaryContainer": container({"DB_PASSWORD": "x"})}), {"type": "AWS::SageMaker::NotebookInstance"}))
}

test_not_evaluated_without_container_definitions if {
	r := model({"ModelName": "assistant", "ExecutionRoleArn": "arn:aws:iam::111122223333:role/sm"})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the model's container definitions are not in the inventory"]
}

test_fails_with_a_current_key_shape_under_an_ordinary_name if {
	key := concat("", ["sk-", "proj-", "Ab3dEf6hIj9lMn2pQr5tAb3dEf6hIj9lMn2pQr5t"])
	testing.status(id, model({"ModelName": "assistant", "PrimaryContainer": container({"LLM_SETTING": key})})) == "fail"
}
