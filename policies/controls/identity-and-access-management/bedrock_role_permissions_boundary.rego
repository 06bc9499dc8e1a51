# METADATA
# title: Roles that Bedrock agents and AgentCore can assume have a restrictive permissions boundary
# description: >-
#   A role whose trust policy lets bedrock.amazonaws.com or bedrock-agentcore.amazonaws.com
#   assume it (agents, knowledge bases, flows, AgentCore runtimes and gateways) has a
#   permissions boundary (configuration permissionsBoundary.permissionsBoundaryArn, recorded by
#   AWS Config and by the live collector; null when there is none), and the boundary actually
#   limits the role: it is not the AWS managed AdministratorAccess, PowerUserAccess or
#   IAMFullAccess policy, and a customer managed boundary's default version does not itself
#   allow administrator access (every action, or iam:* on every resource). A boundary policy
#   that is not in the inventory, an AWS managed boundary cafscan does not know
#   (policies/lib/iam_aws_managed.rego), or an absent permissionsBoundary field (a source that lists
#   roles without it), is not evaluated. Roles no Bedrock service assumes are not applicable.
# custom:
#   id: CAFAI-IAM-86
#   capability: identity-and-access-management
#   component: model
#   severity: medium
#   resource_types: ["AWS::IAM::Role"]
#   related_resource_types: ["AWS::IAM::Policy"]
#   related_fields:
#     "AWS::IAM::Policy": [configuration.policyVersionList]
#   caf_section: "Vulnerability management"
#   rationale: >-
#     CAF-AI's Vulnerability management section asks that LLMs be limited to the specific
#     authorizations they need, without actions of wide operational impact. An agent's role is
#     edited over time (a new action group, a quick fix during an incident); a permissions
#     boundary set by the platform team caps what any later policy on the role can grant, so a
#     prompt-injected agent cannot reach beyond it even when its own policy drifts. The Generative
#     AI Lens names permissions boundaries for agentic workflows. A boundary that is itself
#     AdministratorAccess caps nothing, so this control judges the boundary, not only its presence.
#   remediation:
#     console: >-
#       IAM console > Roles > the agent's role > Permissions > Permissions boundary > Set
#       permissions boundary: choose a customer managed policy that allows only what agents may
#       ever do (invoke the approved models, read the knowledge-base buckets, call the action-group
#       functions), then Set boundary.
#     cli: >-
#       aws iam put-role-permissions-boundary --role-name AmazonBedrockExecutionRoleForAgents_NAME
#       --permissions-boundary arn:aws:iam::ACCOUNT_ID:policy/bedrock-agent-boundary
#     terraform: |-
#       resource "aws_iam_role" "agent" {
#         name                 = "AmazonBedrockExecutionRoleForAgents_claims"
#         assume_role_policy   = data.aws_iam_policy_document.bedrock_trust.json
#         permissions_boundary = aws_iam_policy.bedrock_agent_boundary.arn
#       }
#     cloudformation: |-
#       AgentRole:
#         Type: AWS::IAM::Role
#         Properties:
#           AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: bedrock.amazonaws.com }, Action: sts:AssumeRole }] }
#           PermissionsBoundary: !Ref BedrockAgentBoundary
#   references:
#     - id: Permissions boundaries for IAM entities
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
#     - id: Create a service role for Amazon Bedrock Agents
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html
package cafscan.controls.bedrock_role_permissions_boundary

import data.cafscan.lib
import data.cafscan.lib.policy

services := {"bedrock.amazonaws.com", "bedrock-agentcore.amazonaws.com"}

trusted := {svc |
	some s in policy.trusted_services(lib.role_trust_policy)
	svc := lower(s)
	svc in services
}

out_of_scope if {
	lib.role_trust_recorded
	count(trusted) == 0
}

missing contains "the role's trust policy is not in the inventory" if not lib.role_trust_recorded

boundary_recorded if "permissionsBoundary" in object.keys(lib.configuration)

missing contains "the role's permissions boundary is not in the inventory" if not boundary_recorded

# Config and the live collector write camelCase; an SDK-shaped inventory may carry PascalCase.
boundary_arn := arn if {
	b := lib.configuration.permissionsBoundary
	is_object(b)
	some key in ["permissionsBoundaryArn", "PermissionsBoundaryArn"]
	arn := b[key]
	is_string(arn)
	arn != ""
}

has_boundary if boundary_arn

services_text := concat(" and ", sort(trusted))

# (An absent field is missing, which wins over this.)
violations contains concat("", ["Role ", lib.label, ", assumable by ", services_text, ", has no permissions boundary."]) if {
	not has_boundary
}

# AWS managed policies are known by name only; these cap nothing.
unbounded_managed := {"AdministratorAccess", "PowerUserAccess", "IAMFullAccess"}

violations contains concat("", ["Role ", lib.label, ", assumable by ", services_text, ", has the permissions boundary ", name, ", which allows administrator access and so limits nothing."]) if {
	lib.iam_aws_managed_policy(boundary_arn)
	name := lib.iam_policy_name(boundary_arn)
	name in unbounded_managed
}

boundary_document := lib.iam_default_policy_document(lib.related(boundary_arn))

violations contains concat("", ["Role ", lib.label, ", assumable by ", services_text, ", has the permissions boundary ", lib.iam_policy_name(boundary_arn), ", which allows administrator access and so limits nothing."]) if {
	policy.administrator([boundary_document], lib.role_arn)
}

# Undefined without a boundary (boundary_arn is then undefined).
customer_boundary if not lib.iam_aws_managed_policy(boundary_arn)

# An AWS managed boundary cafscan does not know may allow everything: unknown, never "limits".
missing contains lib.iam_aws_managed_unknown_reason(name, "administrator") if {
	lib.iam_aws_managed_policy(boundary_arn)
	name := lib.iam_policy_name(boundary_arn)
	not name in unbounded_managed
	not lib.iam_aws_managed_answers(name, "administrator")
}

boundary_document_recorded if is_object(boundary_document)

missing contains concat("", ["the permissions boundary ", boundary_arn, " is not in the inventory"]) if {
	customer_boundary
	not boundary_document_recorded
}
