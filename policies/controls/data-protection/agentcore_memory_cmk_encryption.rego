# METADATA
# title: Bedrock AgentCore memories are encrypted with a customer managed KMS key
# description: >-
#   The memory names a customer managed AWS KMS key (encryptionKeyArn). Without one, AgentCore
#   encrypts the memory's events and extracted long-term records with an AWS owned key, which the
#   account cannot restrict, audit or revoke; an absent key therefore fails, as the documented
#   default. Naming an AWS managed key by its alias (alias/aws/…) counts as no customer managed
#   key and fails. A memory whose creation failed, or that is being deleted, holds nothing and is
#   not checked.
# custom:
#   id: CAFAI-DP-60
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::BedrockAgentCore::Memory"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks that the data an AI system draws on be encrypted at rest under
#     keys the organisation controls. An agent's memory stores raw conversation events and the
#     facts, preferences and summaries extracted from them, and feeds them back to the model as
#     context: it is input data, often personal. A customer managed key puts every read of it under
#     a key policy the account writes, logs each decryption in CloudTrail, and lets the memory be
#     made unreadable by disabling the key.
#   remediation:
#     console: >-
#       A memory's key cannot be changed after creation. Amazon Bedrock AgentCore console > Memory >
#       Create memory > Encryption: "Customize encryption settings" with a customer managed KMS key
#       whose key policy allows AgentCore and the memory's execution role; move the agents to the
#       new memory, then delete the old one.
#     cli: >-
#       aws bedrock-agentcore-control create-memory --name claims_memory_cmk
#       --event-expiry-duration 30 --encryption-key-arn KEY_ARN
#       --memory-execution-role-arn ROLE_ARN
#     terraform: |-
#       resource "aws_bedrockagentcore_memory" "this" {
#         name                      = "claims_memory"
#         event_expiry_duration     = 30
#         encryption_key_arn        = aws_kms_key.agent_memory.arn
#         memory_execution_role_arn = aws_iam_role.memory.arn
#       }
#     cloudformation: |-
#       ClaimsMemory:
#         Type: AWS::BedrockAgentCore::Memory
#         Properties:
#           Name: claims_memory
#           EventExpiryDuration: 30
#           EncryptionKeyArn: !GetAtt AgentMemoryKey.Arn
#           MemoryExecutionRoleArn: !GetAtt MemoryRole.Arn
#   references:
#     - id: Memory (encryptionKeyArn)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_Memory.html
#     - id: AgentCore data encryption (default AWS owned keys)
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/data-encryption.html
package cafscan.controls.agentcore_memory_cmk_encryption

import data.cafscan.lib
import data.cafscan.lib.agentcore
import data.cafscan.lib.kms

out_of_scope if lib.configuration.status in {"FAILED", "DELETING"}

recorded if agentcore.recorded("arn")

has_key if agentcore.key_arn("encryptionKeyArn")

missing contains agentcore.not_recorded if not recorded

# An unrecorded configuration is reported by missing, which wins over violations.
violations contains concat("", ["Memory ", lib.label, " is encrypted with an AWS owned key, not a customer managed KMS key."]) if {
	not has_key
}

violations contains concat("", ["Memory ", lib.label, " is encrypted with the AWS managed key ", lib.text(lib.configuration.encryptionKeyArn), " (encryptionKeyArn), not a customer managed KMS key."]) if {
	kms.aws_managed_alias(lib.configuration.encryptionKeyArn)
}
