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

out_of_scope if lib.role_outside_ai_scope

admin_access_arn := `^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`

violations contains sprintf("Role %s, assumable by %s, has the AWS managed policy AdministratorAccess attached.", [lib.label, lib.role_ai_services_text]) if {
	count(lib.role_assumed_by_ai) > 0
	some arn in lib.role_attached_arns
	regex.match(admin_access_arn, arn)
}

violations contains sprintf("Role %s, assumable by %s, has %s, which allows every action on every resource.", [lib.label, lib.role_ai_services_text, d.source]) if {
	count(lib.role_assumed_by_ai) > 0
	some d in lib.role_policy_documents
	lib.grants_full_admin(d.doc)
}

# Missing data only matters while no violation is certain: a role that already has
# administrator access fails whatever the unrecorded policies say.
missing contains gap if {
	count(violations) == 0
	some gap in lib.role_policy_gaps
}
