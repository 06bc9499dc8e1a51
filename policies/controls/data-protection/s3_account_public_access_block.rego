# METADATA
# title: S3 Block Public Access is fully on at the account level
# description: >-
#   The account has an S3 account-level public access block (AWS::S3::AccountPublicAccessBlock)
#   with all four settings on: block and ignore public ACLs, block public policies, restrict
#   public buckets. It then covers every bucket, including the training, retrieval and
#   output buckets created tomorrow, whatever their own settings. The setting is account-wide,
#   so the control is evaluated on the account resource, once per account (the
#   alphabetically first region; not applicable to the others): an account known to have no
#   block fails, as S3 then applies none of the settings; when the blocks were not collected
#   the result is not evaluated. If the block was recorded more than once (several regions
#   of a Config source), a setting counts as on only when every record has it on.
# custom:
#   id: CAFAI-DP-13
#   capability: data-protection
#   component: input
#   severity: high
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::S3::AccountPublicAccessBlock", "AWS::::Account"]
#   related_fields:
#     "AWS::S3::AccountPublicAccessBlock": [configuration.blockPublicAcls, configuration.ignorePublicAcls, configuration.blockPublicPolicy, configuration.restrictPublicBuckets]
#     "AWS::::Account": [configuration.collectedTypes]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for visibility, secure access and control over the data
#     used to develop and run AI, and warns that exposing it can disclose sensitive
#     information. Per-bucket settings protect the buckets someone remembered to configure;
#     the account-level block is the guardrail that makes a public training corpus, fine-tuning
#     set or retrieval document store impossible in the whole account, whoever creates the
#     bucket and however its policy is later edited.
#   remediation:
#     console: >-
#       S3 console > Block Public Access settings for this account > Edit > check "Block all
#       public access" > Save changes > confirm. First check (IAM Access Analyzer for S3) that
#       no bucket must stay public on purpose; serve public content through CloudFront with
#       origin access control instead.
#     cli: >-
#       aws s3control put-public-access-block --account-id ACCOUNT_ID
#       --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: |-
#       resource "aws_s3_account_public_access_block" "this" {
#         block_public_acls       = true
#         ignore_public_acls      = true
#         block_public_policy     = true
#         restrict_public_buckets = true
#       }
#   references:
#     - id: Blocking public access to your Amazon S3 storage
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
package cafscan.controls.s3_account_public_access_block

import data.cafscan.lib
import data.cafscan.lib.account_facts
import data.cafscan.lib.s3_public

# The account-level block and what each setting counts as are shared with the bucket controls
# (policies/lib/s3_public.rego): a setting is on only when every record of the block has it on.
block_type := s3_public.account_block_type

blocks := s3_public.account_blocks

off := [s | some s in s3_public.settings; not s3_public.on_for_account(s)]

# No block found is "none" only if the source collected the type (here or in another region:
# the block is account-wide).
known_none if {
	count(blocks) == 0
	lib.collected(block_type)
}

known_none if {
	count(blocks) == 0
	lib.account_collected(block_type)
}

# Account-wide: one finding per account.
out_of_scope if account_facts.not_reporting_region

missing contains reason if {
	count(blocks) == 0
	not known_none
	reason := uncollected_reason
}

uncollected_reason := reason if {
	reason := lib.uncollected_reason(block_type, "S3 account-level public access blocks")
} else := "S3 account-level public access blocks were not collected for this account"

violations contains concat("", ["Account ", lib.text(lib.resource.accountId), " has no S3 account-level public access block, so no Block Public Access setting applies account-wide."]) if {
	known_none
}

violations contains msg if {
	count(blocks) > 0
	count(off) > 0
	msg := concat("", ["The S3 account-level public access block of account ", lib.text(lib.resource.accountId), " leaves ", concat(", ", off), " off."])
}
