# METADATA
# title: SageMaker endpoint configurations encrypt storage and captured data with KMS
# description: >-
#   The endpoint configuration names a KMS key (KmsKeyId) for the storage volumes of the
#   instances that host the model and, when data capture is on, a KMS key for the captured
#   requests and responses it writes to S3 (DataCaptureConfig.KmsKeyId). Data capture is on
#   when DataCaptureConfig is present and EnableCapture is true or absent (the API default).
# custom:
#   id: CAFAI-DP-06
#   capability: data-protection
#   component: output
#   severity: high
#   resource_types: ["AWS::SageMaker::EndpointConfig"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over data throughout AI use, including
#     inference data that may later be used to train models and model output whose
#     sensitivity must be watched. Captured prompts and predictions are exactly that data;
#     encrypting them and the hosting volumes under keys the account controls keeps who can
#     read them under a key policy and records every decryption.
#   remediation:
#     console: >-
#       Endpoint configurations cannot be edited. SageMaker console > Inference > Endpoint
#       configurations > the configuration > Clone: choose a customer managed key under
#       "Encryption key", and under "Data capture" choose a KMS key for the captured data;
#       create it, then update the endpoint to the new configuration. (Instance types with
#       local NVMe storage encrypt it in hardware and do not accept a storage key.)
#     cli: >-
#       aws sagemaker create-endpoint-config --endpoint-config-name NAME-v2
#       --kms-key-id KEY_ARN --production-variants VariantName=AllTraffic,ModelName=MODEL,InstanceType=ml.m5.large,InitialInstanceCount=2
#       --data-capture-config EnableCapture=true,InitialSamplingPercentage=100,DestinationS3Uri=s3://BUCKET/capture,KmsKeyId=KEY_ARN,CaptureOptions=[{CaptureMode=Input},{CaptureMode=Output}]
#       && aws sagemaker update-endpoint --endpoint-name ENDPOINT --endpoint-config-name NAME-v2
#     terraform: |-
#       resource "aws_sagemaker_endpoint_configuration" "this" {
#         name        = "classifier-v2"
#         kms_key_arn = aws_kms_key.inference.arn
#         # production_variants { ... }
#         data_capture_config {
#           enable_capture              = true
#           initial_sampling_percentage = 100
#           destination_s3_uri          = "s3://${aws_s3_bucket.capture.id}/capture"
#           kms_key_id                  = aws_kms_key.inference.arn
#           capture_options { capture_mode = "Input" }
#           capture_options { capture_mode = "Output" }
#         }
#       }
#   references:
#     - id: sagemaker_endpoint_config_kms_encryption_enabled
#       source: Prowler
package cafscan.controls.sagemaker_endpoint_config_kms_encryption

import data.cafscan.lib

capture := lib.configuration.DataCaptureConfig

capture_enabled if {
	is_object(capture)
	object.get(capture, "EnableCapture", true) == true
}

missing contains "the endpoint configuration's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

violations contains sprintf("Endpoint configuration %s does not encrypt the storage volumes of its hosting instances with a KMS key.", [lib.label]) if {
	count(lib.configuration) > 0
	not non_empty(lib.configuration, "KmsKeyId")
}

violations contains sprintf("Endpoint configuration %s captures inference data without encrypting it with a KMS key.", [lib.label]) if {
	capture_enabled
	not non_empty(capture, "KmsKeyId")
}

non_empty(obj, key) if {
	value := obj[key]
	is_string(value)
	value != ""
}
