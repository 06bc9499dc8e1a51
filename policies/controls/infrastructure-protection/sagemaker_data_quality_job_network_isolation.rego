# METADATA
# title: SageMaker data quality job definitions run with network isolation
# description: >-
#   The data quality monitoring job definition has NetworkConfig.EnableNetworkIsolation set, so
#   the container of every job it starts (the job compares the inference requests an endpoint receives (or a batch transform job captures) with the baseline statistics of the training data) gets no inbound or outbound network
#   access: SageMaker copies the inputs in and the reports out, but the analysis code cannot call
#   the internet, other AWS services or hosts in the VPC. When NetworkConfig or the setting is
#   absent it is off, as in the CreateDataQualityJobDefinition API (NetworkConfig is optional;
#   EnableNetworkIsolation defaults to false). Job definitions cannot be changed, so the setting
#   holds for every run of every schedule that uses the definition.
# custom:
#   id: CAFAI-IP-40
#   capability: infrastructure-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::DataQualityJobDefinition"]
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
#       aws sagemaker create-data-quality-job-definition --job-definition-name NAME --role-arn ROLE_ARN
#       --data-quality-app-specification ImageUri=MODEL_MONITOR_IMAGE_URI
#       --data-quality-job-input file://input.json --data-quality-job-output-config file://output.json
#       --job-resources 'ClusterConfig={InstanceCount=1,InstanceType=ml.m5.xlarge,VolumeSizeInGB=20}'
#       --network-config EnableNetworkIsolation=true,EnableInterContainerTrafficEncryption=true
#     terraform: |-
#       resource "aws_sagemaker_data_quality_job_definition" "monitor" {
#         name     = "churn-data-quality"
#         role_arn = aws_iam_role.monitor.arn
#         network_config {
#           enable_network_isolation                 = true
#           enable_inter_container_traffic_encryption = true
#         }
#         # data_quality_app_specification, data_quality_job_input, data_quality_job_output_config,
#         # job_resources { cluster_config { ... } } ...
#       }
#     cloudformation: |-
#       Monitor:
#         Type: AWS::SageMaker::DataQualityJobDefinition
#         Properties:
#           RoleArn: !GetAtt MonitorRole.Arn
#           DataQualityAppSpecification: { ImageUri: MODEL_MONITOR_IMAGE_URI }
#           DataQualityJobInput: { EndpointInput: { EndpointName: !Ref EndpointName, LocalPath: /opt/ml/processing/input } }
#           DataQualityJobOutputConfig:
#             MonitoringOutputs: [{ S3Output: { S3Uri: !Sub "s3://${MonitoringBucket}/reports", LocalPath: /opt/ml/processing/output } }]
#           JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 20 } }
#           NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true }
#   references:
#     - id: MonitoringNetworkConfig EnableNetworkIsolation (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html
#     - id: CreateDataQualityJobDefinition NetworkConfig (optional)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDataQualityJobDefinition.html
package cafscan.controls.sagemaker_data_quality_job_network_isolation

import data.cafscan.lib.sagemaker_monitoring_jobs as jobs

noun := "Data quality job definition"

missing := jobs.definition_missing

# Absent NetworkConfig or flag is the API default, false.
violations := jobs.isolation_violations(noun)
