# METADATA
# title: Log groups that hold AI workload logs are encrypted with a customer managed KMS key
# description: >-
#   The CloudWatch Logs log group has a customer managed AWS KMS key associated (KmsKeyId), so
#   the prompts, responses and endpoint output it stores are encrypted under a key whose policy
#   decides who may read them and whose every use CloudTrail records. Checked on every log
#   group the AI asset graph links to a workload, in whatever component: the Bedrock model
#   invocation log group and the /aws/sagemaker/Endpoints/* log groups (output), the
#   /aws/sagemaker/TrainingJobs log group (model, where training scripts print data samples
#   and metrics), and any the user links. CloudWatch Logs encrypts every log group with a
#   service key anyway; that key is not under the account's control. A recorded log group
#   without KmsKeyId has no key associated (AWS Config leaves unset properties out). Naming an AWS
#   managed key by its alias (alias/aws/…) counts as no customer managed key and fails.
# custom:
#   id: CAFAI-DP-11
#   capability: data-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::Logs::LogGroup"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks to keep visibility and control over data used by AI, to log
#     and mask sensitive data while keeping an audit trail of who accessed it, and to watch the
#     sensitivity of what models output. Invocation and endpoint logs hold full prompts and
#     model answers, often with personal or confidential data; a customer managed key makes
#     reading them subject to a key policy the security team controls, lets access be revoked
#     at once by disabling the key, and leaves a CloudTrail record of every decryption.
#   remediation:
#     console: >-
#       Create (or pick) a customer managed symmetric KMS key whose key policy allows the
#       logs.REGION.amazonaws.com service principal to use it for this log group's ARN
#       (condition kms:EncryptionContext:aws:logs:arn). For a new log group: CloudWatch
#       console > Logs > Log groups > Create log group > KMS key ARN. For an existing one the
#       console has no setting: open CloudShell from the console and run the CLI command
#       below. Only events ingested after the change are encrypted with the key.
#     cli: >-
#       aws logs associate-kms-key --log-group-name LOG_GROUP --kms-key-id KEY_ARN
#     terraform: |-
#       resource "aws_cloudwatch_log_group" "invocations" {
#         name              = "/aws/bedrock/model-invocations"
#         kms_key_id        = aws_kms_key.logs.arn
#         retention_in_days = 365
#       }
#   references:
#     - id: Encrypt log data in CloudWatch Logs using AWS KMS
#       source: Amazon CloudWatch Logs documentation
#       url: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
package cafscan.controls.logs_ai_log_group_kms_encryption

import data.cafscan.lib
import data.cafscan.lib.kms

# AWS Config and the collector both use the CloudFormation property name; accept the API's too.
has_key if {
	some field in ["KmsKeyId", "kmsKeyId"]
	key_id := lib.configuration[field]
	is_string(key_id)
	key_id != ""
}

missing contains "the log group's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Log group ", lib.label, " is not encrypted with a customer managed AWS KMS key (no KmsKeyId is associated)."]) if {
	not has_key
}

violations contains concat("", ["Log group ", lib.label, " is encrypted with the AWS managed key ", lib.text(key_id), " (", field, "), not a customer managed AWS KMS key."]) if {
	some field in ["KmsKeyId", "kmsKeyId"]
	key_id := lib.configuration[field]
	kms.aws_managed_alias(key_id)
}
