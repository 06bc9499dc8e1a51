# METADATA
# title: SageMaker notebook instances do not give users root access
# description: >-
#   The notebook instance has RootAccess set to Disabled, so its users work without root
#   on the instance. Root lets a user change the instance's packages, network settings and
#   lifecycle behaviour, and read anything the instance's credentials and volumes hold.
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
#     - id: SageMaker.3
#       source: AWS Security Hub
#     - id: sagemaker_notebook_instance_root_access_disabled
#       source: Prowler
package cafscan.controls.sagemaker_notebook_root_access_disabled

import data.cafscan.lib

setting := lib.configuration.RootAccess

missing contains "the notebook instance's root access setting is not in the inventory" if not recorded

recorded if is_string(setting)

violations contains sprintf("Notebook instance %s gives its users root access.", [lib.label]) if {
	recorded
	setting != "Disabled"
}
