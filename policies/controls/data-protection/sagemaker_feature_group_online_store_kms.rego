# METADATA
# title: SageMaker Feature Store online stores with Standard storage encrypt with a KMS key
# description: >-
#   A feature group whose online store is enabled with the Standard storage type names a KMS key
#   in OnlineStoreConfig.SecurityConfig (KmsKeyId), so the low-latency copy of its records served
#   to inference is encrypted with a key the account controls. Absent EnableOnlineStore is AWS's
#   documented default, False (no online store: not applicable); absent StorageType is the
#   documented default, Standard. The InMemory tier does not take a SecurityConfig key and is not
#   applicable. AWS Config records AWS::SageMaker::FeatureGroup with DescribeFeatureGroup's
#   property names, so live and Config-snapshot inventories are read alike. Naming an AWS managed
#   key by its alias (alias/aws/…) counts as no customer managed key and fails.
# custom:
#   id: CAFAI-DP-51
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::FeatureGroup"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over the data AI is built and run on. The online
#     store holds the latest value of every feature for every record, looked up by models at
#     inference time — often the most current personal data in the ML estate. A customer managed
#     key puts each read behind a key policy and in CloudTrail and can be disabled to cut off
#     access; the default leaves that control with AWS.
#   remediation:
#     console: >-
#       The online store's key cannot be changed on an existing feature group. SageMaker console >
#       Feature Store > Create feature group > Online store: enable, storage type Standard,
#       Encryption key: a customer managed KMS key; ingest into the new group and delete the old one.
#     cli: >-
#       aws sagemaker create-feature-group --feature-group-name NAME-v2
#       --record-identifier-feature-name id --event-time-feature-name event_time
#       --feature-definitions file://features.json
#       --online-store-config 'EnableOnlineStore=true,StorageType=Standard,SecurityConfig={KmsKeyId=KEY_ARN}'
#     terraform: |-
#       resource "aws_sagemaker_feature_group" "customers" {
#         feature_group_name             = "customers"
#         record_identifier_feature_name = "customer_id"
#         event_time_feature_name        = "event_time"
#         role_arn                       = aws_iam_role.feature_store.arn
#         feature_definition {
#           feature_name = "customer_id"
#           feature_type = "String"
#         }
#         online_store_config {
#           enable_online_store = true
#           storage_type        = "Standard"
#           security_config {
#             kms_key_id = aws_kms_key.features.arn
#           }
#         }
#       }
#     cloudformation: |-
#       CustomersFeatureGroup:
#         Type: AWS::SageMaker::FeatureGroup
#         Properties:
#           FeatureGroupName: customers
#           RecordIdentifierFeatureName: customer_id
#           EventTimeFeatureName: event_time
#           FeatureDefinitions:
#             - { FeatureName: customer_id, FeatureType: String }
#             - { FeatureName: event_time, FeatureType: String }
#           OnlineStoreConfig:
#             EnableOnlineStore: true
#             StorageType: Standard
#             SecurityConfig:
#               KmsKeyId: !GetAtt FeatureKey.Arn
#   references:
#     - id: OnlineStoreConfig (EnableOnlineStore default False, StorageType default Standard)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OnlineStoreConfig.html
#     - id: OnlineStoreSecurityConfig (KmsKeyId)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OnlineStoreSecurityConfig.html
package cafscan.controls.sagemaker_feature_group_online_store_kms

import data.cafscan.lib
import data.cafscan.lib.kms

recorded if count(lib.configuration) > 0

online := lib.configuration.OnlineStoreConfig

# The API types the flag as a boolean; a recorded string "true" is read the same way.
enabled if online.EnableOnlineStore == true

enabled if {
	is_string(online.EnableOnlineStore)
	lower(online.EnableOnlineStore) == "true"
}

in_memory if online.StorageType == "InMemory"

# No online store (absent flag: AWS's default, False), or the InMemory tier, which takes no key.
# Only on what Describe returned: when it failed, the List summary lacks the setting, and the
# router's not_evaluated (collectionErrors.configuration) must not be turned into not applicable.
out_of_scope if {
	recorded
	not input.resource.collectionErrors.configuration
	not enabled
}

out_of_scope if in_memory

has_key if {
	is_string(online.SecurityConfig.KmsKeyId)
	trim_space(online.SecurityConfig.KmsKeyId) != ""
}

storage_type := online.StorageType if is_string(online.StorageType)

else := "Standard, the default"

missing contains "the feature group's configuration is not in the inventory" if not recorded

# A disabled online store and the InMemory tier are out of scope above, which wins over violations.
violations contains concat("", ["Feature group ", lib.label, "'s online store (", storage_type, " storage) does not name a KMS key (OnlineStoreConfig.SecurityConfig.KmsKeyId is not set)."]) if {
	not has_key
}

violations contains concat("", ["Feature group ", lib.label, "'s online store (", storage_type, " storage) is encrypted with the AWS managed key ", lib.text(online.SecurityConfig.KmsKeyId), " (OnlineStoreConfig.SecurityConfig.KmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(online.SecurityConfig.KmsKeyId)
}
