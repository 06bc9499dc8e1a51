# METADATA
# title: SageMaker training jobs keep credentials out of environment variables and hyperparameters
# description: >-
#   No environment variable (Environment) or hyperparameter (HyperParameters) of the training
#   job holds a value that looks like a credential: a secret-sounding name with a literal
#   value, or a value shaped like an access key, private key or API token. References such as
#   ARNs, S3 URIs and paths are not flagged, nor are boolean values; the quotes the SageMaker
#   Python SDK puts around hyperparameter values are ignored. Findings name the variables and
#   hyperparameters, never their values.
# custom:
#   id: CAFAI-AS-03
#   capability: application-security
#   component: input
#   severity: high
#   resource_types: ["AWS::SageMaker::TrainingJob"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks for data and model pipelines integrated with security
#     checks, and for everything that records how a model was built (parameters, metadata) to
#     be tracked for provenance. A training job's hyperparameters and environment are exactly
#     that record: DescribeTrainingJob returns them in clear text to anyone allowed to read the
#     job, they are copied into experiments, model cards and pipeline definitions, and they
#     stay there after the job ends. A token or password put there leaks far beyond the
#     training container and cannot be removed from the job; AWS's own API documentation tells
#     users never to place secrets in hyperparameters.
#   remediation:
#     console: >-
#       Store the credential in AWS Secrets Manager (or SSM Parameter Store SecureString), let
#       the training job's execution role read it, and have the training script fetch it at
#       start-up, passing only the secret's ARN or name as a hyperparameter or environment
#       variable. Training jobs cannot be edited or have their parameters removed: rotate the
#       exposed credential now, fix the pipeline, notebook or estimator that set it, and delete
#       copies in experiments and pipeline definitions.
#     cli: >-
#       aws secretsmanager create-secret --name training/NAME/hf-token --secret-string VALUE &&
#       aws sagemaker create-training-job ... --environment HF_TOKEN_SECRET_ARN=SECRET_ARN
#       (the script calls secretsmanager:GetSecretValue; the execution role allows it for that ARN only)
#     terraform: |-
#       resource "aws_secretsmanager_secret" "hf_token" {
#         name = "training/llm-finetune/hf-token"
#       }
#
#       # In the pipeline's Training step, pass the reference, never the value:
#       #   Environment = { HF_TOKEN_SECRET_ARN = aws_secretsmanager_secret.hf_token.arn }
#       data "aws_iam_policy_document" "read_token" {
#         statement {
#           actions   = ["secretsmanager:GetSecretValue"]
#           resources = [aws_secretsmanager_secret.hf_token.arn]
#         }
#       }
#   references:
#     - id: CreateTrainingJob API reference
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html
package cafscan.controls.sagemaker_training_job_no_secrets

import data.cafscan.lib

recorded if count(lib.configuration) > 0

# A boolean says nothing secret ("use_auth_token": "True" switches a library option on).
plain_words := {"true", "false", "none", "null"}

# The SageMaker Python SDK JSON-encodes hyperparameter values ("\"train.py\""); compare the
# value inside the quotes, so that references are recognised as references.
plain(values) := {name: value |
	some name, raw in values
	is_string(raw)
	value := trim(raw, "\"")
	not lower(value) in plain_words
}

secret_names(key) := lib.secret_like_variables(plain(values)) if {
	values := lib.configuration[key]
	is_object(values)
} else := set()

missing contains "the training job's configuration is not in the inventory" if not recorded

violations contains msg if {
	names := secret_names("Environment")
	count(names) > 0
	msg := concat("", [
		"Training job ", lib.label, " sets environment variables that look like credentials: ", concat(", ", sort(names)), ".",
	])
}

violations contains msg if {
	names := secret_names("HyperParameters")
	count(names) > 0
	msg := concat("", [
		"Training job ", lib.label, " sets hyperparameters that look like credentials: ", concat(", ", sort(names)), ".",
	])
}
