# METADATA
# title: S3 buckets holding AI input data keep earlier versions long enough to restore known-good data
# description: >-
#   A bucket the AI asset graph links as input (training and fine-tuning data, feature-store
#   offline stores, knowledge-base data sources) has versioning Enabled, and none of its
#   Enabled lifecycle rules permanently deletes noncurrent versions sooner than 30 days after
#   they become noncurrent, so the data as it was before a poisoning can still be restored when
#   the poisoning is found. A bucket without a lifecycle configuration keeps noncurrent
#   versions indefinitely and passes; versioning Suspended or never enabled fails. A rule
#   limited to a prefix or tag counts as if it applied to the whole bucket (which objects the
#   training data sits under is not known). S3 Object Lock does not replace the check: its
#   retention runs from when a version was written, so a version older than the retention is
#   deleted by the noncurrent-version rule once a poisoned write replaces it. When the
#   versioning status or the lifecycle configuration is not in the inventory the result is not
#   evaluated.
# custom:
#   id: CAFAI-IR-96
#   capability: incident-response
#   component: input
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Incident response"
#   rationale: >-
#     CAF-AI leaves Incident response as in the AWS CAF; for the input component the incident
#     is a poisoned or tampered data source, and CAF-AI Threat detection names the poisoning of
#     data sets used for training. Responding to it means finding the objects that changed and
#     retraining from the data as it was before, which S3 can give back only if the earlier
#     versions were kept. 30 days is the minimum here because poisoning is noticed late: by a
#     model quality or drift monitor that runs daily to weekly, or an evaluation before the
#     next, often monthly, retraining; a shorter noncurrent expiry deletes the known-good
#     version before anyone looks. Lifecycle rules that only expire current versions (adding a
#     delete marker) or move noncurrent versions to colder storage keep the data and are not
#     judged.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Bucket Versioning > Edit > Enable, save. Then
#       Management > Lifecycle rules: edit any rule with "Permanently delete noncurrent
#       versions of objects" so "Days after objects become noncurrent" is at least 30 (or
#       remove that action), save.
#     cli: >-
#       aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled
#       && aws s3api get-bucket-lifecycle-configuration --bucket BUCKET (then put back every
#       rule with NoncurrentVersionExpiration.NoncurrentDays of at least 30 through
#       aws s3api put-bucket-lifecycle-configuration --bucket BUCKET --lifecycle-configuration file://lifecycle.json)
#     terraform: |-
#       resource "aws_s3_bucket_versioning" "training" {
#         bucket = aws_s3_bucket.training.id
#         versioning_configuration {
#           status = "Enabled"
#         }
#       }
#       resource "aws_s3_bucket_lifecycle_configuration" "training" {
#         bucket = aws_s3_bucket.training.id
#         rule {
#           id     = "old-versions"
#           status = "Enabled"
#           filter {}
#           noncurrent_version_expiration {
#             noncurrent_days = 90
#           }
#         }
#       }
#     cloudformation: |-
#       TrainingBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           VersioningConfiguration:
#             Status: Enabled
#           LifecycleConfiguration:
#             Rules:
#               - Id: old-versions
#                 Status: Enabled
#                 NoncurrentVersionExpiration:
#                   NoncurrentDays: 90
#   references:
#     - id: Retaining multiple versions of objects with S3 Versioning
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#     - id: NoncurrentVersionExpiration
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/API/API_NoncurrentVersionExpiration.html
package cafscan.controls.s3_ai_input_bucket_recoverable

import data.cafscan.lib
import data.cafscan.lib.s3

# Days a noncurrent version must be kept at least (see the rationale).
minimum_days := 30

key := "BucketLifecycleConfiguration"

# AWS Config and the collector record the lifecycle configuration only when the bucket has
# rules, so an absent key means "no rules" unless reading it failed (a recorded versioning
# status shows the bucket's settings were read).
has_key if key in object.keys(lib.supplementary)

read_failed if input.resource.collectionErrors[key]

rules := lib.supplementary[key].rules

rules_recorded if is_array(rules)

missing contains "the bucket's versioning status is not in the inventory" if not s3.versioning_recorded

missing contains "the bucket's lifecycle configuration could not be read" if {
	s3.versioning_enabled
	not has_key
	read_failed
}

missing contains "the bucket's lifecycle rules are not in the inventory" if {
	s3.versioning_enabled
	has_key
	not rules_recorded
}

# Config (the Java SDK v1 bean) and the collector write -1 for "not set" (null and strings sort
# below and above every number). AWS accepts only positive days; a 0, should a source ever write
# one, is taken as deleting at once rather than as "not set", which could pass a bucket wrongly.
short_rules := sort({lib.text(rule.id) |
	some rule in rules
	rule.status == "Enabled"
	days := rule.noncurrentVersionExpirationInDays
	days >= 0
	days < minimum_days
})

# An unrecorded status is reported by missing, which wins over violations (main.rego).
violations contains msg if {
	not s3.versioning_enabled
	msg := concat("", [
		"Bucket ", lib.label, " does not have versioning enabled (status ", lib.text(s3.versioning_status), "), so AI input data overwritten by a poisoning cannot be restored.",
	])
}

violations contains msg if {
	s3.versioning_enabled
	count(short_rules) > 0
	msg := concat("", [
		"Bucket ", lib.label, " deletes noncurrent versions sooner than ", format_int(minimum_days, 10), " days (lifecycle rule ", concat(", ", short_rules), "), so the known-good AI input data replaced by a poisoning may be gone before it is found.",
	])
}
