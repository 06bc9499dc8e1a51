# METADATA
# title: SageMaker endpoints capture their inference requests and responses
# description: >-
#   The endpoint records the traffic it serves. When DescribeEndpoint reports a data capture
#   configuration, its EnableCapture must be true (with capture not stopped and a sampling
#   percentage above zero). When the endpoint carries no such configuration (AWS Config does not
#   record it), the endpoint configuration it runs is looked up: its DataCaptureConfig must be
#   enabled, capture both Input and Output (or InputAndOutput) and sample more than 0 percent.
#   Endpoints that are Deleting or Failed, and endpoints whose variants are all serverless (which
#   do not support data capture), are not applicable; endpoints still being created or updated
#   are checked, since capture must be in place before traffic arrives.
# custom:
#   id: CAFAI-TD-08
#   capability: threat-detection
#   component: output
#   severity: high
#   resource_types: ["AWS::SageMaker::Endpoint"]
#   related_resource_types: ["AWS::SageMaker::EndpointConfig"]
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

# --- the endpoint's own capture settings (DescribeEndpoint's DataCaptureConfigSummary) -----------

own := lib.configuration.DataCaptureConfig

# The summary is usable when it says whether capture is enabled; an empty object (emulators) or
# no key at all sends the control to the endpoint configuration.
own_known if is_boolean(own.EnableCapture)

violations contains sprintf("Endpoint %s does not capture inference data: data capture is disabled.", [lib.label]) if {
	own.EnableCapture == false
}

violations contains sprintf("Endpoint %s does not capture inference data: data capture is stopped.", [lib.label]) if {
	own.EnableCapture == true
	own.CaptureStatus == "Stopped"
}

violations contains sprintf("Endpoint %s captures no inference data: its sampling percentage is 0.", [lib.label]) if {
	own.EnableCapture == true
	own.CurrentSamplingPercentage == 0
}

# --- otherwise, the endpoint configuration it runs -----------------------------------------------

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

named(c, name) if c.configuration.EndpointConfigName == name

named(c, name) if c.name == name

# Endpoint configuration names are unique per account and region.
endpoint_configs := [c |
	some c in lib.same_account_of_type(config_type)
	c.region == lib.resource.region
	named(c, config_name)
]

endpoint_config := endpoint_configs[0]

config_recorded if count(endpoint_config.configuration) > 0

missing contains "the endpoint's configuration name is not in the inventory, so its data capture settings cannot be looked up" if {
	not own_known
	not has_config_name
}

missing contains sprintf("endpoint configuration %s is not in the inventory", [config_name]) if {
	not own_known
	count(endpoint_configs) == 0
}

missing contains sprintf("the settings of endpoint configuration %s are not in the inventory", [config_name]) if {
	not own_known
	count(endpoint_configs) > 0
	not config_recorded
}

capture := endpoint_config.configuration.DataCaptureConfig

# EnableCapture is optional in DataCaptureConfig and defaults to enabled.
capturing if {
	is_object(capture)
	object.get(capture, "EnableCapture", true) != false
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

judged_by_config if {
	not own_known
	config_recorded
}

violations contains sprintf("Endpoint %s does not capture inference data: its endpoint configuration %s has no data capture enabled.", [lib.label, config_name]) if {
	judged_by_config
	not capturing
}

violations contains sprintf("Endpoint %s captures inference requests but not the model's responses (endpoint configuration %s).", [lib.label, config_name]) if {
	judged_by_config
	capturing
	captures_input
	not captures_output
}

violations contains sprintf("Endpoint %s captures the model's responses but not the inference requests (endpoint configuration %s).", [lib.label, config_name]) if {
	judged_by_config
	capturing
	captures_output
	not captures_input
}

violations contains sprintf("Endpoint %s enables data capture but captures neither requests nor responses (endpoint configuration %s).", [lib.label, config_name]) if {
	judged_by_config
	capturing
	not captures_input
	not captures_output
}

violations contains sprintf("Endpoint %s captures no inference data: endpoint configuration %s samples 0 percent of requests.", [lib.label, config_name]) if {
	judged_by_config
	capturing
	capture.InitialSamplingPercentage == 0
}
