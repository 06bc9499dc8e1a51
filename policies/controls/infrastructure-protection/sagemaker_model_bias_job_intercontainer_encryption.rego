# METADATA
# title: SageMaker model bias job definitions on several instances encrypt the traffic between them
# description: >-
#   A model bias monitoring job definition whose jobs run on more than one instance
#   (JobResources.ClusterConfig.InstanceCount of 2 or more) has
#   NetworkConfig.EnableInterContainerTrafficEncryption set, so the captured data its instances
#   exchange travels encrypted. When NetworkConfig or the setting is absent it is off, as in the
#   CreateModelBiasJobDefinition API (default false). A definition of one instance exchanges nothing
#   between instances and is not checked; an unencrypted definition whose instance count is not
#   in the inventory is not evaluated, since it may be a single instance.
# custom:
#   id: CAFAI-IP-47
#   capability: infrastructure-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::ModelBiasJobDefinition"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that traffic between the environments that handle
#     AI data be encrypted. A distributed monitoring job (the job runs SageMaker Clarify over an endpoint's captured predictions and ground-truth labels to measure bias across groups) splits captured
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
#       aws sagemaker create-model-bias-job-definition --job-definition-name NAME --role-arn ROLE_ARN
#       --model-bias-app-specification ImageUri=CLARIFY_IMAGE_URI,ConfigUri=s3://BUCKET/bias/analysis_config.json
#       --model-bias-job-input file://input.json --model-bias-job-output-config file://output.json
#       --job-resources 'ClusterConfig={InstanceCount=2,InstanceType=ml.m5.xlarge,VolumeSizeInGB=20}'
#       --network-config EnableInterContainerTrafficEncryption=true,EnableNetworkIsolation=true
#     terraform: |-
#       # The AWS provider has no resource for this type; the AWS Cloud Control provider does.
#       resource "awscc_sagemaker_model_bias_job_definition" "monitor" {
#         job_definition_name = "churn-model-bias"
#         role_arn            = aws_iam_role.monitor.arn
#         network_config = {
#           enable_inter_container_traffic_encryption = true
#           enable_network_isolation                 = true
#         }
#         # model_bias_app_specification, model_bias_job_input, model_bias_job_output_config, job_resources ...
#       }
#     cloudformation: |-
#       Monitor:
#         Type: AWS::SageMaker::ModelBiasJobDefinition
#         Properties:
#           RoleArn: !GetAtt MonitorRole.Arn
#           ModelBiasAppSpecification: { ImageUri: CLARIFY_IMAGE_URI, ConfigUri: !Sub "s3://${MonitoringBucket}/bias/analysis_config.json" }
#           ModelBiasJobInput: { EndpointInput: { EndpointName: !Ref EndpointName, LocalPath: /opt/ml/processing/input }, GroundTruthS3Input: { S3Uri: !Sub "s3://${LabelsBucket}/ground-truth" } }
#           ModelBiasJobOutputConfig:
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
package cafscan.controls.sagemaker_model_bias_job_intercontainer_encryption

import data.cafscan.lib.sagemaker_monitoring_jobs as jobs

noun := "Model bias job definition"

# Nothing travels between instances when the job has exactly one.
out_of_scope if jobs.definition_single_instance

missing := jobs.definition_encryption_missing

violations := jobs.encryption_violations(noun)
