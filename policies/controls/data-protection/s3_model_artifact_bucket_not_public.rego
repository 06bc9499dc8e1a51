# METADATA
# title: S3 buckets holding model artifacts are not public
# description: >-
#   For a bucket that holds model artifacts (ModelDataUrl, training job output), two things
#   hold: all four S3 Block Public Access settings are on, in the bucket's own block or in the
#   account-level one (S3 applies the more restrictive of the two, so a setting counts as on
#   when either level turns it on), and the bucket policy has no Allow statement for every
#   principal ("*", {"AWS": "*"} or NotPrincipal) without a Condition. A bucket that fails
#   either part fails; when a part cannot be judged from the inventory and the other part does
#   not already fail, the result is not evaluated.
# custom:
#   id: CAFAI-DP-09
#   capability: data-protection
#   component: model
#   severity: critical
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::S3::AccountPublicAccessBlock", "AWS::::Account"]
#   scope: linked
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for secure access to, and control over, the data used to
#     build and run AI, and warns that models given access to protected data can leak it; its
#     Application security section asks that model artifacts be stored in secure repositories.
#     Trained weights are both valuable intellectual property and a condensed form of the
#     training data: anyone who can download them can probe them offline for memorised
#     records, and anyone who can overwrite them can plant a backdoored model that the next
#     deployment serves. Block Public Access plus a policy with no unconditional grant to
#     everyone keeps the artifact store private by construction.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Block public access (bucket settings) > Edit >
#       check "Block all public access" > Save (or turn it on for the whole account under
#       "Block Public Access settings for this account"). Then, in Permissions > Bucket policy,
#       remove or narrow every Allow statement whose Principal is "*" (name the roles that
#       need the artifacts, or add a condition such as aws:PrincipalOrgID or aws:SourceVpce).
#     cli: >-
#       aws s3api put-public-access-block --bucket BUCKET
#       --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#       && aws s3api get-bucket-policy --bucket BUCKET (edit out the public statements, then
#       aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json, or
#       aws s3api delete-bucket-policy --bucket BUCKET if nothing is left)
#     terraform: |-
#       resource "aws_s3_bucket_public_access_block" "models" {
#         bucket                  = aws_s3_bucket.models.id
#         block_public_acls       = true
#         ignore_public_acls      = true
#         block_public_policy     = true
#         restrict_public_buckets = true
#       }
#     cloudformation: |-
#       ModelBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           PublicAccessBlockConfiguration:
#             BlockPublicAcls: true
#             IgnorePublicAcls: true
#             BlockPublicPolicy: true
#             RestrictPublicBuckets: true
#   references:
#     - id: Blocking public access to your Amazon S3 storage
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
package cafscan.controls.s3_model_artifact_bucket_not_public

import data.cafscan.lib
import data.cafscan.lib.s3_public

block_fails if count(s3_public.block_violations) > 0

policy_public if count(s3_public.public_statements) > 0

# A part that cannot be judged leaves the result open only while the other part passes: a
# bucket already known to be public is reported as failing, not as not evaluated.
missing contains "the account-level public access block is not in the inventory" if {
	s3_public.block_unknown
	not policy_public
}

missing contains "the bucket policy is not in the inventory" if {
	not s3_public.policy_recorded
	not block_fails
}

missing contains "the bucket policy could not be decoded" if {
	s3_public.policy_undecodable
	not block_fails
}

violations contains msg if some msg in s3_public.block_violations

violations contains msg if {
	policy_public
	msg := sprintf(
		"Bucket %s has a bucket policy that grants access to everyone without a condition (%s %s).",
		[lib.label, statement_word(s3_public.public_statements), concat(", ", s3_public.public_statements)],
	)
}

statement_word(list) := "statement" if count(list) == 1

else := "statements"
