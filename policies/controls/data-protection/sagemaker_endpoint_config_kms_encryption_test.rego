package cafscan.tests.sagemaker_endpoint_config_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-06"

key_arn := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

endpoint_config(configuration) := {
	"type": "AWS::SageMaker::EndpointConfig", "id": "classifier-config",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/classifier-config",
	"name": "classifier-config", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"EndpointConfigName": "classifier-config", "ProductionVariants": [{"VariantName": "AllTraffic", "InstanceType": "ml.m5.large", "InitialInstanceCount": 2}]}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

capture(settings) := {"DataCaptureConfig": object.union({"InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/ep", "CaptureOptions": [{"CaptureMode": "Input"}]}, settings)}

storage_message := "Endpoint configuration classifier-config does not encrypt the storage volumes of its hosting instances with a KMS key."

capture_message := "Endpoint configuration classifier-config captures inference data without encrypting it with a KMS key."

test_fails_without_a_storage_key if {
	r := endpoint_config({"KmsKeyId": null})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == [storage_message]
}

test_fails_when_captured_data_is_not_encrypted if {
	r := endpoint_config(object.union({"KmsKeyId": key_arn}, capture({"EnableCapture": true, "KmsKeyId": null})))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == [capture_message]
}

test_capture_is_on_by_default if {
	r := endpoint_config(object.union({"KmsKeyId": key_arn}, capture({})))
	testing.messages(id, r) == [capture_message]
}

test_reports_both_problems_separately if {
	r := endpoint_config(capture({"EnableCapture": true}))
	testing.messages(id, r) == [capture_message, storage_message]
}

test_passes_with_both_keys if {
	testing.status(id, endpoint_config(object.union({"KmsKeyId": key_arn}, capture({"EnableCapture": true, "KmsKeyId": key_arn})))) == "pass"
}

