# METADATA
# title: CloudTrail trails encrypt their log files with a KMS key
# description: >-
#   The trail names a KMS key (kmsKeyId), so CloudTrail encrypts the log files it delivers to
#   S3 with SSE-KMS instead of the bucket's default SSE-S3 encryption. Every trail is checked:
#   a trail that records management events records the Bedrock and SageMaker API calls that
#   create, change, share and invoke models. DescribeTrails and AWS Config leave KmsKeyId out
#   when the trail has no KMS key, and CloudTrail's documented default is then SSE-S3
#   (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html:
#   "By default, the log files delivered by CloudTrail to your bucket are encrypted by ...
#   SSE-S3"), so a trail whose configuration was read (name or ARN present) without the field
#   fails; a trail whose configuration is not in the inventory is not evaluated.
# custom:
#   id: CAFAI-DP-21
#   capability: data-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::CloudTrail::Trail"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that data about AI systems be protected at rest with keys the
#     organization controls. CloudTrail logs record who trained, deployed, shared and invoked
#     which model, with request parameters that name data locations and principals. With
#     SSE-KMS, reading a log file also needs kms:Decrypt on the trail's key, so access to the
#     audit record is governed and logged separately from access to the bucket.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the trail > General details > Edit: under "Log file
#       SSE-KMS encryption" select Enabled, choose a customer managed key (its policy must let
#       cloudtrail.amazonaws.com use it), save.
#     cli: aws cloudtrail update-trail --name TRAIL --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY_ID
#     terraform: |-
#       resource "aws_cloudtrail" "management" {
#         name                       = "management-events"
#         s3_bucket_name             = aws_s3_bucket.trail.id
#         is_multi_region_trail      = true
#         enable_log_file_validation = true
#         kms_key_id                 = aws_kms_key.trail.arn
#       }
#     cloudformation: |-
#       ManagementTrail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           TrailName: management-events
#           S3BucketName: !Ref TrailBucket
#           IsLogging: true
#           IsMultiRegionTrail: true
#           EnableLogFileValidation: true
#           KMSKeyId: !GetAtt TrailKey.Arn
#   references:
#     - id: Encrypting CloudTrail log files with AWS KMS keys (SSE-KMS)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
#     - id: DescribeTrails (Trail.KmsKeyId)
#       source: AWS API reference
#       url: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Trail.html
package cafscan.controls.cloudtrail_trail_kms_encryption

import data.cafscan.lib

# The trail's own configuration was read: an empty or identity-less configuration says nothing.
trail_read if is_string(lib.configuration.trailARN)

trail_read if is_string(lib.configuration.name)

key := object.get(lib.configuration, "kmsKeyId", null)

# Absent or null: CloudTrail's default SSE-S3 (see the description).
not_encrypted if key == null

not_encrypted if key == ""

missing contains "the trail's configuration is not in the inventory" if not trail_read

missing contains "the trail's KMS key setting is not a key id" if {
	not is_string(key)
	key != null
}

violations contains concat("", ["CloudTrail trail ", lib.label, " does not encrypt its log files with a KMS key."]) if not_encrypted
