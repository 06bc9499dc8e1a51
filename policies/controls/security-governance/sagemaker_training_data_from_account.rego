# METADATA
# title: SageMaker training jobs read training data only from the account's own or approved buckets
# description: >-
#   Every S3 input channel of the training job (InputDataConfig[].DataSource.S3DataSource.S3Uri)
#   reads from a bucket that belongs to the job's own account, or from a bucket of another
#   account that carries the tag data-source-approved=true (key and value case-insensitive).
#   A bucket of another account is recognised when the scan collected it; a bucket found in
#   no collected account is "outside" only when the job's account had its S3 buckets
#   collected completely, and unknown otherwise. An S3 channel whose URI is not recorded, a URI
#   that names no bucket, and an access point alias leave the result not evaluated. Jobs
#   without S3 input channels are not checked.
# custom:
#   id: CAFAI-SG-03
#   capability: security-governance
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::TrainingJob"]
#   related_resource_types: ["AWS::S3::Bucket", "AWS::::Account"]
#   related_fields:
#     "AWS::S3::Bucket": [tags]
#     "AWS::::Account": [configuration.collectedTypes]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI Security governance asks organisations to decide who may approve data sources for
#     AI, and to judge how input data is sourced: the reputation of the source, how the data
#     was received and how it is stored and secured. Data a training job pulls straight from a
#     bucket someone else controls bypasses that decision, and whoever writes to that bucket
#     can poison the model. cafscan treats the job's own account as approved by default and
#     any other bucket as approved only when its owner tags it data-source-approved=true after
#     the review; organisations that prefer copying external data into their own account get
#     the same pass without tagging.
#   remediation:
#     console: >-
#       Either copy the dataset into a bucket of the training account (after reviewing its
#       provenance, classification and licence) and point the training channel at it, or, once
#       the external source has been through the data-source approval process, have the owner
#       of the external bucket add the tag data-source-approved=true (S3 console > the bucket >
#       Properties > Tags > Edit). Restrict the execution role's s3:GetObject to approved
#       buckets, and add an aws:ResourceAccount condition so it cannot read elsewhere.
#     cli: >-
#       aws s3 sync s3://EXTERNAL_BUCKET/dataset s3://OWN_BUCKET/dataset
#       (or, for a reviewed external source, in its account:
#       aws s3api put-bucket-tagging --bucket EXTERNAL_BUCKET --tagging 'TagSet=[{Key=data-source-approved,Value=true}]')
#     terraform: |-
#       # On the reviewed external bucket, in the account that owns it:
#       resource "aws_s3_bucket" "shared_dataset" {
#         bucket = "partner-shared-dataset"
#         tags = {
#           "data-source-approved" = "true"
#         }
#       }
#
#       # On the training execution role: read training data only from the own account.
#       data "aws_iam_policy_document" "training_data" {
#         statement {
#           actions   = ["s3:GetObject", "s3:ListBucket"]
#           resources = ["arn:aws:s3:::*"]
#           condition {
#             test     = "StringEquals"
#             variable = "aws:ResourceAccount"
#             values   = [data.aws_caller_identity.current.account_id]
#           }
#         }
#       }
#   references:
#     - id: Access training data
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/model-access-training-data.html
package cafscan.controls.sagemaker_training_data_from_account

import data.cafscan.lib

bucket_type := "AWS::S3::Bucket"

approval_tag := "data-source-approved"

recorded if count(lib.configuration) > 0

account_id := input.resource.accountId

partition := split(input.resource.arn, ":")[1]

# The job's S3 input channels (a Config-style record carries the other source as null).
s3_channels := [channel |
	some channel in lib.as_array(lib.configuration.InputDataConfig)
	is_object(channel.DataSource.S3DataSource)
]

s3_uri(channel) := uri if {
	uri := channel.DataSource.S3DataSource.S3Uri
	is_string(uri)
	uri != ""
}

uris := {uri | some channel in s3_channels; uri := s3_uri(channel)}

out_of_scope if {
	recorded
	count(s3_channels) == 0
}

bucket_of(uri) := name if {
	startswith(lower(uri), "s3://")
	name := split(substring(uri, 5, -1), "/")[0]
	name != ""
}

buckets := {name | some uri in uris; name := bucket_of(uri)}

unparsed := {uri | some uri in uris; not bucket_of(uri)}

# Access point and Object Lambda aliases stand in for a bucket whose owner they do not name.
alias(name) if endswith(name, "-s3alias")

alias(name) if endswith(name, "--ol-s3")

# The bucket's inventory entry in any account scanned (bucket ARNs carry no account).
known(name) := lib.related(concat("", ["arn:", lib.text(partition), ":s3:::", lib.text(name)]))

# A bucket that is not in the inventory under its ARN may still be one of the account's own,
# recorded under another ARN form: the account's buckets by name.
# Only the names the inventory does not hold under their ARN are looked for (all are strings).
own_bucket_names := lib.account_buckets_named({name | some name in buckets; not known(name)})

# A bucket the inventory holds under its ARN is the account's own exactly when its accountId is.
foreign(name) if known(name).accountId != account_id

approved(name) if {
	some key, value in object.get(known(name), "tags", {})
	lower(key) == approval_tag
	lower(value) == "true"
}

tags_unknown(name) if {
	bucket := known(name)
	not is_object(object.get(bucket, "tags", null))
}

# Buckets of other accounts without the approval tag: known to be in another account, or in
# none that was collected while the job's own account was collected completely.
outside contains name if {
	some name in buckets
	not alias(name)
	foreign(name)
	not tags_unknown(name)
	not approved(name)
}

outside contains name if {
	some name in buckets
	not known(name)
	not name in own_bucket_names
	not alias(name)
	lib.account_collected(bucket_type)
}

missing contains "the training job's configuration is not in the inventory" if not recorded

missing contains concat("", ["S3 buckets were not collected completely for account ", lib.text(account_id), ", so whether training data bucket ", lib.text(name), " belongs to it is unknown"]) if {
	some name in buckets
	not known(name)
	not name in own_bucket_names
	not alias(name)
	not lib.account_collected(bucket_type)
}

missing contains concat("", ["the tags of bucket ", lib.text(name), " (account ", lib.text(known(name).accountId), ") are not in the inventory, so whether it is an approved data source is unknown"]) if {
	some name in buckets
	foreign(name)
	tags_unknown(name)
}

missing contains concat("", ["training data location ", lib.text(name), " is an S3 access point alias, whose bucket and owner are not in the inventory"]) if {
	some name in buckets
	alias(name)
}

# S3Uri is required in an S3 channel: without it where the data comes from is unknown.
missing contains concat("", ["the S3 URI of training channel ", lib.text(object.get(channel, "ChannelName", i + 1)), " is not in the inventory"]) if {
	some i, channel in s3_channels
	not s3_uri(channel)
}

missing contains concat("", ["training data location ", lib.text(uri), " is not an s3:// URI whose bucket can be read"]) if {
	some uri in unparsed
}

violations contains msg if {
	count(outside) > 0
	msg := concat("", [
		"Training job ", lib.label, " reads training data from buckets outside account ", lib.text(account_id), " that are not tagged ", lib.text(approval_tag), "=true: ", concat(", ", sort(outside)), ".",
	])
}
