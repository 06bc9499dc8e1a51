# METADATA
# title: The organization opts out of AI services data use, and child policies cannot opt back in
# description: >-
#   The account belongs to an AWS Organization whose root has the AI services opt-out policy
#   type enabled and an attached opt-out policy that sets the default for every AI service
#   (services.default) to optOut with @@operators_allowed_for_child_policies ["@@none"], and
#   no attached opt-out policy anywhere in the organization opts a service back in. An account
#   outside any organization fails: the opt-out policy is the documented way to stop AWS AI
#   services from storing and using content to improve the services. Only the management
#   account or a delegated administrator can read the policies; elsewhere the result is not
#   evaluated with the reason. Reported once per account. AWS Config does not record
#   Organizations policies: on Config-only input the result is not evaluated.
# custom:
#   id: CAFAI-SG-90
#   capability: security-governance
#   component: input
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::::Account"]
#   related_fields:
#     "AWS::::Account": []
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI Security governance asks who approves the use of data in AI and that the lawful
#     use of that data is weighed before it is processed. Some AWS AI services may store and use
#     the content they process (prompts, documents, audio, images) to develop and improve the
#     services unless the organization opts out with an AI services opt-out policy. Prowler's
#     check passes on any policy that opts out by default with the child operators locked,
#     whether or not it is attached to the root and whether another attached policy opts a
#     service back in; this control requires the policy type enabled and the policy attached to
#     the root, and fails on any attached policy that opts a service in.
#   remediation:
#     console: >-
#       From the management account: AWS Organizations console > Policies > AI services opt-out
#       policies > Enable; Create policy with the content
#       {"services":{"default":{"opt_out_policy":{"@@operators_allowed_for_child_policies":["@@none"],"@@assign":"optOut"}}}};
#       then Targets > Attach to the root. Remove or change any policy that assigns optIn to a
#       service. An account outside an organization: create an organization (it becomes the
#       management account) and do the same.
#     cli: >-
#       aws organizations enable-policy-type --root-id ROOT_ID --policy-type AISERVICES_OPT_OUT_POLICY
#       && aws organizations create-policy --type AISERVICES_OPT_OUT_POLICY --name opt-out-all
#       --description "Opt out of all AI services" --content file://opt-out-all.json
#       && aws organizations attach-policy --policy-id POLICY_ID --target-id ROOT_ID
#     terraform: |-
#       resource "aws_organizations_policy" "ai_opt_out" {
#         name = "opt-out-all"
#         type = "AISERVICES_OPT_OUT_POLICY"
#         content = jsonencode({
#           services = {
#             default = {
#               opt_out_policy = {
#                 "@@operators_allowed_for_child_policies" = ["@@none"]
#                 "@@assign"                                = "optOut"
#               }
#             }
#           }
#         })
#       }
#
#       resource "aws_organizations_policy_attachment" "root" {
#         policy_id = aws_organizations_policy.ai_opt_out.id
#         target_id = aws_organizations_organization.this.roots[0].id
#       }
#     cloudformation: |-
#       AiOptOutPolicy:
#         Type: AWS::Organizations::Policy
#         Properties:
#           Name: opt-out-all
#           Type: AISERVICES_OPT_OUT_POLICY
#           TargetIds: [!Ref RootId]
#           Content:
#             services:
#               default:
#                 opt_out_policy:
#                   "@@operators_allowed_for_child_policies": ["@@none"]
#                   "@@assign": optOut
#   references:
#     - id: AI services opt-out policies
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out.html
#     - id: AI services opt-out policy syntax and examples
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out_syntax.html
#     - id: Organizations API reference, ListRoots (PolicyTypes)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html
package cafscan.controls.organizations_ai_services_opt_out

import data.cafscan.lib
import data.cafscan.lib.account_facts

fact_name := "aiServicesOptOut"

policy_type := "AISERVICES_OPT_OUT_POLICY"

fact := lib.configuration[fact_name]

has_fact if is_object(fact)

