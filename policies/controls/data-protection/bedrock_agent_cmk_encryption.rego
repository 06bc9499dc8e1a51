# METADATA
# title: Bedrock agents are encrypted with a customer managed KMS key
# description: >-
#   The agent (its working draft, and every published version an alias that serves traffic
#   routes to) records a customer managed AWS KMS key (customerEncryptionKeyArn). Without one,
#   Amazon Bedrock encrypts the agent's instructions, action-group and prompt configuration and
#   its session data with an AWS owned key the account cannot restrict, audit or revoke: the
#   API leaves customerEncryptionKeyArn out in that case, so an absent key is the AWS owned
#   default, not an unknown. Naming an AWS managed key by its alias (alias/aws/…) counts as no
#   customer managed key and fails.
# custom:
#   id: CAFAI-DP-70
#   capability: data-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::Bedrock::Agent"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over the data used to build and use AI, including
#     what a generative AI application stores about its conversations. An agent keeps its
#     instructions (often business rules that must not leak), the definitions of the APIs it may
#     call and, with memory on, summaries of users' sessions. A customer managed key puts every
#     read of that data under a key policy the account writes, logs each decryption in
#     CloudTrail and lets the account make the agent's data unreadable by disabling the key.
#     Peers check the agent resource only; a deployed agent runs the published versions its
#     aliases route to, each a snapshot with its own key setting, so those are checked too.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Agents > the agent > Edit in Agent builder > Additional
#       settings > KMS key selection: "Customize encryption settings (advanced)" and choose a
#       customer managed key whose key policy lets the agent's service role and Amazon Bedrock
#       use it. Save, Prepare, then create a new version and point the serving aliases at it.
#     cli: >-
#       aws bedrock-agent update-agent --agent-id AGENT_ID --agent-name NAME
#       --agent-resource-role-arn ROLE_ARN --foundation-model MODEL_ID
#       --customer-encryption-key-arn KEY_ARN; then aws bedrock-agent prepare-agent --agent-id
#       AGENT_ID and aws bedrock-agent create-agent-alias / update-agent-alias so the aliases
#       serve a version created after the change
#     terraform: |-
#       resource "aws_bedrockagent_agent" "this" {
#         agent_name                  = "claims-agent"
#         agent_resource_role_arn     = aws_iam_role.agent.arn
#         foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
#         instruction                 = file("${path.module}/instruction.txt")
#         customer_encryption_key_arn = aws_kms_key.agents.arn
#       }
#     cloudformation: |-
#       ClaimsAgent:
#         Type: AWS::Bedrock::Agent
#         Properties:
#           AgentName: claims-agent
#           AgentResourceRoleArn: !GetAtt AgentRole.Arn
#           FoundationModel: anthropic.claude-3-haiku-20240307-v1:0
#           Instruction: !Ref AgentInstruction
#           CustomerEncryptionKeyArn: !GetAtt AgentKey.Arn
#   references:
#     - id: Encryption of agent resources (default an AWS owned key)
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents-new.html
#     - id: GetAgent response, customerEncryptionKeyArn
#       source: Amazon Bedrock API Reference
#       url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_Agent.html
package cafscan.controls.bedrock_agent_cmk_encryption

import data.cafscan.lib
import data.cafscan.lib.bedrock
import data.cafscan.lib.kms

key_of(record) := bedrock.field(record, "customerEncryptionKeyArn")

has_key(record) if {
	key := key_of(record)
	is_string(key)
	key != ""
}

# A key named by its AWS managed alias: named (has_key), but no customer managed key.
aws_managed_key(record) if kms.aws_managed_alias(key_of(record))

missing contains bedrock.configuration_missing if not bedrock.known

draft_unencrypted if {
	bedrock.known
	not has_key(lib.configuration)
}

draft_aws_managed if {
	bedrock.known
	aws_managed_key(lib.configuration)
}

unencrypted_versions := sort([bedrock.version_label(v) |
	some v, _ in bedrock.served_versions
	record := bedrock.agent_version(v)
	not has_key(record)
])

# Served versions that name an AWS managed key by its alias, as {version: key}.
aws_managed_versions[v] := key_of(record) if {
	some v, _ in bedrock.served_versions
	record := bedrock.agent_version(v)
	aws_managed_key(record)
}

fails if draft_unencrypted

fails if draft_aws_managed

fails if count(unencrypted_versions) > 0

fails if count(aws_managed_versions) > 0

# What the agent serves matters only when nothing already fails.
missing contains bedrock.aliases_unknown_reason if not fails

missing contains concat("", ["agent version ", lib.text(v), ", which alias(es) ", concat(", ", bedrock.served_versions[v]), " route to, is not in the inventory"]) if {
	not fails
	some v in bedrock.unrecorded_versions
}

violations contains concat("", ["Agent ", lib.label, " is encrypted with an AWS owned key, not a customer managed KMS key."]) if draft_unencrypted

violations contains concat("", ["Agent ", lib.label, " serves agent ", concat(", ", unencrypted_versions), " encrypted with an AWS owned key, not a customer managed KMS key."]) if {
	count(unencrypted_versions) > 0
}

violations contains concat("", ["Agent ", lib.label, " is encrypted with the AWS managed key ", lib.text(key_of(lib.configuration)), " (customerEncryptionKeyArn), not a customer managed KMS key."]) if {
	draft_aws_managed
}

violations contains concat("", ["Agent ", lib.label, " serves agent ", bedrock.version_label(v), " encrypted with the AWS managed key ", lib.text(key), " (customerEncryptionKeyArn), not a customer managed KMS key."]) if {
	some v, key in aws_managed_versions
}
