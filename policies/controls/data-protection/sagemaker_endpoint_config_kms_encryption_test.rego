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
