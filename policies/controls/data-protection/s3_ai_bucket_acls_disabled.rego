# METADATA
# title: S3 buckets used by AI workloads have ACLs disabled (Object Ownership is bucket owner enforced)
# description: >-
#   The bucket's Object Ownership setting (GetBucketOwnershipControls,
#   supplementaryConfiguration.BucketOwnershipControls) is BucketOwnerEnforced, which disables
#   access control lists: the bucket owner owns every object and only policies decide access.
#   ObjectWriter and BucketOwnerPreferred keep ACLs in force, and a bucket without ownership
#   controls (S3 answers OwnershipControlsNotFoundError; buckets created before April 2023
#   that never set it) behaves as ObjectWriter
#   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html), so
#   these fail. A setting that is not in the inventory or could not be read leaves the result
#   not evaluated. It applies to every bucket the AI asset graph links.
# custom:
#   id: CAFAI-DP-22
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for secure access to, and control over, the data used to
#     build and run AI. With ACLs enabled, every object can carry its own grants, and an object
#     written by another account (a partner's training data, a cross-account pipeline's output)
#     stays owned by the writer, outside the bucket owner's policies. Disabling ACLs puts all
#     access to training data, model artifacts and inference outputs under the bucket and IAM
#     policies the account reviews, and is what S3 recommends for almost every bucket.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Object Ownership > Edit: select "ACLs disabled
#       (recommended)" (Bucket owner enforced) > Save changes. First move any access that ACLs
#       grant into the bucket policy.
#     cli: >-
#       aws s3api put-bucket-ownership-controls --bucket BUCKET
#       --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'
#     terraform: |-
#       resource "aws_s3_bucket_ownership_controls" "training_data" {
#         bucket = aws_s3_bucket.training_data.id
#         rule {
#           object_ownership = "BucketOwnerEnforced"
#         }
#       }
#     cloudformation: |-
#       TrainingDataBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           OwnershipControls:
#             Rules:
#               - ObjectOwnership: BucketOwnerEnforced
#   references:
#     - id: Controlling ownership of objects and disabling ACLs for your bucket
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
#     - id: GetBucketOwnershipControls
#       source: AWS API reference
#       url: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketOwnershipControls.html
package cafscan.controls.s3_ai_bucket_acls_disabled

import data.cafscan.lib

key := "BucketOwnershipControls"

raw := lib.supplementary[key]

# Kept as an object by the live collector; a source that keeps the JSON string is decoded here.
controls := raw if is_object(raw)

# json.is_valid is false for anything but a valid JSON string.
controls := json.unmarshal(raw) if json.is_valid(raw)

rules := controls.rules if is_array(controls.rules)

settings := {s | some r in rules; s := object.get(r, "objectOwnership", null)}

enforced if "BucketOwnerEnforced" in settings

# No rule is the ObjectWriter default (see the description); an unknown value is not a pass.
setting := "no ownership controls (ACLs enabled, as ObjectWriter)" if {
	count(rules) == 0
} else := concat("", ["Object Ownership ", concat(", ", sort([s | some s in settings; is_string(s)]))]) if {
	count(rules) > 0
	every s in settings {
		s in {"ObjectWriter", "BucketOwnerPreferred"}
	}
}

recorded if key in object.keys(lib.supplementary)

# A failed GetBucketOwnershipControls is named in the finding's reason from collectionErrors.
missing contains "the bucket's Object Ownership setting is not in the inventory (live collection reads it with GetBucketOwnershipControls)" if not recorded

missing contains "the bucket's Object Ownership setting could not be decoded" if {
	recorded
	not rules
}

missing contains "the bucket's Object Ownership setting is not one S3 documents" if {
	rules
	not enforced
	not setting
}

# `setting` is defined only when no rule enforces bucket ownership.
violations contains concat("", ["Bucket ", lib.label, " has ACLs enabled: ", setting, " instead of BucketOwnerEnforced."])
