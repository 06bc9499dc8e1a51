# METADATA
# title: SageMaker training jobs run with network isolation
# description: >-
#   The training job has EnableNetworkIsolation set, so its algorithm containers get no
#   outbound network access: SageMaker copies the input data in and the model artifacts out,
#   but the training code itself cannot call the internet, other AWS services or hosts in the
#   VPC. When the setting is absent it is off, as in the CreateTrainingJob API.
# custom:
#   id: CAFAI-IP-07
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::TrainingJob"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that environments used for sensitive tasks such as
#     model training be isolated, and that calls made from outside a model's own VPC be held
#     to an explicit allow-list. Network isolation is the tightest version of both for a
#     training job: third-party training code, a compromised dependency pulled into the
#     image or a poisoned script cannot send the training data out or fetch a second stage,
#     because the container has no network at all.
#   remediation:
#     console: >-
#       Training jobs cannot be changed once started: for the next run, in SageMaker AI >
#       Training jobs > Create training job, open "Network" and check "Enable network
#       isolation" (SDK: enable_network_isolation=True on the estimator). Make sure the
#       training code does not need network access (packages baked into the image, data in
#       the input channels).
#     cli: >-
#       aws sagemaker create-training-job --training-job-name NAME --role-arn ROLE_ARN
#       --algorithm-specification TrainingImage=IMAGE_URI,TrainingInputMode=File
#       --input-data-config file://channels.json --output-data-config S3OutputPath=s3://BUCKET/output
#       --resource-config InstanceType=ml.m5.xlarge,InstanceCount=1,VolumeSizeInGB=50
#       --stopping-condition MaxRuntimeInSeconds=86400 --enable-network-isolation
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
#               EnableNetworkIsolation = true
#               # InputDataConfig, OutputDataConfig, ResourceConfig, StoppingCondition ...
#             }
#           }]
#         })
#       }
#   references:
#     - id: CreateTrainingJob EnableNetworkIsolation (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html#sagemaker-CreateTrainingJob-request-EnableNetworkIsolation
package cafscan.controls.sagemaker_training_job_network_isolation

import data.cafscan.lib

recorded if count(lib.configuration) > 0

missing contains "the training job's configuration is not in the inventory" if not recorded

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Training job ", lib.label, " does not have network isolation enabled."]) if {
	not isolated
}

isolated if lib.configuration.EnableNetworkIsolation == true

isolated if {
	is_string(lib.configuration.EnableNetworkIsolation)
	lower(lib.configuration.EnableNetworkIsolation) == "true"
}
