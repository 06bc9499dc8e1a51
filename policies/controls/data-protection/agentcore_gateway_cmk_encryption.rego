# METADATA
# title: Bedrock AgentCore gateways are encrypted with a customer managed KMS key
# description: >-
#   The gateway names a customer managed AWS KMS key (kmsKeyArn). Without one, AgentCore encrypts
#   the gateway's configuration — its targets, tool schemas and the credential provider settings
#   it calls them with — with an AWS owned key the account cannot restrict, audit or revoke; an
#   absent key therefore fails, as the documented default. Naming an AWS managed key by its alias
#   (alias/aws/…) counts as no customer managed key and fails. A gateway whose creation failed,
#   or that is being deleted, is not checked.
# custom:
#   id: CAFAI-DP-61
#   capability: data-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::BedrockAgentCore::Gateway"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that what an AI system is built from be encrypted at rest under
#     keys the organisation controls. A gateway is part of the agent's make-up: it defines which
#     tools the agent has and how it authenticates to them. A customer managed key lets the account
#     decide who may read that definition, see each use in CloudTrail, and disable the gateway's
#     data by disabling the key.
#   remediation:
#     console: >-
#       Amazon Bedrock AgentCore console > Gateways > the gateway > Edit > Additional
#       configurations > KMS encryption: "Customize encryption settings" and choose a customer
#       managed key whose key policy allows the gateway's service role > Save.
#     cli: >-
#       aws bedrock-agentcore-control update-gateway --gateway-identifier GATEWAY_ID --name NAME
#       --role-arn ROLE_ARN --protocol-type MCP --authorizer-type AWS_IAM --kms-key-arn KEY_ARN
#     terraform: |-
#       resource "aws_bedrockagentcore_gateway" "this" {
#         name            = "claims-tools"
#         role_arn        = aws_iam_role.gateway.arn
#         protocol_type   = "MCP"
#         authorizer_type = "AWS_IAM"
#         kms_key_arn     = aws_kms_key.gateway.arn
#       }
#     cloudformation: |-
#       ClaimsToolsGateway:
#         Type: AWS::BedrockAgentCore::Gateway
#         Properties:
#           Name: claims-tools
#           RoleArn: !GetAtt GatewayRole.Arn
#           ProtocolType: MCP
#           AuthorizerType: AWS_IAM
#           KmsKeyArn: !GetAtt GatewayKey.Arn
#   references:
#     - id: GetGateway (kmsKeyArn)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_GetGateway.html
#     - id: Encrypt your AgentCore gateway with a customer managed key (default an AWS owned key)
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-encryption.html
package cafscan.controls.agentcore_gateway_cmk_encryption

import data.cafscan.lib
import data.cafscan.lib.agentcore
import data.cafscan.lib.kms

out_of_scope if lib.configuration.status in {"FAILED", "DELETING"}

recorded if agentcore.recorded("gatewayArn")

has_key if agentcore.key_arn("kmsKeyArn")

missing contains agentcore.not_recorded if not recorded

# An unrecorded configuration is reported by missing, which wins over violations.
violations contains concat("", ["Gateway ", lib.label, " is encrypted with an AWS owned key, not a customer managed KMS key."]) if {
	not has_key
}

violations contains concat("", ["Gateway ", lib.label, " is encrypted with the AWS managed key ", lib.text(lib.configuration.kmsKeyArn), " (kmsKeyArn), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(lib.configuration.kmsKeyArn)
}
