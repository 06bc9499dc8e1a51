# METADATA
# title: SageMaker notebook instances run in a VPC
# description: >-
#   The notebook instance is attached to a subnet of one of the account's VPCs (SubnetId is
#   set), so its traffic is subject to the account's security groups, route tables, network
#   ACLs, VPC endpoints and flow logs. Without a subnet it runs in a network SageMaker
#   manages, where none of these apply. SubnetId has no default (CreateNotebookInstance): a
#   recorded configuration without it is a notebook created outside any VPC, and fails.
# custom:
#   id: CAFAI-IP-03
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for network security controls on the systems
#     that run AI workloads and for environments used for sensitive work such as model
#     training to be isolated. Placing notebook instances in the account's own VPC is what
#     makes those controls possible: security groups and endpoint policies can then limit
#     which data stores and services the notebook reaches, and flow logs record what it did.
#   remediation:
#     console: >-
#       The network of an existing notebook instance cannot be changed. In the SageMaker
#       console > Notebook instances > Create notebook instance, under Network choose a VPC,
#       a private subnet and security groups (and disable direct internet access); move the
#       work over, then stop and delete the old instance.
#     cli: >-
#       aws sagemaker create-notebook-instance --notebook-instance-name NAME
#       --instance-type ml.t3.medium --role-arn ROLE_ARN --subnet-id SUBNET_ID
#       --security-group-ids SG_ID --direct-internet-access Disabled
#     terraform: |-
#       resource "aws_sagemaker_notebook_instance" "this" {
#         # ...
#         subnet_id       = aws_subnet.private.id
#         security_groups = [aws_security_group.notebook.id]
#       }
#   references:
#     - id: CreateNotebookInstance SubnetId (no default, SageMaker-managed network)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html#sagemaker-CreateNotebookInstance-request-SubnetId
package cafscan.controls.sagemaker_notebook_in_vpc

import data.cafscan.lib

missing contains "the notebook instance's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Notebook instance ", lib.label, " is not attached to a subnet of a VPC."]) if {
	not in_vpc
}

in_vpc if {
	subnet := lib.configuration.SubnetId
	is_string(subnet)
	subnet != ""
}
