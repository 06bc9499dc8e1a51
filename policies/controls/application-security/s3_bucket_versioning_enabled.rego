# METADATA
# title: S3 buckets holding model artifacts keep object versions
# description: >-
#   Versioning is Enabled on the bucket, so every overwrite or delete of a training set,
#   model artifact or checkpoint keeps the previous version and the object can be restored
#   to a known good state. "Off" (never enabled) and "Suspended" fail.
# custom:
#   id: CAFAI-AS-01
#   capability: application-security
#   component: model
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that known good trained models be backed up and that
#     point-in-time recovery be kept, so a compromised model or data set can be rolled back
#     to a trusted state, with roll-back mechanisms tested for data sets and models alike.
#     Versioning is the S3 building block for that: a poisoned upload or a destructive
#     overwrite no longer erases the last good copy.
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
#     - id: GENSEC06-BP01
#       source: AWS Well-Architected Generative AI Lens
package cafscan.controls.s3_bucket_versioning_enabled

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's versioning status is not in the inventory" if not s3.versioning_recorded

violations contains sprintf("Bucket %s does not have versioning enabled (status %s).", [lib.label, s3.versioning_status]) if {
	s3.versioning_recorded
	not s3.versioning_enabled
}
