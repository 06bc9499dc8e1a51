# METADATA
# title: SageMaker notebook instances do not give users root access
# description: >-
#   The notebook instance has RootAccess set to Disabled, so its users work without root
#   on the instance. Root lets a user change the instance's packages, network settings and
#   lifecycle behaviour, and read anything the instance's credentials and volumes hold. When
#   the setting is absent from a recorded configuration it is judged as AWS's documented
#   default, Enabled (CreateNotebookInstance RootAccess; AWS Config and CloudFormation leave
#   defaults out), and fails.
# custom:
#   id: CAFAI-IP-02
#   capability: infrastructure-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that compute used for AI work be secured with
#     controls that security administrators manage centrally, not ones each user can undo.
#     Root on a notebook instance lets whoever uses it remove the hardening applied by
#     lifecycle configurations, install unvetted tooling next to training data and tamper
#     with the environment others rely on; without root, the instance stays as configured.
#   remediation:
#     console: >-
#       SageMaker console > Notebook instances > the instance > Stop. When it is stopped,
#       Edit > Permissions and encryption > Root access: Disable > Update notebook instance,
#       then start it again.
#     cli: >-
#       aws sagemaker stop-notebook-instance --notebook-instance-name NAME &&
#       aws sagemaker wait notebook-instance-stopped --notebook-instance-name NAME &&
#       aws sagemaker update-notebook-instance --notebook-instance-name NAME --root-access Disabled
#     terraform: |-
#       resource "aws_sagemaker_notebook_instance" "this" {
#         # ...
#         root_access = "Disabled"
#       }
#   references:
#     - id: CreateNotebookInstance RootAccess (default Enabled)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html#sagemaker-CreateNotebookInstance-request-RootAccess
package cafscan.controls.sagemaker_notebook_root_access_disabled

import data.cafscan.lib

recorded if count(lib.configuration) > 0

# Absent or null means the notebook was created without the setting: AWS's default, Enabled
# (see the CreateNotebookInstance reference in METADATA). Config's shape leaves defaults out.
stated if is_string(lib.configuration.RootAccess)

missing contains "the notebook instance's configuration is not in the inventory" if not recorded

violations contains concat("", ["Notebook instance ", lib.label, " gives its users root access."]) if {
	stated
	lower(lib.configuration.RootAccess) != "disabled"
}

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Notebook instance ", lib.label, " gives its users root access: RootAccess is not set, and AWS's default is Enabled."]) if {
	not stated
}
