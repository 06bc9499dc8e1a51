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
