package cafscan.tests.sagemaker_endpoint_captures_inference_data

import data.cafscan.testing

id := "CAFAI-TD-08"

endpoint(extra) := {
	"type": "AWS::SageMaker::Endpoint", "id": "churn",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn",
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"EndpointName": "churn", "EndpointConfigName": "churn-config", "EndpointStatus": "InService"}, extra),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# As DescribeEndpoint reports it.
summary(enabled, status, percentage) := {"DataCaptureConfig": {
	"EnableCapture": enabled, "CaptureStatus": status, "CurrentSamplingPercentage": percentage,
	"DestinationS3Uri": "s3://capture/churn",
}}

# The endpoint as AWS Config records it: no status, no capture summary.
config_shaped := {
	"type": "AWS::SageMaker::Endpoint", "id": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn",
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"EndpointName": "churn", "EndpointConfigName": "churn-config"},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

variant := {"VariantName": "AllTraffic", "ModelName": "churn", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1}

endpoint_config_in(region, extra) := {
	"type": "AWS::SageMaker::EndpointConfig", "id": "churn-config",
	"arn": sprintf("arn:aws:sagemaker:%s:111122223333:endpoint-config/churn-config", [region]),
	"name": "churn-config", "accountId": "111122223333", "region": region,
	"configuration": object.union({"EndpointConfigName": "churn-config", "ProductionVariants": [variant]}, extra),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

endpoint_config(extra) := endpoint_config_in("us-east-1", extra)

capturing(modes) := endpoint_config({"DataCaptureConfig": {
	"EnableCapture": true, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn",
	"CaptureOptions": [{"CaptureMode": m} | some m in modes],
}})

# --- the endpoint's own summary: is capture running? ---

full := capturing(["Input", "Output"])

test_passes_when_capture_runs_as_configured if {
	testing.status(id, endpoint(summary(true, "Started", 100))) == "pass" with data.inventory as testing.context([full])
}

test_fails_when_capture_is_stopped if {
	r := endpoint(summary(true, "Stopped", 100))
	testing.status(id, r) == "fail" with data.inventory as testing.context([full])
	testing.messages(id, r) == ["Endpoint churn does not capture inference data: data capture is stopped."] with data.inventory as testing.context([full])
	testing.status(id, r) == "fail" with data.inventory as testing.context([])
	testing.messages(id, r) == ["Endpoint churn does not capture inference data: data capture is stopped."] with data.inventory as testing.context([])
}

test_fails_when_the_endpoint_reports_capture_disabled_and_its_config_is_gone if {
	r := endpoint(summary(false, "Stopped", 0))
	testing.status(id, r) == "fail" with data.inventory as testing.context([])
	testing.messages(id, r) == ["Endpoint churn does not capture inference data: data capture is disabled."] with data.inventory as testing.context([])
}

test_fails_when_the_endpoint_disagrees_with_its_capturing_config if {
	r := endpoint(summary(false, "Stopped", 0))
	testing.messages(id, r) == ["Endpoint churn reports data capture disabled although its endpoint configuration churn-config enables it."] with data.inventory as testing.context([full])
}

test_fails_when_the_endpoint_samples_nothing_and_its_config_is_gone if {
	r := endpoint(summary(true, "Started", 0))
	testing.status(id, r) == "fail" with data.inventory as testing.context([])
	testing.messages(id, r) == ["Endpoint churn captures no inference data: its sampling percentage is 0."] with data.inventory as testing.context([])
}

test_a_flawed_config_design_is_td01s_failure_not_this_ones if {
	# Requests only, or 0 percent: CAFAI-TD-01 fails the configuration; the capture runs.
	testing.status(id, endpoint(summary(true, "Started", 100))) == "pass" with data.inventory as testing.context([capturing(["Input"])])
	c := endpoint_config({"DataCaptureConfig": {"InitialSamplingPercentage": 0, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "InputAndOutput"}]}})
	testing.status(id, endpoint(summary(true, "Started", 0))) == "pass" with data.inventory as testing.context([c])
}

test_an_empty_endpoint_summary_is_unknown if {
	r := endpoint({"DataCaptureConfig": {}})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([full])
	testing.not_applicable(id, r) with data.inventory as testing.context([endpoint_config({})])
}

test_finds_the_config_through_the_relationship if {
	r := json.patch(config_shaped, [
		{"op": "remove", "path": "/configuration/EndpointConfigName"},
		{"op": "replace", "path": "/relationships", "value": [{"name": "Is associated with EndpointConfig", "resourceType": "AWS::SageMaker::EndpointConfig", "resourceId": "churn-config", "resourceName": "churn-config"}]},
	])
	testing.not_applicable(id, r) with data.inventory as testing.context([endpoint_config({})])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([full])
}

test_still_applies_while_the_endpoint_is_being_created if {
	r := endpoint(object.union({"EndpointStatus": "Creating"}, summary(true, "Stopped", 100)))
	testing.status(id, r) == "fail" with data.inventory as testing.context([full])
}