# Account-wide: one finding per account.
out_of_scope if account_facts.not_reporting_region

missing contains reason if {
	not has_fact
	reason := unknown_reason
}

unknown_reason := reason if {
	reason := account_facts.own_unknown_reason(fact_name, "the organization's AI services opt-out configuration")
} else := "the organization's AI services opt-out configuration is not in the inventory (configuration.aiServicesOptOut)"

account_id := lib.text(lib.resource.accountId)

outside if fact.inOrganization == false

inside if fact.inOrganization == true

missing contains "whether the account is in an AWS Organization is not in the inventory" if {
	has_fact
	not outside
	not inside
}

violations contains concat("", [
	"Account ", account_id, " is not in an AWS Organization, so no AI services opt-out policy applies: AWS AI services may store and use its content to improve the services.",
]) if outside

org_name := lib.text(fact.organizationId) if is_string(fact.organizationId)

else := "of this account"

roots := [r | some r in fact.roots; is_object(r)] if is_array(fact.roots)

else := []

root_ids := {r.id | some r in roots}

has_policies if is_array(fact.policies)

policies := [p | some p in fact.policies; is_object(p)] if has_policies

else := []

missing contains concat("", ["the roots of organization ", org_name, " are not in the inventory"]) if {
	inside
	count(roots) == 0
}

missing contains concat("", ["the AI services opt-out policies of organization ", org_name, " are not in the inventory"]) if {
	inside
	not has_policies
}

type_enabled if {
	some root in roots
	some t in root.policyTypes
	t.type == policy_type
	t.status == "ENABLED"
}

# (Outside an organization there are no roots; with none known `missing` wins.)
violations contains concat("", [
	"The AI services opt-out policy type is not enabled on the root of organization ", org_name, ", so no opt-out policy applies to account ", account_id, ".",
]) if {
	count(roots) > 0
	not type_enabled
}

targets(p) := [t | some t in p.targets; is_object(t)] if is_array(p.targets)

else := []

attached(p) if count(targets(p)) > 0

on_root(p) if {
	some t in targets(p)
	t.targetId in root_ids
}

missing contains concat("", ["the content of AI services opt-out policy ", lib.text(p.id), " is not in the inventory"]) if {
	some p in policies
	attached(p)
	not has_content(p)
}

has_content(p) if is_object(p.content)

default_entry(p) := p.content.services.default.opt_out_policy

opts_out_default(p) if default_entry(p)["@@assign"] == "optOut"

locked(p) if default_entry(p)["@@operators_allowed_for_child_policies"] == ["@@none"]

root_opts_out if {
	some p in policies
	on_root(p)
	opts_out_default(p)
}

root_opts_out_locked if {
	some p in policies
	on_root(p)
	opts_out_default(p)
	locked(p)
}

violations contains concat("", [
	"No AI services opt-out policy attached to the root of organization ", org_name, " opts out of all AI services (services.default set to optOut).",
]) if {
	type_enabled
	not root_opts_out
}

violations contains concat("", [
	"The AI services opt-out policy attached to the root of organization ", org_name, " lets child policies override the default opt-out (services.default.opt_out_policy needs @@operators_allowed_for_child_policies [\"@@none\"]).",
]) if {
	type_enabled
	root_opts_out
	not root_opts_out_locked
}

# An attached policy that opts a service in overrides the opt-out where it applies (a policy
# attached nowhere has no effect).
service_label("default") := "every AI service (default)"

service_label(service) := lib.text(service) if service != "default"

target_name(t) := lib.text(t.name) if is_string(t.name)

else := lib.text(t.targetId)

violations contains msg if {
	type_enabled
	some p in policies
	attached(p)
	some service, entry in p.content.services
	entry.opt_out_policy["@@assign"] == "optIn"
	msg := concat("", [
		"AI services opt-out policy ", lib.text(p.id), " (attached to ", concat(", ", sort([target_name(t) | some t in targets(p)])), ") opts ", service_label(service), " in: that service may store and use content to improve itself.",
	])
}
