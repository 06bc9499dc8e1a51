# METADATA
# title: SageMaker endpoints in service have data quality monitoring
# description: >-
#   An InService SageMaker AI endpoint has a Model Monitor schedule of type DataQuality (a
#   schedule with an inline job definition and no type is one) that is not Stopped or Failed,
#   so the inference requests it receives are compared with the statistics and constraints of
#   the training data on a schedule, and drift, missing features or out-of-range values raise
#   a violation report. Endpoints that are not InService are not applicable; an endpoint whose
#   status is not recorded (AWS Config) is checked. When the monitoring schedules of the
#   endpoint's account and region were not collected, the result is not evaluated.
# custom:
#   id: CAFAI-TD-05
#   capability: threat-detection
#   component: model
#   severity: medium
#   resource_types: ["AWS::SageMaker::Endpoint"]
#   related_resource_types: ["AWS::SageMaker::MonitoringSchedule", "AWS::::Account"]
#   related_fields:
#     "AWS::SageMaker::MonitoringSchedule": [configuration.EndpointName, configuration.MonitoringScheduleName, configuration.MonitoringType, configuration.MonitoringScheduleStatus, configuration.MonitoringScheduleConfig.MonitoringType, configuration.MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringInputs, relationships]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   caf_section: "Threat detection"
#   rationale: >-
#     For the model, CAF-AI Threat detection asks that the data a model receives be correlated
#     with the data it was built on, so that anomalous or malicious activity stands out, and
#     CAF-AI Vulnerability management warns that inputs can be used to push a model's
#     distribution off course over time. A data quality schedule does that correlation
#     continuously for a SageMaker endpoint: it compares captured requests with the training
#     baseline and reports the shift that a poisoning attempt, a tampered upstream feed or a
#     probing client leaves in the input data.
#   remediation:
#     console: >-
#       SageMaker Studio > Deployments > Endpoints > the endpoint (data capture must be on) >
#       Data quality > Create monitoring schedule: point it at a baseline computed from the
#       training data, choose the output S3 location, set the schedule and create it. With the
#       SageMaker Python SDK: DefaultModelMonitor.suggest_baseline() then
#       create_monitoring_schedule(endpoint_input=ENDPOINT, ...).
#     cli: >-
#       aws sagemaker create-data-quality-job-definition --job-definition-name ENDPOINT-data-quality
#       --data-quality-app-specification ImageUri=MODEL_MONITOR_IMAGE
#       --data-quality-baseline-config file://baseline.json --data-quality-job-input file://job-input.json
#       --data-quality-job-output-config file://output.json --job-resources file://resources.json --role-arn ROLE_ARN
#       && aws sagemaker create-monitoring-schedule --monitoring-schedule-name ENDPOINT-data-quality
#       --monitoring-schedule-config '{"MonitoringJobDefinitionName":"ENDPOINT-data-quality","MonitoringType":"DataQuality","ScheduleConfig":{"ScheduleExpression":"cron(0 * ? * * *)"}}'
#     terraform: |-
#       resource "aws_sagemaker_data_quality_job_definition" "churn" {
#         name     = "churn-data-quality"
#         role_arn = aws_iam_role.monitor.arn
#         data_quality_app_specification {
#           image_uri = var.model_monitor_image
#         }
#         data_quality_baseline_config {
#           constraints_resource { s3_uri = "s3://monitoring-bucket/churn/baseline/constraints.json" }
#           statistics_resource { s3_uri = "s3://monitoring-bucket/churn/baseline/statistics.json" }
#         }
#         data_quality_job_input {
#           endpoint_input { endpoint_name = aws_sagemaker_endpoint.churn.name }
#         }
#         data_quality_job_output_config {
#           kms_key_id = aws_kms_key.monitor.arn
#           monitoring_outputs {
#             s3_output { s3_uri = "s3://monitoring-bucket/churn/data-quality" }
#           }
#         }
#         job_resources {
#           cluster_config {
#             instance_count    = 1
#             instance_type     = "ml.m5.large"
#             volume_size_in_gb = 20
#           }
#         }
#       }
#
#       resource "aws_sagemaker_monitoring_schedule" "churn_data_quality" {
#         name = "churn-data-quality"
#         monitoring_schedule_config {
#           monitoring_job_definition_name = aws_sagemaker_data_quality_job_definition.churn.name
#           monitoring_type                = "DataQuality"
#           schedule_config {
#             schedule_expression = "cron(0 * ? * * *)"
#           }
#         }
#       }
#   references:
#     - id: Monitor data quality
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-quality.html
package cafscan.controls.sagemaker_endpoint_data_quality_monitoring

import data.cafscan.lib.sagemaker_monitoring as monitoring

types := {"DataQuality"}

noun := "data quality"

out_of_scope if monitoring.not_in_service

missing contains reason if some reason in monitoring.gaps(types, noun)

violations contains monitoring.violation(types, noun)
