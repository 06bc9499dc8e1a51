# METADATA
# title: SageMaker notebook instances accept only IMDSv2 for instance metadata
# description: >-
#   The notebook instance's InstanceMetadataServiceConfiguration has
#   MinimumInstanceMetadataServiceVersion "2", so the instance metadata service answers only
#   session-token (IMDSv2) requests. With version "1" it also answers plain GET requests, which a
#   server-side request forgery in notebook code or a library can use to read the instance's
#   execution-role credentials. When the setting is absent it is judged as AWS's documented
#   default for CreateNotebookInstance, IMDSv1 (both versions accepted), and fails.
# custom:
#   id: CAFAI-IP-31
#   capability: infrastructure-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the compute where people explore and prepare
#     training data be hardened against the common ways its credentials leak. A notebook runs
#     arbitrary code and third-party packages next to an execution role that can usually read the
#     training data; IMDSv1 hands that role's temporary credentials to any request that reaches
#     169.254.169.254, while IMDSv2's token handshake defeats the request-forgery and open-proxy
#     paths. Requiring version 2 closes that path without changing what the notebook can do.
#   remediation:
#     console: >-
#       SageMaker console > Notebook instances > the instance > Stop. When it is stopped,
#       Edit > Minimum IMDS version: Version 2 (notebook instance metadata service version 2) >
#       Update notebook instance, then start it again.
#     cli: >-
#       aws sagemaker stop-notebook-instance --notebook-instance-name NAME &&
#       aws sagemaker wait notebook-instance-stopped --notebook-instance-name NAME &&
#       aws sagemaker update-notebook-instance --notebook-instance-name NAME
#       --instance-metadata-service-configuration MinimumInstanceMetadataServiceVersion=2
#     terraform: |-
#       resource "aws_sagemaker_notebook_instance" "this" {
#         # ...
#         instance_metadata_service_configuration {
#           minimum_instance_metadata_service_version = "2"
#         }
#       }
#     cloudformation: |-
#       ResearchNotebook:
#         Type: AWS::SageMaker::NotebookInstance
#         Properties:
#           InstanceType: ml.t3.medium
#           RoleArn: !GetAtt NotebookRole.Arn
#           InstanceMetadataServiceConfiguration:
#             MinimumInstanceMetadataServiceVersion: "2"
#   references:
#     - id: InstanceMetadataServiceConfiguration (CreateNotebookInstance default IMDSv1)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InstanceMetadataServiceConfiguration.html
#     - id: Update the IMDS version of a notebook instance
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-imds.html
package cafscan.controls.sagemaker_notebook_imdsv2

import data.cafscan.lib

recorded if count(lib.configuration) > 0

imds := object.get(lib.configuration, "InstanceMetadataServiceConfiguration", null)

version := imds.MinimumInstanceMetadataServiceVersion if is_object(imds)

# The API and CloudFormation type it as a string ("1" | "2"); a number is read the same way.
version_text := version if is_string(version)

version_text := format_int(version, 10) if is_number(version)

stated if version_text

missing contains "the notebook instance's configuration is not in the inventory" if not recorded

violations contains concat("", ["Notebook instance ", lib.label, " accepts IMDSv1: MinimumInstanceMetadataServiceVersion is ", version_text, ", not 2."]) if {
	stated
	trim_space(version_text) != "2"
}

# Absent or null: the notebook was created without the setting, and AWS's default is IMDSv1
# (see the InstanceMetadataServiceConfiguration reference in METADATA). An empty configuration is
# reported by missing, which wins over violations.
violations contains concat("", ["Notebook instance ", lib.label, " accepts IMDSv1: MinimumInstanceMetadataServiceVersion is not set, and AWS's default is 1."]) if {
	not stated
}
