# METADATA
# title: SageMaker inference experiments that capture data encrypt it with a KMS key
# description: >-
#   An inference experiment that captures the requests and responses of its variants
#   (DataStorageConfig, present only when capture is on) names a KmsKey for the captured data in
#   S3. Without it the objects get only the destination bucket's default encryption. Experiments
#   that capture nothing are not applicable. AWS Config does not record inference experiments:
#   live scans and cafscan inventories only. Naming an AWS managed key by its alias (alias/aws/…)
#   counts as no customer managed key and fails.
# custom:
#   id: CAFAI-DP-54
#   capability: data-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::InferenceExperiment"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over model outputs and the records kept of them.
#     A shadow test captures real production requests and both models' answers to compare them —
#     personal data and predictions side by side, kept for as long as the analysis needs. A
#     customer managed key puts every read of that capture behind a key policy and in CloudTrail,
#     the same protection CAFAI-TD-01 and DP-06 expect of an endpoint's own data capture.
#   remediation:
#     console: >-
#       The capture settings of an experiment cannot be changed. SageMaker console > Inference >
#       Shadow tests > Create shadow test > Data capture: enable, S3 location and Encryption key: a
#       customer managed KMS key; stop the old experiment.
#     cli: >-
#       aws sagemaker create-inference-experiment --name NAME --type ShadowMode --role-arn ROLE_ARN
#       --endpoint-name ENDPOINT --model-variants file://variants.json --shadow-mode-config file://shadow.json
#       --data-storage-config Destination=s3://BUCKET/shadow-capture,KmsKey=KEY_ARN
#     terraform: |-
#       # The AWS provider has no inference experiment resource: create it with the AWS CLI or
#       # CloudFormation, with DataStorageConfig.KmsKey set.
#       resource "aws_cloudformation_stack" "shadow_test" {
#         name          = "fraud-shadow-test"
#         template_body = file("${path.module}/shadow-test.yaml") # declares DataStorageConfig.KmsKey
#       }
#     cloudformation: |-
#       ShadowTest:
#         Type: AWS::SageMaker::InferenceExperiment
#         Properties:
#           Name: fraud-xgb-v9-shadow
#           Type: ShadowMode
#           RoleArn: !GetAtt ExperimentRole.Arn
#           EndpointName: fraud-xgb-prod
#           DataStorageConfig:
#             Destination: !Sub s3://${CaptureBucket}/shadow-capture
#             KmsKey: !GetAtt CaptureKey.Arn
#           ModelVariants:
#             - ModelName: fraud-xgb-v9
#               VariantName: shadow
#               InfrastructureConfig:
#                 InfrastructureType: RealTimeInference
#                 RealTimeInferenceConfig: { InstanceType: ml.m5.xlarge, InstanceCount: 1 }
#           ShadowModeConfig:
#             SourceModelVariantName: AllTraffic
#             ShadowModelVariants:
#               - { ShadowModelVariantName: shadow, SamplingPercentage: 10 }
#   references:
#     - id: InferenceExperimentDataStorageConfig (Destination, KmsKey)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceExperimentDataStorageConfig.html
package cafscan.controls.sagemaker_inference_experiment_capture_kms

import data.cafscan.lib
import data.cafscan.lib.kms

recorded if count(lib.configuration) > 0

storage := lib.configuration.DataStorageConfig

captures if is_object(storage)

# DataStorageConfig is optional: an experiment without it captures nothing.
# Only on what Describe returned: when it failed, the List summary lacks the setting, and the
# router's not_evaluated (collectionErrors.configuration) must not be turned into not applicable.
out_of_scope if {
	recorded
	not input.resource.collectionErrors.configuration
	not captures
}

has_key if trim_space(storage.KmsKey) != ""

missing contains "the inference experiment's configuration is not in the inventory" if not recorded

# (An experiment that captures nothing is out of scope above, which wins over violations.)
violations contains concat("", ["Inference experiment ", lib.label, " captures requests and responses without a customer managed KMS key (DataStorageConfig.KmsKey is not set)."]) if {
	not has_key
}

violations contains concat("", ["Inference experiment ", lib.label, " encrypts the requests and responses it captures with the AWS managed key ", lib.text(storage.KmsKey), " (DataStorageConfig.KmsKey), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(storage.KmsKey)
}
