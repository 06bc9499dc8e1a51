# METADATA
# title: S3 buckets used by AI workloads (model artifacts, input and output data) are not public
# description: >-
#   The bucket is not public: its bucket policy has no Allow statement that grants to everyone
#   ("*", {"AWS": "*"}, NotPrincipal) unless a condition pins the caller to fixed identities
#   (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceIp … with fixed
#   values; negated, IfExists and Null tests do not), or RestrictPublicBuckets is on at the
#   bucket or account level; and its ACL (when recorded) grants nothing to the AllUsers or
#   AuthenticatedUsers groups, or IgnorePublicAcls is on. This follows S3's own meaning of
#   public (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
#   A bucket without a public access block of its own has every setting off (AWS's default,
#   https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html);
#   the ACL is Config's supplementaryConfiguration.AccessControlList or the live collector's
#   GetBucketAcl. Whether Block Public Access is fully on is CAFAI-DP-02's question, so a bucket with Block
#   Public Access off but no public grant passes here. A policy or ACL (or its grant list) that is not in the
#   inventory, or a public grant whose Block Public Access setting is unknown, makes the
#   result not evaluated unless the bucket is already known to be public. It applies to every
#   bucket the AI asset graph links (model artifacts, training and retrieval data, captured
#   inferences and invocation logs).
# custom:
#   id: CAFAI-DP-09
#   capability: data-protection
#   component: model
#   severity: critical
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::S3::AccountPublicAccessBlock", "AWS::::Account"]
#   related_fields:
#     "AWS::S3::AccountPublicAccessBlock": [configuration.blockPublicAcls, configuration.ignorePublicAcls, configuration.blockPublicPolicy, configuration.restrictPublicBuckets]
#     "AWS::::Account": [configuration.collectedTypes]
#   scope: linked
#   linked_components: ["input", "model", "output"]
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

# Whether Block Public Access is fully on is CAFAI-DP-02's question; this control fails only
# when the bucket is public: a grant to everyone that Block Public Access does not neutralise.
violations contains msg if {
	s3_public.policy_public
	msg := concat("", [
		"Bucket ", lib.label, " is public: its bucket policy grants access to everyone (",
		statement_word(s3_public.public_statements), " ", concat(", ", s3_public.public_statements),
		") and RestrictPublicBuckets is off at both the bucket and the account level.",
	])
}

violations contains msg if {
	s3_public.acl_public
	msg := concat("", [
		"Bucket ", lib.label, " is public: its ACL grants access to ", concat(" and ", sort({g | some g in s3_public.public_acl_grants})),
		" and IgnorePublicAcls is off at both the bucket and the account level.",
	])
}

# A part that cannot be judged leaves the result open only while no part already fails.
missing contains reason if {
	count(violations) == 0
	some reason in unknown
}

unknown contains reason if {
	not s3_public.policy_recorded
	reason := policy_unrecorded_reason
}

policy_unrecorded_reason := concat("", ["the bucket policy could not be read: ", s3_public.policy_read_error]) if {
	s3_public.policy_read_error
} else := "the bucket policy is not in the inventory"

unknown contains "the bucket policy could not be decoded" if s3_public.policy_undecodable

unknown contains "the bucket policy grants access to everyone and whether RestrictPublicBuckets blocks it is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)" if s3_public.policy_public_unknown

unknown contains "the bucket ACL grants access to everyone and whether IgnorePublicAcls blocks it is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)" if s3_public.acl_public_unknown

unknown contains "the bucket ACL is not in the inventory and IgnorePublicAcls is not on, so a public ACL grant cannot be ruled out" if s3_public.acl_unknown

unknown contains "the bucket ACL is in the inventory without its grant list and IgnorePublicAcls is not on, so a public ACL grant cannot be ruled out" if s3_public.acl_grants_unknown

statement_word(list) := "statement" if count(list) == 1

else := "statements"
