package cafscan.tests.sagemaker_feature_group_online_store_kms

import data.cafscan.testing

id := "CAFAI-DP-51"

key := "arn:aws:kms:us-east-1:111122223333:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90"

group(configuration) := {
	"type": "AWS::SageMaker::FeatureGroup", "id": "customers",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:feature-group/customers",
	"name": "customers", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"FeatureGroupName": "customers", "RecordIdentifierFeatureName": "customer_id"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

online(store) := {"OnlineStoreConfig": store}

test_fails_on_standard_storage_without_a_key if {
	r := group(online({"EnableOnlineStore": true, "StorageType": "Standard"}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Feature group customers's online store (Standard storage) does not name a KMS key (OnlineStoreConfig.SecurityConfig.KmsKeyId is not set)."]
}

# StorageType absent: AWS's documented default, Standard.
test_fails_on_the_default_storage_type if {
	r := group(online({"EnableOnlineStore": true, "SecurityConfig": {}}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Feature group customers's online store (Standard, the default storage) does not name a KMS key (OnlineStoreConfig.SecurityConfig.KmsKeyId is not set)."]
	testing.status(id, group(online({"EnableOnlineStore": true, "SecurityConfig": {"KmsKeyId": " "}}))) == "fail"
	testing.status(id, group(online({"EnableOnlineStore": true, "SecurityConfig": {"KmsKeyId": null}}))) == "fail"
	testing.status(id, group(online({"EnableOnlineStore": true, "SecurityConfig": {"KmsKeyId": 3}}))) == "fail"
}

test_a_string_flag_is_read_as_a_boolean if {
	testing.status(id, group(online({"EnableOnlineStore": "True"}))) == "fail"
	testing.not_applicable(id, group(online({"EnableOnlineStore": "false"})))
}

test_passes_with_a_key if {
	testing.status(id, group(online({"EnableOnlineStore": true, "StorageType": "Standard", "SecurityConfig": {"KmsKeyId": key}}))) == "pass"
	testing.status(id, group(online({"EnableOnlineStore": true, "SecurityConfig": {"KmsKeyId": key}}))) == "pass"
}

test_not_applicable_without_an_online_store if {
	testing.not_applicable(id, group(online({"EnableOnlineStore": false})))
	testing.not_applicable(id, group(online({})))
	testing.not_applicable(id, group({"OfflineStoreConfig": {"S3StorageConfig": {"S3Uri": "s3://x"}}}))
	testing.not_applicable(id, group(online({"EnableOnlineStore": 1})))
}

test_not_applicable_to_the_in_memory_tier if {
	testing.not_applicable(id, group(online({"EnableOnlineStore": true, "StorageType": "InMemory"})))
}

test_not_evaluated_without_configuration if {
	r := json.patch(group({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the feature group's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(group(online({"EnableOnlineStore": true})), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(group(online({"EnableOnlineStore": true})), {"type": "AWS::SageMaker::Model"}))
}

# A configuration of one key is still a recorded one.
test_a_configuration_with_only_the_online_store_is_evaluated if {
	r := json.patch(group({}), [{"op": "replace", "path": "/configuration", "value": online({"EnableOnlineStore": true, "SecurityConfig": {"KmsKeyId": key}})}])
	testing.status(id, r) == "pass"
}

test_a_storage_type_that_is_not_text_is_reported_as_the_default if {
	r := group(online({"EnableOnlineStore": true, "StorageType": 5}))
	testing.messages(id, r) == ["Feature group customers's online store (Standard, the default storage) does not name a KMS key (OnlineStoreConfig.SecurityConfig.KmsKeyId is not set)."]
}

# Describe failed: the List summary lacks the setting, so the control is not evaluated, not "not applicable".
test_not_evaluated_not_out_of_scope_when_describe_failed if {
	r := object.union(group({}), {"collectionErrors": {"configuration": "sagemaker:Describe was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/sagemaker", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"] {
		r := group(online({"EnableOnlineStore": true, "StorageType": "Standard", "SecurityConfig": {"KmsKeyId": k}}))
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Feature group customers's online store (Standard storage) is encrypted with the AWS managed key %s (OnlineStoreConfig.SecurityConfig.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, group(online({"EnableOnlineStore": true, "SecurityConfig": {"KmsKeyId": "alias/ml-data"}}))) == "pass"
}
