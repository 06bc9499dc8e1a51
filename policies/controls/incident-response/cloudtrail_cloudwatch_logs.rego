# METADATA
# title: CloudTrail trails deliver events to CloudWatch Logs
# description: >-
#   The trail sends its events to a CloudWatch Logs log group as well as to S3, so responders
#   can alarm on API activity around AI resources (a model's role changed, an endpoint's data
#   capture turned off, a guardrail deleted) and query it within minutes instead of waiting
#   for and parsing S3 log files. A trail whose logging is stopped fails too (it delivers
#   nothing); when its status is not in the inventory, its settings decide.
# custom:
#   id: CAFAI-IR-02
#   capability: incident-response
#   component: model
#   severity: medium
#   resource_types: ["AWS::CloudTrail::Trail"]
#   caf_section: "Incident response"
#   rationale: >-
#     CAF-AI does not enrich Incident response for AI and points back to the AWS CAF, whose
#     incident response capability depends on detecting events quickly and investigating them
#     with the right data. CAF-AI Vulnerability management also asks for playbooks to be
#     exercised in game days and table-top exercises, which presumes responders can see
#     what happened. Streaming the CloudTrail record of model, data and permission changes to
#     CloudWatch Logs gives them near real-time alarms and queries over exactly that activity.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the trail > CloudWatch Logs > Edit: select Enabled,
#       choose a new or existing log group and an IAM role CloudTrail can use to write to it,
#       save. Then add metric filters and alarms for the API calls your runbooks care about.
#     cli: >-
#       aws cloudtrail update-trail --name TRAIL
#       --cloud-watch-logs-log-group-arn arn:aws:logs:REGION:ACCOUNT:log-group:cloudtrail:*
#       --cloud-watch-logs-role-arn arn:aws:iam::ACCOUNT:role/CloudTrailToCloudWatchLogs
#     terraform: |-
#       resource "aws_cloudtrail" "management" {
#         name                       = "management-events"
#         s3_bucket_name             = aws_s3_bucket.trail.id
#         is_multi_region_trail      = true
#         cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
#         cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
#       }
package cafscan.controls.cloudtrail_cloudwatch_logs

import data.cafscan.lib

# s3BucketName is required of every trail (CreateTrail) and recorded by Config and DescribeTrails:
# without it the trail's settings were not recorded (an empty configuration, or an entry carrying
# only the name). A recorded trail without CloudWatch Logs delivery has cloudWatchLogsLogGroupArn
# null (Config) or no such key (the CloudTrail API omits unset fields), so absence on a recorded
# trail means "not set".
recorded if is_string(lib.configuration.s3BucketName)

missing contains "the trail's configuration is not in the inventory" if {
	not recorded
}

delivers_to_logs if {
	is_string(lib.configuration.cloudWatchLogsLogGroupArn)
	trim_space(lib.configuration.cloudWatchLogsLogGroupArn) != ""
}

violations contains concat("", ["CloudTrail trail ", lib.label, " does not deliver its events to CloudWatch Logs."]) if {
	recorded
	not delivers_to_logs
}

# A stopped trail (StopLogging) records nothing, so it delivers nothing to its log group either.
# When the status is not in the inventory (AWS Config does not record it), the settings decide.
violations contains concat("", ["CloudTrail trail ", lib.label, " delivers to CloudWatch Logs but is not logging (StopLogging), so no event reaches the log group."]) if {
	recorded
	delivers_to_logs
	lib.supplementary.TrailStatus.isLogging == false
}
