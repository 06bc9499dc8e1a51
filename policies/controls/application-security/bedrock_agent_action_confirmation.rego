# METADATA
# title: Bedrock agent actions that can change state require user confirmation
# description: >-
#   Every enabled action group of the agent (its working draft and each published version an
#   alias that serves traffic routes to) asks the user to confirm before it acts: each function
#   of a function-schema action group has requireConfirmation ENABLED, and each POST, PUT, PATCH
#   or DELETE operation of an inline OpenAPI schema has x-requireConfirmation ENABLED. The API
#   leaves requireConfirmation out when it was not set, and the default is DISABLED, so absent
#   means "no confirmation". Built-in action groups (a parentActionSignature such as
#   AMAZON.UserInput or AMAZON.CodeInterpreter) and disabled ones are not checked; a function
#   schema says nothing about whether a function only reads, so every function is held to it.
#   An OpenAPI schema kept in S3 or written in YAML is not read, and leaves the agent not
#   evaluated unless another action already fails. Action groups come from live collection: an
#   agent from AWS Config input has none recorded and is not evaluated, with that reason.
# custom:
#   id: CAFAI-AS-77
#   capability: application-security
#   component: output
#   severity: medium
#   resource_types: ["AWS::Bedrock::Agent"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that a generative AI application limit what the model can
#     do on its own, and OWASP's excessive-agency risk is the case where a model, misled by a
#     prompt injection or a wrong inference, calls a tool that changes something. An action
#     group's Lambda function or API runs whatever the model decides; with user confirmation
#     on, the agent shows the user the action and its parameters and runs it only after an
#     explicit yes, which keeps a human between the model's decision and its effect. Peers do
#     not check this; the check reads the action groups of every version an alias serves, since
#     a published version keeps the action groups it was created with.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Agents > the agent > Edit in Agent builder > Action groups > the
#       action group: for each function choose "Enable confirmation of action group function";
#       for an OpenAPI schema add "x-requireConfirmation": "ENABLED" to each operation that
#       changes state. Save, Prepare, create a new version and point the serving aliases at it.
#     cli: >-
#       aws bedrock-agent update-agent-action-group --agent-id AGENT_ID --agent-version DRAFT
#       --action-group-id ACTION_GROUP_ID --action-group-name NAME
#       --action-group-executor lambda=FUNCTION_ARN --function-schema file://functions.json
#       (each function with "requireConfirmation": "ENABLED"); then aws bedrock-agent
#       prepare-agent --agent-id AGENT_ID and update the aliases to a new version
#     terraform: |-
#       resource "aws_bedrockagent_agent_action_group" "refunds" {
#         agent_id          = aws_bedrockagent_agent.this.agent_id
#         agent_version     = "DRAFT"
#         action_group_name = "refunds"
#         action_group_executor {
#           lambda = aws_lambda_function.refunds.arn
#         }
#         function_schema {
#           member_functions {
#             functions {
#               name                 = "issue_refund"
#               require_confirmation = "ENABLED"
#               parameters {
#                 map_block_key = "claim_id"
#                 type          = "string"
#                 required      = true
#               }
#             }
#           }
#         }
#       }
#     cloudformation: |-
#       ClaimsAgent:
#         Type: AWS::Bedrock::Agent
#         Properties:
#           AgentName: claims-agent
#           AgentResourceRoleArn: !GetAtt AgentRole.Arn
#           FoundationModel: anthropic.claude-3-haiku-20240307-v1:0
#           ActionGroups:
#             - ActionGroupName: refunds
#               ActionGroupExecutor:
#                 Lambda: !GetAtt RefundsFunction.Arn
#               FunctionSchema:
#                 Functions:
#                   - Name: issue_refund
#                     RequireConfirmation: ENABLED
#                     Parameters:
#                       claim_id:
#                         Type: string
#                         Required: true
#   references:
#     - id: Get user confirmation before invoking an action group function
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/agents-userconfirmation.html
#     - id: Function (requireConfirmation)
#       source: Amazon Bedrock API Reference
#       url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_Function.html
package cafscan.controls.bedrock_agent_action_confirmation

