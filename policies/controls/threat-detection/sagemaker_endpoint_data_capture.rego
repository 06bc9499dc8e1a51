# METADATA
# title: SageMaker endpoint configurations capture inference requests and responses
# description: >-
#   The endpoint configuration enables data capture (DataCaptureConfig.EnableCapture) for both
#   the requests sent to the model and the responses it returns (CaptureOptions covering Input
#   and Output, or InputAndOutput), with a sampling percentage above zero, so the inference
#   traffic of real-time endpoints is kept in S3 for detection, investigation and monitoring.
#   Configurations whose variants are all serverless are not applicable: serverless endpoints
#   do not support data capture. This control judges what the configuration defines, whether
#   or not an endpoint runs it; whether an endpoint's capture is actually running is
#   CAFAI-TD-08's, which leaves an endpoint whose configuration enables no capture to this
#   control so one misconfiguration is one failure. A missing DataCaptureConfig means no
#   capture; EnableCapture defaults to true when absent; CaptureOptions and
#   InitialSamplingPercentage are required members, so a configuration recorded without them is
#   not evaluated
#   (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfig.html).
# custom:
#   id: CAFAI-TD-01
#   capability: threat-detection
#   component: output
#   severity: high
#   resource_types: ["AWS::SageMaker::EndpointConfig"]
#   caf_section: "Threat detection"
#   rationale: >-
#     CAF-AI Threat detection asks that input data be tracked across user sessions to catch
#     misuse, that input data and the data the model uses be correlated to spot anomalous or
#     malicious activity, and that model outputs be watched for anomalies and for sensitive
#     data. None of that is possible for a SageMaker endpoint unless its requests and
#     responses are recorded: data capture is the record, and capturing only one side hides
#     either the prompt that caused a problem or the output that leaked data.
#   remediation:
#     console: >-
#       Endpoint configurations cannot be edited: SageMaker AI console > Inference > Endpoint
#       configurations > the configuration > Clone, enable "Data capture", choose an S3
#       location and a KMS key, capture both "Prediction request" and "Prediction response",
#       set the sampling percentage, create it, then Endpoints > the endpoint > Change
#       endpoint configuration > pick the new configuration.
#     cli: >-
#       aws sagemaker create-endpoint-config --endpoint-config-name NAME-capture
#       --production-variants file://variants.json
#       --data-capture-config '{"EnableCapture":true,"InitialSamplingPercentage":100,"DestinationS3Uri":"s3://BUCKET/capture","KmsKeyId":"KEY_ARN","CaptureOptions":[{"CaptureMode":"Input"},{"CaptureMode":"Output"}]}'
#       && aws sagemaker update-endpoint --endpoint-name ENDPOINT --endpoint-config-name NAME-capture
#     terraform: |-
#       resource "aws_sagemaker_endpoint_configuration" "this" {
#         name = "churn-capture"
#         production_variants {
#           variant_name           = "AllTraffic"
#           model_name             = aws_sagemaker_model.churn.name
#           instance_type          = "ml.m5.large"
#           initial_instance_count = 1
#         }
#         data_capture_config {
#           enable_capture              = true
#           initial_sampling_percentage = 100
#           destination_s3_uri          = "s3://${aws_s3_bucket.capture.id}/capture"
#           kms_key_id                  = aws_kms_key.capture.arn
#           capture_options { capture_mode = "Input" }
#           capture_options { capture_mode = "Output" }
#         }
#       }
package cafscan.controls.sagemaker_endpoint_data_capture

import data.cafscan.lib

capture := lib.configuration.DataCaptureConfig

variants := object.get(lib.configuration, "ProductionVariants", [])

# Serverless endpoints do not support data capture.
out_of_scope if {
	count(variants) > 0
	every v in variants {
		is_object(object.get(v, "ServerlessConfig", null))
	}
}

# ProductionVariants is required in every endpoint configuration: without it the settings were not
# recorded (an entry carrying only the name says nothing about capture).
recorded if is_array(lib.configuration.ProductionVariants)

missing contains "the endpoint configuration's settings are not in the inventory" if {
	not recorded
}

# EnableCapture is optional and defaults to true once a DataCaptureConfig exists. Some exports
# write booleans as text: "false" turns capture off like false; any other value is unknown.
enable_capture := object.get(capture, "EnableCapture", true)

switch_on if enable_capture == true

switch_on if enable_capture == null

switch_on if lower(enable_capture) == "true"

switch_off if enable_capture == false

switch_off if lower(enable_capture) == "false"

switch_known if switch_on

switch_known if switch_off

capturing if {
	is_object(capture)
	switch_on
}

missing contains "the endpoint configuration's DataCaptureConfig.EnableCapture is neither true nor false" if {
	recorded
	is_object(capture)
	not switch_known
}

modes := {m.CaptureMode | some m in object.get(capture, "CaptureOptions", [])}

captures_input if {
	some m in modes
	m in {"Input", "InputAndOutput"}
}

captures_output if {
	some m in modes
	m in {"Output", "InputAndOutput"}
}

# Required members of DataCaptureConfig: without them what is captured is unknown. (Tested
# through a rule: `not is_array(capture.CaptureOptions)` is undefined, not true, when absent.)
has_options if is_array(capture.CaptureOptions)

has_sampling if is_number(capture.InitialSamplingPercentage)

missing contains concat("", ["the capture options of endpoint configuration ", lib.label, " are not in the inventory"]) if {
	capturing
	not has_options
}

missing contains concat("", ["the sampling percentage of endpoint configuration ", lib.label, " is not in the inventory"]) if {
	capturing
	not has_sampling
}

violations contains concat("", ["Endpoint configuration ", lib.label, " does not capture inference data."]) if {
	recorded
	not capturing
}

violations contains concat("", ["Endpoint configuration ", lib.label, " captures inference requests but not the model's responses."]) if {
	capturing
	captures_input
	not captures_output
}

violations contains concat("", ["Endpoint configuration ", lib.label, " captures the model's responses but not the inference requests."]) if {
	capturing
	captures_output
	not captures_input
}

violations contains concat("", ["Endpoint configuration ", lib.label, " enables data capture without capturing requests or responses."]) if {
	capturing
	not captures_input
	not captures_output
}

violations contains concat("", ["Endpoint configuration ", lib.label, " enables data capture with a sampling percentage of 0."]) if {
	capturing
	capture.InitialSamplingPercentage == 0
}
