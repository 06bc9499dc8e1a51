# METADATA
# title: SageMaker monitoring schedules on several instances encrypt the traffic between them
# description: >-
#   The job a Model Monitor schedule starts, when it runs on more than one instance, has
#   NetworkConfig.EnableInterContainerTrafficEncryption set. Both settings are read where the
#   schedule takes its job from: the inline job definition (MonitoringResources.ClusterConfig,
#   NetworkConfig) or the data quality, model quality, model bias or model explainability job
#   definition it names (JobResources.ClusterConfig, NetworkConfig; looked up by name and
#   MonitoringType in the schedule's account and region). Absent NetworkConfig or flag is off,
#   the API default. A schedule whose job runs on one instance exchanges nothing between
#   instances and is not checked; an unencrypted job of unknown instance count, and a named
#   definition that is not in the inventory, leave the schedule not evaluated.
# custom:
#   id: CAFAI-IP-49
#   capability: infrastructure-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::MonitoringSchedule"]
#   related_resource_types: ["AWS::SageMaker::DataQualityJobDefinition", "AWS::SageMaker::ModelQualityJobDefinition", "AWS::SageMaker::ModelBiasJobDefinition", "AWS::SageMaker::ModelExplainabilityJobDefinition", "AWS::::Account"]
#   related_fields:
#     "AWS::SageMaker::DataQualityJobDefinition": [configuration, collectionErrors]
#     "AWS::SageMaker::ModelQualityJobDefinition": [configuration, collectionErrors]
#     "AWS::SageMaker::ModelBiasJobDefinition": [configuration, collectionErrors]
#     "AWS::SageMaker::ModelExplainabilityJobDefinition": [configuration, collectionErrors]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that traffic between the environments that handle
#     AI data be encrypted. A distributed monitoring job splits captured production data across
#     its instances, in the clear unless inter-container encryption is on. The check follows the
#     schedule to the definition it actually runs (a check of the inline definition only never
#     sees named definitions, the only kind model quality, bias and explainability schedules
#     use), and judges jobs of several instances only, as the job-definition checks do:
#     encryption has nothing to protect on one instance.
#   remediation:
#     console: >-
#       For a schedule that names a job definition: create a new definition with
#       NetworkConfig.EnableInterContainerTrafficEncryption = true and point the schedule at it
#       (UpdateMonitoringSchedule, MonitoringScheduleConfig.MonitoringJobDefinitionName). For an
#       inline job definition: update the schedule with the same job and the flag set
#       (SageMaker Python SDK: network_config=NetworkConfig(encrypt_inter_container_traffic=True)).
#     cli: >-
#       aws sagemaker update-monitoring-schedule --monitoring-schedule-name NAME
#       --monitoring-schedule-config '{"ScheduleConfig": {"ScheduleExpression": "cron(0 * ? * * *)"},
#       "MonitoringJobDefinitionName": "ENCRYPTED_DEFINITION_NAME", "MonitoringType": "ModelQuality"}'
#     terraform: |-
#       resource "aws_sagemaker_data_quality_job_definition" "encrypted" {
#         name     = "churn-data-quality-encrypted"
#         role_arn = aws_iam_role.monitor.arn
#         network_config {
#           enable_inter_container_traffic_encryption = true
#           enable_network_isolation                 = true
#         }
#         job_resources {
#           cluster_config {
#             instance_count    = 2
#             instance_type     = "ml.m5.xlarge"
#             volume_size_in_gb = 20
#           }
#         }
#         # data_quality_app_specification, data_quality_job_input, data_quality_job_output_config ...
#       }
#       resource "aws_sagemaker_monitoring_schedule" "churn" {
#         name = "churn-data-quality"
#         monitoring_schedule_config {
#           monitoring_job_definition_name = aws_sagemaker_data_quality_job_definition.encrypted.name
#           monitoring_type                = "DataQuality"
#           schedule_config { schedule_expression = "cron(0 * ? * * *)" }
#         }
#       }
#     cloudformation: |-
#       ChurnSchedule:
#         Type: AWS::SageMaker::MonitoringSchedule
#         Properties:
#           MonitoringScheduleName: churn-data-quality
#           MonitoringScheduleConfig:
#             ScheduleConfig: { ScheduleExpression: "cron(0 * ? * * *)" }
#             MonitoringJobDefinitionName: !GetAtt EncryptedDataQualityDefinition.JobDefinitionName
#             MonitoringType: DataQuality
#       # EncryptedDataQualityDefinition: AWS::SageMaker::DataQualityJobDefinition with
#       # NetworkConfig: { EnableInterContainerTrafficEncryption: true, EnableNetworkIsolation: true }
#   references:
#     - id: MonitoringScheduleConfig (inline job definition or a named one)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringScheduleConfig.html
#     - id: MonitoringNetworkConfig EnableInterContainerTrafficEncryption (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html
package cafscan.controls.sagemaker_monitoring_schedule_intercontainer_encryption

import data.cafscan.lib.sagemaker_monitoring_jobs as jobs

# Nothing travels between instances when every job of the schedule has exactly one.
out_of_scope if jobs.schedule_single_instance

missing := jobs.schedule_missing | jobs.schedule_encryption_missing

violations := jobs.schedule_encryption_violations
