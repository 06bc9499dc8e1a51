package cafscan.tests.sagemaker_training_job_no_secrets

import data.cafscan.testing

id := "CAFAI-AS-03"

job(configuration) := {
	"type": "AWS::SageMaker::TrainingJob", "id": "llm-finetune",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/llm-finetune",
	"name": "llm-finetune", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# As the SageMaker Python SDK sets them: values JSON-encoded.
clean_hyperparameters := {
	"sagemaker_program": "\"train.py\"",
	"sagemaker_submit_directory": "\"s3://code/llm-finetune/source.tar.gz\"",
	"epochs": "3",
	"max_new_tokens": "512",
	"tokenizer_name": "\"meta-llama/Llama-3-8B\"",
	"use_auth_token": "\"True\"",
	"hf_token_secret_arn": "\"arn:aws:secretsmanager:us-east-1:111122223333:secret:hf-AbCdEf\"",
}

clean_environment := {"HF_HOME": "/opt/ml/cache", "WANDB_API_KEY_SECRET": "arn:aws:secretsmanager:us-east-1:111122223333:secret:wandb-AbCdEf", "USE_SECRETS": "false"}

test_fails_with_a_secret_hyperparameter if {
	r := job({"TrainingJobName": "llm-finetune", "HyperParameters": object.union(clean_hyperparameters, {"hf_token": "\"hf_abcdefghijklmnopqrstuvwxyz\""})})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Training job llm-finetune sets hyperparameters that look like credentials: hf_token."]
}

test_fails_with_secrets_in_both if {
	r := job({
		"TrainingJobName": "llm-finetune",
		"HyperParameters": {"db_password": "hunter2"},
		"Environment": object.union(clean_environment, {"AWS_KEY": "AKIAIOSFODNN7EXAMPLE", "OPENAI_API_KEY": "sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD"}),
	})
	testing.messages(id, r) == [
		"Training job llm-finetune sets environment variables that look like credentials: AWS_KEY, OPENAI_API_KEY.",
		"Training job llm-finetune sets hyperparameters that look like credentials: db_password.",
	]
}

test_fails_on_a_redacted_inventory if {
	r := job({"TrainingJobName": "llm-finetune", "Environment": {"SOME_VAR": "[redacted by cafscan: looked like a credential]"}})
	testing.status(id, r) == "fail"
}

test_message_never_contains_the_value if {
	r := job({"TrainingJobName": "llm-finetune", "HyperParameters": {"db_password": "\"hunter2\""}})
	some message in testing.messages(id, r)
	not contains(message, "hunter2")
}

test_passes_without_secrets if {
	testing.status(id, job({"TrainingJobName": "llm-finetune", "HyperParameters": clean_hyperparameters, "Environment": clean_environment})) == "pass"
	testing.status(id, job({"TrainingJobName": "llm-finetune"})) == "pass"
}

test_not_evaluated_without_configuration if {
	testing.status(id, job({})) == "not_evaluated"
	testing.messages(id, job({})) == ["the training job's configuration is not in the inventory"]
}

# Python's None (as str() or JSON-encoded) under a secret-like name sets no credential.
test_passes_with_none_and_null_under_secret_names if {
	r := job({"TrainingJobName": "llm-finetune", "HyperParameters": {"hf_token": "\"None\"", "db_password": "null"}})
	testing.status(id, r) == "pass"
}

test_lists_every_secret_hyperparameter if {
	r := job({"TrainingJobName": "llm-finetune", "HyperParameters": {"db_password": "\"hunter2\"", "hf_token": "\"hf_abcdefghijklmnopqrstuvwxyz\""}})
	testing.messages(id, r) == ["Training job llm-finetune sets hyperparameters that look like credentials: db_password, hf_token."]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job({"HyperParameters": {"db_password": "x"}}), {"type": "AWS::SageMaker::Model"}))
}

test_fails_with_a_current_key_shape_in_a_json_encoded_hyperparameter if {
	key := concat("", ["\"", "hf", "_", "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "\""])
	r := job({"TrainingJobName": "llm-finetune", "HyperParameters": object.union(clean_hyperparameters, {"hub_setting": key})})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Training job llm-finetune sets hyperparameters that look like credentials: hub_setting."]
}

test_passes_with_ordinary_hyperparameters_that_share_a_prefix_with_keys if {
	r := job({"TrainingJobName": "llm-finetune", "HyperParameters": {"model_id": "\"meta-llama/Llama-3.1-8B-Instruct\"", "task": "\"mask-generation-pipeline-for-segment-anything-model\"", "hf_transfer": "\"True\""}})
	testing.status(id, r) == "pass"
}
