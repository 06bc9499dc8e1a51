# METADATA
# title: SageMaker model quality job definitions on several instances encrypt the traffic between them
# description: >-
#   A model quality monitoring job definition whose jobs run on more than one instance
#   (JobResources.ClusterConfig.InstanceCount of 2 or more) has
#   NetworkConfig.EnableInterContainerTrafficEncryption set, so the captured data its instances
#   exchange travels encrypted. When NetworkConfig or the setting is absent it is off, as in the
#   CreateModelQualityJobDefinition API (default false). A definition of one instance exchanges nothing
#   between instances and is not checked; an unencrypted definition whose instance count is not
#   in the inventory is not evaluated, since it may be a single instance.
# custom:
#   id: CAFAI-IP-46
#   capability: infrastructure-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::ModelQualityJobDefinition"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that traffic between the environments that handle
#     AI data be encrypted. A distributed monitoring job (the job joins an endpoint's captured predictions with ground-truth labels to measure accuracy and drift) splits captured
#     production data across its instances, in the clear unless inter-container encryption is on;
#     turning it on keeps that data protected inside the VPC too, at a small cost in job time.
#     Only jobs of several instances are judged: encryption has nothing to protect on one.
#   remediation:
#     console: >-
#       Job definitions cannot be changed: create a new one with
#       NetworkConfig.EnableInterContainerTrafficEncryption = true (SageMaker Python SDK:
#       network_config=NetworkConfig(encrypt_inter_container_traffic=True) on the monitor), point
#       the monitoring schedule at it (UpdateMonitoringSchedule, MonitoringJobDefinitionName) and
#       delete the old definition.
#     cli: >-
#       aws sagemaker create-model-quality-job-definition --job-definition-name NAME --role-arn ROLE_ARN
#       --model-quality-app-specification ImageUri=MODEL_MONITOR_IMAGE_URI,ProblemType=BinaryClassification
#       --model-quality-job-input file://input.json --model-quality-job-output-config file://output.json
#       --job-resources 'ClusterConfig={InstanceCount=2,InstanceType=ml.m5.xlarge,VolumeSizeInGB=20}'
#       --network-config EnableInterContainerTrafficEncryption=true,EnableNetworkIsolation=true
#     terraform: |-
#       # The AWS provider has no resource for this type; the AWS Cloud Control provider does.
#       resource "awscc_sagemaker_model_quality_job_definition" "monitor" {
#         job_definition_name = "churn-model-quality"
#         role_arn            = aws_iam_role.monitor.arn
#         network_config = {
#           enable_inter_container_traffic_encryption = true
#           enable_network_isolation                 = true
#         }
#         # model_quality_app_specification, model_quality_job_input, model_quality_job_output_config, job_resources ...
#       }
#     cloudformation: |-
#       Monitor:
#         Type: AWS::SageMaker::ModelQualityJobDefinition
#         Properties:
#           RoleArn: !GetAtt MonitorRole.Arn
#           ModelQualityAppSpecification: { ImageUri: MODEL_MONITOR_IMAGE_URI, ProblemType: BinaryClassification }
#           ModelQualityJobInput: { EndpointInput: { EndpointName: !Ref EndpointName, LocalPath: /opt/ml/processing/input }, GroundTruthS3Input: { S3Uri: !Sub "s3://${LabelsBucket}/ground-truth" } }
#           ModelQualityJobOutputConfig:
#             MonitoringOutputs: [{ S3Output: { S3Uri: !Sub "s3://${MonitoringBucket}/reports", LocalPath: /opt/ml/processing/output } }]
#           JobResources: { ClusterConfig: { InstanceCount: 2, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 20 } }
#           NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true }
#   references:
#     - id: MonitoringNetworkConfig EnableInterContainerTrafficEncryption (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html
#     - id: MonitoringClusterConfig InstanceCount
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringClusterConfig.html
package cafscan.controls.sagemaker_model_quality_job_intercontainer_encryption

import data.cafscan.lib.sagemaker_monitoring_jobs as jobs

noun := "Model quality job definition"

# Nothing travels between instances when the job has exactly one.
out_of_scope if jobs.definition_single_instance

missing := jobs.definition_encryption_missing

violations := jobs.encryption_violations(noun)
