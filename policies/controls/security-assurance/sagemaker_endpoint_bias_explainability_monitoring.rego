# METADATA
# title: SageMaker endpoints in service have bias or explainability monitoring
# description: >-
#   An InService SageMaker AI endpoint has a SageMaker Clarify monitoring schedule of type
#   ModelBias or ModelExplainability that is not Stopped or Failed, so the bias metrics or the
#   feature attributions of the predictions it serves are recomputed on a schedule and a drift
#   from the baseline raises a violation report. Endpoints that are not InService are not
#   applicable; an endpoint whose status is not recorded (AWS Config) is checked. When the
#   monitoring schedules of the endpoint's account and region were not collected, the result is
#   not evaluated.
# custom:
#   id: CAFAI-SA-06
#   capability: security-assurance
#   component: model
#   severity: low
#   resource_types: ["AWS::SageMaker::Endpoint"]
#   related_resource_types: ["AWS::SageMaker::MonitoringSchedule", "AWS::::Account"]
#   related_fields:
#     "AWS::SageMaker::MonitoringSchedule": [configuration.EndpointName, configuration.MonitoringScheduleName, configuration.MonitoringType, configuration.MonitoringScheduleStatus, configuration.MonitoringScheduleConfig.MonitoringType, configuration.MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringInputs, relationships]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for continuous monitoring and evaluation of AI workloads and,
#     for the model, for audit mechanisms that show how the model uses data, so that the
#     organization and its customers can trust the controls in place. A Clarify bias or
#     explainability schedule is such an audit mechanism for a SageMaker endpoint: it records,
#     run after run, which features drive the served predictions and whether outcomes stay fair
#     across groups, and it flags the change when a retrained model or shifted traffic alters
#     either.
#   remediation:
#     console: >-
#       SageMaker Studio > Deployments > Endpoints > the endpoint (data capture must be on) >
#       Model explainability (or Model bias) > Create monitoring schedule: provide the Clarify
#       analysis configuration and baseline, the output S3 location and the schedule. With the
#       SageMaker Python SDK: ModelExplainabilityMonitor (or ModelBiasMonitor).suggest_baseline()
#       then create_monitoring_schedule(endpoint_input=ENDPOINT, ...).
#     cli: >-
#       aws sagemaker create-model-explainability-job-definition --job-definition-name ENDPOINT-explainability
#       --model-explainability-app-specification ImageUri=CLARIFY_IMAGE,ConfigUri=s3://BUCKET/clarify/analysis_config.json
#       --model-explainability-job-input file://job-input.json --model-explainability-job-output-config file://output.json
#       --job-resources file://resources.json --role-arn ROLE_ARN
#       && aws sagemaker create-monitoring-schedule --monitoring-schedule-name ENDPOINT-explainability
#       --monitoring-schedule-config '{"MonitoringJobDefinitionName":"ENDPOINT-explainability","MonitoringType":"ModelExplainability","ScheduleConfig":{"ScheduleExpression":"cron(0 0 ? * * *)"}}'
#     cloudformation: |-
#       ExplainabilityJob:
#         Type: AWS::SageMaker::ModelExplainabilityJobDefinition
#         Properties:
#           JobDefinitionName: churn-explainability
#           RoleArn: !GetAtt MonitorRole.Arn
#           ModelExplainabilityAppSpecification:
#             ImageUri: !Ref ClarifyImage
#             ConfigUri: s3://monitoring-bucket/churn/clarify/analysis_config.json
#           ModelExplainabilityJobInput:
#             EndpointInput:
#               EndpointName: !GetAtt ChurnEndpoint.EndpointName
#               LocalPath: /opt/ml/processing/input
#           ModelExplainabilityJobOutputConfig:
#             KmsKeyId: !Ref MonitorKey
#             MonitoringOutputs:
#               - S3Output:
#                   LocalPath: /opt/ml/processing/output
#                   S3Uri: s3://monitoring-bucket/churn/explainability
#           JobResources:
#             ClusterConfig: {InstanceCount: 1, InstanceType: ml.m5.large, VolumeSizeInGB: 20}
#       ExplainabilitySchedule:
#         Type: AWS::SageMaker::MonitoringSchedule
#         Properties:
#           MonitoringScheduleName: churn-explainability
#           EndpointName: !GetAtt ChurnEndpoint.EndpointName
#           MonitoringScheduleConfig:
#             MonitoringJobDefinitionName: !GetAtt ExplainabilityJob.JobDefinitionName
#             MonitoringType: ModelExplainability
#             ScheduleConfig:
#               ScheduleExpression: cron(0 0 ? * * *)
#   references:
#     - id: Bias drift for models in production
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-bias-drift.html
package cafscan.controls.sagemaker_endpoint_bias_explainability_monitoring

import data.cafscan.lib.sagemaker_monitoring as monitoring

types := {"ModelBias", "ModelExplainability"}

noun := "bias or explainability"

out_of_scope if monitoring.not_in_service

missing contains reason if some reason in monitoring.gaps(types, noun)

violations contains monitoring.violation(types, noun)
