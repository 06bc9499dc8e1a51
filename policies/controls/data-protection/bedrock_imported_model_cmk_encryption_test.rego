package cafscan.tests.bedrock_imported_model_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-73"

model_arn := "arn:aws:bedrock:us-east-1:111122223333:imported-model/k2j4h6g8f0d1"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

model(configuration) := {
	"type": "AWS::Bedrock::ImportedModel", "id": model_arn, "arn": model_arn,
	"name": "fraud-llama-import", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"modelArn": model_arn, "modelName": "fraud-llama-import", "modelArchitecture": "llama3",
			"jobName": "fraud-llama-import-job",
			"modelDataSource": {"s3DataSource": {"s3Uri": "s3://fraud-models/llama-3-8b-ft/"}},
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_key if {
	testing.status(id, model({})) == "fail"
	testing.messages(id, model({})) == ["Imported model fraud-llama-import is not encrypted with a customer managed KMS key (no modelKmsKeyArn)."]
}

test_fails_with_empty_or_odd_key if {
	testing.status(id, model({"modelKmsKeyArn": ""})) == "fail"
	testing.status(id, model({"modelKmsKeyArn": null})) == "fail"
	testing.status(id, model({"modelKmsKeyArn": {"arn": key}})) == "fail"
}

test_passes_with_key if testing.status(id, model({"modelKmsKeyArn": key})) == "pass"

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(model({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the resource's configuration is not in the inventory"]
}

test_not_evaluated_when_get_failed if {
	r := object.union(model({}), {"collectionErrors": {"configuration": "bedrock:GetImportedModel was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(model({}), {"type": "AWS::Bedrock::CustomModel"}))
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"] {
		r := model({"modelKmsKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Imported model fraud-llama-import is encrypted with the AWS managed key %s (modelKmsKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, model({"modelKmsKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})) == "pass"
}