# --- one misconfiguration, one failure: a config without capture is CAFAI-TD-01's ---

test_not_applicable_when_the_config_enables_no_capture if {
	testing.not_applicable(id, config_shaped) with data.inventory as testing.context([endpoint_config({})])
	c := endpoint_config({"DataCaptureConfig": {"EnableCapture": false, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}]}})
	testing.not_applicable(id, config_shaped) with data.inventory as testing.context([c])
	testing.not_applicable(id, endpoint(summary(false, "Stopped", 0))) with data.inventory as testing.context([c])
}

# --- unknown ---

test_not_evaluated_when_a_config_shaped_endpoint_runs_a_capturing_config if {
	testing.status(id, config_shaped) == "not_evaluated" with data.inventory as testing.context([full])
	testing.messages(id, config_shaped) == ["whether data capture is running on endpoint churn is not in the inventory (DescribeEndpoint's DataCaptureConfigSummary; AWS Config does not record it)"] with data.inventory as testing.context([full])
}

test_not_evaluated_when_capture_runs_but_the_config_is_gone if {
	r := endpoint(summary(true, "Started", 100))
	testing.messages(id, r) == ["endpoint churn captures data, but its endpoint configuration churn-config is not in the inventory, so what it captures is unknown"] with data.inventory as testing.context([])
}

test_not_evaluated_without_capture_status if {
	r := endpoint({"DataCaptureConfig": {"EnableCapture": true, "CurrentSamplingPercentage": 100}})
	testing.messages(id, r) == ["the data capture status of endpoint churn is not in the inventory"] with data.inventory as testing.context([full])
}

test_not_evaluated_when_the_endpoint_config_is_not_in_the_inventory if {
	testing.status(id, config_shaped) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, config_shaped) == ["endpoint configuration churn-config is not in the inventory"] with data.inventory as testing.context([])
}

test_not_evaluated_when_only_another_region_has_the_config_name if {
	ctx := testing.context([endpoint_config_in("eu-west-1", {})])
	testing.status(id, config_shaped) == "not_evaluated" with data.inventory as ctx
}

