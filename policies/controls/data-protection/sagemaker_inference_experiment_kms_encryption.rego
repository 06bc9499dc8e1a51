# METADATA
# title: SageMaker inference experiments encrypt their hosting instances' storage with a KMS key
# description: >-
#   The inference experiment (a shadow test of model variants on production traffic) names a
#   KmsKey, the key SageMaker encrypts the storage volumes of the instances that host its variants
#   with. Without it those volumes use an AWS managed key. Variants on instance types with local
#   NVMe storage are encrypted by hardware and take no volume key, so an experiment whose variants
#   all run on such types passes without one; a variant whose instance type is not recorded leaves
#   the verdict unknown. AWS Config does not record inference experiments: live scans and
#   cafscan inventories only. Naming the AWS managed key by its alias (alias/aws/…) counts as no
#   customer managed key.
# custom:
#   id: CAFAI-DP-53
#   capability: data-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::InferenceExperiment"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that models and the data they handle be encrypted at rest under
#     keys the organization controls. A shadow experiment runs a candidate model on copies of live
#     requests, so its instances hold the model artifacts and production inputs on their volumes.
#     A customer managed key keeps that copy under the same key policy and audit trail as the
#     production endpoint's (CAFAI-DP-06); peers that check only whether the key is set would fail
#     an experiment on local-storage instances that AWS encrypts in hardware and does not let take
#     a key, which this control passes instead.
#   remediation:
#     console: >-
#       The key of an experiment cannot be changed. SageMaker console > Inference > Shadow tests >
#       Create shadow test > Encryption key: a customer managed KMS key; stop the old experiment.
#     cli: >-
#       aws sagemaker create-inference-experiment --name NAME --type ShadowMode --role-arn ROLE_ARN
#       --endpoint-name ENDPOINT --model-variants file://variants.json
#       --shadow-mode-config file://shadow.json --kms-key KEY_ARN
#     terraform: |-
#       # The AWS provider has no inference experiment resource: create it with the AWS CLI or
#       # CloudFormation, passing a customer managed key.
#       resource "aws_cloudformation_stack" "shadow_test" {
#         name          = "fraud-shadow-test"
#         template_body = file("${path.module}/shadow-test.yaml") # declares KmsKey
#       }
#     cloudformation: |-
#       ShadowTest:
#         Type: AWS::SageMaker::InferenceExperiment
#         Properties:
#           Name: fraud-xgb-v9-shadow
#           Type: ShadowMode
#           RoleArn: !GetAtt ExperimentRole.Arn
#           EndpointName: fraud-xgb-prod
#           KmsKey: !GetAtt ModelKey.Arn
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
#     - id: CreateInferenceExperiment (KmsKey)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateInferenceExperiment.html
#     - id: Shadow tests
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html
package cafscan.controls.sagemaker_inference_experiment_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms
import data.cafscan.lib.sagemaker_instances as instances

recorded if count(lib.configuration) > 0

named_key if trim_space(lib.configuration.KmsKey) != ""

# The AWS managed key named by its alias is no customer managed key: judged as no key at all,
# with its own message.
aws_managed_key if kms.aws_managed_alias(lib.configuration.KmsKey)

has_key if {
	named_key
	not aws_managed_key
}

variants := [v | some v in lib.as_array(lib.configuration.ModelVariants)]

# "" when not recorded, so that `not instances.family(...)` sees a value (an undefined argument
# would make the negation undefined too, and an unknown type would slip through).
instance_type(v) := v.InfrastructureConfig.RealTimeInferenceConfig.InstanceType if {
	is_string(v.InfrastructureConfig.RealTimeInferenceConfig.InstanceType)
} else := ""

# A variant without a name still counts (VariantName is required, but a sparse record lacks it).
variant_name(v) := v.VariantName if {
	is_string(v.VariantName)
	v.VariantName != ""
} else := "(unnamed variant)"

# Variants whose volumes take a key: an EBS-only instance type.
needs_key contains variant_name(v) if {
	some v in variants
	instances.family(instance_type(v))
	not instances.local_storage(instance_type(v))
}

unknown_type if {
	some v in variants
	not instances.family(instance_type(v))
}

missing contains "the inference experiment's configuration is not in the inventory" if not recorded

# ModelVariants is required by CreateInferenceExperiment: none recorded is unknown.
missing contains "the inference experiment's model variants are not in the inventory" if {
	recorded
	count(variants) == 0
}

missing contains "a model variant's instance type is not in the inventory, so whether its storage takes a KMS key is unknown" if {
	not has_key
	unknown_type
}

violations contains concat("", ["Inference experiment ", lib.label, " does not encrypt the storage of its hosting instances with a customer managed KMS key (KmsKey is not set): variant ", concat(", ", sort({lib.text(n) | some n in needs_key})), "."]) if {
	not named_key
	count(needs_key) > 0
}

violations contains concat("", ["Inference experiment ", lib.label, " encrypts the storage of its hosting instances with the AWS managed key ", lib.text(lib.configuration.KmsKey), " (KmsKey), not a customer managed KMS key: variant ", concat(", ", sort({lib.text(n) | some n in needs_key})), "."]) if {
	aws_managed_key
	count(needs_key) > 0
}
