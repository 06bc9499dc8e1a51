# METADATA
# title: Each Bedrock agent has a service role of its own
# description: >-
#   No other Bedrock agent in the same account (in any region) uses the agent's service role
#   (agentResourceRoleArn). A role shared by several agents must hold the union of their
#   permissions, so each agent can reach the models, knowledge bases and data of the others,
#   and CloudTrail cannot tell which agent acted.
# custom:
#   id: CAFAI-IAM-05
#   capability: identity-and-access-management
#   component: model
#   severity: medium
#   resource_types: ["AWS::Bedrock::Agent"]
#   related_resource_types: ["AWS::Bedrock::Agent", "AWS::::Account"]
#   related_fields:
#     "AWS::Bedrock::Agent": [configuration.agentResourceRoleArn]
#     "AWS::::Account": [configuration.collectedTypes]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection warns that letting models reach protected data can open the way to
#     data-related privilege escalation, and Vulnerability management asks that LLMs be limited
#     to the specific authorizations they need. An agent acts with its service role on whatever
#     a prompt steers it to; when several agents share that role, injecting one agent gives
#     access to every other agent's knowledge bases, models and actions. One role per agent
#     keeps each agent's reach to its own task and makes its calls attributable.
#   remediation:
#     console: >-
#       IAM console > Roles > Create role: trusted entity "AWS service", use case Bedrock, with
#       a trust policy limited to this agent (aws:SourceArn) and only the permissions this agent
#       needs. Then Amazon Bedrock console > Agents > the agent > Edit in Agent builder > Agent
#       resource role > Use an existing service role: choose the new role, save, and Prepare.
#     cli: >-
#       aws iam create-role --role-name AmazonBedrockExecutionRoleForAgents_NAME
#       --assume-role-policy-document file://agent-trust.json && aws iam put-role-policy
#       --role-name AmazonBedrockExecutionRoleForAgents_NAME --policy-name agent
#       --policy-document file://agent-permissions.json && aws bedrock-agent update-agent
#       --agent-id AGENT_ID --agent-name NAME --foundation-model MODEL_ID
#       --agent-resource-role-arn arn:aws:iam::ACCOUNT:role/AmazonBedrockExecutionRoleForAgents_NAME
#       && aws bedrock-agent prepare-agent --agent-id AGENT_ID
#     terraform: |-
#       resource "aws_iam_role" "claims_agent" {
#         name = "AmazonBedrockExecutionRoleForAgents_claims"
#         assume_role_policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect    = "Allow"
#             Principal = { Service = "bedrock.amazonaws.com" }
#             Action    = "sts:AssumeRole"
#             Condition = {
#               StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
#               ArnLike      = { "aws:SourceArn" = "arn:aws:bedrock:${var.region}:${data.aws_caller_identity.current.account_id}:agent/*" }
#             }
#           }]
#         })
#       }
#
#       resource "aws_bedrockagent_agent" "claims" {
#         agent_name              = "claims-agent"
#         agent_resource_role_arn = aws_iam_role.claims_agent.arn # one role per agent
#         foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
#       }
package cafscan.controls.bedrock_agent_role_not_shared

import data.cafscan.lib
import data.cafscan.lib.bedrock

agent_type := "AWS::Bedrock::Agent"

role_of(configuration) := arn if {
	arn := bedrock.field(configuration, "agentResourceRoleArn")
	is_string(arn)
	arn != ""
}

# A role is its account and name: IAM role names are unique regardless of case and path
# ("role/service-role/x" and "role/X" are the same role).
role_key(arn) := [account, lower(name)] if {
	account := split(arn, ":")[4]
	segments := split(arn, "/")
	name := segments[count(segments) - 1]
}

role := role_of(lib.configuration)

has_role if role

others := [a |
	some a in lib.same_account_of_type(agent_type)
	a.arn != input.resource.arn
]

my_role_key := role_key(role)

# The role name (lower case) must appear in the other agent's role ARN before the exact key is
# built: a substring test is cheap, split + sprintf for every agent of the account is not.
my_role_name := my_role_key[1]

# Whether another agent's role ARN names the agent's role. The same ARN, character for
# character, has the same key: an account whose agents all share one role (the usual case)
# then costs a string comparison per agent instead of lower + two splits (measured: the control
# was a fifth of all evaluation time on the benchmark, 183 agents per account). The key must
# exist for either test, as role_key is undefined on an ARN with fewer than five fields.
same_role(other) if {
	other == role
	my_role_key
} else if {
	contains(lower(other), my_role_name)
	role_key(other) == my_role_key
}

sharing := sort([bedrock.name_of(a) |
	some a in others
	same_role(role_of(a.configuration))
])

other_has_role(a) if role_of(a.configuration)

unknown_roles := sort([bedrock.name_of(a) |
	some a in others
	not other_has_role(a)
])

missing contains "the agent's service role is not in the inventory" if not has_role

missing contains concat("", ["the service role of other agents in the account is not in the inventory: ", concat(", ", unknown_roles)]) if {
	has_role
	count(sharing) == 0
	count(unknown_roles) > 0
}

missing contains "the account's Bedrock agents were not collected, so another agent could use the same role" if {
	has_role
	count(sharing) == 0
	not lib.account_collected(agent_type)
}

violations contains msg if {
	count(sharing) > 0
	noun := {true: "agent", false: "agents"}[count(sharing) == 1]
	msg := concat("", ["Agent ", lib.label, " shares its service role ", lib.text(role), " with ", lib.text(noun), " ", concat(", ", sharing), "."])
}
