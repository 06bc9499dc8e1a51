# What cafscan knows of AWS managed policies. They are never in the inventory (AWS Config records
# customer managed policies only, and a live scan does not read AWS's), so controls judge them by
# name: this table is the only place that says what a name allows, and a policy it does not know
# for a question leaves that question unknown (not_evaluated), never "allows nothing".
#
# The questions the IAM controls ask:
#   administrator    every action, or IAM writes that grant any permission (IAM-01, IAM-83, IAM-86)
#   pass_every_role  iam:PassRole on every role of the account; as in IAM-80, a condition
#                    (iam:PassedToService) does not remove it
#   all_sagemaker    every SageMaker AI action (IAM-02)
#   all_bedrock      every Amazon Bedrock action (IAM-02, IAM-83)
#   privileged       commands on instances, IAM writes, function code or instance launches (VM-02)
#
# Each entry: what the policy grants, and which questions that answers ("known": a question not
# listed is not answered, whatever "grants" says). Where they come from: the name lists the IAM
# controls kept before this table, the read-only policies by their documented purpose, and
# (checked against the AWS managed policy reference,
# https://docs.aws.amazon.com/aws-managed-policy/latest/reference/, on 2026-12-06)
# AmazonSageMakerFullAccess v26 — sagemaker:* on all but a few admin resources, and statement
# AllowPassRoleToSageMaker, iam:PassRole on arn:aws:iam::*:role/* when passed to SageMaker AI —
# and AmazonBedrockFullAccess's iam:PassRole, limited to roles named *AmazonBedrock*. Checking
# the other entries against their documents is still to do; an entry is added only from one.
package cafscan.lib

iam_questions := {"administrator", "pass_every_role", "all_sagemaker", "all_bedrock", "privileged"}

# Read-only and narrow service policies: none of the questions' grants.
iam_aws_managed_benign := {
	"ReadOnlyAccess", "ViewOnlyAccess", "SecurityAudit", "AmazonSageMakerReadOnly", "AmazonBedrockReadOnly",
	"AmazonS3ReadOnlyAccess", "CloudWatchLogsReadOnlyAccess", "AWSLambdaBasicExecutionRole",
	"AmazonSSMManagedInstanceCore", "AWS_ConfigRole",
}

iam_aws_managed_known := {
	"AdministratorAccess": {"grants": {"administrator", "pass_every_role", "all_sagemaker", "all_bedrock", "privileged"}, "known": iam_questions},
	"IAMFullAccess": {"grants": {"administrator", "pass_every_role", "privileged"}, "known": iam_questions},
	# NotAction iam:*, organizations:*, account:* on every resource.
	"PowerUserAccess": {"grants": {"all_sagemaker", "all_bedrock", "privileged"}, "known": iam_questions},
	"AmazonSageMakerFullAccess": {"grants": {"all_sagemaker", "pass_every_role"}, "known": iam_questions},
	# iam:PassRole only on roles named *AmazonBedrock*.
	"AmazonBedrockFullAccess": {"grants": {"all_bedrock"}, "known": iam_questions},
	"AmazonBedrockLimitedAccess": {"grants": set(), "known": {"administrator", "all_sagemaker", "all_bedrock", "privileged"}},
	"AmazonSSMFullAccess": {"grants": {"privileged"}, "known": {"privileged", "all_sagemaker", "all_bedrock"}},
	"AWSLambda_FullAccess": {"grants": {"privileged"}, "known": {"privileged", "all_sagemaker", "all_bedrock"}},
	"AWSLambdaFullAccess": {"grants": {"privileged"}, "known": {"privileged", "all_sagemaker", "all_bedrock"}},
	"AmazonEC2FullAccess": {"grants": {"privileged"}, "known": {"privileged", "all_sagemaker", "all_bedrock"}},
	# job-function/DataScientist: sagemaker:* among much else.
	"DataScientist": {"grants": {"all_sagemaker"}, "known": {"all_sagemaker"}},
}

iam_aws_managed_grants(name, question) if question in iam_aws_managed_known[name].grants

iam_aws_managed_answers(name, question) if question in iam_aws_managed_known[name].known

iam_aws_managed_answers(name, _) if name in iam_aws_managed_benign

iam_question_text := {
	"administrator": "administrator access",
	"pass_every_role": "iam:PassRole on every role",
	"all_sagemaker": "every SageMaker AI action",
	"all_bedrock": "every Amazon Bedrock action",
	"privileged": "commands, IAM changes, code or instance launches",
}

# Why a question cannot be answered for an attached AWS managed policy cafscan does not know.
iam_aws_managed_unknown_reason(name, question) := concat("", [
	"the AWS managed policy ", name, " is attached and cafscan does not know whether it allows ",
	iam_question_text[question], " (AWS managed policies are judged by name)",
])

# The principal's own attached AWS managed policies that leave `question` unknown, as reasons.
iam_aws_managed_gaps(question) := {iam_aws_managed_unknown_reason(name, question) |
	some name in iam_attached_aws_managed_names
	not iam_aws_managed_answers(name, question)
}
