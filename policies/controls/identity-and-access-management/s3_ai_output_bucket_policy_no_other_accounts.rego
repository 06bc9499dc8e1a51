# METADATA
# title: Bucket policies of S3 buckets receiving AI outputs grant no principal of another account
# description: >-
#   The bucket policy (GetBucketPolicy, supplementaryConfiguration.BucketPolicy) of a bucket
#   that receives captured requests and responses, batch inference results, processing
#   outputs, monitoring reports or model invocation logs has no Allow statement that may grant
#   to a principal outside the bucket's account: an AWS principal of another account (a bare
#   account id or an ARN in it), a canonical user ({"CanonicalUser": id}) other than the bucket
#   owner (configuration.owner.id, else the ACL's owner), or an everyone-principal ("*", {"AWS": "*"}, an Allow with
#   NotPrincipal) whose conditions do not pin the caller to the bucket's own account
#   (aws:PrincipalAccount, aws:SourceAccount, aws:PrincipalArn … equal to it). A condition that
#   admits the whole organization (aws:PrincipalOrgID, aws:PrincipalOrgPaths) or a VPC endpoint
#   still admits other accounts and fails. An unconditional everyone-statement is neutralised
#   by S3 Block Public Access when RestrictPublicBuckets is on at the bucket or account level
#   (then only the owner's principals and AWS services get through) and does not fail; when
#   that setting is unknown the result is not evaluated. Service principals act for AWS and are
#   not counted; delegation to access points (s3:DataAccessPointAccount) counts as outside,
#   since access point policies are not in the inventory. A bucket without a policy passes; a
#   policy that is not in the inventory, could not be read or decoded, a bucket whose account
#   is unknown, or a canonical-user grant while the owner's canonical id is unknown, leaves the
#   result not evaluated. The live collector and AWS Config
#   snapshots both record the bucket policy.
# custom:
#   id: CAFAI-IAM-93
#   capability: identity-and-access-management
#   component: output
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::S3::AccountPublicAccessBlock", "AWS::::Account"]
#   related_fields:
#     "AWS::S3::AccountPublicAccessBlock": [configuration.blockPublicAcls, configuration.ignorePublicAcls, configuration.blockPublicPolicy, configuration.restrictPublicBuckets]
#     "AWS::::Account": [configuration.collectedTypes]
#   scope: linked
#   caf_section: "Identity and access management"
#   rationale: >-
#     For the output component, CAF-AI Identity and access management asks that only the roles
#     and people who need a model's outputs can read them. Captured prompts and answers, batch
#     predictions and invocation logs are among the most sensitive data an AI workload makes;
#     a bucket policy that names another account hands all of it to identities the account
#     neither manages nor reviews. A grant to the whole organization is counted too: every
#     account in it (and every role those accounts create) can then read the outputs, which is
#     not least privilege. CAFAI-DP-09 asks whether the bucket is public; this control asks
#     the narrower question whether any other account is let in.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Bucket policy > Edit: remove the statements that
#       name other accounts, or pin them with a condition "StringEquals": {"aws:PrincipalAccount":
#       "<this account>"}; share outputs with another account by replicating or copying the
#       reviewed objects into a bucket that account owns instead.
#     cli: >-
#       aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json
#       && (edit policy.json) && aws s3api put-bucket-policy --bucket BUCKET --policy
#       file://policy.json (or aws s3api delete-bucket-policy --bucket BUCKET when no statement
#       is needed)
#     terraform: |-
#       data "aws_caller_identity" "current" {}
#       resource "aws_s3_bucket_policy" "ai_output" {
#         bucket = aws_s3_bucket.ai_output.id
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Sid       = "OwnAccountReadersOnly"
#             Effect    = "Allow"
#             Principal = { AWS = aws_iam_role.output_reader.arn }
#             Action    = ["s3:GetObject"]
#             Resource  = "${aws_s3_bucket.ai_output.arn}/*"
#           }]
#         })
#       }
#     cloudformation: |-
#       AiOutputBucketPolicy:
#         Type: AWS::S3::BucketPolicy
#         Properties:
#           Bucket: !Ref AiOutputBucket
#           PolicyDocument:
#             Version: "2012-10-17"
#             Statement:
#               - Sid: OwnAccountReadersOnly
#                 Effect: Allow
#                 Principal:
#                   AWS: !GetAtt OutputReaderRole.Arn
#                 Action: s3:GetObject
#                 Resource: !Sub ${AiOutputBucket.Arn}/*
#   references:
#     - id: Bucket policies for Amazon S3
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
#     - id: Blocking public access to your Amazon S3 storage (RestrictPublicBuckets)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
package cafscan.controls.s3_ai_output_bucket_policy_no_other_accounts

