# METADATA
# title: S3 buckets holding training data keep object versions
# description: >-
#   Versioning is Enabled on the bucket, so when a training, fine-tuning or retrieval data
#   set is overwritten with poisoned records or deleted, the previous versions are still
#   there and the data can be restored to its state before the incident. "Off" (never
#   enabled) and "Suspended" fail; when the versioning status is not in the inventory the
#   result is not evaluated.
# custom:
#   id: CAFAI-IR-04
#   capability: incident-response
#   component: input
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Incident response"
#   rationale: >-
#     CAF-AI does not enrich Incident response for AI and points back to the AWS CAF, whose
#     incident response capability includes recovering to a known good state. CAF-AI
#     Application security makes that concrete for AI: keep point-in-time recovery and test
#     roll-back mechanisms for data sets as well as models, to be run during security
#     incidents, and CAF-AI Threat detection names poisoning of training data sets and data
#     tampering as threats to plan for. Without versioning, responders to a poisoning or a
#     destructive deletion have no clean copy of the data to retrain from.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Bucket Versioning > Edit > Enable > Save
#       changes. Add a lifecycle rule that expires noncurrent versions after the period your
#       incident response needs, to bound the cost.
#     cli: >-
#       aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled
#     terraform: |-
#       resource "aws_s3_bucket_versioning" "training" {
#         bucket = aws_s3_bucket.training.id
#         versioning_configuration {
#           status = "Enabled"
#         }
#       }
#     cloudformation: |-
#       TrainingBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           VersioningConfiguration:
#             Status: Enabled
#   references:
#     - id: Retaining multiple versions of objects with S3 Versioning
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
package cafscan.controls.s3_training_data_versioning

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's versioning status is not in the inventory" if not s3.versioning_recorded

violations contains msg if {
	s3.versioning_recorded
	not s3.versioning_enabled
	msg := sprintf(
		"Bucket %s does not have versioning enabled (status %s), so overwritten or deleted training data cannot be restored.",
		[lib.label, s3.versioning_status],
	)
}
