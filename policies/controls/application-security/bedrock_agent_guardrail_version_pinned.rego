# METADATA
# title: Bedrock agents use a published guardrail version, not the draft
# description: >-
#   When an agent has a guardrail, its guardrailConfiguration.guardrailVersion is a published
#   version number ("1", "2"…), not DRAFT. The draft is the guardrail's working copy: anyone
#   who may edit the guardrail changes the agent's protection at once, untested and without a
#   version to roll back to. Agents without a guardrail are reported by CAFAI-VM-04.
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
#   references:
#     - id: GENSEC02-BP01
#       source: AWS Well-Architected Generative AI Lens
package cafscan.controls.bedrock_agent_guardrail_version_pinned

import data.cafscan.lib
import data.cafscan.lib.bedrock

# No guardrail at all is CAFAI-VM-04's finding, not this control's.
out_of_scope if {
	bedrock.known
	not bedrock.agent_has_guardrail
}

version := bedrock.agent_guardrail.guardrailVersion

has_version if {
	is_string(version)
	version != ""
}

published if regex.match(`^[1-9][0-9]*$`, version)

missing contains bedrock.configuration_missing if not bedrock.known

missing contains sprintf("the version of guardrail %s used by the agent is not in the inventory", [bedrock.agent_guardrail_id]) if {
	not has_version
}

violations contains msg if {
	upper(version) == "DRAFT"
	msg := sprintf("Agent %s uses the working draft (DRAFT) of guardrail %s instead of a published version.", [lib.label, bedrock.agent_guardrail_id])
}

violations contains msg if {
	has_version
	upper(version) != "DRAFT"
	not published
	msg := sprintf("Agent %s uses guardrail %s at version \"%s\", which is not a published version number.", [lib.label, bedrock.agent_guardrail_id, version])
}
