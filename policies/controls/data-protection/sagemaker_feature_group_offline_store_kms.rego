# METADATA
# title: SageMaker Feature Store offline stores encrypt their records with a KMS key
# description: >-
#   A feature group with an offline store names a KMS key in OfflineStoreConfig.S3StorageConfig
#   (KmsKeyId), so every record Feature Store writes to the offline store's S3 location is
#   encrypted with a key the account controls and audits. Without it the objects get only what
#   the bucket's default encryption gives. Feature groups without an offline store are not
#   applicable. AWS Config records AWS::SageMaker::FeatureGroup with DescribeFeatureGroup's
#   property names, so live and Config-snapshot inventories are read alike. Naming an AWS managed
#   key by its alias (alias/aws/…) counts as no customer managed key and fails.
# custom:
#   id: CAFAI-DP-50
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::FeatureGroup"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over the data used to build AI, and a feature
#     store is exactly that data, cleaned and joined: the offline store is what training jobs
#     read back, often with customer identifiers kept as record keys. A customer managed key puts
#     every read of those records behind a key policy and in CloudTrail, and lets the key be
#     disabled to cut off access, whatever bucket policy or role later reaches the objects.
#   remediation:
#     console: >-
#       The offline store's key cannot be changed on an existing feature group. SageMaker console >
#       Feature Store > Create feature group > Offline store > Encryption key: a customer managed
#       KMS key; ingest into the new group and delete the old one.
#     cli: >-
#       aws sagemaker create-feature-group --feature-group-name NAME-v2
#       --record-identifier-feature-name id --event-time-feature-name event_time
#       --feature-definitions file://features.json --role-arn ROLE_ARN
#       --offline-store-config 'S3StorageConfig={S3Uri=s3://BUCKET/offline,KmsKeyId=KEY_ARN}'
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
#         offline_store_config {
#           s3_storage_config {
#             s3_uri     = "s3://${aws_s3_bucket.features.bucket}/offline"
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
#           RoleArn: !GetAtt FeatureStoreRole.Arn
#           FeatureDefinitions:
#             - { FeatureName: customer_id, FeatureType: String }
#             - { FeatureName: event_time, FeatureType: String }
#           OfflineStoreConfig:
#             S3StorageConfig:
#               S3Uri: !Sub s3://${FeatureBucket}/offline
#               KmsKeyId: !GetAtt FeatureKey.Arn
#   references:
#     - id: S3StorageConfig (KmsKeyId)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3StorageConfig.html
#     - id: Security and access control in Feature Store
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-security.html
package cafscan.controls.sagemaker_feature_group_offline_store_kms

import data.cafscan.lib
import data.cafscan.lib.kms

recorded if count(lib.configuration) > 0

offline := lib.configuration.OfflineStoreConfig

has_offline if is_object(offline)

# OfflineStoreConfig is optional in CreateFeatureGroup: a group without it has no offline store.
# Only on what Describe returned: when it failed, the List summary lacks the setting, and the
# router's not_evaluated (collectionErrors.configuration) must not be turned into not applicable.
out_of_scope if {
	recorded
	not input.resource.collectionErrors.configuration
	not has_offline
}

storage := offline.S3StorageConfig

has_storage if is_object(storage)

has_key if {
	is_string(storage.KmsKeyId)
	trim_space(storage.KmsKeyId) != ""
}

missing contains "the feature group's configuration is not in the inventory" if not recorded

# S3StorageConfig is required inside OfflineStoreConfig: absent means not recorded.
missing contains "the feature group's offline store S3 configuration is not in the inventory" if {
	has_offline
	not has_storage
}

# Without an offline store the group is out of scope, and without its S3 configuration missing
# fires; both win over violations.
violations contains concat("", ["Feature group ", lib.label, "'s offline store is encrypted with the AWS managed key ", lib.text(storage.KmsKeyId), " (OfflineStoreConfig.S3StorageConfig.KmsKeyId), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(storage.KmsKeyId)
}

violations contains concat("", ["Feature group ", lib.label, "'s offline store does not name a KMS key (OfflineStoreConfig.S3StorageConfig.KmsKeyId is not set), so its records get only the bucket's default encryption."]) if {
	not has_key
}
