package cafscan.tests.bedrock_custom_model_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-08"

model_arn := "arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/ab12cd34ef56"

model(configuration) := {
	"type": "AWS::Bedrock::CustomModel", "id": model_arn, "arn": model_arn,
	"name": "fraud-titan", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"modelName": "fraud-titan", "modelArn": model_arn, "modelStatus": "Active",
			"jobName": "fraud-ft-1", "jobArn": "arn:aws:bedrock:us-east-1:111122223333:model-customization-job/fraud-ft-1",
			"baseModelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
			"customizationType": "FINE_TUNING",
			"trainingDataConfig": {"s3Uri": "s3://fraud-training/train.jsonl"},
			"outputDataConfig": {"s3Uri": "s3://fraud-training/output/"},
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

test_fails_without_cmk if {
	testing.status(id, model({})) == "fail"
	testing.messages(id, model({})) == ["Custom model fraud-titan is encrypted with an AWS owned key, not a customer managed KMS key."]
}

test_fails_with_empty_key if testing.status(id, model({"modelKmsKeyArn": ""})) == "fail"

test_passes_with_cmk if testing.status(id, model({"modelKmsKeyArn": key})) == "pass"

test_not_applicable_when_customization_failed if testing.not_applicable(id, model({"modelStatus": "Failed"}))

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(model({}), {"type": "AWS::SageMaker::Model"}))
}

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(model({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_when_get_custom_model_failed if {
	r := object.union(model({}), {"collectionErrors": {"configuration": "bedrock:GetCustomModel was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"] {
		r := model({"modelKmsKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Custom model fraud-titan is encrypted with the AWS managed key %s (modelKmsKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, model({"modelKmsKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})) == "pass"
}
