# METADATA
# title: S3 buckets holding AI data carry a data classification tag
# description: >-
#   Each S3 bucket the AI asset graph links to a workload (training, fine-tuning and retrieval
#   data, model artifacts, captured requests and responses, inference results, invocation logs)
#   has a non-empty tag stating the classification or sensitivity of what it holds: one of
#   data-classification, classification, dataclassification, sensitivity or data-sensitivity
#   (the key's case is ignored). An unlabelled bucket cannot be matched against the
#   classification an AI workload is approved for. When the bucket's tags are not in the
#   inventory (a denied GetBucketTagging) the result is not evaluated. One check per bucket:
#   it replaces CAFAI-SG-07, which repeated it for output buckets (Retired ids in docs/controls.md).
# custom:
#   id: CAFAI-SG-02
#   capability: security-governance
#   component: input
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
#   caf_section: "Security governance"
#   rationale: >-
#     For the input component, CAF-AI Security governance asks that approving a data source
#     for AI weigh its classification and sensitivity, and that the classification of source
#     data be checked against the classification of the solution using it, so that, for
#     example, confidential data never feeds a public AI service. CAF-AI Data protection adds
#     that data used for training be tagged and labelled in line with the classification
#     policy. For the output component it asks for classification criteria for what AI
#     produces, with care for outputs that combine data sets of different classifications, and
#     CAF-AI Data protection adds that the sensitivity of model output be monitored and
#     re-classified when it rises. A classification tag on each bucket is what makes those
#     checks possible, for people and for tag-based access policies alike.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Tags > Edit > Add tag: key
#       "data-classification", value the class from your data classification policy (for
#       example public, internal, confidential, restricted). Enforce it with an AWS
#       Organizations tag policy.
#     cli: >-
#       aws s3api put-bucket-tagging --bucket BUCKET --tagging
#       'TagSet=[{Key=data-classification,Value=confidential}]'
#       (this replaces the bucket's tag set: include its existing tags)
#     terraform: |-
#       resource "aws_s3_bucket" "training" {
#         bucket = "example-training-data"
#         tags = {
#           data-classification = "confidential"
#         }
#       }
#   references:
#     - id: Data Classification (AWS whitepaper)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/whitepapers/latest/data-classification/data-classification.html
package cafscan.controls.s3_bucket_data_classification_tag

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's tags are not in the inventory" if not s3.tags_recorded

violations contains concat("", ["Bucket ", lib.label, " has no data classification tag (", concat(", ", s3.classification_keys), ") with a value."]) if {
	s3.tags_recorded
	not s3.has_classification
}
