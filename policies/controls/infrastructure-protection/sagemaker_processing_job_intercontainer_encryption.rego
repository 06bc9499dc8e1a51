# METADATA
# title: SageMaker processing jobs on several instances encrypt the traffic between them
# description: >-
#   A processing job that runs on more than one instance has
#   NetworkConfig.EnableInterContainerTrafficEncryption set, so the data its instances exchange
#   (distributed processing such as Spark shuffles) travels encrypted. When NetworkConfig or the
#   setting is absent it is off, as in the CreateProcessingJob API (default false). A job known to
#   run on a single instance exchanges nothing between instances and is not checked; an
#   unencrypted job whose instance count is not in the inventory is not evaluated, since it may
#   be a single instance.
# custom:
#   id: CAFAI-IP-33
#   capability: infrastructure-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::SageMaker::ProcessingJob"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that traffic between the environments that handle
#     AI data be encrypted. A distributed processing job moves partitions of the raw data set
#     between its instances in the clear unless inter-container encryption is on; turning it on
#     keeps that data protected inside the VPC as well, at a small cost in job time.
#   remediation:
#     console: >-
#       Processing jobs cannot be changed once started: for the next run, set
#       NetworkConfig.EnableInterContainerTrafficEncryption to true in the job definition
#       (SageMaker Python SDK: network_config=NetworkConfig(encrypt_inter_container_traffic=True)
#       on the processor, or the pipeline's Processing step).
#     cli: >-
#       aws sagemaker create-processing-job --processing-job-name NAME --role-arn ROLE_ARN
#       --app-specification ImageUri=IMAGE_URI
#       --processing-resources 'ClusterConfig={InstanceCount=2,InstanceType=ml.m5.xlarge,VolumeSizeInGB=30}'
#       --network-config EnableInterContainerTrafficEncryption=true,EnableNetworkIsolation=true
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
#               AppSpecification    = { ImageUri = var.processing_image }
#               RoleArn             = aws_iam_role.processing.arn
#               ProcessingResources = { ClusterConfig = { InstanceCount = 2, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 } }
#               NetworkConfig       = { EnableInterContainerTrafficEncryption = true }
#               # ProcessingInputs, ProcessingOutputConfig, StoppingCondition ...
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
#                   "NetworkConfig": {"EnableInterContainerTrafficEncryption": true},
#                   "ProcessingResources": {"ClusterConfig": {"InstanceCount": 2, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30}},
#                   "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}}]}
#   references:
#     - id: NetworkConfig EnableInterContainerTrafficEncryption (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_NetworkConfig.html
#     - id: ProcessingClusterConfig InstanceCount
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html
package cafscan.controls.sagemaker_processing_job_intercontainer_encryption

import data.cafscan.lib

recorded if count(lib.configuration) > 0

network := object.get(lib.configuration, "NetworkConfig", null)

cluster := object.get(object.get(lib.configuration, "ProcessingResources", {}), "ClusterConfig", {})

# How many instances the job runs on; undefined when not recorded.
instance_count := cluster.InstanceCount if is_number(cluster.InstanceCount)

count_known if instance_count

# Nothing travels between instances when the job has exactly one.
out_of_scope if instance_count <= 1

encrypted if network.EnableInterContainerTrafficEncryption == true

encrypted if {
	is_string(network.EnableInterContainerTrafficEncryption)
	lower(network.EnableInterContainerTrafficEncryption) == "true"
}

missing contains "the processing job's configuration is not in the inventory" if not recorded

missing contains "the processing job's instance count is not in the inventory, so whether its instances exchange traffic is unknown" if {
	recorded
	not encrypted
	not count_known
}

# Jobs of one instance are out of scope and an unknown count is missing (which wins), so the job
# reaching this rule runs on several instances.
violations contains concat("", ["Processing job ", lib.label, " does not encrypt the traffic between its ", format_int(instance_count, 10), " instances."]) if {
	not encrypted
}
