# METADATA
# title: SageMaker processing jobs run with network isolation
# description: >-
#   The processing job has NetworkConfig.EnableNetworkIsolation set, so its containers get no
#   inbound or outbound network access: SageMaker copies the inputs in and the outputs out, but
#   the processing code itself cannot call the internet, other AWS services or hosts in the VPC.
#   When NetworkConfig or the setting is absent it is off, as in the CreateProcessingJob API
#   (NetworkConfig is optional; EnableNetworkIsolation defaults to false).
# custom:
#   id: CAFAI-IP-32
#   capability: infrastructure-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::ProcessingJob"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the systems which handle input data be isolated
#     and kept off the open internet. Processing jobs are where raw data is cleaned, joined and
#     turned into features, often with third-party scripts and packages; with network isolation
#     a compromised dependency or a poisoned script cannot send the data out or pull a second
#     stage in, because the container has no network at all.
#   remediation:
#     console: >-
#       Processing jobs cannot be changed once started: for the next run, set
#       NetworkConfig.EnableNetworkIsolation to true in the job definition (SageMaker Python SDK:
#       network_config=NetworkConfig(enable_network_isolation=True) on the processor, or the
#       pipeline's Processing step). Bake packages into the image and pass data as processing
#       inputs, since the code can no longer download them.
#     cli: >-
#       aws sagemaker create-processing-job --processing-job-name NAME --role-arn ROLE_ARN
#       --app-specification ImageUri=IMAGE_URI
#       --processing-resources 'ClusterConfig={InstanceCount=1,InstanceType=ml.m5.xlarge,VolumeSizeInGB=30}'
#       --network-config EnableNetworkIsolation=true,EnableInterContainerTrafficEncryption=true
#       --stopping-condition MaxRuntimeInSeconds=3600
#     terraform: |-
#       # Processing jobs run from a SageMaker pipeline: the Processing step's Arguments are the
#       # CreateProcessingJob request.
#       resource "aws_sagemaker_pipeline" "prep" {
#         pipeline_name         = "prep"
#         pipeline_display_name = "prep"
#         role_arn              = aws_iam_role.pipeline.arn
#         pipeline_definition = jsonencode({
#           Version = "2020-12-01"
#           Steps = [{
#             Name = "Prepare"
#             Type = "Processing"
#             Arguments = {
#               AppSpecification = { ImageUri = var.processing_image }
#               RoleArn          = aws_iam_role.processing.arn
#               NetworkConfig    = { EnableNetworkIsolation = true, EnableInterContainerTrafficEncryption = true }
#               # ProcessingResources, ProcessingInputs, ProcessingOutputConfig, StoppingCondition ...
#             }
#           }]
#         })
#       }
#     cloudformation: |-
#       PrepPipeline:
#         Type: AWS::SageMaker::Pipeline
#         Properties:
#           PipelineName: prep
#           RoleArn: !GetAtt PipelineRole.Arn
#           PipelineDefinition:
#             PipelineDefinitionBody: !Sub |
#               {"Version": "2020-12-01", "Steps": [{"Name": "Prepare", "Type": "Processing",
#                 "Arguments": {"AppSpecification": {"ImageUri": "${ProcessingImage}"},
#                   "RoleArn": "${ProcessingRole.Arn}",
#                   "NetworkConfig": {"EnableNetworkIsolation": true, "EnableInterContainerTrafficEncryption": true},
#                   "ProcessingResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30}},
#                   "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}}]}
#   references:
#     - id: NetworkConfig EnableNetworkIsolation (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_NetworkConfig.html
#     - id: CreateProcessingJob NetworkConfig (optional)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateProcessingJob.html#sagemaker-CreateProcessingJob-request-NetworkConfig
package cafscan.controls.sagemaker_processing_job_network_isolation

import data.cafscan.lib

recorded if count(lib.configuration) > 0

network := object.get(lib.configuration, "NetworkConfig", null)

isolated if network.EnableNetworkIsolation == true

isolated if {
	is_string(network.EnableNetworkIsolation)
	lower(network.EnableNetworkIsolation) == "true"
}

missing contains "the processing job's configuration is not in the inventory" if not recorded

# Absent NetworkConfig or flag is the API default, false. An empty configuration is reported by
# missing, which wins over violations.
violations contains concat("", ["Processing job ", lib.label, " does not have network isolation enabled."]) if {
	not isolated
}
