# METADATA
# title: SageMaker models keep credentials out of container environment variables
# description: >-
#   No environment variable of the model's containers (PrimaryContainer and Containers[])
#   holds a value that looks like a credential: a secret-sounding name with a literal
#   value, or a value shaped like an access key, private key or API token. References such
#   as ARNs, S3 URIs and paths are not flagged. Findings name the variables, never values.
# custom:
#   id: CAFAI-AS-02
#   capability: application-security
#   component: input
#   severity: high
#   resource_types: ["AWS::SageMaker::Model"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that model pipelines be integrated with security
#     checks and that model artifacts be kept in secure repositories. A model definition is
#     such an artifact, and its environment is returned in clear text by DescribeModel to
#     anyone allowed to read it, recorded by AWS Config and copied into every endpoint that
#     uses it; a secret placed there leaks far beyond the container that needs it and cannot
#     be rotated without recreating the model.
#   remediation:
#     console: >-
#       Move the secret into AWS Secrets Manager (or SSM Parameter Store SecureString), let
#       the model's execution role read it, and have the container fetch it at start-up
#       (pass only the secret's ARN in the environment). Model environments cannot be
#       edited: create a new model without the secret, point the endpoint configuration at
#       it, update the endpoint, delete the old model, and rotate the exposed credential.
#     cli: >-
#       aws secretsmanager create-secret --name models/NAME/api-key --secret-string VALUE &&
#       aws sagemaker create-model --model-name NAME-v2 --execution-role-arn ROLE_ARN
#       --primary-container Image=IMAGE_URI,ModelDataUrl=S3_URI,Environment={API_KEY_SECRET_ARN=SECRET_ARN}
package cafscan.controls.sagemaker_model_no_secrets_in_environment

import data.cafscan.lib

environments contains env if {
	env := lib.configuration.PrimaryContainer.Environment
	is_object(env)
}

environments contains env if {
	some container in lib.as_array(lib.configuration.Containers)
	env := container.Environment
	is_object(env)
}

secret_names := {name |
	some env in environments
	some name in lib.secret_like_variables(env)
}

missing contains "the model's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

# A model always has a PrimaryContainer or Containers (CreateModel requires one); a recorded
# model with neither says nothing about its environment. Environment itself is optional:
# absent, no variables are set.
has_containers if is_object(lib.configuration.PrimaryContainer)

has_containers if is_array(lib.configuration.Containers)

missing contains "the model's container definitions are not in the inventory" if {
	count(lib.configuration) > 0
	not has_containers
}

violations contains msg if {
	count(secret_names) > 0
	msg := concat("", [
		"Model ", lib.label, " sets container environment variables that look like credentials: ", concat(", ", sort(secret_names)), ".",
	])
}
