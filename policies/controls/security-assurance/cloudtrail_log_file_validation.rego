# METADATA
# title: CloudTrail trails validate the integrity of their log files
# description: >-
#   The trail has log file validation enabled, so CloudTrail writes signed digest files next
#   to the logs and anyone can later prove that no log file was changed or deleted after
#   delivery.
# custom:
#   id: CAFAI-SA-02
#   capability: security-assurance
#   component: model
#   severity: medium
#   resource_types: ["AWS::CloudTrail::Trail"]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance is about earning the trust of customers, auditors and
#     regulators in the controls around AI, and it relies on audit mechanisms for how models
#     use data and where AI is used. An audit record is only evidence if it can be shown to be
#     untampered: digest files let an assessor verify that the CloudTrail history of model
#     training, deployment and access is complete and unaltered.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the trail > General details > Edit: under "Log file
#       validation" select Enabled, save. Verify later with aws cloudtrail validate-logs.
#     cli: aws cloudtrail update-trail --name TRAIL --enable-log-file-validation
#     terraform: |-
#       resource "aws_cloudtrail" "management" {
#         name                       = "management-events"
#         s3_bucket_name             = aws_s3_bucket.trail.id
#         is_multi_region_trail      = true
#         enable_log_file_validation = true
#       }
package cafscan.controls.cloudtrail_log_file_validation

import data.cafscan.lib

validation := lib.configuration.logFileValidationEnabled

missing contains "whether the trail validates its log files is not in the inventory" if {
	not is_boolean_setting
}

is_boolean_setting if is_boolean(validation)

violations contains concat("", ["CloudTrail trail ", lib.label, " does not have log file validation enabled."]) if {
	validation == false
}
