# METADATA
# title: Distributed SageMaker training jobs encrypt traffic between their instances
# description: >-
#   A training job that runs on more than one instance has EnableInterContainerTrafficEncryption
#   set, so the data, gradients and parameters its instances exchange during distributed
#   training travel encrypted. When the setting is absent it is off, as in the
#   CreateTrainingJob API (default false). A job known to run on a single instance exchanges
#   nothing between instances and is not checked; an unencrypted job whose instance count is not
#   in the inventory is not evaluated, since it may be a single instance. A null InstanceGroups
#   is read as absent (ResourceConfig.InstanceCount then counts).
# custom:
#   id: CAFAI-IP-08
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::TrainingJob"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection notes that models are spread over several environments,
#     networks and servers, and asks that the communication between them be protected with
#     encryption in transit. In distributed training the training data and the model being
#     built move between instances on every step; without inter-container traffic encryption
#     that exchange is readable by anything able to observe the training network.
#   remediation:
#     console: >-
#       Training jobs cannot be changed once started: for the next run, in SageMaker AI >
#       Training jobs > Create training job, open "Network" and check "Enable inter-container
#       traffic encryption" (SDK: encrypt_inter_container_traffic=True on the estimator). Expect
#       somewhat longer training time on communication-heavy algorithms.
#     cli: >-
#       aws sagemaker create-training-job --training-job-name NAME --role-arn ROLE_ARN
#       --algorithm-specification TrainingImage=IMAGE_URI,TrainingInputMode=File
#       --input-data-config file://channels.json --output-data-config S3OutputPath=s3://BUCKET/output
#       --resource-config InstanceType=ml.p4d.24xlarge,InstanceCount=4,VolumeSizeInGB=200
#       --stopping-condition MaxRuntimeInSeconds=86400 --enable-inter-container-traffic-encryption
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
#               AlgorithmSpecification               = { TrainingImage = var.training_image, TrainingInputMode = "File" }
#               RoleArn                              = aws_iam_role.training.arn
#               ResourceConfig                       = { InstanceType = "ml.p4d.24xlarge", InstanceCount = 4, VolumeSizeInGB = 200 }
#               EnableInterContainerTrafficEncryption = true
#               # InputDataConfig, OutputDataConfig, StoppingCondition ...
#             }
#           }]
#         })
#       }
#   references:
#     - id: CreateTrainingJob EnableInterContainerTrafficEncryption (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html#sagemaker-CreateTrainingJob-request-EnableInterContainerTrafficEncryption
package cafscan.controls.sagemaker_training_job_intercontainer_encryption

import data.cafscan.lib

recorded if count(lib.configuration) > 0

resource_config := object.get(lib.configuration, "ResourceConfig", {})

# InstanceGroups absent or recorded as null is no groups (count(null) would be undefined and
# hide InstanceCount); a value of any other shape than a list leaves the count unknown.
groups := g if {
	g := object.get(resource_config, "InstanceGroups", null)
	is_array(g)
} else := [] if {
	object.get(resource_config, "InstanceGroups", null) == null
}

# How many instances the job runs on (heterogeneous clusters list them in InstanceGroups);
# undefined when any count is not recorded.
instance_count := resource_config.InstanceCount if {
	count(groups) == 0
	is_number(resource_config.InstanceCount)
} else := sum([group.InstanceCount | some group in groups]) if {
	count(groups) > 0
	every group in groups {
		is_number(group.InstanceCount)
	}
}

count_known if instance_count

# Nothing travels between instances when the job has exactly one.
out_of_scope if instance_count <= 1

missing contains "the training job's configuration is not in the inventory" if not recorded

missing contains "the training job's instance count is not in the inventory, so whether its instances exchange traffic is unknown" if {
	recorded
	not encrypted
	not count_known
}

# Jobs of one instance are out of scope and an unknown count is missing (which wins), so the
# job reaching this rule runs on several instances.
violations contains concat("", ["Training job ", lib.label, " does not encrypt the traffic between its training instances."]) if {
	not encrypted
}

encrypted if lib.configuration.EnableInterContainerTrafficEncryption == true

encrypted if {
	is_string(lib.configuration.EnableInterContainerTrafficEncryption)
	lower(lib.configuration.EnableInterContainerTrafficEncryption) == "true"
}
