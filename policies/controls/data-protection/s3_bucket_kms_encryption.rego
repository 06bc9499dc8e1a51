# METADATA
# title: S3 buckets holding AI input data encrypt it by default with AWS KMS
# description: >-
#   The bucket's default encryption uses SSE-KMS (or DSSE-KMS), so every object written for
#   training, fine-tuning or retrieval is encrypted under a key whose use is logged and whose
#   policy can restrict who decrypts the data.
# custom:
#   id: CAFAI-DP-01
#   capability: data-protection
#   component: input
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that data collected for pre-training and fine-tuning be
#     secured at rest as well as in transit. SSE-S3 encrypts too, but only a KMS key adds an
#     access policy and a CloudTrail record for each decryption, which is what keeps a
#     training corpus under control when a bucket policy is loosened by mistake.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Default encryption > Edit: choose
#       "Server-side encryption with AWS Key Management Service keys (SSE-KMS)", pick a
#       customer managed key, enable the bucket key, save.
#     cli: >-
#       aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration
#       '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}'
#     terraform: |-
#       resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
#         bucket = aws_s3_bucket.data.id
#         rule {
#           apply_server_side_encryption_by_default {
#             sse_algorithm     = "aws:kms"
#             kms_master_key_id = aws_kms_key.data.arn
#           }
#           bucket_key_enabled = true
#         }
#       }
#   references:
#     - id: GENSEC01-BP03
#       source: AWS Well-Architected Generative AI Lens
#     - id: s3_bucket_kms_encryption
#       source: Prowler
package cafscan.controls.s3_bucket_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's default encryption settings are not in the inventory" if not s3.encryption_recorded

violations contains sprintf("Bucket %s has no default encryption rule using AWS KMS.", [lib.label]) if {
	s3.encryption_recorded
	not s3.uses_kms
}