test_not_evaluated_when_the_endpoint_config_settings_are_not_recorded if {
	c := json.patch(endpoint_config({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.messages(id, config_shaped) == ["the settings of endpoint configuration churn-config are not in the inventory"] with data.inventory as testing.context([c])
}

test_not_evaluated_without_a_config_name if {
	r := json.patch(config_shaped, [{"op": "remove", "path": "/configuration/EndpointConfigName"}])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, r) == ["the endpoint's data capture state and its configuration name are not in the inventory"] with data.inventory as testing.context([])
}

# --- not applicable ---

test_not_applicable_to_deleting_or_failed_endpoints if {
	testing.not_applicable(id, endpoint({"EndpointStatus": "Deleting"})) with data.inventory as testing.context([])
	testing.not_applicable(id, endpoint({"EndpointStatus": "Failed"})) with data.inventory as testing.context([])
}

test_not_applicable_to_serverless_endpoints if {
	serverless := object.union(variant, {"CurrentServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}})
	testing.not_applicable(id, endpoint({"ProductionVariants": [serverless]})) with data.inventory as testing.context([])
}

test_not_applicable_when_the_config_is_serverless_only if {
	serverless := object.union(variant, {"ServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}})
	testing.not_applicable(id, config_shaped) with data.inventory as testing.context([endpoint_config({"ProductionVariants": [serverless]})])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, endpoint_config({})) with data.inventory as testing.context([])
}

# --- more scope, naming and recording cases ---

test_not_applicable_while_serverless_variants_are_being_deployed if {
	desired := object.union(variant, {"DesiredServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}})
	testing.not_applicable(id, endpoint({"ProductionVariants": [desired]})) with data.inventory as testing.context([])
}

# An endpoint with one instance-based variant besides a serverless one can capture: in scope.
test_applies_to_a_partly_serverless_endpoint if {
	serverless := object.union(variant, {"VariantName": "Serverless", "CurrentServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}})
	r := endpoint(object.union({"ProductionVariants": [variant, serverless]}, summary(true, "Stopped", 100)))
	testing.status(id, r) == "fail" with data.inventory as testing.context([full])
}

serverless_capturing_config := endpoint_config({
	"ProductionVariants": [object.union(variant, {"ServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}})],
	"DataCaptureConfig": {"EnableCapture": true, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "Input"}]},
})

# A serverless-only configuration is out of scope even when it declares a capture, which
# serverless variants cannot run; but the variants the endpoint itself reports take precedence.
test_serverless_config_scope_follows_the_endpoints_own_variants if {
	testing.not_applicable(id, config_shaped) with data.inventory as testing.context([serverless_capturing_config])
	r := endpoint(object.union({"ProductionVariants": [variant]}, summary(true, "Stopped", 100)))
	testing.status(id, r) == "fail" with data.inventory as testing.context([serverless_capturing_config])
}

# The endpoint's report that capture is enabled keeps it in scope even if its recorded
# configuration has none: what runs is judged.
test_applies_when_the_endpoint_captures_but_its_config_shows_none if {
	r := endpoint(summary(true, "Stopped", 100))
	testing.status(id, r) == "fail" with data.inventory as testing.context([endpoint_config({})])
}

test_finds_the_config_when_the_name_field_is_empty_or_null if {
	rel := [
		{"name": "Is associated with Model", "resourceType": "AWS::SageMaker::Model", "resourceId": "churn-model", "resourceName": "churn-model"},
		{"name": "Is associated with EndpointConfig", "resourceType": "AWS::SageMaker::EndpointConfig", "resourceId": "churn-config", "resourceName": "churn-config"},
	]
	empty := json.patch(config_shaped, [
		{"op": "replace", "path": "/configuration/EndpointConfigName", "value": ""},
		{"op": "replace", "path": "/relationships", "value": rel},
	])
	testing.not_applicable(id, empty) with data.inventory as testing.context([endpoint_config({})])
	testing.messages(id, empty) == ["whether data capture is running on endpoint churn is not in the inventory (DescribeEndpoint's DataCaptureConfigSummary; AWS Config does not record it)"] with data.inventory as testing.context([full])
	null_name := json.patch(empty, [{"op": "replace", "path": "/configuration/EndpointConfigName", "value": null}])
	testing.not_applicable(id, null_name) with data.inventory as testing.context([endpoint_config({})])
}

test_a_relationship_without_a_config_id_gives_no_name if {
	r := json.patch(config_shaped, [
		{"op": "remove", "path": "/configuration/EndpointConfigName"},
		{"op": "replace", "path": "/relationships", "value": [{"name": "Is associated with EndpointConfig", "resourceType": "AWS::SageMaker::EndpointConfig", "resourceId": null}]},
	])
	testing.messages(id, r) == ["the endpoint's data capture state and its configuration name are not in the inventory"] with data.inventory as testing.context([])
}

test_names_the_unknown_config_when_capture_runs_without_a_config_name if {
	r := json.patch(endpoint(summary(true, "Started", 100)), [{"op": "remove", "path": "/configuration/EndpointConfigName"}])
	testing.messages(id, r) == ["endpoint churn captures data, but its endpoint configuration (name not recorded) is not in the inventory, so what it captures is unknown"] with data.inventory as testing.context([])
}

# Only the configuration of that name counts, matched by its recorded name or by the resource name.
test_another_config_in_the_region_is_not_the_endpoints if {
	other := json.patch(capturing(["Input", "Output"]), [
		{"op": "replace", "path": "/id", "value": "fraud-config"},
		{"op": "replace", "path": "/name", "value": "fraud-config"},
		{"op": "replace", "path": "/arn", "value": "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/fraud-config"},
		{"op": "replace", "path": "/configuration/EndpointConfigName", "value": "fraud-config"},
	])
	testing.messages(id, config_shaped) == ["endpoint configuration churn-config is not in the inventory"] with data.inventory as testing.context([other])
}

test_matches_the_config_by_its_recorded_name_or_its_resource_name if {
	by_config := json.patch(full, [{"op": "replace", "path": "/name", "value": "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/churn-config"}])
	testing.status(id, config_shaped) == "not_evaluated" with data.inventory as testing.context([by_config])
	testing.not_applicable(id, config_shaped) with data.inventory as testing.context([json.patch(by_config, [{"op": "remove", "path": "/configuration/DataCaptureConfig"}])])
	by_name := json.patch(endpoint_config({}), [{"op": "remove", "path": "/configuration/EndpointConfigName"}])
	testing.not_applicable(id, config_shaped) with data.inventory as testing.context([by_name])
}

# A configuration entry without its ProductionVariants (required by AWS) carries no settings.
test_not_evaluated_when_the_config_entry_carries_only_its_name if {
	c := json.patch(endpoint_config({}), [{"op": "replace", "path": "/configuration", "value": {"EndpointConfigName": "churn-config"}}])
	testing.messages(id, config_shaped) == ["the settings of endpoint configuration churn-config are not in the inventory"] with data.inventory as testing.context([c])
}

# EnableCapture defaults to enabled in a DataCaptureConfig.
test_a_config_capture_without_enable_flag_is_capturing if {
	c := endpoint_config({"DataCaptureConfig": {"InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://capture/churn", "CaptureOptions": [{"CaptureMode": "Input"}]}})
	testing.status(id, config_shaped) == "not_evaluated" with data.inventory as testing.context([c])
}

test_only_the_running_capture_is_reported_when_its_config_settings_are_missing if {
	c := json.patch(endpoint_config({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.messages(id, endpoint(summary(true, "Started", 100))) == ["endpoint churn captures data, but its endpoint configuration churn-config is not in the inventory, so what it captures is unknown"] with data.inventory as testing.context([c])
}

# EnableCapture false is a failure whatever capture status accompanies it.
test_disabled_capture_fails_whatever_the_status if {
	testing.status(id, endpoint(summary(false, "Started", 100))) == "fail" with data.inventory as testing.context([])
}
