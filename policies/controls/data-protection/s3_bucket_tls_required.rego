# METADATA
# title: S3 buckets holding AI input data deny requests made without TLS
# description: >-
#   The bucket policy has a statement that denies every S3 action (s3:* or *) to every
#   principal when aws:SecureTransport is false, so S3 refuses plain-HTTP requests instead
#   of serving or accepting data in clear text. A bucket without a policy fails; when the
#   bucket policy is not in the inventory the result is not evaluated.
# custom:
#   id: CAFAI-DP-03
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that data gathered for pre-training and fine-tuning be
#     secured in transit as well as at rest. S3 still answers plain HTTP unless the bucket
#     policy forbids it, so a misconfigured client, pipeline step or notebook can move
#     training data over an unencrypted connection; an explicit deny on insecure transport
#     makes encryption in transit a property of the bucket rather than of every caller.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Bucket policy > Edit: add a statement with
#       Effect Deny, Principal "*", Action "s3:*", Resource the bucket ARN and
#       "BUCKET_ARN/*", and Condition {"Bool": {"aws:SecureTransport": "false"}}; save.
#     cli: >-
#       aws s3api put-bucket-policy --bucket BUCKET --policy
#       '{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'
#       (merge the statement into the existing policy if there is one)
#     terraform: |-
#       data "aws_iam_policy_document" "tls_only" {
#         statement {
#           sid       = "DenyInsecureTransport"
#           effect    = "Deny"
#           actions   = ["s3:*"]
#           resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
#           principals {
#             type        = "*"
#             identifiers = ["*"]
#           }
#           condition {
#             test     = "Bool"
#             variable = "aws:SecureTransport"
#             values   = ["false"]
#           }
#         }
#       }
#   references:
#     - id: GENSEC01-BP02
#       source: AWS Well-Architected Generative AI Lens
package cafscan.controls.s3_bucket_tls_required

import data.cafscan.lib

bucket_policy := lib.supplementary.BucketPolicy

has_policy_text if "policyText" in object.keys(bucket_policy)

document := bucket_policy.policyText

decoded if is_object(document)

missing contains "the bucket policy is not in the inventory" if not has_policy_text

missing contains "the bucket policy could not be decoded" if {
	has_policy_text
	document != null
	not decoded
}

violations contains sprintf("Bucket %s has no bucket policy, so requests made without TLS are not denied.", [lib.label]) if {
	has_policy_text
	document == null
}

violations contains sprintf("Bucket %s has a bucket policy that does not deny requests made without TLS.", [lib.label]) if {
	decoded
	not denies_insecure_transport
}

denies_insecure_transport if {
	some statement in lib.statements(document)
	statement.Effect == "Deny"
	everyone(statement.Principal)
	some action in lib.as_array(statement.Action)
	lower(action) in {"s3:*", "*"}
	some operator in ["Bool", "BoolIfExists"]
	some key, value in object.get(object.get(statement, "Condition", {}), operator, {})
	lower(key) == "aws:securetransport"
	some v in as_values(value)
	is_false(v)
}

as_values(value) := value if is_array(value)

else := [value]

everyone(principal) if principal == "*"

everyone(principal) if "*" in lib.as_array(principal.AWS)

is_false(value) if value == false

is_false(value) if lower(value) == "false"
