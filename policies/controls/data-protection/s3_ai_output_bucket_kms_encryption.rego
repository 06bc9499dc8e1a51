# METADATA
# title: S3 buckets receiving AI outputs encrypt data by default with AWS KMS
# description: >-
#   A bucket that receives what AI workloads produce (SageMaker endpoint data capture,
#   asynchronous and batch inference results, Amazon Bedrock model invocation logs) has a
#   default encryption rule using SSE-KMS or DSSE-KMS. Those objects hold the prompts users
#   sent and the answers models gave, so every read of them should need a key whose use is
#   logged (and, with a customer managed key, whose key policy names who may decrypt). SSE-S3
#   alone, or no default encryption, fails; default encryption settings missing from the
#   inventory leave the result not evaluated.
# custom:
#   id: CAFAI-DP-12
#   capability: data-protection
#   component: output
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection says inference data, which may later be used to train models,
#     needs the same care as training data: secured at rest, monitored for sensitive content,
#     and re-classified when the sensitivity of model output rises. Captured requests and
#     responses and invocation logs concentrate exactly that data, often with personal or
#     confidential details users typed into a prompt. Encrypting them under a KMS key adds a
#     CloudTrail record of every decryption and, with a customer managed key, a second,
#     independently managed permission, so a loosened bucket policy alone does not expose
#     them.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Default encryption > Edit: choose
#       "Server-side encryption with AWS Key Management Service keys (SSE-KMS)", pick a
#       customer managed key whose key policy lets the writing service use it (the SageMaker
#       execution role, or bedrock.amazonaws.com for invocation logs), enable the bucket key,
#       save. Objects written before the change keep their old encryption; copy them in place
#       to re-encrypt.
#     cli: >-
#       aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration
#       '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}'
#     terraform: |-
#       resource "aws_s3_bucket_server_side_encryption_configuration" "ai_output" {
#         bucket = aws_s3_bucket.ai_output.id
#         rule {
#           apply_server_side_encryption_by_default {
#             sse_algorithm     = "aws:kms"
#             kms_master_key_id = aws_kms_key.ai_output.arn
#           }
#           bucket_key_enabled = true
#         }
#       }
#     cloudformation: |-
#       AiOutputBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           BucketEncryption:
#             ServerSideEncryptionConfiguration:
#               - ServerSideEncryptionByDefault:
#                   SSEAlgorithm: aws:kms
#                   KMSMasterKeyID: !GetAtt AiOutputKey.Arn
#                 BucketKeyEnabled: true
#   references:
#     - id: Using server-side encryption with AWS KMS keys (SSE-KMS)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
package cafscan.controls.s3_ai_output_bucket_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's default encryption settings are not in the inventory" if not s3.encryption_recorded

violations contains sprintf("Bucket %s does not encrypt AI outputs by default with AWS KMS (default encryption: %s).", [lib.label, s3.algorithms_text]) if {
	s3.encryption_recorded
	not s3.uses_kms
}
