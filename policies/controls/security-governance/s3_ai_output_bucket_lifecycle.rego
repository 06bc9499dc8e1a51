# METADATA
# title: S3 buckets receiving AI outputs expire objects with a lifecycle rule
# description: >-
#   A bucket that receives captured requests and responses, inference results or model
#   invocation logs has at least one Enabled lifecycle rule that expires objects (after a
#   number of days or on a date), alone or after transitions to colder storage, so prompts and
#   answers are not kept forever by default. On a versioned (or versioning-suspended) bucket,
#   expiring an object only hides it behind a delete marker, so an Enabled rule must also
#   expire noncurrent versions. A bucket with no lifecycle configuration fails; which objects
#   a rule's filter selects is not judged.
# custom:
#   id: CAFAI-SG-06
#   capability: security-governance
#   component: output
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Security governance"
#   rationale: >-
#     For the output component, CAF-AI Security governance asks for lifecycle management of
#     what AI creates, with retention controls chosen by the criticality and sensitivity of
#     the data, and CAF-AI Security assurance adds that data retention be limited to what the
#     function needs and that right-to-erasure requests can be honoured. Captured prompts,
#     responses and invocation logs pile up quietly and often hold personal data; an
#     expiration rule turns the retention period the organization decided on into something
#     S3 enforces, instead of a promise nobody checks.
#   remediation:
#     console: >-
#       S3 console > the bucket > Management > Lifecycle rules > Create lifecycle rule: apply
#       it to the prefix the workload writes to (or to all objects), check "Expire current
#       versions of objects" with the retention your policy sets (optionally after "Move
#       current versions between storage classes"), and on a versioned bucket also
#       "Permanently delete noncurrent versions of objects"; create the rule.
#     cli: >-
#       aws s3api put-bucket-lifecycle-configuration --bucket BUCKET --lifecycle-configuration
#       '{"Rules":[{"ID":"expire-ai-outputs","Status":"Enabled","Filter":{"Prefix":""},"Expiration":{"Days":90},"NoncurrentVersionExpiration":{"NoncurrentDays":7}}]}'
#       (this replaces the bucket's lifecycle configuration: include its existing rules)
#     terraform: |-
#       resource "aws_s3_bucket_lifecycle_configuration" "ai_output" {
#         bucket = aws_s3_bucket.ai_output.id
#         rule {
#           id     = "expire-ai-outputs"
#           status = "Enabled"
#           filter {}
#           expiration {
#             days = 90
#           }
#           noncurrent_version_expiration {
#             noncurrent_days = 7
#           }
#         }
#       }
#     cloudformation: |-
#       AiOutputBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           LifecycleConfiguration:
#             Rules:
#               - Id: expire-ai-outputs
#                 Status: Enabled
#                 ExpirationInDays: 90
#                 NoncurrentVersionExpiration:
#                   NoncurrentDays: 7
#   references:
#     - id: Managing the lifecycle of objects
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
package cafscan.controls.s3_ai_output_bucket_lifecycle

import data.cafscan.lib

key := "BucketLifecycleConfiguration"

# AWS Config and the collector record the lifecycle configuration only when the bucket has
# rules, so an absent key means "no rules" unless reading it failed or nothing about the
# bucket's settings was recorded at all.
has_key if key in object.keys(lib.supplementary)

read_failed if input.resource.collectionErrors[key]

settings_recorded if count(lib.supplementary) > 0

rules := lib.supplementary[key].rules

rules_recorded if is_array(rules)

missing contains "the bucket's lifecycle configuration could not be read" if {
	not has_key
	read_failed
}

missing contains "the bucket's settings are not in the inventory" if {
	not has_key
	not read_failed
	not settings_recorded
}

missing contains "the bucket's lifecycle rules are not in the inventory" if {
	has_key
	not rules_recorded
}

no_configuration if {
	not has_key
	not read_failed
	settings_recorded
}

enabled_rules := [rule | some rule in rules; rule.status == "Enabled"]

# Config (the Java SDK v1 bean) writes -1 for "not set"; the collector writes null.
expires(rule) if positive(rule.expirationInDays)

expires(rule) if {
	is_string(rule.expirationDate)
	rule.expirationDate != ""
}

positive(n) if {
	is_number(n)
	n > 0
}

expiring if {
	some rule in enabled_rules
	expires(rule)
}

expires_noncurrent if {
	some rule in enabled_rules
	positive(rule.noncurrentVersionExpirationInDays)
}

versioning := lib.supplementary.BucketVersioningConfiguration.status

versioned if versioning in {"Enabled", "Suspended"}

versioning_known if is_string(versioning)

missing contains "the bucket's versioning status is not in the inventory (needed to know whether expired objects are removed or kept as old versions)" if {
	expiring
	not expires_noncurrent
	not versioning_known
}

violations contains concat("", ["Bucket ", lib.label, " has no lifecycle configuration, so AI outputs written to it are kept indefinitely."]) if {
	no_configuration
}

violations contains concat("", ["Bucket ", lib.label, " has no Enabled lifecycle rule that expires objects, so AI outputs written to it are kept indefinitely."]) if {
	rules_recorded
	not expiring
}

violations contains msg if {
	expiring
	versioned
	not expires_noncurrent
	msg := concat("", [
		"Bucket ", lib.label, " expires objects but its versioning is ", lib.text(versioning), " and no Enabled lifecycle rule expires noncurrent versions, so expired AI outputs are kept as old versions.",
	])
}
