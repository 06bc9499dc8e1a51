# METADATA
# title: S3 buckets holding training data have server access logging enabled
# description: >-
#   The bucket's server access logging is on (BucketLoggingConfiguration names a destination
#   bucket), so every request made to the training, fine-tuning or retrieval data it holds
#   (who read, wrote or deleted which object, from where, with what result) is written to a
#   log that can be searched when an access pattern looks wrong. When the logging settings
#   are not in the inventory the result is not evaluated.
# custom:
#   id: CAFAI-TD-04
#   capability: threat-detection
#   component: input
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   scope: linked
#   caf_section: "Threat detection"
#   rationale: >-
#     CAF-AI Threat detection asks that threat models and monitoring cover the poisoning of
#     data sets used for training and data tampering, and that input data and the data the
#     model uses be correlated to spot anomalous or malicious activity; CAF-AI Data
#     protection asks for data activity monitoring of access patterns and an audit trail of
#     data access. Server access logs record each request to the bucket, including those
#     that fail authentication, which CloudTrail does not record, and are the raw material
#     for noticing an unexpected writer to a training prefix or a bulk download.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Server access logging > Edit > Enable, choose a
#       destination bucket in the same account and region (not the bucket itself) and a
#       prefix, save. The console adds the permission for the S3 logging service to the
#       destination bucket's policy.
#     cli: >-
#       aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status
#       '{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"s3-access/BUCKET/"}}'
#     terraform: |-
#       resource "aws_s3_bucket_logging" "training" {
#         bucket        = aws_s3_bucket.training.id
#         target_bucket = aws_s3_bucket.access_logs.id
#         target_prefix = "s3-access/training/"
#       }
#     cloudformation: |-
#       TrainingBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           LoggingConfiguration:
#             DestinationBucketName: !Ref AccessLogBucket
#             LogFilePrefix: s3-access/training/
#   references:
#     - id: Logging requests with server access logging
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
package cafscan.controls.s3_training_data_access_logging

import data.cafscan.lib

logging := lib.supplementary.BucketLoggingConfiguration

# Config and the collector record the key whenever the setting was read; logging off is
# destinationBucketName null.
recorded if is_object(logging)

missing contains "the bucket's server access logging settings are not in the inventory" if not recorded

logs_requests if {
	is_string(logging.destinationBucketName)
	trim_space(logging.destinationBucketName) != ""
}

violations contains concat("", ["Bucket ", lib.label, " does not have server access logging enabled, so requests to its training data are not logged."]) if {
	recorded
	not logs_requests
}
