package cafscan.tests.sagemaker_endpoint_data_capture

import data.cafscan.testing

id := "CAFAI-TD-01"

variant := {"VariantName": "AllTraffic", "ModelName": "churn", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1}

endpoint_config(extra) := {
	"type": "AWS::SageMaker::EndpointConfig", "id": "churn-config",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/churn-config",
	"name": "churn-config", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"EndpointConfigName": "churn-config", "ProductionVariants": [variant]}, extra),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

capturing(modes) := endpoint_config({"DataCaptureConfig": {
	"EnableCapture": true, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn",
	"CaptureOptions": [{"CaptureMode": m} | some m in modes],
}})

test_fails_without_data_capture if {
	testing.status(id, endpoint_config({})) == "fail"
	testing.messages(id, endpoint_config({})) == ["Endpoint configuration churn-config does not capture inference data."]
}

test_fails_when_capture_disabled if {
	r := endpoint_config({"DataCaptureConfig": {"EnableCapture": false, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}]}})
	testing.messages(id, r) == ["Endpoint configuration churn-config does not capture inference data."]
}

with_enable(value) := endpoint_config({"DataCaptureConfig": {"EnableCapture": value, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "InputAndOutput"}]}})

# Booleans written as text mean what they say; anything else is unknown, never capture on.
test_reads_enable_capture_written_as_text if {
	testing.messages(id, with_enable("false")) == ["Endpoint configuration churn-config does not capture inference data."]
	testing.status(id, with_enable("False")) == "fail"
	testing.status(id, with_enable("true")) == "pass"
	testing.status(id, with_enable(null)) == "pass"
	testing.status(id, with_enable(0)) == "not_evaluated"
	testing.messages(id, with_enable("off")) == ["the endpoint configuration's DataCaptureConfig.EnableCapture is neither true nor false"]
}

test_fails_when_only_input_is_captured if {
	testing.status(id, capturing(["Input"])) == "fail"
	testing.messages(id, capturing(["Input"])) == ["Endpoint configuration churn-config captures inference requests but not the model's responses."]
}

test_fails_when_only_output_is_captured if {
	testing.messages(id, capturing(["Output"])) == ["Endpoint configuration churn-config captures the model's responses but not the inference requests."]
}

test_fails_with_no_capture_options if {
	testing.messages(id, capturing([])) == ["Endpoint configuration churn-config enables data capture without capturing requests or responses."]
}

test_fails_with_zero_sampling if {
	r := endpoint_config({"DataCaptureConfig": {"EnableCapture": true, "InitialSamplingPercentage": 0, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "InputAndOutput"}]}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Endpoint configuration churn-config enables data capture with a sampling percentage of 0."]
}

test_passes_capturing_input_and_output if testing.status(id, capturing(["Input", "Output"])) == "pass"

test_passes_capturing_input_and_output_mode if testing.status(id, capturing(["InputAndOutput"])) == "pass"

test_passes_when_enable_capture_is_left_to_its_default if {
	r := endpoint_config({"DataCaptureConfig": {"InitialSamplingPercentage": 20, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}]}})
	testing.status(id, r) == "pass"
}

test_not_evaluated_when_required_capture_members_are_absent if {
	no_options := endpoint_config({"DataCaptureConfig": {"EnableCapture": true, "InitialSamplingPercentage": 100}})
	testing.messages(id, no_options) == ["the capture options of endpoint configuration churn-config are not in the inventory"]
	no_sampling := endpoint_config({"DataCaptureConfig": {"CaptureOptions": [{"CaptureMode": "InputAndOutput"}]}})
	testing.messages(id, no_sampling) == ["the sampling percentage of endpoint configuration churn-config is not in the inventory"]
}

test_not_evaluated_without_configuration if {
	r := json.patch(endpoint_config({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the endpoint configuration's settings are not in the inventory"]
}

# An entry carrying only the name (ProductionVariants, required by AWS, absent) is not a
# configuration without capture.
test_not_evaluated_when_the_entry_carries_only_its_name if {
	r := json.patch(endpoint_config({}), [{"op": "replace", "path": "/configuration", "value": {"EndpointConfigName": "churn-config"}}])
	testing.messages(id, r) == ["the endpoint configuration's settings are not in the inventory"]
}

# A disabled capture is one failure, whatever its options and sampling would have captured.
test_disabled_capture_is_reported_once if {
	input_only := endpoint_config({"DataCaptureConfig": {"EnableCapture": false, "InitialSamplingPercentage": 0, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "Input"}]}})
	testing.messages(id, input_only) == ["Endpoint configuration churn-config does not capture inference data."]
	output_only := endpoint_config({"DataCaptureConfig": {"EnableCapture": false, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "Output"}]}})
	testing.messages(id, output_only) == ["Endpoint configuration churn-config does not capture inference data."]
}

test_not_applicable_to_serverless_only_configs if {
	serverless := object.union(variant, {"ServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}})
	testing.not_applicable(id, endpoint_config({"ProductionVariants": [serverless]}))
}

test_applies_when_one_variant_is_instance_based if {
	serverless := object.union(variant, {"VariantName": "Serverless", "ServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}})
	testing.status(id, endpoint_config({"ProductionVariants": [variant, serverless]})) == "fail"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(endpoint_config({}), {"type": "AWS::SageMaker::Model"}))
}
