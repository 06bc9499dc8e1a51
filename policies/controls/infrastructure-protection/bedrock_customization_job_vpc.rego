# METADATA
# title: Bedrock model customization jobs run in a VPC
# description: >-
#   The model customization job (fine-tuning, continued pre-training or distillation) records a
#   VPC configuration with at least one subnet (vpcConfig.subnetIds), so Amazon Bedrock reads
#   the training and validation data through the account's VPC, where S3 gateway endpoint
#   policies, security groups and flow logs apply. GetModelCustomizationJob leaves vpcConfig out
#   for a job created without one, so an absent configuration is "not in a VPC", not an
#   unknown. Jobs created in the 90 days before the scan are collected, by live collection;
#   AWS Config input carries no customization jobs, so there the control has nothing to judge.
# custom:
#   id: CAFAI-IP-72
#   capability: infrastructure-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::Bedrock::ModelCustomizationJob"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the systems AI is built on be isolated and
#     reachable only through paths the organisation controls. A customization job pulls the
#     training data set, often the most sensitive data an AI project holds, out of S3; in a VPC
#     that read goes through the account's own network, where an S3 endpoint policy can limit
#     it to the training buckets and flow logs record it, and the data-perimeter conditions on
#     the bucket (aws:SourceVpc, aws:SourceVpce) can refuse every other path. Without a VPC the
#     job reads over Bedrock's own network and none of those controls apply.
#   remediation:
#     console: >-
#       A job's VPC cannot be changed. Amazon Bedrock console > Custom models > Customize model:
#       run the job again and under VPC settings choose the VPC, private subnets and a security
#       group; give the VPC an S3 gateway endpoint whose policy allows the training buckets,
#       and the job's service role the ec2 network-interface permissions Bedrock needs.
#     cli: >-
#       aws bedrock create-model-customization-job --job-name NAME-vpc --custom-model-name
#       NAME-vpc --role-arn ROLE_ARN --base-model-identifier BASE_MODEL_ID
#       --training-data-config s3Uri=s3://BUCKET/train.jsonl --output-data-config
#       s3Uri=s3://BUCKET/output/ --hyper-parameters epochCount=2
#       --vpc-config subnetIds=SUBNET_ID_1,SUBNET_ID_2,securityGroupIds=SG_ID
#       --custom-model-kms-key-id KEY_ARN
#     terraform: |-
#       resource "aws_bedrock_custom_model" "this" {
#         custom_model_name       = "fraud-titan"
#         job_name                = "fraud-titan-ft-vpc"
#         base_model_identifier   = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
#         role_arn                = aws_iam_role.customization.arn
#         custom_model_kms_key_id = aws_kms_key.models.arn
#         hyperparameters         = { epochCount = "2" }
#         training_data_config {
#           s3_uri = "s3://${aws_s3_bucket.training.id}/train.jsonl"
#         }
#         output_data_config {
#           s3_uri = "s3://${aws_s3_bucket.training.id}/output/"
#         }
#         vpc_config {
#           subnet_ids         = aws_subnet.private[*].id
#           security_group_ids = [aws_security_group.customization.id]
#         }
#       }
#   references:
#     - id: Protect model customization jobs using a VPC
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-job-access-security.html#vpc-model-customization
#     - id: GetModelCustomizationJob response, vpcConfig
#       source: Amazon Bedrock API Reference
#       url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetModelCustomizationJob.html
package cafscan.controls.bedrock_customization_job_vpc

import data.cafscan.lib
import data.cafscan.lib.bedrock

in_vpc if {
	some subnet in bedrock.list(bedrock.field(bedrock.field(lib.configuration, "vpcConfig"), "subnetIds"))
	is_string(subnet)
	subnet != ""
}

missing contains bedrock.configuration_missing if not bedrock.known

# An unrecorded configuration is reported by missing, which wins over violations.
violations contains concat("", ["Model customization job ", lib.label, " does not run in a VPC: it has no vpcConfig subnets."]) if {
	not in_vpc
}
