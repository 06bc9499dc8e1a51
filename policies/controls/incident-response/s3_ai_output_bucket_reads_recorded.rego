# METADATA
# title: Reads of S3 buckets holding AI outputs are recorded
# description: >-
#   A bucket the AI asset graph links as output (captured requests and responses, batch
#   inference and transform results, model invocation logs) has server access logging enabled
#   (BucketLoggingConfiguration names a destination bucket), or some CloudTrail trail of the
#   account that is logging and covers the bucket's region records S3 read data events for
#   its objects (a basic selector with a data resource of type AWS::S3::Object whose values
#   include "arn:aws:s3" or a prefix of this bucket's objects, ReadOnly or All; or an advanced
#   selector on eventCategory Data and resources.type AWS::S3::Object whose resources.ARN
#   conditions let the bucket's objects through and that does not limit readOnly to false),
#   read the same way as CAFAI-SA-04. Either record says who read which object, so a leak of
#   model outputs can be investigated. When logging is off and the trails (AWS Config records
#   neither their selectors nor their logging status) or the logging settings are not in the
#   inventory, the result is not evaluated.
# custom:
#   id: CAFAI-IR-98
#   capability: incident-response
#   component: output
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::CloudTrail::Trail", "AWS::::Account"]
#   related_fields:
#     "AWS::CloudTrail::Trail": [configuration.homeRegion, configuration.isMultiRegionTrail, supplementaryConfiguration.TrailStatus, supplementaryConfiguration.EventSelectors, supplementaryConfiguration.AdvancedEventSelectors]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   scope: linked
#   caf_section: "Incident response"
#   rationale: >-
#     CAF-AI leaves Incident response as in the AWS CAF, which expects the evidence an
#     investigation needs to be collected before the incident; for the output component the
#     incident is the leak of prompts, answers and inference results, which CAF-AI Data
#     protection and Security assurance treat as sensitive data. CloudTrail management events
#     do not show who downloaded an object: only server access logs or S3 data events record
#     each GetObject with the caller, which is what scoping a leak of model outputs needs. It
#     is the output counterpart of CAFAI-TD-04 and CAFAI-SA-04 on training data; writes are
#     not required here because the writers of an output bucket are the AI services themselves.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Server access logging > Edit > Enable, choose a
#       destination bucket in the same account and region (not the bucket itself) and a
#       prefix, save. Or CloudTrail console > Trails > a multi-region trail > Data events >
#       Edit > Add data event: data event type S3, log selector template "Custom" with
#       resources.ARN "starts with" arn:aws:s3:::BUCKET/ and read events; save.
#     cli: >-
#       aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status
#       '{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"s3-access/BUCKET/"}}'
#     terraform: |-
#       resource "aws_s3_bucket_logging" "ai_output" {
#         bucket        = aws_s3_bucket.ai_output.id
#         target_bucket = aws_s3_bucket.access_logs.id
#         target_prefix = "s3-access/ai-output/"
#       }
#     cloudformation: |-
#       AiOutputBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           LoggingConfiguration:
#             DestinationBucketName: !Ref AccessLogBucket
#             LogFilePrefix: s3-access/ai-output/
#   references:
#     - id: Logging requests with server access logging
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#     - id: Logging data events
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
package cafscan.controls.s3_ai_output_bucket_reads_recorded

import data.cafscan.lib
import data.cafscan.lib.s3_data_events as events

logging := lib.supplementary.BucketLoggingConfiguration

# Config and the collector record the key whenever the setting was read; logging off is
# destinationBucketName null.
logging_recorded if is_object(logging)

logs_requests if {
	is_string(logging.destinationBucketName)
	trim_space(logging.destinationBucketName) != ""
}

recorded if logs_requests

recorded if events.recorded("read")

missing contains "the bucket's server access logging settings are not in the inventory" if {
	not recorded
	not logging_recorded
}

missing contains reason if {
	not recorded
	not events.trails_collected
	reason := events.uncollected_reason
}

missing contains concat("", ["the event selectors of CloudTrail trail ", lib.text(events.trail_name(t)), " are not in the inventory"]) if {
	not recorded
	some t in events.trails
	not events.selectors_known(t)
	not events.stopped(t)
}

missing contains concat("", ["whether CloudTrail trail ", lib.text(events.trail_name(t)), " is logging is not in the inventory"]) if {
	not recorded
	some t in events.trails
	events.records(t, "read")
	not events.status_known(t)
}

violations contains concat("", ["Bucket ", lib.label, " has no server access logging and no CloudTrail trail records S3 read data events for its objects, so who read the AI outputs it holds cannot be investigated."]) if {
	not recorded
}
