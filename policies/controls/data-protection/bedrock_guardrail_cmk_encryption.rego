# METADATA
# title: Bedrock guardrails are encrypted with a customer managed KMS key
# description: >-
#   The guardrail (its working draft and each published version an agent applies) records a
#   customer managed AWS KMS key (kmsKeyArn). Without one, Amazon Bedrock encrypts the
#   guardrail's policies with a key AWS manages: GetGuardrail leaves kmsKeyArn out in that case
#   (the key is optional at CreateGuardrail), so an absent key is that default, not an unknown.
#   Naming an AWS managed key by its alias (alias/aws/…) counts as no customer managed key.
# custom:
#   id: CAFAI-DP-71
#   capability: data-protection
#   component: output
#   severity: low
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for control over the data that shapes what an AI system
#     returns. A guardrail's configuration is that data for the output: its denied topics with
#     example prompts, its word lists and the regular expressions that recognise the
#     organisation's own sensitive identifiers describe exactly what must not leak, and reading
#     them tells an attacker what the filter lets through. A customer managed key puts every
#     read of the guardrail under a key policy the account writes and logs it in CloudTrail;
#     a key AWS manages does neither. Published versions are snapshots with their own key, so
#     each version an agent applies is checked as its own resource.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Guardrails > the guardrail > Edit (working draft) > KMS key
#       selection: "Customize encryption settings (advanced)" and choose a customer managed key
#       whose key policy allows the roles that create, update and apply the guardrail. Save,
#       then Create version and point the agents and applications at the new version.
#     cli: >-
#       aws bedrock update-guardrail --guardrail-identifier GUARDRAIL_ID --name NAME
#       --blocked-input-messaging "..." --blocked-outputs-messaging "..." (with the current
#       policies) --kms-key-id KEY_ARN; then aws bedrock create-guardrail-version
#       --guardrail-identifier GUARDRAIL_ID
#     terraform: |-
#       resource "aws_bedrock_guardrail" "this" {
#         name                      = "claims-guardrail"
#         blocked_input_messaging   = "Sorry, I can't help with that."
#         blocked_outputs_messaging = "Sorry, I can't help with that."
#         kms_key_arn               = aws_kms_key.guardrails.arn
#         content_policy_config {
#           filters_config {
#             type            = "PROMPT_ATTACK"
#             input_strength  = "HIGH"
#             output_strength = "NONE"
#           }
#         }
#       }
#     cloudformation: |-
#       ClaimsGuardrail:
#         Type: AWS::Bedrock::Guardrail
#         Properties:
#           Name: claims-guardrail
#           BlockedInputMessaging: "Sorry, I can't help with that."
#           BlockedOutputsMessaging: "Sorry, I can't help with that."
#           KmsKeyArn: !GetAtt GuardrailKey.Arn
#           ContentPolicyConfig:
#             FiltersConfig:
#               - Type: PROMPT_ATTACK
#                 InputStrength: HIGH
#                 OutputStrength: NONE
#   references:
#     - id: A customer managed key for guardrails (optional; otherwise a key AWS manages)
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html
#     - id: GetGuardrail response, kmsKeyArn
#       source: Amazon Bedrock API Reference
#       url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetGuardrail.html
package cafscan.controls.bedrock_guardrail_cmk_encryption

import data.cafscan.lib
import data.cafscan.lib.bedrock
import data.cafscan.lib.kms

has_key if {
	key := bedrock.field(lib.configuration, "kmsKeyArn")
	is_string(key)
	key != ""
}

missing contains bedrock.configuration_missing if not bedrock.known

# An unrecorded configuration is reported by missing, which wins over violations.
violations contains concat("", ["Guardrail ", lib.label, " is not encrypted with a customer managed KMS key (no kmsKeyArn)."]) if {
	not has_key
}

violations contains concat("", ["Guardrail ", lib.label, " is encrypted with the AWS managed key ", lib.text(key), " (kmsKeyArn), not a customer managed KMS key."]) if {
	key := bedrock.field(lib.configuration, "kmsKeyArn")
	kms.aws_managed_alias(key)
}
