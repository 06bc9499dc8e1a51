package cafscan.tests.sagemaker_feature_group_offline_store_kms

import data.cafscan.testing

id := "CAFAI-DP-50"

key := "arn:aws:kms:us-east-1:111122223333:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90"

group(configuration) := {
	"type": "AWS::SageMaker::FeatureGroup", "id": "customers",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:feature-group/customers",
	"name": "customers", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"FeatureGroupName": "customers", "RecordIdentifierFeatureName": "customer_id"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

offline(storage) := {"OfflineStoreConfig": {"S3StorageConfig": storage}}

test_fails_without_a_key if {
	r := group(offline({"S3Uri": "s3://features/offline"}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Feature group customers's offline store does not name a KMS key (OfflineStoreConfig.S3StorageConfig.KmsKeyId is not set), so its records get only the bucket's default encryption."]
}

test_fails_on_an_empty_or_non_string_key if {
	testing.status(id, group(offline({"S3Uri": "s3://features/offline", "KmsKeyId": ""}))) == "fail"
	testing.status(id, group(offline({"S3Uri": "s3://features/offline", "KmsKeyId": "  "}))) == "fail"
	testing.status(id, group(offline({"S3Uri": "s3://features/offline", "KmsKeyId": null}))) == "fail"
	testing.status(id, group(offline({"S3Uri": "s3://features/offline", "KmsKeyId": 7}))) == "fail"
}

test_passes_with_a_key if testing.status(id, group(offline({"S3Uri": "s3://features/offline", "KmsKeyId": key}))) == "pass"

test_not_applicable_without_an_offline_store if {
	testing.not_applicable(id, group({"OnlineStoreConfig": {"EnableOnlineStore": true}}))
	testing.not_applicable(id, group({"OfflineStoreConfig": null}))
}

test_not_evaluated_when_the_s3_configuration_is_not_recorded if {
	r := group({"OfflineStoreConfig": {"DisableGlueTableCreation": false}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the feature group's offline store S3 configuration is not in the inventory"]
	testing.status(id, group(offline("s3://features/offline"))) == "not_evaluated"
}

test_not_evaluated_without_configuration if {
	r := json.patch(group({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the feature group's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(group(offline({"S3Uri": "s3://features/offline"})), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(group(offline({"S3Uri": "s3://x"})), {"type": "AWS::SageMaker::Model"}))
}

# A configuration of one key is still a recorded one.
test_a_configuration_with_only_the_offline_store_is_evaluated if {
	r := json.patch(group({}), [{"op": "replace", "path": "/configuration", "value": offline({"S3Uri": "s3://f/o", "KmsKeyId": key})}])
	testing.status(id, r) == "pass"
}

# Describe failed: the List summary lacks the setting, so the control is not evaluated, not "not applicable".
test_not_evaluated_not_out_of_scope_when_describe_failed if {
	r := object.union(group({}), {"collectionErrors": {"configuration": "sagemaker:Describe was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"] {
		r := group(offline({"S3Uri": "s3://features/offline", "KmsKeyId": k}))
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Feature group customers's offline store is encrypted with the AWS managed key %s (OfflineStoreConfig.S3StorageConfig.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, group(offline({"S3Uri": "s3://features/offline", "KmsKeyId": "alias/ml-data"}))) == "pass"
}
