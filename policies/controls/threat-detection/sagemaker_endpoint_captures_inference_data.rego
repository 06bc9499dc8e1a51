# METADATA
# title: SageMaker endpoints actually run the data capture their configuration defines
# description: >-
#   What an endpoint adds to its endpoint configuration's capture settings (CAFAI-TD-01 judges
#   those: enabled, requests and responses, sampling above zero) is whether capture is running.
#   DescribeEndpoint's DataCaptureConfigSummary must say EnableCapture true and CaptureStatus
#   Started; Stopped fails
#   (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfigSummary.html,
#   where every member is required, so a summary without one is incomplete, not a default).
#   An endpoint whose configuration, in the inventory, enables no capture is not applicable
#   here: CAFAI-TD-01 reports that one misconfiguration on the configuration. When the
#   configuration is not in the inventory (deleted after deployment, or not collected), the
#   endpoint's own summary decides: capture disabled, or sampling 0 percent, fails; capture
#   running is not evaluated, as what it captures is unknown. AWS Config does not record the
#   summary; where the configuration enables capture and the summary is absent, the result is
#   not evaluated. Endpoints that are Deleting or Failed, and endpoints whose variants are all
#   serverless (which do not support data capture), are not applicable.
# custom:
#   id: CAFAI-TD-08
#   capability: threat-detection
#   component: output
#   severity: high
#   resource_types: ["AWS::SageMaker::Endpoint"]
#   related_resource_types: ["AWS::SageMaker::EndpointConfig"]
#   related_fields:
#     "AWS::SageMaker::EndpointConfig": [configuration.EndpointConfigName, configuration.ProductionVariants, configuration.DataCaptureConfig]
#   caf_section: "Threat detection"
#   rationale: >-
#     CAF-AI Threat detection asks that input data be followed across user sessions to catch
#     misuse and loss of availability, and that model outputs be watched for anomalies that
#     depart from the model's goals and for sensitive data. CAF-AI Infrastructure protection
#     adds that output responses and session data be logged for compliance and troubleshooting.
#     For a SageMaker endpoint the only record of what was asked and what was answered is data
#     capture; an endpoint serving without it leaves a prompt-injection, extraction or leakage
#     incident with nothing to investigate.
#   remediation:
#     console: >-
#       SageMaker AI console > Inference > Endpoints > the endpoint > Endpoint configuration
#       settings: an endpoint configuration cannot be edited, so choose Clone (or create a new
#       configuration), enable "Data capture", choose an S3 location and a KMS key, capture both
#       "Prediction request" and "Prediction response", set the sampling percentage and create it;
#       then on the endpoint choose Change endpoint configuration and pick the new one.
#     cli: >-
#       aws sagemaker create-endpoint-config --endpoint-config-name NAME-capture
#       --production-variants file://variants.json
#       --data-capture-config '{"EnableCapture":true,"InitialSamplingPercentage":100,"DestinationS3Uri":"s3://BUCKET/capture","KmsKeyId":"KEY_ARN","CaptureOptions":[{"CaptureMode":"Input"},{"CaptureMode":"Output"}]}'
#       && aws sagemaker update-endpoint --endpoint-name ENDPOINT --endpoint-config-name NAME-capture
#     terraform: |-
#       resource "aws_sagemaker_endpoint_configuration" "churn" {
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
#
#       resource "aws_sagemaker_endpoint" "churn" {
#         name                 = "churn"
#         endpoint_config_name = aws_sagemaker_endpoint_configuration.churn.name
#       }
#   references:
#     - id: Capture data from real-time endpoint
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html
package cafscan.controls.sagemaker_endpoint_captures_inference_data

import data.cafscan.lib

config_type := "AWS::SageMaker::EndpointConfig"

# --- scope ---------------------------------------------------------------------------------------

out_of_scope if lib.configuration.EndpointStatus in {"Deleting", "Failed"}

# Serverless endpoints do not support data capture: every variant serverless, as the endpoint
# reports it or, when it reports no variants, as its endpoint configuration defines them.
out_of_scope if all_serverless(object.get(lib.configuration, "ProductionVariants", []), ["CurrentServerlessConfig", "DesiredServerlessConfig"])

out_of_scope if {
	count(object.get(lib.configuration, "ProductionVariants", [])) == 0
	all_serverless(object.get(endpoint_config.configuration, "ProductionVariants", []), ["ServerlessConfig"])
}

