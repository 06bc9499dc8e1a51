# METADATA
# title: Bedrock Prompt Management prompts are encrypted with a customer managed KMS key
# description: >-
#   The prompt (its working draft, as ListPrompts and GetPrompt return it) records a customer
#   managed AWS KMS key (customerEncryptionKeyArn). Without one, Amazon Bedrock encrypts the
#   prompt's templates, variants and inference settings with a key AWS manages: GetPrompt
#   leaves customerEncryptionKeyArn out in that case, so an absent key is that default, not an
#   unknown. Published prompt versions are not collected. Prompts come from live collection;
#   AWS Config input carries none in the API's shape, so there the control has nothing to judge.
#   Naming an AWS managed key by its alias (alias/aws/…) counts as no customer managed key.
# custom:
#   id: CAFAI-DP-74
#   capability: data-protection
#   component: input
#   severity: medium
#   resource_types: ["AWS::Bedrock::Prompt"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over the data that goes into a model. A managed
#     prompt is that input, written once and reused by every application that renders it: its
#     system instructions and few-shot examples often carry business rules, internal data
#     samples and the guidance that keeps the model from leaking, and reading them shows how
#     to get around it. A customer managed key puts every read of the prompt under a key
#     policy the account writes and logs it in CloudTrail; a key AWS manages does neither.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Prompt management > the prompt > Edit in prompt builder >
#       Prompt details > KMS key selection: "Customize encryption settings (advanced)" and
#       choose a customer managed key whose key policy lets the roles that create, render and
#       invoke the prompt use it. Save the draft, then Create version.
#     cli: >-
#       aws bedrock-agent update-prompt --prompt-identifier PROMPT_ID --name NAME
#       --variants file://variants.json --default-variant VARIANT
#       --customer-encryption-key-arn KEY_ARN; then aws bedrock-agent create-prompt-version
#       --prompt-identifier PROMPT_ID
#     terraform: |-
#       resource "aws_bedrockagent_prompt" "this" {
#         name                        = "fraud-case-summary"
#         default_variant             = "v1"
#         customer_encryption_key_arn = aws_kms_key.prompts.arn
#         variant {
#           name          = "v1"
#           model_id      = "anthropic.claude-3-haiku-20240307-v1:0"
#           template_type = "TEXT"
#           template_configuration {
#             text {
#               text = "Summarise case {{case}} without card numbers."
#             }
#           }
#         }
#       }
#     cloudformation: |-
#       CaseSummaryPrompt:
#         Type: AWS::Bedrock::Prompt
#         Properties:
#           Name: fraud-case-summary
#           CustomerEncryptionKeyArn: !GetAtt PromptKey.Arn
#           DefaultVariant: v1
#           Variants:
#             - Name: v1
#               ModelId: anthropic.claude-3-haiku-20240307-v1:0
#               TemplateType: TEXT
#               TemplateConfiguration:
#                 Text:
#                   Text: "Summarise case {{case}} without card numbers."
#   references:
#     - id: Prerequisites for prompt management (a customer managed key for prompts)
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-prereq.html
#     - id: GetPrompt response, customerEncryptionKeyArn
#       source: Amazon Bedrock API Reference
#       url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_GetPrompt.html
package cafscan.controls.bedrock_prompt_cmk_encryption

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
violations contains concat("", ["Prompt ", lib.label, " is not encrypted with a customer managed KMS key (no customerEncryptionKeyArn)."]) if {
	not has_key
}

violations contains concat("", ["Prompt ", lib.label, " is encrypted with the AWS managed key ", lib.text(key), " (customerEncryptionKeyArn), not a customer managed KMS key."]) if {
	key := bedrock.field(lib.configuration, "customerEncryptionKeyArn")
	kms.aws_managed_alias(key)
}
