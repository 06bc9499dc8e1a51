# METADATA
# title: S3 buckets receiving AI logs and outputs store them write-once with Object Lock
# description: >-
#   A bucket that receives model invocation logs, captured requests and responses or
#   inference results has S3 Object Lock enabled with a default retention (GOVERNANCE or
#   COMPLIANCE mode, a number of days or years), so every object written to it is kept
#   write-once-read-many: it cannot be overwritten or deleted until its retention ends.
#   Object Lock without a default retention fails too, because the services that write these
#   logs do not set a retention on each object. A bucket whose recorded settings do not
#   include Object Lock fails; when reading it failed, or none of the bucket's settings are in
#   the inventory, the result is not evaluated.
# custom:
#   id: CAFAI-IP-12
#   capability: infrastructure-protection
#   component: output
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that output responses and the related session
#     data be logged to Write Once Read Many (WORM) storage, for compliance and for
#     troubleshooting. Object Lock with a default retention is how S3 provides WORM: an
#     intruder, or an insider covering tracks, who gains write access to the bucket still
#     cannot rewrite or erase the record of what the model was asked and what it answered.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Object Lock > Edit: enable Object Lock (the
#       bucket must have versioning enabled; this cannot be undone), set "Default retention"
#       to Enabled with GOVERNANCE mode (or COMPLIANCE where regulation requires it) and the
#       retention period your logging policy sets, save. Keep the lifecycle expiration at or
#       beyond that period.
#     cli: >-
#       aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled
#       && aws s3api put-object-lock-configuration --bucket BUCKET --object-lock-configuration
#       '{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":365}}}'
#     terraform: |-
#       resource "aws_s3_bucket" "ai_logs" {
#         bucket              = "example-invocation-logs"
#         object_lock_enabled = true
#       }
#
#       resource "aws_s3_bucket_object_lock_configuration" "ai_logs" {
#         bucket = aws_s3_bucket.ai_logs.id
#         rule {
#           default_retention {
#             mode = "GOVERNANCE"
#             days = 365
#           }
#         }
#       }
#     cloudformation: |-
#       AiLogBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           VersioningConfiguration:
#             Status: Enabled
#           ObjectLockEnabled: true
#           ObjectLockConfiguration:
#             ObjectLockEnabled: Enabled
#             Rule:
#               DefaultRetention:
#                 Mode: GOVERNANCE
#                 Days: 365
#   references:
#     - id: Locking objects with Object Lock
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
package cafscan.controls.s3_ai_log_bucket_object_lock

import data.cafscan.lib

key := "ObjectLockConfiguration"

# AWS Config and the collector record Object Lock only when it is on, so an absent key means
# "off" unless reading it failed or nothing about the bucket's settings was recorded at all.
has_key if key in object.keys(lib.supplementary)

read_failed if input.resource.collectionErrors[key]

settings_recorded if count(lib.supplementary) > 0

lock := lib.supplementary[key]

missing contains "the bucket's Object Lock configuration could not be read" if {
	not has_key
	read_failed
}

# An empty supplementaryConfiguration has no ObjectLockConfiguration key either.
missing contains "the bucket's settings are not in the inventory" if {
	not read_failed
	not settings_recorded
}

enabled if lock.objectLockEnabled == "Enabled"

retention := lock.rule.defaultRetention

# moto answers 0 for the unit that is not used; AWS leaves it out (null).
default_retention if {
	retention.mode in {"GOVERNANCE", "COMPLIANCE"}
	some period in [object.get(retention, "days", null), object.get(retention, "years", null)]
	is_number(period)
	period > 0
}

# Off unless explicitly "Enabled": a recorded configuration that is null, empty or anything else
# never passes. An unread or unrecorded configuration is reported by missing, which wins over
# violations in main.rego's outcome.
violations contains concat("", ["Bucket ", lib.label, " does not have S3 Object Lock enabled, so the AI logs and outputs written to it can be overwritten or deleted."]) if {
	not enabled
}

violations contains concat("", ["Bucket ", lib.label, " has S3 Object Lock enabled but no default retention, so the AI logs and outputs written to it are not locked."]) if {
	enabled
	not default_retention
}