all_serverless(variants, keys) if {
	count(variants) > 0
	every v in variants {
		some key in keys
		is_object(object.get(v, key, null))
	}
}

# The configuration, in the inventory, enables no capture: CAFAI-TD-01's failure, not a second one
# here — unless the endpoint itself reports capture enabled.
out_of_scope if {
	config_recorded
	not config_capturing
	not own.EnableCapture == true
}

# --- the endpoint configuration it runs ------------------------------------------------------------

config_name := name if {
	name := lib.configuration.EndpointConfigName
	is_string(name)
	name != ""
} else := name if {
	some rel in object.get(lib.resource, "relationships", [])
	rel.resourceType == config_type
	name := rel.resourceId
	is_string(name)
}

has_config_name if config_name

config_label := name if {
	name := config_name
} else := "(name not recorded)"

named(c, name) if c.configuration.EndpointConfigName == name

named(c, name) if c.name == name

# Endpoint configuration names are unique per account and region.
endpoint_configs := [c |
	some c in lib.same_account_of_type(config_type)
	c.region == lib.resource.region
	named(c, config_name)
]

endpoint_config := endpoint_configs[0]

# ProductionVariants is required in every endpoint configuration: without it the settings were
# not recorded (an inventory entry carrying only the name says nothing about capture).
config_recorded if is_array(endpoint_config.configuration.ProductionVariants)

config_capture := endpoint_config.configuration.DataCaptureConfig

# EnableCapture is optional in DataCaptureConfig and defaults to enabled.
config_capturing if {
	is_object(config_capture)
	object.get(config_capture, "EnableCapture", true) != false
}

# --- the endpoint's own capture state (DescribeEndpoint's DataCaptureConfigSummary) --------------

own := lib.configuration.DataCaptureConfig

# The summary is usable when it says whether capture is enabled; an empty object (emulators) or
# no key at all is unknown.
own_known if is_boolean(own.EnableCapture)

own_enabled if own.EnableCapture == true

violations contains concat("", ["Endpoint ", lib.label, " does not capture inference data: data capture is stopped."]) if {
	own_enabled
	own.CaptureStatus == "Stopped"
}

violations contains concat("", ["Endpoint ", lib.label, " does not capture inference data: data capture is disabled."]) if {
	own.EnableCapture == false
	not config_recorded
}

# The endpoint and its recorded configuration disagree; the endpoint's word is what runs.
violations contains concat("", ["Endpoint ", lib.label, " reports data capture disabled although its endpoint configuration ", lib.text(config_name), " enables it."]) if {
	own.EnableCapture == false
	config_capturing
}

# With the configuration in the inventory CAFAI-TD-01 judges its sampling percentage.
violations contains concat("", ["Endpoint ", lib.label, " captures no inference data: its sampling percentage is 0."]) if {
	own_enabled
	own.CurrentSamplingPercentage == 0
	not config_recorded
}

# --- unknown -------------------------------------------------------------------------------------

missing contains "the endpoint's data capture state and its configuration name are not in the inventory" if {
	not own_known
	not has_config_name
}

missing contains concat("", ["endpoint configuration ", lib.text(config_name), " is not in the inventory"]) if {
	not own_known
	count(endpoint_configs) == 0
}

missing contains concat("", ["the settings of endpoint configuration ", lib.text(config_name), " are not in the inventory"]) if {
	not own_known
	count(endpoint_configs) > 0
	not config_recorded
}

missing contains concat("", ["whether data capture is running on endpoint ", lib.label, " is not in the inventory (DescribeEndpoint's DataCaptureConfigSummary; AWS Config does not record it)"]) if {
	not own_known
	config_capturing
}

missing contains concat("", ["the data capture status of endpoint ", lib.label, " is not in the inventory"]) if {
	own_enabled
	not capture_status_known
}

capture_status_known if own.CaptureStatus in {"Started", "Stopped"}

missing contains msg if {
	own_enabled
	own.CaptureStatus == "Started"
	not config_recorded
	not own.CurrentSamplingPercentage == 0
	msg := concat("", ["endpoint ", lib.label, " captures data, but its endpoint configuration ", lib.text(config_label), " is not in the inventory, so what it captures is unknown"])
}
