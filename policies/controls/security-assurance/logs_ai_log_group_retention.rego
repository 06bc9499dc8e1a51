# METADATA
# title: Log groups that hold AI invocation and endpoint logs expire events after a set period of at least 90 days
# description: >-
#   The CloudWatch Logs log group has a retention period (RetentionInDays) and it is at least
#   90 days. Checked on log groups the AI asset graph links as output: the Bedrock model
#   invocation log group and the /aws/sagemaker/Endpoints/* log groups. Without a retention
#   period ("Never expire", the default) every prompt and response is kept forever; a period
#   under 90 days deletes the record before most misuse is noticed and investigated (90 days
#   is also how far CloudTrail event history reaches back). A recorded log group without
#   RetentionInDays never expires (AWS Config leaves unset properties out).
# custom:
#   id: CAFAI-SA-07
#   capability: security-assurance
#   component: output
#   severity: low
#   resource_types: ["AWS::Logs::LogGroup"]
#   scope: linked
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks to limit data retention to what the function needs, to
#     be able to honour erasure requests for the output component, and at the same time to
#     keep audit mechanisms that show how models use data. Prompt and response logs serve
#     both sides: kept forever they become an ever-growing store of personal data that no
#     retention policy governs, deleted within days they leave nothing to audit when misuse,
#     data leakage or a prompt-injection incident is found. A bounded period of at least 90
#     days is the decision CAF-AI asks for, written into the log group.
#   remediation:
#     console: >-
#       CloudWatch console > Logs > Log groups > the log group > Actions > Edit retention
#       setting(s) > choose the period your retention policy sets (at least 90 days, e.g.
#       1 year) > Save. Export or archive to S3 first if events older than the new period
#       must be kept.
#     cli: >-
#       aws logs put-retention-policy --log-group-name LOG_GROUP --retention-in-days 365
#     terraform: |-
#       resource "aws_cloudwatch_log_group" "invocations" {
#         name              = "/aws/bedrock/model-invocations"
#         retention_in_days = 365
#         kms_key_id        = aws_kms_key.logs.arn
#       }
#   references:
#     - id: CloudWatch Logs log data retention
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
package cafscan.controls.logs_ai_log_group_retention

import data.cafscan.lib

minimum_days := 90

retention := lib.configuration.RetentionInDays if {
	is_number(lib.configuration.RetentionInDays)
} else := lib.configuration.retentionInDays

has_retention if is_number(retention)

missing contains "the log group's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

violations contains concat("", ["Log group ", lib.label, " never expires its events: no retention period is set."]) if {
	count(lib.configuration) > 0
	not has_retention
}

violations contains msg if {
	has_retention
	retention < minimum_days
	msg := concat("", ["Log group ", lib.label, " keeps events for only ", lib.text(retention), " days, less than the ", lib.text(minimum_days), " days needed to investigate misuse."])
}
