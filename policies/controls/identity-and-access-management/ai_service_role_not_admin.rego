# METADATA
# title: Roles that SageMaker or Bedrock can assume do not have administrator access
# description: >-
#   A role whose trust policy lets sagemaker.amazonaws.com or bedrock.amazonaws.com assume
#   it has neither the AWS managed AdministratorAccess policy attached nor an inline or
#   customer managed policy (its default version) that allows every action on every
#   resource. Other roles are not applicable. An attached customer managed policy that is
#   not in the inventory makes the result not evaluated unless a violation is already
#   certain.
# custom:
#   id: CAFAI-IAM-01
#   capability: identity-and-access-management
#   component: model
#   severity: critical
#   resource_types: ["AWS::IAM::Role"]
#   related_resource_types: ["AWS::IAM::Policy"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI leaves Identity and access management to the base AWS CAF, but its Data
#     protection section warns that letting models reach protected data can open the door
#     to data-related privilege escalation, and its Vulnerability management section asks
#     to limit models to specific authorizations. The execution role of a training job,
#     endpoint, notebook, agent or knowledge base is the model's identity; with
#     administrator access, a prompt injection, a malicious model artifact or a compromised
#     notebook inherits control of the whole account.
#   remediation:
#     console: >-
#       IAM console > Roles > the role > Permissions: remove AdministratorAccess and any
#       policy that allows "*" on "*", and attach a policy limited to the buckets, keys,
#       models and logs the workload uses (SageMaker Role Manager or IAM Access Analyzer
#       policy generation can draft one from the role's recent activity).
#     cli: >-
#       aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
#       ; aws iam delete-role-policy --role-name ROLE --policy-name INLINE_POLICY
#       ; aws iam put-role-policy --role-name ROLE --policy-name scoped --policy-document file://scoped.json
#   references:
#     - id: GENSEC01-BP03
#       source: AWS Well-Architected Generative AI Lens
#     - id: GENSEC05-BP01
#       source: AWS Well-Architected Generative AI Lens
package cafscan.controls.ai_service_role_not_admin

import data.cafscan.lib

ai_services := {"sagemaker.amazonaws.com", "bedrock.amazonaws.com"}

trust_policy := lib.configuration.assumeRolePolicyDocument

trust_recorded if is_object(trust_policy)

trusted_ai_services := {svc |
	some svc in lib.trusted_services(trust_policy)
	lower(svc) in ai_services
}

in_scope if count(trusted_ai_services) > 0

out_of_scope if {
	trust_recorded
	not in_scope
}

attached := lib.configuration.attachedManagedPolicies

inline := lib.configuration.rolePolicyList

attached_recorded if is_array(attached)

inline_recorded if is_array(inline)

services := concat(" and ", sort(trusted_ai_services))

admin_access_arn := `^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`

# Attached policies whose ARN is known and that are not AWS managed.
customer_managed contains arn if {
	some p in lib.as_array(attached)
	arn := p.policyArn
	is_string(arn)
	not lib.iam_aws_managed_policy(arn)
}

violations contains sprintf("Role %s, assumable by %s, has the AWS managed policy AdministratorAccess attached.", [lib.label, services]) if {
	in_scope
	some p in lib.as_array(attached)
	regex.match(admin_access_arn, p.policyArn)
}

violations contains sprintf("Role %s, assumable by %s, has inline policy %s, which allows every action on every resource.", [lib.label, services, p.policyName]) if {
	in_scope
	some p in lib.as_array(inline)
	lib.grants_full_admin(p.policyDocument)
}

violations contains sprintf("Role %s, assumable by %s, has customer managed policy %s attached, which allows every action on every resource.", [lib.label, services, arn]) if {
	in_scope
	some arn in customer_managed
	lib.grants_full_admin(lib.iam_default_policy_document(lib.related(arn)))
}

# Missing data only matters while no violation is certain: a role that already has
# administrator access fails whatever the unrecorded policies say.
missing contains "the role's trust policy is not in the inventory" if not trust_recorded

missing contains "the role's attached managed policies are not in the inventory" if {
	count(violations) == 0
	not attached_recorded
}

missing contains "the role's inline policies are not in the inventory" if {
	count(violations) == 0
	not inline_recorded
}

missing contains sprintf("the attached policy %s is not in the inventory", [arn]) if {
	count(violations) == 0
	some arn in customer_managed
	not lib.related(arn)
}

missing contains sprintf("the default version of the attached policy %s is not in the inventory", [arn]) if {
	count(violations) == 0
	some arn in customer_managed
	policy := lib.related(arn)
	not default_document_recorded(policy)
}

default_document_recorded(policy) if is_object(lib.iam_default_policy_document(policy))

missing contains sprintf("the inline policy %s could not be decoded", [name]) if {
	count(violations) == 0
	some p in lib.as_array(inline)
	not inline_decoded(p)
	name := object.get(p, "policyName", "(unnamed)")
}

inline_decoded(p) if is_object(p.policyDocument)
