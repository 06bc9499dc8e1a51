# METADATA
# title: S3 buckets used by AI workloads deny requests made without TLS
# description: >-
#   The bucket policy has a Deny statement for every principal ("*" or {"AWS": "*"}) and
#   every S3 action (s3:*, *, or NotAction naming no S3 action) on both the bucket
#   (arn:aws:s3:::BUCKET) and all its objects (BUCKET/*), whose only condition is
#   aws:SecureTransport false (Bool or BoolIfExists), so S3 refuses every plain-HTTP request
#   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit).
#   A statement for another bucket, for the objects or the bucket only, for some principals
#   or actions, or narrowed by any other condition does not count. A bucket without a policy
#   fails; when the bucket policy is not in the inventory the result is not evaluated. It
#   applies to every bucket the AI asset graph links (input data, model artifacts, captured
#   inferences and invocation logs).
# custom:
#   id: CAFAI-DP-03
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
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
package cafscan.controls.s3_bucket_tls_required

import data.cafscan.lib
import data.cafscan.lib.policy
import data.cafscan.lib.s3_public

# The bucket and every object in it.
bucket_arn := input.resource.arn if is_string(input.resource.arn)

else := concat("", ["arn:aws:s3:::", input.resource.name])

covered := [bucket_arn, policy.any_object_of(bucket_arn)]

# The only condition the Deny may carry: aws:SecureTransport is false. Bool and BoolIfExists both
# match plain-HTTP requests (S3 always sets the key). s3:TlsVersion tests do not count: a
# plain-HTTP request has no TLS version, so a NumericLessThan on it is false and denies nothing.
insecure_transport := {
	"bool": {"aws:securetransport": ["false"]},
	"boolifexists": {"aws:securetransport": ["false"]},
}

denies_insecure_transport if policy.deny_for_everyone(s3_public.policy_document, "s3", covered, insecure_transport)

missing contains reason if {
	not s3_public.policy_recorded
	reason := unrecorded_reason
}

unrecorded_reason := concat("", ["the bucket policy could not be read: ", s3_public.policy_read_error]) if {
	s3_public.policy_read_error
} else := "the bucket policy is not in the inventory"

missing contains "the bucket policy could not be decoded" if s3_public.policy_undecodable

violations contains concat("", ["Bucket ", lib.label, " has no bucket policy, so requests made without TLS are not denied."]) if {
	s3_public.policy_recorded
	s3_public.policy_document == null
}

violations contains concat("", ["Bucket ", lib.label, " has a bucket policy that does not deny requests made without TLS to the bucket and all its objects for every principal."]) if {
	s3_public.policy_decoded
	not denies_insecure_transport
}