import data.cafscan.lib
import data.cafscan.lib.bedrock

# The versions that run: the working draft (the test alias serves it) and the served ones.
versions := {"DRAFT"} | {v | some v, _ in bedrock.served_versions}

recorded := bedrock.obj(lib.supplementary.ActionGroups)

groups_of(v) := recorded[v] if is_array(recorded[v])

version_label(v) := "working draft" if v == "DRAFT"

else := bedrock.version_label(v)

built_in(g) if {
	is_string(g.parentActionSignature)
	g.parentActionSignature != ""
}

# Absent state is enabled (it is only absent from records that predate it).
checked_groups(v) := [g |
	some g in groups_of(v)
	is_object(g)
	not g.actionGroupState == "DISABLED"
	not built_in(g)
]

group_name(g) := lib.text(object.get(g, "actionGroupName", object.get(g, "actionGroupId", "?")))

# --- what acts without confirmation ----------------------------------------------------------

confirmed(x, key) if x[key] == "ENABLED"

unconfirmed_functions(g) := sort([lib.text(f.name) |
	some f in bedrock.list(bedrock.field(bedrock.field(g, "functionSchema"), "functions"))
	is_object(f)
	not confirmed(f, "requireConfirmation")
])

payload(g) := p if {
	p := bedrock.field(bedrock.field(g, "apiSchema"), "payload")
	is_string(p)
}

document(g) := json.unmarshal(payload(g)) if json.is_valid(payload(g))

changing_methods := {"post", "put", "patch", "delete"}

unconfirmed_operations(g) := sort([concat(" ", [upper(method), path]) |
	some path, operations in bedrock.obj(bedrock.field(document(g), "paths"))
	some method, operation in bedrock.obj(operations)
	lower(method) in changing_methods
	not confirmed(bedrock.obj(operation), "x-requireConfirmation")
])

unconfirmed_in(g) := array.concat(unconfirmed_functions(g), unconfirmed_operations(g))

violations contains concat("", ["Agent ", lib.label, " (", version_label(v), ") runs action group ", group_name(g), " without user confirmation for ", concat(", ", names), "."]) if {
	some v in versions
	some g in checked_groups(v)
	names := unconfirmed_in(g)
	count(names) > 0
}

# --- what is unknown (reported only when nothing already fails) ----------------------------------

unknown contains bedrock.configuration_missing if not bedrock.known

unknown contains bedrock.aliases_unknown_reason

unknown contains concat("", ["the action groups of the agent's ", version_label(v), " could not be read: ", lib.text(error)]) if {
	some v in versions
	not groups_of(v)
	error := lib.resource.collectionErrors.ActionGroups
}

unknown contains concat("", ["the action groups of the agent's ", version_label(v), " are not in the inventory (supplementaryConfiguration.ActionGroups)"]) if {
	some v in versions
	not groups_of(v)
	not lib.resource.collectionErrors.ActionGroups
}

schema_in_s3(g) if is_object(bedrock.field(bedrock.field(g, "apiSchema"), "s3"))

unknown contains concat("", ["action group ", group_name(g), " of the agent's ", version_label(v), " keeps its OpenAPI schema in S3, which cafscan does not read"]) if {
	some v in versions
	some g in checked_groups(v)
	schema_in_s3(g)
}

unknown contains concat("", ["action group ", group_name(g), " of the agent's ", version_label(v), " has an OpenAPI schema that is not JSON (YAML is not read)"]) if {
	some v in versions
	some g in checked_groups(v)
	p := payload(g)
	not json.is_valid(p)
}

has_schema(g) if is_object(g.functionSchema)

has_schema(g) if is_object(g.apiSchema)

unknown contains concat("", ["the schema of action group ", group_name(g), " of the agent's ", version_label(v), " is not in the inventory"]) if {
	some v in versions
	some g in checked_groups(v)
	not has_schema(g)
}

missing contains reason if {
	count(violations) == 0
	some reason in unknown
}
