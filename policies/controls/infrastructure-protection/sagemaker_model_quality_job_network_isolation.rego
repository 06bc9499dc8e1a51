# METADATA
# title: SageMaker model quality job definitions run with network isolation
# description: >-
#   The model quality monitoring job definition has NetworkConfig.EnableNetworkIsolation set, so
#   the container of every job it starts (the job joins an endpoint's captured predictions with ground-truth labels to measure accuracy and drift) gets no inbound or outbound network
#   access: SageMaker copies the inputs in and the reports out, but the analysis code cannot call
#   the internet, other AWS services or hosts in the VPC. When NetworkConfig or the setting is
#   absent it is off, as in the CreateModelQualityJobDefinition API (NetworkConfig is optional;
#   EnableNetworkIsolation defaults to false). Job definitions cannot be changed, so the setting
#   holds for every run of every schedule that uses the definition.
# custom:
#   id: CAFAI-IP-41
#   capability: infrastructure-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::ModelQualityJobDefinition"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the systems which handle a model's inputs and
#     outputs be isolated and kept off the open internet. A monitoring job reads captured
#     production requests and predictions — often the most sensitive data an AI workload holds —
#     and runs on every schedule tick; with network isolation, a compromised analysis container
#     or dependency cannot send that data out or pull a second stage in.
#   remediation:
#     console: >-
#       Job definitions cannot be changed: create a new one with network isolation on
#       (NetworkConfig.EnableNetworkIsolation = true; SageMaker Python SDK:
#       network_config=NetworkConfig(enable_network_isolation=True) on the monitor), point the
#       monitoring schedule at it (UpdateMonitoringSchedule, MonitoringJobDefinitionName) and
#       delete the old definition. Inputs and outputs still flow: SageMaker copies them.
#     cli: >-
#       aws sagemaker create-model-quality-job-definition --job-definition-name NAME --role-arn ROLE_ARN
#       --model-quality-app-specification ImageUri=MODEL_MONITOR_IMAGE_URI,ProblemType=BinaryClassification
#       --model-quality-job-input file://input.json --model-quality-job-output-config file://output.json
#       --job-resources 'ClusterConfig={InstanceCount=1,InstanceType=ml.m5.xlarge,VolumeSizeInGB=20}'
#       --network-config EnableNetworkIsolation=true,EnableInterContainerTrafficEncryption=true
#     terraform: |-
#       # The AWS provider has no resource for this type; the AWS Cloud Control provider does.
#       resource "awscc_sagemaker_model_quality_job_definition" "monitor" {
#         job_definition_name = "churn-model-quality"
#         role_arn            = aws_iam_role.monitor.arn
#         network_config = {
#           enable_network_isolation                 = true
#           enable_inter_container_traffic_encryption = true
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
#           JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 20 } }
#           NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true }
#   references:
#     - id: MonitoringNetworkConfig EnableNetworkIsolation (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html
#     - id: CreateModelQualityJobDefinition NetworkConfig (optional)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelQualityJobDefinition.html
package cafscan.controls.sagemaker_model_quality_job_network_isolation

import data.cafscan.lib.sagemaker_monitoring_jobs as jobs

noun := "Model quality job definition"

missing := jobs.definition_missing

# Absent NetworkConfig or flag is the API default, false.
violations := jobs.isolation_violations(noun)
