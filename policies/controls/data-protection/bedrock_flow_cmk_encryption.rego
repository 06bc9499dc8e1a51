# METADATA
# title: Bedrock flows are encrypted with a customer managed KMS key
# description: >-
#   The flow (its working draft, as ListFlows and GetFlow return it) records a customer managed
#   AWS KMS key (customerEncryptionKeyArn). Without one, Amazon Bedrock encrypts the flow's
#   definition and the data it holds at rest with an AWS managed key: GetFlow leaves
#   customerEncryptionKeyArn out in that case, so an absent key is that default, not an
#   unknown. Published flow versions are not collected. Flows come from live collection; AWS
#   Config input carries none in the API's shape, so there the control has nothing to judge.
#   Naming an AWS managed key by its alias (alias/aws/…) counts as no customer managed key.
# custom:
#   id: CAFAI-DP-75
#   capability: data-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::Bedrock::Flow"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over the data a generative AI application handles
#     on its way to the user. A flow is that application: its definition chains prompts,
#     knowledge bases, agents, Lambda functions and storage nodes, with inline prompts and the
#     names of every data store it reads and writes. A customer managed key puts every read of
#     the flow under a key policy the account writes and logs it in CloudTrail, and lets the
#     account make the flow unreadable by disabling the key; an AWS managed key does neither.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Flows > the flow > Edit > Flow details > KMS key selection:
#       "Customize encryption settings (advanced)" and choose a customer managed key whose key
#       policy lets the flow's service role and the roles that edit and invoke it use it. Save,
#       Prepare, then create a new version and point the flow's aliases at it.
#     cli: >-
#       aws bedrock-agent update-flow --flow-identifier FLOW_ID --name NAME
#       --execution-role-arn ROLE_ARN --definition file://definition.json
#       --customer-encryption-key-arn KEY_ARN; then aws bedrock-agent prepare-flow
#       --flow-identifier FLOW_ID
#     terraform: |-
#       resource "aws_bedrockagent_flow" "this" {
#         name                        = "fraud-triage-flow"
#         execution_role_arn          = aws_iam_role.flow.arn
#         customer_encryption_key_arn = aws_kms_key.flows.arn
#         # definition { ... } as before
#       }
#     cloudformation: |-
#       TriageFlow:
#         Type: AWS::Bedrock::Flow
#         Properties:
#           Name: fraud-triage-flow
#           ExecutionRoleArn: !GetAtt FlowRole.Arn
#           CustomerEncryptionKeyArn: !GetAtt FlowKey.Arn
#           DefinitionS3Location:
#             Bucket: !Ref FlowDefinitionsBucket
#             Key: fraud-triage-flow.json
#   references:
#     - id: Encryption of Amazon Bedrock Flows resources (default an AWS managed key)
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-flows.html
#     - id: GetFlow response, customerEncryptionKeyArn
#       source: Amazon Bedrock API Reference
#       url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_GetFlow.html
package cafscan.controls.bedrock_flow_cmk_encryption

import data.cafscan.lib
import data.cafscan.lib.bedrock
import data.cafscan.lib.kms

has_key if {
	key := bedrock.field(lib.configuration, "customerEncryptionKeyArn")
	is_string(key)
	key != ""
}

missing contains bedrock.configuration_missing if not bedrock.known

# An unrecorded configuration is reported by missing, which wins over violations.
violations contains concat("", ["Flow ", lib.label, " is not encrypted with a customer managed KMS key (no customerEncryptionKeyArn)."]) if {
	not has_key
}

violations contains concat("", ["Flow ", lib.label, " is encrypted with the AWS managed key ", lib.text(key), " (customerEncryptionKeyArn), not a customer managed KMS key."]) if {
	key := bedrock.field(lib.configuration, "customerEncryptionKeyArn")
	kms.aws_managed_alias(key)
}
