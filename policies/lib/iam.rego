# IAM helpers shared by controls (kept apart from lib.rego; same package, so call them as
# lib.iam_*). Keys follow the inventory model: IAM documents are already decoded to objects.
package cafscan.lib

# AWS managed policies (arn:<partition>:iam::aws:policy/...) are never recorded as
# AWS::IAM::Policy resources, so they can only be judged by their ARN.
iam_aws_managed_policy(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/`, arn)

# The policy's name: the last segment of its ARN ("AdministratorAccess").
iam_policy_name(arn) := name if {
	parts := split(arn, "/")
	name := parts[count(parts) - 1]
}

# The document of the default version of a customer managed policy resource
# (configuration.policyVersionList[isDefaultVersion]); undefined when it is not recorded.
iam_default_policy_document(policy) := docs[0] if {
	versions := object.get(object.get(policy, "configuration", {}), "policyVersionList", [])
	docs := [v.document | some v in versions; v.isDefaultVersion == true]
	count(docs) > 0
}

# --- the IAM role under evaluation, as an AI service's execution role ----------------------------

ai_services := {"sagemaker.amazonaws.com", "bedrock.amazonaws.com"}

role_trust_policy := configuration.assumeRolePolicyDocument

role_trust_recorded if is_object(role_trust_policy)

# The AI services that can assume the role.
role_assumed_by_ai := {svc |
	some trusted in trusted_services(role_trust_policy)
	svc := lower(trusted)
	svc in ai_services
}

# A role no AI service assumes is outside the AI role controls (not applicable); a role whose
# trust policy is unknown is not out of scope — it is missing data.
role_outside_ai_scope if {
	role_trust_recorded
	count(role_assumed_by_ai) == 0
}

role_ai_services_text := concat(" and ", sort(role_assumed_by_ai))

role_attached_arns := [p.policyArn | some p in as_array(object.get(configuration, "attachedManagedPolicies", [])); is_string(p.policyArn)]

role_inline_policies := as_array(object.get(configuration, "rolePolicyList", []))

role_customer_managed_arns := {arn | some arn in role_attached_arns; not iam_aws_managed_policy(arn)}

# Every policy document that applies to the role, with how to name it in a message.
role_policy_documents contains {"source": sprintf("inline policy %s", [p.policyName]), "doc": p.policyDocument} if {
	some p in role_inline_policies
	is_object(p.policyDocument)
}

role_policy_documents contains {"source": sprintf("customer managed policy %s", [iam_policy_name(arn)]), "doc": doc} if {
	some arn in role_customer_managed_arns
	doc := iam_default_policy_document(related(arn))
	is_object(doc)
}

# What stops the role's permissions from being known completely.
role_policy_gaps contains "the role's trust policy is not in the inventory" if not role_trust_recorded

role_policy_gaps contains "the role's attached managed policies are not in the inventory" if not is_array(configuration.attachedManagedPolicies)

role_policy_gaps contains "the role's inline policies are not in the inventory" if not is_array(configuration.rolePolicyList)

role_policy_gaps contains sprintf("the inline policy %s could not be decoded", [object.get(p, "policyName", "(unnamed)")]) if {
	some p in role_inline_policies
	not iam_decoded(p)
}

role_policy_gaps contains sprintf("the attached policy %s is not in the inventory", [arn]) if {
	some arn in role_customer_managed_arns
	not related(arn)
}

role_policy_gaps contains sprintf("the default version of the attached policy %s is not in the inventory", [arn]) if {
	some arn in role_customer_managed_arns
	not iam_default_recorded(related(arn))
}

iam_decoded(p) if is_object(p.policyDocument)

iam_default_recorded(policy) if is_object(iam_default_policy_document(policy))
