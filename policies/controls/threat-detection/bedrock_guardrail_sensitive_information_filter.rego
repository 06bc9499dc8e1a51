# METADATA
# title: Bedrock guardrails block or mask sensitive information in model responses
# description: >-
#   The guardrail's sensitive information policy has at least one PII entity type or custom
#   regex that acts on model responses: its output action (outputAction, or action where the
#   guardrail does not record a separate one) is BLOCK or ANONYMIZE, and it is not turned off
#   for output (outputEnabled false). The guardrail is checked
#   as recorded: its working draft and, separately, each published version an agent applies
#   (docs/inventory.md, "Guardrail versions").
# custom:
#   id: CAFAI-TD-07
#   capability: threat-detection
#   component: output
#   severity: high
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   caf_section: "Threat detection"
#   rationale: >-
#     CAF-AI Threat detection asks, for the output component, that checks detect sensitive
#     data in what a model returns, and Data protection asks that sensitive output be redacted
#     or quarantined when its sensitivity rises. A guardrail sensitive information filter is
#     such a check on every response: personal data or secrets the model has memorised,
#     retrieved or been tricked into repeating are masked or the response is blocked, instead
#     of leaking to whoever asked.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Guardrails > the guardrail > Working draft > Edit > Add
#       sensitive information filters: add the PII types your data holds (for example EMAIL,
#       PHONE, US_SOCIAL_SECURITY_NUMBER, CREDIT_DEBIT_CARD_NUMBER, AWS_SECRET_KEY) and any
#       custom regexes, with the response action Mask or Block, save, then Create version and
#       point applications and agents at the new version.
#     cli: >-
#       aws bedrock update-guardrail --guardrail-identifier GUARDRAIL_ID --name NAME
#       --blocked-input-messaging "Sorry, I cannot answer that." --blocked-outputs-messaging
#       "Sorry, I cannot answer that." --sensitive-information-policy-config
#       '{"piiEntitiesConfig":[{"type":"EMAIL","action":"ANONYMIZE"},{"type":"US_SOCIAL_SECURITY_NUMBER","action":"BLOCK"}]}'
#       (update-guardrail replaces every policy: pass the existing ones too), then
#       aws bedrock create-guardrail-version --guardrail-identifier GUARDRAIL_ID
#     terraform: |-
#       resource "aws_bedrock_guardrail" "this" {
#         name                      = "app-guardrail"
#         blocked_input_messaging   = "Sorry, I cannot answer that."
#         blocked_outputs_messaging = "Sorry, I cannot answer that."
#         sensitive_information_policy_config {
#           pii_entities_config {
#             type   = "EMAIL"
#             action = "ANONYMIZE"
#           }
#           pii_entities_config {
#             type   = "US_SOCIAL_SECURITY_NUMBER"
#             action = "BLOCK"
#           }
#         }
#       }
#     cloudformation: |-
#       Guardrail:
#         Type: AWS::Bedrock::Guardrail
#         Properties:
#           Name: app-guardrail
#           BlockedInputMessaging: Sorry, I cannot answer that.
#           BlockedOutputsMessaging: Sorry, I cannot answer that.
#           SensitiveInformationPolicyConfig:
#             PiiEntitiesConfig:
#               - {Type: EMAIL, Action: ANONYMIZE}
#               - {Type: US_SOCIAL_SECURITY_NUMBER, Action: BLOCK}
package cafscan.controls.bedrock_guardrail_sensitive_information_filter

import data.cafscan.lib
import data.cafscan.lib.bedrock

sensitive := bedrock.policy("sensitiveInformationPolicy")

filters := [f |
	some f in array.concat(bedrock.list(bedrock.field(sensitive, "piiEntities")), bedrock.list(bedrock.field(sensitive, "regexes")))
	is_object(f)
]

protective := {"BLOCK", "ANONYMIZE"}

# The action on responses: outputAction where the guardrail records it, else the one action.
output_action(f) := f.outputAction if is_string(f.outputAction)

else := f.action if is_string(f.action)

has_output_action(f) if output_action(f)

acts_on_output(f) if {
	output_action(f) in protective
	not bedrock.output_off(f)
}

any_acts_on_output if {
	some f in filters
	acts_on_output(f)
}

missing contains bedrock.configuration_missing if not bedrock.known

missing contains "the action of a sensitive information filter of the guardrail is not in the inventory" if {
	not any_acts_on_output
	some f in filters
	not has_output_action(f)
}

violations contains concat("", ["Guardrail ", lib.label, " has no sensitive information filter (PII entity or regex)."]) if {
	bedrock.known
	count(filters) == 0
}

violations contains msg if {
	count(filters) > 0
	not any_acts_on_output
	msg := concat("", [
		"Guardrail ", lib.label, " has sensitive information filters, but none blocks or masks sensitive data in model responses (output action NONE or output turned off).",
	])
}
