# METADATA
# title: SageMaker notebook lifecycle configurations keep credentials out of their scripts
# description: >-
#   The lifecycle configuration a notebook instance runs (its OnCreate and OnStart shell
#   scripts) gives no credential-named setting a literal value and contains no token shaped
#   like an access key, private key or API key. Read as settings: shell assignments
#   (export DB_PASSWORD=…, --password=…), aws configure set NAME VALUE, long options whose name
#   ends in a credential word (--password VALUE, --hf-token VALUE), the MySQL/MariaDB client's
#   -pPASSWORD and sshpass -p PASSWORD, passwords in URLs, and, under a credential name, YAML /
#   INI / Python / JSON key-value pairs (db_password: …, os.environ["API_KEY"] = "…"). A value
#   that is a reference — an ARN, a path, a shell expansion ($VAR, ${VAR}, $(command),
#   `command`) — is not a credential. The test is the one CAFAI-AS-02 and AS-03 apply to
#   environment variables. Not detected: a credential under a name that does not say so and
#   without a known token shape (e.g. DB=Tr0ub4dor or mycli --pw Tr0ub4dor). The live collector
#   keeps only those settings and token-shaped words — never the scripts, never a word it cannot
#   classify — and inventory.json redacts the ones that look like credentials; findings name the
#   settings, never their values. AWS Config does not record lifecycle configurations, and a
#   live scan reads them only for notebook instances it lists through the SageMaker API: a
#   notebook that names one without its scripts in the inventory is not evaluated; one that
#   names none is not applicable.
# custom:
#   id: CAFAI-AS-50
#   capability: application-security
#   component: input
#   severity: high
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that the pipelines and tools used to build AI be
#     integrated with security checks. A lifecycle script runs as root on every start of a
#     notebook where people explore training data; a credential written into it is returned in
#     clear text by DescribeNotebookInstanceLifecycleConfig to anyone allowed to read it, is
#     shared by every notebook that uses the configuration, and outlives the person who put it
#     there. The notebook's execution role, or a secret fetched from Secrets Manager at start-up,
#     gives the same access without a copy of the credential at rest.
#   remediation:
#     console: >-
#       Store the credential in AWS Secrets Manager and grant the notebook's execution role
#       secretsmanager:GetSecretValue on it. SageMaker console > Notebook > Lifecycle
#       configurations > the configuration > Edit: replace the literal value with
#       `$(aws secretsmanager get-secret-value --secret-id NAME --query SecretString --output text)`,
#       save, then rotate the exposed credential.
#     cli: >-
#       aws sagemaker update-notebook-instance-lifecycle-config --notebook-instance-lifecycle-config-name NAME
#       --on-start Content=$(base64 -w0 on-start-without-secrets.sh)
#     terraform: |-
#       resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "this" {
#         name     = "research-setup"
#         on_start = base64encode(<<-EOT
#           #!/bin/bash
#           export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id research/db --query SecretString --output text)"
#         EOT
#         )
#       }
#     cloudformation: |-
#       ResearchSetup:
#         Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
#         Properties:
#           NotebookInstanceLifecycleConfigName: research-setup
#           OnStart:
#             - Content: !Base64 |
#                 #!/bin/bash
#                 export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id research/db --query SecretString --output text)"
#   references:
#     - id: DescribeNotebookInstanceLifecycleConfig (OnCreate, OnStart base64 scripts)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeNotebookInstanceLifecycleConfig.html
#     - id: Customize a notebook instance using a lifecycle configuration script
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-lifecycle-config.html
package cafscan.controls.sagemaker_notebook_lifecycle_no_secrets

import data.cafscan.lib

recorded if count(lib.configuration) > 0

# The API's name for it, and AWS Config's (CloudFormation's).
config_name := lib.configuration.NotebookInstanceLifecycleConfigName if {
	is_string(lib.configuration.NotebookInstanceLifecycleConfigName)
	lib.configuration.NotebookInstanceLifecycleConfigName != ""
} else := lib.configuration.LifecycleConfigName if {
	is_string(lib.configuration.LifecycleConfigName)
	lib.configuration.LifecycleConfigName != ""
}

uses_config if config_name

# Only on what Describe returned: when it failed, the List summary lacks the setting, and the
# router's not_evaluated (collectionErrors.configuration) must not be turned into not applicable.
out_of_scope if {
	recorded
	not input.resource.collectionErrors.configuration
	not uses_config
}

facts := lib.configuration.LifecycleConfig

has_facts if is_object(facts)

# Each script's entries, as the collector records them: assignments by name, long words under
# "(word N)" (a word has no name a finding could show).
entries contains [phase, name, value] if {
	some phase in ["OnCreate", "OnStart"]
	some script in lib.as_array(facts[phase])
	some name, value in object.get(script, "Environment", {})
	is_string(value)

	# DB_PASSWORD="" or password: "" sets nothing (as the environment-variable checks read it).
	value != ""
}

word(name) if startswith(name, "(word ")

found contains concat("", [name, " (", phase, ")"]) if {
	some [phase, name, value] in entries
	not word(name)
	lib.looks_secret(name, value)
}

found contains concat("", ["a credential-shaped value (", phase, ")"]) if {
	some [phase, name, value] in entries
	word(name)
	lib.looks_secret("", value)
}

missing contains "the notebook instance's configuration is not in the inventory" if not recorded

lifecycle_error := input.resource.collectionErrors.LifecycleConfig

# The live collector could not describe the configuration: say why.
missing contains concat("", ["the lifecycle configuration ", config_name, " could not be read: ", lib.text(lifecycle_error)]) if {
	uses_config
	not has_facts
	lifecycle_error
}

missing contains concat("", [
	"the lifecycle configuration ", config_name, "'s scripts are not in the inventory: AWS Config does not record them, ",
	"and a live scan reads them only for notebook instances it lists through the SageMaker API ",
	"(not when the account's AWS Config recorder supplies the notebook instances)",
]) if {
	uses_config
	not has_facts
	not lifecycle_error
}

# (found is empty unless the scripts were read.)
violations contains concat("", ["Notebook instance ", lib.label, "'s lifecycle configuration ", config_name, " holds values that look like credentials: ", concat(", ", sort(found)), "."]) if {
	count(found) > 0
}
