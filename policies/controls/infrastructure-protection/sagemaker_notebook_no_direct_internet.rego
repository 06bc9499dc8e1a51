# METADATA
# title: SageMaker notebook instances have direct internet access disabled
# description: >-
#   The notebook instance is created with DirectInternetAccess set to Disabled, so its only
#   network path is through the VPC it is attached to. With direct access enabled, SageMaker
#   gives the instance its own route to the internet that bypasses the VPC's security groups,
#   network ACLs, proxies and endpoint policies. When the setting is absent from a recorded
#   configuration it is judged as AWS's documented default, Enabled (CreateNotebookInstance
#   DirectInternetAccess; AWS Config and CloudFormation leave defaults out), and fails.
# custom:
#   id: CAFAI-IP-01
#   capability: infrastructure-protection
#   component: input
#   severity: high
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     The CAF-AI Infrastructure protection capability asks for network controls on the
#     systems that run AI workloads, for development environments used for sensitive work
#     such as model training to be isolated, and for calls leaving the model's VPC to go
#     through an explicit allow-list. A notebook with its own internet route sits outside
#     all of that: code, data and credentials on it can reach, and be reached from, any
#     address, so data scientists' work on training data escapes the network guardrails.
#   remediation:
#     console: >-
#       Direct internet access cannot be changed on an existing notebook instance. In the
#       SageMaker console > Notebook instances > Create notebook instance, under Network
#       choose a VPC, subnet and security groups and set "Direct internet access" to
#       Disable; give the subnet a NAT gateway or VPC endpoints for the services it needs.
#       Move the notebooks and data over, then stop and delete the old instance.
#     cli: >-
#       aws sagemaker create-notebook-instance --notebook-instance-name NAME
#       --instance-type ml.t3.medium --role-arn ROLE_ARN --subnet-id SUBNET_ID
#       --security-group-ids SG_ID --direct-internet-access Disabled
#     terraform: |-
#       resource "aws_sagemaker_notebook_instance" "this" {
#         name                   = "research"
#         instance_type          = "ml.t3.medium"
#         role_arn               = aws_iam_role.notebook.arn
#         subnet_id              = aws_subnet.private.id
#         security_groups        = [aws_security_group.notebook.id]
#         direct_internet_access = "Disabled"
#       }
#   references:
#     - id: CreateNotebookInstance DirectInternetAccess (default Enabled)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html#sagemaker-CreateNotebookInstance-request-DirectInternetAccess
package cafscan.controls.sagemaker_notebook_no_direct_internet

import data.cafscan.lib

recorded if count(lib.configuration) > 0

# Absent or null means the notebook was created without the setting: AWS's default, Enabled
# (see the CreateNotebookInstance reference in METADATA). Config's shape leaves defaults out.
stated if is_string(lib.configuration.DirectInternetAccess)

missing contains "the notebook instance's configuration is not in the inventory" if not recorded

violations contains concat("", ["Notebook instance ", lib.label, " has direct internet access enabled."]) if {
	stated
	lower(lib.configuration.DirectInternetAccess) != "disabled"
}

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Notebook instance ", lib.label, " has direct internet access enabled: DirectInternetAccess is not set, and AWS's default is Enabled."]) if {
	not stated
}
