# METADATA
# title: SageMaker endpoint configurations encrypt storage, captured data and asynchronous results with KMS
# description: >-
#   The endpoint configuration names a KMS key (KmsKeyId) for the storage volumes of the
#   instances that host the model and, when data capture is on, a KMS key for the captured
#   requests and responses it writes to S3 (DataCaptureConfig.KmsKeyId) and, for asynchronous
#   inference, a KMS key for the results it writes to S3 (AsyncInferenceConfig.OutputConfig
#   .KmsKeyId; without one SageMaker uses the account's AWS managed key for S3). Data capture is on
#   when DataCaptureConfig is present and EnableCapture is true or absent (the API's
#   documented default is enabled). The storage key is not required when any instance-based
#   production variant runs on an instance type with local NVMe instance storage (ml.*d*
#   families such as ml.c5d, ml.m5d, ml.r5d, ml.c6id, ml.g4dn, ml.p3dn, ml.p4d, ml.p4de, and
#   ml.g5, ml.g6, ml.g6e, ml.gr6, ml.p5, ml.p5e, ml.p5en, ml.trn1, ml.trn1n, ml.trn2): AWS
#   encrypts that storage in hardware and CreateEndpointConfig rejects a KmsKeyId for it.
#   A variant whose instance type is not in the inventory leaves the storage part not
#   evaluated; the data capture part still applies. Naming an AWS managed key by its alias
#   (alias/aws/…) in any of the three counts as no customer managed key and fails.
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
#     - id: CreateEndpointConfig KmsKeyId (no key with local instance storage)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html#sagemaker-CreateEndpointConfig-request-KmsKeyId
#     - id: AsyncInferenceOutputConfig KmsKeyId (default AWS managed key for S3)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AsyncInferenceOutputConfig.html
#     - id: DataCaptureConfig EnableCapture (defaults to enabled)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfig.html
#     - id: Instance store volumes (which instance types have local storage)
#       source: Amazon EC2 documentation
#       url: https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-type-specifications.html
package cafscan.controls.sagemaker_endpoint_config_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms
import data.cafscan.lib.sagemaker_instances as instances

recorded if count(lib.configuration) > 0

# --- the hosting instances' storage volume ------------------------------------------------------

storage_key if non_empty(lib.configuration, "KmsKeyId")

variants := v if {
	v := lib.configuration.ProductionVariants
	is_array(v)
	count(v) > 0
}

serverless(variant) if is_object(variant.ServerlessConfig)

instance_variants := [v | some v in variants; not serverless(v)]

variant_name(variant) := name if {
	name := variant.VariantName
	is_string(name)
} else := "(unnamed)"

# One variant on local instance storage rules the key out for the whole configuration: AWS
# rejects CreateEndpointConfig with a KmsKeyId then (see METADATA).
hardware_encrypted if {
	some v in instance_variants
	some t in instances.types_of(v)
	instances.local_storage(t)
}

untyped := {variant_name(v) | some v in instance_variants; count(instances.types_of(v)) == 0}

missing contains "the endpoint configuration's configuration is not in the inventory" if not recorded

missing contains "the endpoint configuration's production variants are not in the inventory, so whether its instances accept a storage KMS key is unknown" if {
	recorded
	not storage_key
	not variants
}

missing contains concat("", ["the instance type of production variant ", lib.text(name), " is not in the inventory, so whether it accepts a storage KMS key is unknown"]) if {
	not storage_key
	not hardware_encrypted
	some name in untyped
}

violations contains concat("", ["Endpoint configuration ", lib.label, " does not encrypt the storage volumes of its hosting instances with a KMS key."]) if {
	variants
	not storage_key
	not hardware_encrypted
	count(untyped) == 0
}

# A key named by its AWS managed alias is named (AWS accepted it, so the storage takes a key) but
# is not a customer managed key, whatever the instance types.
violations contains concat("", ["Endpoint configuration ", lib.label, " encrypts the storage volumes of its hosting instances with the AWS managed key ", lib.text(lib.configuration.KmsKeyId), " (KmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(lib.configuration.KmsKeyId)
}

# --- captured requests and responses -------------------------------------------------------------

capture := lib.configuration.DataCaptureConfig

# EnableCapture defaults to enabled (DataCaptureConfig reference in METADATA).
capture_disabled if capture.EnableCapture == false

capture_disabled if {
	is_string(capture.EnableCapture)
	lower(capture.EnableCapture) == "false"
}

capture_enabled if {
	is_object(capture)
	not capture_disabled
}

violations contains concat("", ["Endpoint configuration ", lib.label, " captures inference data without encrypting it with a KMS key."]) if {
	capture_enabled
	not non_empty(capture, "KmsKeyId")
}

violations contains concat("", ["Endpoint configuration ", lib.label, " encrypts the inference data it captures with the AWS managed key ", lib.text(capture.KmsKeyId), " (DataCaptureConfig.KmsKeyId), not a customer managed KMS key."]) if {
	capture_enabled
	kms.aws_managed_alias(capture.KmsKeyId)
}

# --- asynchronous inference results -------------------------------------------------------------

async_output := lib.configuration.AsyncInferenceConfig.OutputConfig

has_async_output if is_object(async_output)

# OutputConfig is required in AsyncInferenceConfig: absent means not recorded.
missing contains "the endpoint configuration's asynchronous inference output settings are not in the inventory" if {
	is_object(lib.configuration.AsyncInferenceConfig)
	not has_async_output
}

violations contains concat("", ["Endpoint configuration ", lib.label, " writes asynchronous inference results without a KMS key (AsyncInferenceConfig.OutputConfig.KmsKeyId is not set, so SageMaker uses the AWS managed key for S3)."]) if {
	has_async_output
	not non_empty(async_output, "KmsKeyId")
}

violations contains concat("", ["Endpoint configuration ", lib.label, " encrypts asynchronous inference results with the AWS managed key ", lib.text(async_output.KmsKeyId), " (AsyncInferenceConfig.OutputConfig.KmsKeyId), not a customer managed KMS key."]) if {
	has_async_output
	kms.aws_managed_alias(async_output.KmsKeyId)
}

non_empty(obj, key) if {
	value := obj[key]
	is_string(value)
	value != ""
}
