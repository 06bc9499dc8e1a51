# METADATA
# title: S3 buckets holding AI input data carry a data classification tag
# description: >-
#   Each S3 bucket has a non-empty tag stating the classification or sensitivity of the data it
#   holds: one of data-classification, classification, dataclassification, sensitivity or
#   data-sensitivity (the key's case is ignored). Buckets are where training, fine-tuning and
#   retrieval data sets live, and an unlabelled bucket cannot be matched against the
#   classification an AI workload is approved for.
# custom:
#   id: CAFAI-SG-02
#   capability: security-governance
#   component: input
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Security governance"
#   rationale: >-
#     For the input component, CAF-AI Security governance asks that approving a data source
#     for AI weigh its classification and sensitivity, and that the classification of source
#     data be checked against the classification of the solution using it, so that, for
#     example, confidential data never feeds a public AI service. CAF-AI Data protection adds
#     that data used for training be tagged and labelled in line with the classification
#     policy. A classification tag on each bucket is what makes those checks possible, for
#     people and for tag-based access policies alike.
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
#     - id: GENSEC01-BP03
#       source: AWS Well-Architected Generative AI Lens
package cafscan.controls.s3_bucket_data_classification_tag

import data.cafscan.lib
import data.cafscan.lib.s3

missing contains "the bucket's tags are not in the inventory" if not s3.tags_recorded

violations contains sprintf("Bucket %s has no data classification tag (%s) with a value.", [lib.label, concat(", ", s3.classification_keys)]) if {
	s3.tags_recorded
	not s3.has_classification
}
