# METADATA
# title: SageMaker training jobs run in a VPC
# description: >-
#   The training job has a VpcConfig with at least one subnet, so its instances are attached
#   to the account's VPC and reach S3, other AWS services and the internet only as that VPC's
#   security groups, route tables, VPC endpoints (and their policies) allow, with flow logs
#   recording what they did. Without it the job runs in a network SageMaker manages.
#   VpcConfig has no default (CreateTrainingJob): a recorded job without it fails.
# custom:
#   id: CAFAI-IP-09
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::TrainingJob"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for network, compute and storage security controls
#     on the infrastructure that runs AI workloads, for model training environments to be
#     isolated, and for an explicit allow-list of calls leaving a model's own VPC. Running the
#     training job inside the account's VPC is what lets security groups and VPC endpoint
#     policies express that allow-list for the job that handles the raw training data.
#   remediation:
#     console: >-
#       Training jobs cannot be changed once started: for the next run, in SageMaker AI >
#       Training jobs > Create training job, open "Network", choose a VPC, private subnets and
#       security groups (SDK: subnets=[...] and security_group_ids=[...] on the estimator).
#       Give the VPC an S3 gateway endpoint (and interface endpoints for other services the
#       job calls) so that it does not need a route to the internet.
#     cli: >-
#       aws sagemaker create-training-job --training-job-name NAME --role-arn ROLE_ARN
#       --algorithm-specification TrainingImage=IMAGE_URI,TrainingInputMode=File
#       --input-data-config file://channels.json --output-data-config S3OutputPath=s3://BUCKET/output
#       --resource-config InstanceType=ml.m5.xlarge,InstanceCount=1,VolumeSizeInGB=50
#       --stopping-condition MaxRuntimeInSeconds=86400
#       --vpc-config SecurityGroupIds=SG_ID,Subnets=SUBNET_ID_1,SUBNET_ID_2
#     terraform: |-
#       # Training jobs run from a SageMaker pipeline: the Training step's Arguments are the
#       # CreateTrainingJob request.
#       resource "aws_sagemaker_pipeline" "train" {
#         pipeline_name         = "train"
#         pipeline_display_name = "train"
#         role_arn              = aws_iam_role.pipeline.arn
#         pipeline_definition = jsonencode({
#           Version = "2020-12-01"
#           Steps = [{
#             Name = "Train"
#             Type = "Training"
#             Arguments = {
#               AlgorithmSpecification = { TrainingImage = var.training_image, TrainingInputMode = "File" }
#               RoleArn                = aws_iam_role.training.arn
#               VpcConfig = {
#                 SecurityGroupIds = [aws_security_group.training.id]
#                 Subnets          = aws_subnet.private[*].id
#               }
#               # InputDataConfig, OutputDataConfig, ResourceConfig, StoppingCondition ...
#             }
#           }]
#         })
#       }
#   references:
#     - id: CreateTrainingJob VpcConfig (no default, SageMaker-managed network)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html#sagemaker-CreateTrainingJob-request-VpcConfig
package cafscan.controls.sagemaker_training_job_vpc

import data.cafscan.lib

recorded if count(lib.configuration) > 0

missing contains "the training job's configuration is not in the inventory" if not recorded

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Training job ", lib.label, " does not run in a VPC: it has no VpcConfig subnets."]) if {
	not in_vpc
}

in_vpc if {
	some subnet in lib.as_array(lib.configuration.VpcConfig.Subnets)
	is_string(subnet)
	subnet != ""
}
