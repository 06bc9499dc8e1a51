# METADATA
# title: Bedrock model invocation logging is enabled in every scanned region
# description: >-
#   Amazon Bedrock model invocation logging is configured in the account and region: it
#   delivers to an S3 bucket or a CloudWatch Logs log group, with text data (the prompts and
#   responses) included. It is judged in every scanned region, whether or not the region has
#   Bedrock agents, knowledge bases, guardrails or custom models: the most common use of
#   Bedrock, on-demand InvokeModel / Converse calls to foundation models, leaves no resource
#   behind, so "no Bedrock resource" does not show that Bedrock is unused. Where the logging
#   configuration could not be read (GetModelInvocationLoggingConfiguration denied, or Bedrock
#   not offered in the region) the check is not evaluated. The API leaves loggingConfig out
#   when logging was never configured, and textDataDeliveryEnabled out when it is false
#   (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_LoggingConfig.html).
# custom:
#   id: CAFAI-SA-05
#   capability: security-assurance
#   component: model
#   severity: high
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail", "AWS::Bedrock::CustomModel"]
#   related_fields:
#     "AWS::Bedrock::Agent": []
#     "AWS::Bedrock::KnowledgeBase": []
#     "AWS::Bedrock::Guardrail": []
#     "AWS::Bedrock::CustomModel": []
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for audit mechanisms that show how models use data and
#     where AI is in use, and for output to be reviewable so that generated data can be checked
#     against acceptable-use criteria and for leaks of sensitive or regulated data. CloudTrail
#     records that a model was called but not what was asked or answered; model invocation
#     logging keeps the request and response of every call, which is the evidence an auditor,
#     an investigation or a privacy review needs.
#   remediation:
#     console: >-
#       Amazon Bedrock console (in this region) > Settings > Model invocation logging: turn it
#       on, select at least Text as data type, choose S3 only, CloudWatch Logs only or both,
#       give the bucket and/or log group (and a service role for CloudWatch Logs), save.
#     cli: >-
#       aws bedrock put-model-invocation-logging-configuration --region REGION --logging-config
#       '{"s3Config":{"bucketName":"BUCKET","keyPrefix":"bedrock/"},"cloudWatchConfig":{"logGroupName":"/aws/bedrock/invocations","roleArn":"ROLE_ARN"},"textDataDeliveryEnabled":true,"imageDataDeliveryEnabled":true,"embeddingDataDeliveryEnabled":true}'
#     terraform: |-
#       resource "aws_bedrock_model_invocation_logging_configuration" "this" {
#         logging_config {
#           text_data_delivery_enabled      = true
#           image_data_delivery_enabled     = true
#           embedding_data_delivery_enabled = true
#           s3_config {
#             bucket_name = aws_s3_bucket.bedrock_logs.id
#             key_prefix  = "bedrock/"
#           }
#           cloudwatch_config {
#             log_group_name = aws_cloudwatch_log_group.bedrock.name
#             role_arn       = aws_iam_role.bedrock_logging.arn
#           }
#         }
#       }
package cafscan.controls.bedrock_model_invocation_logging

import data.cafscan.lib
import data.cafscan.lib.bedrock

# The Bedrock resource types named in the message, as a hint of what the logs would cover.
resource_nouns := {
	"AWS::Bedrock::Agent": "agents",
	"AWS::Bedrock::KnowledgeBase": "knowledge bases",
	"AWS::Bedrock::Guardrail": "guardrails",
	"AWS::Bedrock::CustomModel": "custom models",
}

logging := lib.configuration.bedrockInvocationLogging

has_fact if is_object(logging)

fact_error := lib.configuration.factErrors.bedrockInvocationLogging

has_fact_error if fact_error

# Not configured: the collector records {"enabled": false} (the API leaves loggingConfig out).
not_configured if logging.enabled == false

configured if {
	has_fact
	not has_fact_error
	not not_configured
}

destination(name) := name if {
	is_string(name)
	name != ""
}

has_destination if destination(bedrock.field(logging.s3Config, "bucketName"))

has_destination if destination(bedrock.field(logging.cloudWatchConfig, "logGroupName"))

# "agents: 2, guardrails: 1" for the resources of each type found in this account and region.
in_region := [concat("", [lib.text(noun), ": ", format_int(n, 10)]) |
	some type, noun in resource_nouns
	n := count(lib.same_region_of_type(type))
	n > 0
]

# A failure to read wins over a value recorded before it.
missing contains concat("", ["Bedrock model invocation logging could not be read: ", lib.text(fact_error)]) if has_fact_error

missing contains "the Bedrock model invocation logging setting is not in the inventory" if {
	not has_fact
	not has_fact_error
}

violations contains msg if {
	not has_fact_error
	not_configured
	count(in_region) > 0
	msg := concat("", ["Bedrock model invocation logging is off in ", lib.label, ", which has Bedrock resources (", concat(", ", sort(in_region)), ")."])
}

# On-demand model invocations leave no resource, so a region without one is still judged.
violations contains concat("", ["Bedrock model invocation logging is off in ", lib.label, "."]) if {
	not has_fact_error
	not_configured
	count(in_region) == 0
}

violations contains concat("", ["Bedrock model invocation logging in ", lib.label, " has no S3 bucket or CloudWatch Logs log group to deliver to."]) if {
	configured
	not has_destination
}

# Absent means false (LoggingConfig.textDataDeliveryEnabled), and without text the prompts and
# responses are not kept.
violations contains concat("", ["Bedrock model invocation logging in ", lib.label, " does not deliver text data (prompts and responses)."]) if {
	configured
	not logging.textDataDeliveryEnabled == true
}
