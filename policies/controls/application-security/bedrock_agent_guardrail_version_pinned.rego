# METADATA
# title: Bedrock agents use a published guardrail version, not the draft
# description: >-
#   When an agent has a guardrail, its guardrailConfiguration.guardrailVersion is a published
#   version number ("1", "2"…), not DRAFT. The draft is the guardrail's working copy: anyone
#   who may edit the guardrail changes the agent's protection at once, untested and without a
#   version to roll back to. The agent's DRAFT configuration (served by its test alias) and
#   every agent version an alias routes traffic to (each keeps the guardrail configuration it
#   was created with) are checked; when the aliases or a served version could not be read the
#   result is not evaluated, unless a failure is already certain. Agents without a guardrail
#   are reported by CAFAI-VM-04.
# custom:
#   id: CAFAI-AS-07
#   capability: application-security
#   component: output
#   severity: medium
#   resource_types: ["AWS::Bedrock::Agent"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that security test cases run in the development
#     pipeline, that known good versions be kept, and that roll-back be possible to a known
#     good state. A guardrail's published version is immutable, so the protection an agent
#     runs with is the one that was tested and can be restored; an agent bound to DRAFT gets
#     every edit to the guardrail immediately, including a mistaken one that lets harmful or
#     sensitive output through.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Guardrails > the guardrail > Create version (once the draft is
#       tested). Then Agents > the agent > Edit in Agent builder > Guardrail details > Edit:
#       choose that version, save, Prepare the agent and update its alias to a new version.
#     cli: >-
#       aws bedrock create-guardrail-version --guardrail-identifier GUARDRAIL_ID
#       --description "tested 2026-11" && aws bedrock-agent update-agent --agent-id AGENT_ID
#       --agent-name NAME --agent-resource-role-arn ROLE_ARN --foundation-model MODEL_ID
#       --guardrail-configuration guardrailIdentifier=GUARDRAIL_ID,guardrailVersion=VERSION
#       && aws bedrock-agent prepare-agent --agent-id AGENT_ID
#     terraform: |-
#       resource "aws_bedrock_guardrail_version" "this" {
#         guardrail_arn = aws_bedrock_guardrail.this.guardrail_arn
#         description   = "tested 2026-11"
#       }
#
#       resource "aws_bedrockagent_agent" "this" {
#         agent_name              = "claims-agent"
#         agent_resource_role_arn = aws_iam_role.claims_agent.arn
#         foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
#         guardrail_configuration {
#           guardrail_identifier = aws_bedrock_guardrail.this.guardrail_id
#           guardrail_version    = aws_bedrock_guardrail_version.this.version
#         }
#       }
#     cloudformation: |-
#       GuardrailVersion:
#         Type: AWS::Bedrock::GuardrailVersion
#         Properties:
#           GuardrailIdentifier: !GetAtt Guardrail.GuardrailId
#       Agent:
#         Type: AWS::Bedrock::Agent
#         Properties:
#           AgentName: claims-agent
#           AgentResourceRoleArn: !GetAtt ClaimsAgentRole.Arn
#           FoundationModel: anthropic.claude-3-haiku-20240307-v1:0
#           GuardrailConfiguration:
#             GuardrailIdentifier: !GetAtt Guardrail.GuardrailId
#             GuardrailVersion: !GetAtt GuardrailVersion.Version
package cafscan.controls.bedrock_agent_guardrail_version_pinned

import data.cafscan.lib
import data.cafscan.lib.bedrock

# No guardrail at all is CAFAI-VM-04's finding, not this control's: neither the draft nor any
# served version (as far as is known) has one.
out_of_scope if {
	bedrock.known
	not bedrock.agent_has_guardrail
	not bedrock.aliases_unknown_reason
	count(bedrock.unrecorded_versions) == 0
	count(guarded_versions) == 0
}

guarded_versions := [v |
	some v, _ in bedrock.served_versions
	bedrock.version_has_guardrail(v)
]

# ^[1-9][0-9]*$ in string tests (a regex is compiled on every call in opa-wasm; this is asked
# two to four times per agent): digits only, at least one, the first not 0.
published(v) if {
	is_string(v)
	v != ""
	trim_left(v, "0123456789") == ""
	not startswith(v, "0")
}

usable_version(v) if {
	is_string(v)
	v != ""
}

# --- the draft ---------------------------------------------------------------------------------

version := bedrock.agent_guardrail.guardrailVersion

has_version if usable_version(version)

missing contains bedrock.configuration_missing if not bedrock.known

missing contains concat("", ["the version of guardrail ", lib.text(bedrock.agent_guardrail_id), " used by the agent is not in the inventory"]) if {
	not has_version
}

violations contains msg if {
	upper(version) == "DRAFT"
	msg := concat("", ["Agent ", lib.label, " uses the working draft (DRAFT) of guardrail ", lib.text(bedrock.agent_guardrail_id), " instead of a published version."])
}

violations contains msg if {
	has_version
	upper(version) != "DRAFT"
	not published(version)
	msg := concat("", ["Agent ", lib.label, " uses guardrail ", lib.text(bedrock.agent_guardrail_id), " at version \"", lib.text(version), "\", which is not a published version number."])
}

# --- the agent versions its aliases serve ------------------------------------------------------

served_guardrail_version(v) := bedrock.version_guardrail(v).guardrailVersion

unpinned contains concat("", [lib.text(bedrock.version_label(v)), " uses guardrail ", lib.text(bedrock.version_guardrail_id(v)), " at version ", lib.text(gv)]) if {
	some v in guarded_versions
	gv := served_guardrail_version(v)
	usable_version(gv)
	not published(gv)
}

violations contains msg if {
	count(unpinned) > 0
	msg := concat("", ["Agent ", lib.label, " serves agent versions whose guardrail is not a published version: ", concat("; ", sort(unpinned)), "."])
}

certain_failure if count(unpinned) > 0

# Covers the draft on the DRAFT guardrail too: "DRAFT" is a usable, unpublished version.
certain_failure if {
	has_version
	not published(version)
}

missing contains concat("", ["the guardrail version of agent ", lib.text(bedrock.version_label(v)), " is not in the inventory"]) if {
	not certain_failure
	some v in guarded_versions
	not usable_version(served_guardrail_version(v))
}

missing contains bedrock.aliases_unknown_reason if not certain_failure

missing contains concat("", ["agent version ", lib.text(v), ", which alias(es) ", concat(", ", bedrock.served_versions[v]), " route to, is not in the inventory"]) if {
	not certain_failure
	some v in bedrock.unrecorded_versions
}