import data.cafscan.lib
import data.cafscan.lib.policy as policies
import data.cafscan.lib.s3_public

account := input.resource.accountId

account_recorded if policies.account_id(account)

# Every statement that may reach another account; the unconditional everyone-statements among
# them are the ones RestrictPublicBuckets turns off. An undecodable policy has no statements
# here, and a missing account leaves the result not evaluated (missing wins over violations).
outside := policies.other_account_statements(s3_public.policy_document, account)

public := s3_public.public_statements

named := [name | some name in outside; not name in public]

open := [name | some name in outside; name in public]

# The bucket owner's canonical id, which a CanonicalUser principal is compared with: the
# bucket's owner as ListBuckets and Config record it, else the owner its ACL names.
owner_id := id if {
	id := lib.configuration.owner.id
	is_string(id)
	id != ""
} else := id if {
	id := s3_public.acl.owner.id
	is_string(id)
	id != ""
}

owner_known if owner_id

# Allow statements naming a canonical user other than the owner; every one naming a canonical
# user while the owner's id is unknown.
other_users := policies.canonical_user_statements(s3_public.policy_document, owner_id) if owner_known

else := []

unjudged_users := policies.canonical_user_statements(s3_public.policy_document, null) if not owner_known

else := []

missing contains reason if {
	not s3_public.policy_recorded
	reason := unrecorded_reason
}

unrecorded_reason := concat("", ["the bucket policy could not be read: ", s3_public.policy_read_error]) if {
	s3_public.policy_read_error
} else := "the bucket policy is not in the inventory"

missing contains "the bucket policy could not be decoded" if s3_public.policy_undecodable

missing contains "the bucket's account is not in the inventory" if not account_recorded

missing contains "the bucket policy grants access to everyone and whether RestrictPublicBuckets limits it to the bucket's account is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)" if {
	count(violations) == 0
	count(open) > 0

	# Off at both levels is a violation (above): only "on" remains to rule out.
	not s3_public.effective_on("restrictPublicBuckets")
}

missing contains concat("", [
	"the bucket policy grants to canonical users (", statement_word(unjudged_users), " ", concat(", ", unjudged_users),
	") but the bucket owner's canonical id is not in the inventory",
]) if {
	count(violations) == 0
	count(unjudged_users) > 0
}

statement_word(names) := "statement" if count(names) == 1

else := "statements"

violations contains concat("", [
	"Bucket ", lib.label, "'s bucket policy grants principals outside account ", account, " access to AI outputs (",
	statement_word(named), " ", concat(", ", named), ").",
]) if count(named) > 0

violations contains concat("", [
	"Bucket ", lib.label, "'s bucket policy grants any AWS principal access to AI outputs (", statement_word(open), " ",
	concat(", ", open), ") and RestrictPublicBuckets is off at both the bucket and the account level.",
]) if {
	count(open) > 0
	s3_public.effective_off("restrictPublicBuckets")
}

violations contains concat("", [
	"Bucket ", lib.label, "'s bucket policy grants canonical users other than the bucket owner access to AI outputs (",
	statement_word(other_users), " ", concat(", ", other_users), ").",
]) if count(other_users) > 0
