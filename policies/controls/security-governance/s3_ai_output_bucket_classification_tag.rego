# METADATA
# title: S3 buckets receiving AI outputs carry a data classification tag
# description: >-
#   A bucket that receives captured requests and responses, inference results or model
#   invocation logs has a non-empty tag stating the classification or sensitivity of what it
#   holds: one of data-classification, classification, dataclassification, sensitivity or
#   data-sensitivity (the key's case is ignored). When the bucket's tags are not in the
#   inventory the result is not evaluated.
# custom:
#   id: CAFAI-SG-07
#   capability: security-governance
#   component: output
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Security governance"
#   rationale: >-
#     For the output component, CAF-AI Security governance asks for classification criteria
#     for what AI produces, with care for outputs that combine data sets of different
#     classifications, and for protection, retention and access controls chosen by that
#     classification, for example when outputs contain personal data. CAF-AI Data protection
#     adds that the sensitivity of model output be monitored and re-classified when it rises.
#     A classification tag on the bucket that stores prompts, responses and results records
#     the decision, lets people and tag-based access policies act on it, and shows where no
#     one has classified the outputs yet.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Tags > Edit > Add tag: key
#       "data-classification", value the class your data classification policy assigns to
#       the workload's outputs (usually at least that of its most sensitive input). Enforce
#       it with an AWS Organizations tag policy.
#     cli: >-
#       aws s3api put-bucket-tagging --bucket BUCKET --tagging
#       'TagSet=[{Key=data-classification,Value=confidential}]'
#       (this replaces the bucket's tag set: include its existing tags)
#     terraform: |-
#       resource "aws_s3_bucket" "ai_output" {
#         bucket = "example-inference-capture"
#         tags = {
#           data-classification = "confidential"
#         }
#       }
#     cloudformation: |-
#       AiOutputBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           Tags:
#             - Key: data-classification
#               Value: confidential
#   references:
#     - id: Data Classification (AWS whitepaper)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/whitepapers/latest/data-classification/data-classification.html
package cafscan.controls.s3_ai_output_bucket_classification_tag

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's tags are not in the inventory" if not s3.tags_recorded

violations contains msg if {
	s3.tags_recorded
	not s3.has_classification
	msg := sprintf(
		"Bucket %s receives AI outputs but has no data classification tag (%s) with a value.",
		[lib.label, concat(", ", s3.classification_keys)],
	)
}