test_passes_when_capture_is_disabled if {
	testing.status(id, endpoint_config(object.union({"KmsKeyId": key_arn}, capture({"EnableCapture": false})))) == "pass"
	testing.status(id, endpoint_config({"KmsKeyId": key_arn})) == "pass"
}

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(endpoint_config({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(endpoint_config({}), {"type": "AWS::SageMaker::Model"}))
}

variant(instance_type) := {"VariantName": "AllTraffic", "InstanceType": instance_type, "InitialInstanceCount": 2}

# AWS rejects a KmsKeyId when any variant runs on local NVMe instance storage (hardware-encrypted).
test_passes_without_a_storage_key_on_instance_storage_types if {
	every t in ["ml.g5.2xlarge", "ml.p4d.24xlarge", "ml.g4dn.xlarge", "ml.m5d.large", "ml.c5d.xlarge", "ml.r5d.large", "ml.p5.48xlarge", "ml.g6.xlarge", "ml.g6e.xlarge", "ml.trn1.32xlarge", "ml.c6id.large", "ml.p3dn.24xlarge", "ML.G5.XLARGE"] {
		testing.status(id, endpoint_config({"ProductionVariants": [variant(t)]})) == "pass"
	}
}

test_storage_key_not_required_when_any_variant_has_instance_storage if {
	testing.status(id, endpoint_config({"ProductionVariants": [variant("ml.m5.large"), variant("ml.g5.xlarge")]})) == "pass"
}

test_instance_pools_with_instance_storage if {
	v := object.union(object.remove(variant("x"), ["InstanceType"]), {"InstancePools": [{"InstanceType": "ml.g5.xlarge", "Priority": 1}]})
	testing.status(id, endpoint_config({"ProductionVariants": [v]})) == "pass"
}

test_fails_on_ebs_only_types if {
	every t in ["ml.m5.large", "ml.c5.xlarge", "ml.p3.2xlarge", "ml.inf2.xlarge", "ml.inf1.xlarge", "ml.c6i.large", "ml.t2.medium"] {
		testing.messages(id, endpoint_config({"ProductionVariants": [variant(t)]})) == [storage_message]
	}
}

test_instance_storage_does_not_excuse_unencrypted_capture if {
	r := endpoint_config(object.union({"ProductionVariants": [variant("ml.g5.xlarge")]}, capture({"EnableCapture": true})))
	testing.messages(id, r) == [capture_message]
}

test_not_evaluated_when_instance_type_is_unknown if {
	r := endpoint_config({"ProductionVariants": [{"VariantName": "AllTraffic", "InitialInstanceCount": 2}]})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the instance type of production variant AllTraffic is not in the inventory, so whether it accepts a storage KMS key is unknown"]
}

test_not_evaluated_when_variants_are_unknown if {
	r := json.patch(endpoint_config({}), [{"op": "remove", "path": "/configuration/ProductionVariants"}])
	testing.status(id, r) == "not_evaluated"
}

test_a_storage_key_decides_without_instance_types if {
	r := json.patch(endpoint_config({"KmsKeyId": key_arn}), [{"op": "remove", "path": "/configuration/ProductionVariants"}])
	testing.status(id, r) == "pass"
}

test_capture_disabled_as_string if {
	testing.status(id, endpoint_config(object.union({"KmsKeyId": key_arn}, capture({"EnableCapture": "false"})))) == "pass"
}

async_message := "Endpoint configuration classifier-config writes asynchronous inference results without a KMS key (AsyncInferenceConfig.OutputConfig.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."

test_fails_when_async_results_have_no_key if {
	r := endpoint_config({"KmsKeyId": key_arn, "AsyncInferenceConfig": {"OutputConfig": {"S3OutputPath": "s3://out/async/"}}})
	testing.messages(id, r) == [async_message]
}

test_passes_when_async_results_have_a_key if {
	testing.status(id, endpoint_config({"KmsKeyId": key_arn, "AsyncInferenceConfig": {"OutputConfig": {"S3OutputPath": "s3://out/async/", "KmsKeyId": key_arn}}})) == "pass"
}

test_not_evaluated_when_async_output_settings_are_missing if {
	testing.status(id, endpoint_config({"KmsKeyId": key_arn, "AsyncInferenceConfig": {"ClientConfig": {}}})) == "not_evaluated"
}

test_not_evaluated_without_configuration_says_so if {
	r := object.union(object.remove(endpoint_config({}), ["configuration"]), {"configuration": {}})
	testing.messages(id, r) == ["the endpoint configuration's configuration is not in the inventory"]
}

# A Config item can hold little more than the variants; one recorded field is enough to judge.
test_judges_a_configuration_holding_only_its_variants if {
	r := object.union(object.remove(endpoint_config({}), ["configuration"]), {"configuration": {"ProductionVariants": [variant("ml.m5.large")]}})
	testing.messages(id, r) == [storage_message]
}

variants_message := "the endpoint configuration's production variants are not in the inventory, so whether its instances accept a storage KMS key is unknown"

# AWS requires at least one variant: an empty or malformed list is unrecorded, not "no instances".
test_not_evaluated_when_variants_are_empty_or_malformed if {
	every variants in [[], {"AllTraffic": variant("ml.m5.large")}, null] {
		testing.messages(id, endpoint_config({"ProductionVariants": variants})) == [variants_message]
	}
}

serverless_variant := {"VariantName": "AllTraffic", "ServerlessConfig": {"MemorySizeInMB": 2048, "MaxConcurrency": 5}}

# A serverless variant has no instance type to look up; its storage still wants the key.
test_serverless_variant_without_a_key_fails if {
	testing.messages(id, endpoint_config({"ProductionVariants": [serverless_variant]})) == [storage_message]
	testing.status(id, endpoint_config({"KmsKeyId": key_arn, "ProductionVariants": [serverless_variant]})) == "pass"
}

test_unnamed_variant_without_instance_type if {
	r := endpoint_config({"ProductionVariants": [{"VariantName": null, "InitialInstanceCount": 1}]})
	testing.messages(id, r) == ["the instance type of production variant (unnamed) is not in the inventory, so whether it accepts a storage KMS key is unknown"]
}

test_storage_key_decides_when_an_instance_type_is_unknown if {
	r := endpoint_config({"KmsKeyId": key_arn, "ProductionVariants": [{"VariantName": "AllTraffic", "InitialInstanceCount": 2}]})
	testing.status(id, r) == "pass"
}

test_instance_storage_decides_when_another_variant_type_is_unknown if {
	r := endpoint_config({"ProductionVariants": [variant("ml.g5.xlarge"), {"VariantName": "Shadow", "InitialInstanceCount": 1}]})
	testing.status(id, r) == "pass"
}

test_capture_enabled_as_string_without_key_fails if {
	r := endpoint_config(object.union({"KmsKeyId": key_arn}, capture({"EnableCapture": "true"})))
	testing.messages(id, r) == [capture_message]
}

# Config snapshots write null for absent structures: no capture configured.
test_null_capture_config_is_no_capture if {
	testing.status(id, endpoint_config({"KmsKeyId": key_arn, "DataCaptureConfig": null})) == "pass"
}

test_empty_storage_key_is_no_key if {
	testing.messages(id, endpoint_config({"KmsKeyId": ""})) == [storage_message]
}

test_missing_async_output_settings_says_so if {
	r := endpoint_config({"KmsKeyId": key_arn, "AsyncInferenceConfig": {"ClientConfig": {}}})
	testing.messages(id, r) == ["the endpoint configuration's asynchronous inference output settings are not in the inventory"]
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key, for the storage, the captured data or the asynchronous results. A
# customer's own alias still passes.
aws_managed_aliases := ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"]

test_fails_with_an_aws_managed_storage_key_alias if {
	every k in ["alias/aws/sagemaker", "arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/sagemaker"] {
		r := endpoint_config({"KmsKeyId": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Endpoint configuration classifier-config encrypts the storage volumes of its hosting instances with the AWS managed key %s (KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_fails_with_an_aws_managed_capture_key_alias if {
	every k in aws_managed_aliases {
		r := endpoint_config(object.union({"KmsKeyId": key_arn}, capture({"EnableCapture": true, "KmsKeyId": k})))
		testing.messages(id, r) == [sprintf("Endpoint configuration classifier-config encrypts the inference data it captures with the AWS managed key %s (DataCaptureConfig.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_fails_with_an_aws_managed_async_output_key_alias if {
	every k in aws_managed_aliases {
		r := endpoint_config({"KmsKeyId": key_arn, "AsyncInferenceConfig": {"OutputConfig": {"S3OutputPath": "s3://out/async/", "KmsKeyId": k}}})
		testing.messages(id, r) == [sprintf("Endpoint configuration classifier-config encrypts asynchronous inference results with the AWS managed key %s (AsyncInferenceConfig.OutputConfig.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_customer_aliases if {
	r := endpoint_config(object.union(
		{"KmsKeyId": "alias/ml-data", "AsyncInferenceConfig": {"OutputConfig": {"S3OutputPath": "s3://out/async/", "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"}}},
		capture({"EnableCapture": true, "KmsKeyId": "alias/ml-data"}),
	))
	testing.status(id, r) == "pass"
}
