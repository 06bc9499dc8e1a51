# METADATA
# title: Bedrock AgentCore custom browsers record sessions to Amazon S3
# description: >-
#   The custom browser's recording configuration is enabled and names an Amazon S3 bucket, so
#   every session an agent runs in it — pages visited, clicks, form input, network requests — is
#   kept for review. Recording is off unless configured: a browser without a recording
#   configuration, with recording disabled, or enabled without a bucket fails. The built-in
#   aws.browser.v1 cannot record and is not collected. A browser whose creation failed, or that is
#   being deleted, is not checked.
# custom:
#   id: CAFAI-SA-60
#   capability: security-assurance
#   component: output
#   severity: medium
#   resource_types: ["AWS::BedrockAgentCore::BrowserCustom"]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for evidence that an AI system behaves as intended, so its
#     outputs can be audited and its incidents investigated. What an agent does in a browser is its
#     output acting on the world, and it leaves no trace in the account otherwise: CloudTrail sees
#     only that a session started. Session recordings in S3 are the record of what the agent read,
#     typed and submitted. Security Hub asks for an S3 location; cafscan also requires recording to
#     be enabled, since a bucket named on a disabled recording keeps nothing.
#   remediation:
#     console: >-
#       A browser's recording settings are fixed at creation. Amazon Bedrock AgentCore console >
#       Built-in tools > Browser tools > Create browser tool > Session recording: Enable, choose the
#       S3 bucket and prefix, and an execution role allowed to write there; point the agents at the
#       new browser and delete the old one.
#     cli: >-
#       aws bedrock-agentcore-control create-browser --name claims_browser_rec
#       --execution-role-arn ROLE_ARN --network-configuration networkMode=VPC,vpcConfig={subnets=[subnet-0abc],securityGroups=[sg-0abc]}
#       --recording 'enabled=true,s3Location={bucket=agent-browser-recordings,prefix=claims/}'
#     terraform: |-
#       resource "aws_bedrockagentcore_browser" "this" {
#         name               = "claims_browser"
#         execution_role_arn = aws_iam_role.browser.arn
#         network_configuration {
#           network_mode = "VPC"
#           # vpc_config { ... }
#         }
#         recording {
#           enabled = true
#           s3_location {
#             bucket = aws_s3_bucket.recordings.id
#             prefix = "claims/"
#           }
#         }
#       }
#     cloudformation: |-
#       ClaimsBrowser:
#         Type: AWS::BedrockAgentCore::BrowserCustom
#         Properties:
#           Name: claims_browser
#           ExecutionRoleArn: !GetAtt BrowserRole.Arn
#           NetworkConfiguration:
#             NetworkMode: VPC
#           RecordingConfig:
#             Enabled: true
#             S3Location:
#               Bucket: !Ref RecordingBucket
#               Prefix: claims/
#   references:
#     - id: RecordingConfig (enabled, s3Location)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_RecordingConfig.html
#     - id: Browser session recording and replay
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/browser-session-replay.html
package cafscan.controls.agentcore_browser_session_recording

import data.cafscan.lib
import data.cafscan.lib.agentcore

out_of_scope if lib.configuration.status in {"CREATE_FAILED", "DELETING", "DELETED"}

recorded if agentcore.recorded("browserArn")

recording := agentcore.obj(object.get(lib.configuration, "recording", null))

enabled if recording.enabled == true

bucket := b if {
	b := agentcore.obj(recording.s3Location).bucket
	is_string(b)
	trim_space(b) != ""
}

has_bucket if bucket

missing contains agentcore.not_recorded if not recorded

# Absent recording: not configured, which is off (the API's recording is optional and a browser
# records only when it is enabled). An unrecorded configuration is reported by missing.
violations contains concat("", ["Custom browser ", lib.label, " does not record its sessions (recording is not enabled)."]) if {
	not enabled
}

violations contains concat("", ["Custom browser ", lib.label, " has recording enabled without an S3 bucket to record to."]) if {
	enabled
	not has_bucket
}
