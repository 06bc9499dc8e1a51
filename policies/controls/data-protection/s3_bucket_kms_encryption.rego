# METADATA
# title: S3 buckets holding AI data encrypt it by default with AWS KMS
# description: >-
#   The bucket's default encryption uses SSE-KMS (or DSSE-KMS), wherever the AI asset graph
#   links the bucket: training, fine-tuning and retrieval data (input), model artifacts and
#   checkpoints (model), and what AI workloads produce, such as SageMaker data capture,
#   asynchronous and batch inference results and Amazon Bedrock invocation logs (output).
#   Every object is then encrypted under a key whose use is logged and whose policy can
#   restrict who decrypts it. SSE-S3 (every bucket's default since January 2023) or no rule
#   fails; default encryption settings missing from the inventory (or a denied
#   GetBucketEncryption) leave the result not evaluated. One check per bucket: it replaces
#   CAFAI-DP-12, which repeated it for output buckets (Retired ids in docs/controls.md).
# custom:
#   id: CAFAI-DP-01
#   capability: data-protection
#   component: input
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that data collected for pre-training and fine-tuning be
#     secured at rest as well as in transit, and that inference data, which may later train
#     models, get the same care. Models trained on that data carry it too. SSE-S3 encrypts,
#     but only a KMS key adds an access policy and a CloudTrail record for each decryption,
#     which is what keeps a training corpus, a model or a store of captured prompts under
#     control when a bucket policy is loosened by mistake.
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
#     - id: Using server-side encryption with AWS KMS keys (SSE-KMS)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#     - id: GetBucketEncryption (SSE-S3 is the default since January 2023)
#       source: Amazon S3 API Reference
#       url: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketEncryption.html
package cafscan.controls.s3_bucket_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's default encryption settings are not in the inventory" if not s3.encryption_recorded

# Unrecorded settings are reported by missing, which wins over violations.
violations contains concat("", ["Bucket ", lib.label, " has no default encryption rule using AWS KMS."]) if {
	not s3.uses_kms
}
