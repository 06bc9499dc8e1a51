# METADATA
# title: S3 buckets holding AI data keep object versions
# description: >-
#   Versioning is Enabled on every bucket the AI asset graph links to a workload: training,
#   fine-tuning and retrieval data (input), model artifacts and checkpoints (model), and
#   captured requests and responses, inference results and invocation logs (output, often the
#   next training set). Every overwrite or delete then keeps the previous version, so a
#   poisoned data set, a tampered model or a deleted record can be restored to a known good
#   state. "Off" (never enabled, S3's default) and "Suspended" fail; a versioning status
#   missing from the inventory leaves the result not evaluated. One check per bucket: it
#   replaces CAFAI-IR-04, which repeated it for training data (Retired ids in
#   docs/controls.md).
# custom:
#   id: CAFAI-AS-01
#   capability: application-security
#   component: model
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that known good trained models be backed up and that
#     point-in-time recovery be kept, so a compromised model or data set can be rolled back
#     to a trusted state, with roll-back mechanisms tested for data sets and models alike and
#     run during security incidents; CAF-AI Threat detection names poisoning of training data
#     sets and data tampering as threats to plan for. Versioning is the S3 building block for
#     that: a poisoned upload or a destructive overwrite no longer erases the last good copy.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Bucket Versioning > Edit > Enable > Save
#       changes. Add a lifecycle rule that expires noncurrent versions after the retention
#       you need, to bound the cost.
#     cli: >-
#       aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled
#     terraform: |-
#       resource "aws_s3_bucket_versioning" "this" {
#         bucket = aws_s3_bucket.models.id
#         versioning_configuration {
#           status = "Enabled"
#         }
#       }
#   references:
#     - id: Retaining multiple versions of objects with S3 Versioning
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
package cafscan.controls.s3_bucket_versioning_enabled

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's versioning status is not in the inventory" if not s3.versioning_recorded

# An unrecorded status is not Enabled either, but missing data wins over violations (main.rego).
violations contains msg if {
	not s3.versioning_enabled
	msg := concat("", [
		"Bucket ", lib.label, " does not have versioning enabled (status ", lib.text(s3.versioning_status), "), so overwritten or deleted AI data cannot be restored.",
	])
}
