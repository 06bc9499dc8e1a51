# IAM helpers shared by controls (kept apart from lib.rego; same package, so call them as
# lib.iam_*). Keys follow the inventory model: IAM documents are already decoded to objects.
package cafscan.lib

import data.cafscan.lib.policy

# AWS managed policies (arn:<partition>:iam::aws:policy/...) are never recorded as
# AWS::IAM::Policy resources, so they can only be judged by their ARN.
# That is ^arn:aws[a-z-]*:iam::aws:policy/ in string tests: a regex is compiled on every call in
# opa-wasm (measured ~20 µs), and this runs for every attached policy of every principal, several
# times per evaluation. The partition (the field after "arn:") is "aws" and letters or "-"
# (trim leaves nothing of a text made only of its cutset), and the ARN goes on with the rest.
iam_aws_managed_policy(arn) if {
	contains(arn, ":iam::aws:policy/")
	startswith(arn, "arn:aws")
	partition := split(arn, ":")[1]
	trim(substring(partition, 3, -1), "abcdefghijklmnopqrstuvwxyz-") == ""
	startswith(arn, concat("", ["arn:", partition, ":iam::aws:policy/"]))
}

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
}

# --- the IAM principal (role, user or group) under evaluation -----------------------------------

# Where each principal type keeps its inline policies (Config's configuration item keys).
iam_inline_keys := {"AWS::IAM::Role": "rolePolicyList", "AWS::IAM::User": "userPolicyList", "AWS::IAM::Group": "groupPolicyList"}

iam_inline_key := iam_inline_keys[input.resource.type]

iam_attached_recorded if is_array(configuration.attachedManagedPolicies)

iam_inline_recorded if is_array(configuration[iam_inline_key])

iam_attached_arns := [p.policyArn | some p in as_array(object.get(configuration, "attachedManagedPolicies", [])); is_string(p.policyArn)]

iam_inline_policies := [p | some p in as_array(object.get(configuration, iam_inline_key, [])); is_object(p)]

iam_customer_managed_arns := {arn | some arn in iam_attached_arns; not iam_aws_managed_policy(arn)}

iam_attached_aws_managed_names := {iam_policy_name(arn) | some arn in iam_attached_arns; iam_aws_managed_policy(arn)}

# Every recorded policy document that applies to the principal, with how to name it in a message.
iam_policy_documents contains {"source": concat("", ["inline policy ", iam_inline_name(p)]), "doc": p.policyDocument} if {
	some p in iam_inline_policies
	is_object(p.policyDocument)
}

iam_policy_documents contains {"source": concat("", ["customer managed policy ", iam_policy_name(arn)]), "doc": doc} if {
	some arn in iam_customer_managed_arns
	doc := iam_default_policy_document(related(arn))
	is_object(doc)
}

# The documents alone, for questions about their union (a Deny in one removes an Allow of another).
iam_documents := [d.doc | some d in iam_policy_documents]

# --- a prefilter for action questions over iam_documents ---------------------------------------
# Controls that ask policy.allowed_somewhere (or allowed) about dozens of actions walk every
# statement and pattern of the documents for each (measured: ~150 µs per SageMaker training
# role in CAFAI-VM-02). Some Allow statement covering the action is necessary for either answer,
# and that is decided here from the documents' Allow patterns, collected once per resource:
# an action named exactly is a set lookup, only wildcard patterns are matched one by one.

# Every Action pattern of an Allow statement, lower case (policy.action_matches compares so).
iam_allow_action_patterns := {lower(p) |
	some doc in iam_documents
	some st in policy.statements(doc)
	policy.allow(st)
	some p in policy.values(st.Action)
	is_string(p)
}

iam_allow_exact_actions := {p | some p in iam_allow_action_patterns; not policy.wildcard(p)}

iam_allow_wildcard_actions := {p | some p in iam_allow_action_patterns; policy.wildcard(p)}

# An Allow with NotAction (and no Action) may cover any action: the prefilter then lets all through.
iam_allow_not_action if {
	some doc in iam_documents
	some st in policy.statements(doc)
	policy.allow(st)
	not policy.has(st, "Action")
	policy.has(st, "NotAction")
}

# Whether some Allow statement of iam_documents may cover `action` (policy.covers_action): false
# means neither allowed_somewhere nor allowed can hold for it.
iam_may_allow(action) if {
	iam_allow_not_action
} else if {
	lower(action) in iam_allow_exact_actions
} else if {
	some p in iam_allow_wildcard_actions
	policy.matches(p, lower(action))
}

iam_inline_name(p) := p.policyName if is_string(p.policyName)

else := "(unnamed)"

# What stops the principal's permissions from being known completely. Absent lists are unknown
# (A ListRoles-based source has none), never "no policies".
iam_policy_gaps contains "the attached managed policies are not in the inventory" if not iam_attached_recorded

iam_policy_gaps contains "the inline policies are not in the inventory" if not iam_inline_recorded

iam_policy_gaps contains concat("", ["the inline policy ", iam_inline_name(p), " could not be decoded"]) if {
	some p in iam_inline_policies
	not iam_decoded(p)
}

iam_policy_gaps contains concat("", ["the attached policy ", arn, " is not in the inventory"]) if {
	some arn in iam_customer_managed_arns
	not related(arn)
}

iam_policy_gaps contains concat("", ["the default version of the attached policy ", arn, " is not in the inventory"]) if {
	some arn in iam_customer_managed_arns
	related(arn)
	not iam_default_recorded(related(arn))
}

iam_decoded(p) if is_object(p.policyDocument)

iam_default_recorded(policy) if is_object(iam_default_policy_document(policy))

# --- the IAM role under evaluation, as an AI service's execution role ----------------------------

ai_services := {"sagemaker.amazonaws.com", "bedrock.amazonaws.com"}

role_trust_policy := configuration.assumeRolePolicyDocument

role_trust_recorded if is_object(role_trust_policy)

# The AI services that can assume the role.
role_assumed_by_ai := {svc |
	some trusted in policy.trusted_services(role_trust_policy)
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

# The role's own ARN, for "can it change its own permissions" (configuration.arn in Config). An
# inventory without it gets a name no real pattern names, so only wildcards match it.
role_arn := input.resource.arn if is_string(input.resource.arn)

else := configuration.arn if is_string(configuration.arn)

else := "arn:aws:iam::\u0001:role/\u0001\u0002"

# The partition and account of the resource, for ARNs built to probe a policy.
iam_partition := p if {
	parts := split(role_arn, ":")
	count(parts) > 2
	p := parts[1]
} else := "aws"

iam_account := input.resource.accountId if is_string(input.resource.accountId)

else := "\u0001"

# What stops the role's permissions from being known completely.
role_policy_gaps contains "the role's trust policy is not in the inventory" if not role_trust_recorded

role_policy_gaps contains gap if some gap in iam_policy_gaps
