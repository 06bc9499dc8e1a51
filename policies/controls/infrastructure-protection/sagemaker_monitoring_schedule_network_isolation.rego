# METADATA
# title: SageMaker monitoring schedules run their jobs with network isolation
# description: >-
#   The job a Model Monitor schedule starts on every tick runs with
#   NetworkConfig.EnableNetworkIsolation set, so its container gets no inbound or outbound network
#   access. The setting is read where the schedule takes its job from: the inline job definition
#   (MonitoringScheduleConfig.MonitoringJobDefinition) or the data quality, model quality, model
#   bias or model explainability job definition it names (MonitoringJobDefinitionName, looked up
#   by name and MonitoringType in the schedule's account and region). Absent NetworkConfig or
#   flag is off, the API default (NetworkConfig is optional; EnableNetworkIsolation defaults to
#   false). A named definition that is not in the inventory (not collected, collection denied, or
#   AWS Config does not record it there) leaves the schedule not evaluated.
# custom:
#   id: CAFAI-IP-44
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
#     CAF-AI Infrastructure protection asks that the systems which handle a model's inputs and
#     outputs be isolated and kept off the open internet. A schedule turns a job definition into
#     a recurring job over captured production traffic. The check follows the schedule to the
#     definition it actually runs: a check of the inline definition only (the managed rule
#     behind the usual posture check reads MonitoringScheduleConfig.MonitoringJobDefinition)
#     never sees the named definitions that the SageMaker Python SDK and every model quality,
#     bias and explainability schedule use, and would leave those schedules unjudged.
#   remediation:
#     console: >-
#       For a schedule that names a job definition: create a new definition with
#       NetworkConfig.EnableNetworkIsolation = true and point the schedule at it
#       (UpdateMonitoringSchedule, MonitoringScheduleConfig.MonitoringJobDefinitionName). For an
#       inline job definition: update the schedule with the same job and
#       NetworkConfig.EnableNetworkIsolation = true (SageMaker Python SDK:
#       network_config=NetworkConfig(enable_network_isolation=True) on the model monitor).
#     cli: >-
#       aws sagemaker update-monitoring-schedule --monitoring-schedule-name NAME
#       --monitoring-schedule-config '{"ScheduleConfig": {"ScheduleExpression": "cron(0 * ? * * *)"},
#       "MonitoringJobDefinitionName": "ISOLATED_DEFINITION_NAME", "MonitoringType": "DataQuality"}'
#     terraform: |-
#       resource "aws_sagemaker_data_quality_job_definition" "isolated" {
#         name     = "churn-data-quality-isolated"
#         role_arn = aws_iam_role.monitor.arn
#         network_config {
#           enable_network_isolation                 = true
#           enable_inter_container_traffic_encryption = true
#         }
#         # data_quality_app_specification, data_quality_job_input, job_resources ...
#       }
#       resource "aws_sagemaker_monitoring_schedule" "churn" {
#         name = "churn-data-quality"
#         monitoring_schedule_config {
#           monitoring_job_definition_name = aws_sagemaker_data_quality_job_definition.isolated.name
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
#             MonitoringJobDefinitionName: !GetAtt IsolatedDataQualityDefinition.JobDefinitionName
#             MonitoringType: DataQuality
#       # IsolatedDataQualityDefinition: AWS::SageMaker::DataQualityJobDefinition with
#       # NetworkConfig: { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true }
#   references:
#     - id: MonitoringScheduleConfig (inline job definition or a named one)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringScheduleConfig.html
#     - id: MonitoringNetworkConfig EnableNetworkIsolation (default false)
#       source: Amazon SageMaker API Reference
#       url: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringNetworkConfig.html
package cafscan.controls.sagemaker_monitoring_schedule_network_isolation

import data.cafscan.lib.sagemaker_monitoring_jobs as jobs

missing := jobs.schedule_missing

violations := jobs.schedule_isolation_violations
