# METADATA
# title: S3 buckets used by AI workloads block public access
# description: >-
#   All four S3 Block Public Access settings (block and ignore public ACLs, block public
#   policies, restrict public buckets) are on for the bucket, either in the bucket's own
#   public access block or in the account-level one. S3 applies the most restrictive
#   combination of the two, so each setting counts as on when either level turns it on.
#   A bucket without a block of its own (Config leaves PublicAccessBlockConfiguration out)
#   has every setting off, AWS's default for a bucket-level block that was never set
#   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html).
#   When the bucket's own block is incomplete and the account-level block is not in the
#   inventory, or the bucket's block could not be read and the account-level block does not
#   turn every setting on, the result is not evaluated rather than guessed. Whether the
#   bucket is actually public is CAFAI-DP-09's question. It applies to every bucket the AI
#   asset graph links (training and retrieval data, model artifacts, captured inferences and
#   invocation logs).
# custom:
#   id: CAFAI-DP-02
#   capability: data-protection
#   component: input
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
#     develop and run AI, and warns that exposing it can disclose sensitive information. A
#     bucket holding training corpora, fine-tuning sets or retrieval documents that can be
#     made public by an ACL or a bucket policy is one mistake away from leaking that data or
#     letting anyone read what the model learns from; Block Public Access makes such a grant
#     impossible rather than merely unlikely.
#   remediation:
#     console: >-
#       S3 console > Block Public Access settings for this account > Edit > check "Block all
#       public access" > Save (applies to every bucket in the account), or, for one bucket,
#       S3 console > the bucket > Permissions > Block public access (bucket settings) > Edit
#       > check "Block all public access" > Save.
#     cli: >-
#       aws s3control put-public-access-block --account-id ACCOUNT_ID
#       --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#       (or per bucket: aws s3api put-public-access-block --bucket BUCKET
#       --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true)
#     terraform: |-
#       resource "aws_s3_account_public_access_block" "this" {
#         block_public_acls       = true
#         ignore_public_acls      = true
#         block_public_policy     = true
#         restrict_public_buckets = true
#       }
package cafscan.controls.s3_bucket_public_access_blocked

import data.cafscan.lib.s3_public

# The bucket- and account-level block logic is shared with CAFAI-DP-09 (policies/lib/s3_public.rego).
missing contains reason if some reason in s3_public.block_unknown_reasons

violations contains msg if some msg in s3_public.block_violations
