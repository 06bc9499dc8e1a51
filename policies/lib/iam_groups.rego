# The groups of the IAM user under evaluation and the policies they add (same package as
# lib.rego; call them as lib.iam_*). A user's effective permissions are its own policies and
# those of every group it belongs to (Config's groupList: group names). Controls that read these
# declare "AWS::IAM::Group": [configuration.groupName, configuration.groupPolicyList,
# configuration.attachedManagedPolicies] and "AWS::IAM::Policy": [configuration.policyVersionList].
package cafscan.lib

iam_group_type := "AWS::IAM::Group"

iam_user_group_names := [n |
	input.resource.type == "AWS::IAM::User"
	some n in as_array(object.get(configuration, "groupList", []))
	is_string(n)
]

iam_user_groups_recorded if is_array(configuration.groupList)

iam_group_name(g) := object.get(g.configuration, "groupName", g.name)

# One pass over the account's groups (a rule, evaluated once per resource): a lookup function
# called per group name was measured 20x slower in opa-wasm.
iam_user_groups := [g |
	count(iam_user_group_names) > 0
	some g in same_account_of_type(iam_group_type)
	iam_group_name(g) in iam_user_group_names
]

iam_user_groups_found := {iam_group_name(g) | some g in iam_user_groups}

iam_user_group_documents contains {"source": concat("", ["inline policy ", iam_inline_name(p), " of group ", g.name]), "doc": p.policyDocument} if {
	some g in iam_user_groups
	some p in as_array(object.get(g.configuration, "groupPolicyList", []))
	is_object(p.policyDocument)
}

# [group name, policy ARN] of every policy attached to one of the user's groups.
iam_user_group_attached contains [g.name, p.policyArn] if {
	some g in iam_user_groups
	some p in as_array(object.get(g.configuration, "attachedManagedPolicies", []))
	is_string(p.policyArn)
}

iam_user_group_documents contains {"source": concat("", ["customer managed policy ", iam_policy_name(arn), " of group ", name]), "doc": doc} if {
	some [name, arn] in iam_user_group_attached
	not iam_aws_managed_policy(arn)
	doc := iam_default_policy_document(related(arn))
	is_object(doc)
}

# Every recorded document that applies to the principal: its own and, for a user, its groups'.
iam_principal_documents := iam_policy_documents | iam_user_group_documents

iam_principal_document_list := [d.doc | some d in iam_principal_documents]

# [AWS managed policy name, how the principal has it ("" or " through group G")]: AWS managed
# policies are never in the inventory and are known by name only.
iam_principal_managed := {[name, ""] | some name in iam_attached_aws_managed_names} | {[name, concat("", [" through group ", g])] |
	some [g, arn] in iam_user_group_attached
	iam_aws_managed_policy(arn)
	name := iam_policy_name(arn)
}

# What stops the principal's permissions, groups included, from being known completely.
iam_principal_gaps := iam_policy_gaps | iam_user_group_gaps

iam_user_group_gaps contains "the user's groups are not in the inventory" if {
	input.resource.type == "AWS::IAM::User"
	not iam_user_groups_recorded
}

iam_user_group_gaps contains concat("", ["the group ", name, " is not in the inventory"]) if {
	some name in iam_user_group_names
	not name in iam_user_groups_found
}

iam_user_group_gaps contains concat("", ["the policies of group ", g.name, " are not in the inventory"]) if {
	some g in iam_user_groups
	some key in ["groupPolicyList", "attachedManagedPolicies"]
	not is_array(object.get(g.configuration, key, null))
}

iam_user_group_gaps contains concat("", ["the inline policy ", iam_inline_name(p), " of group ", g.name, " could not be decoded"]) if {
	some g in iam_user_groups
	some p in as_array(object.get(g.configuration, "groupPolicyList", []))
	is_object(p)
	not is_object(object.get(p, "policyDocument", null))
}

iam_user_group_gaps contains concat("", ["the attached policy ", arn, " of group ", name, " is not in the inventory"]) if {
	some [name, arn] in iam_user_group_attached
	not iam_aws_managed_policy(arn)
	not iam_policy_recorded(arn)
}

# A helper rule: `not f(related(arn))` is undefined, not true, when the policy is absent.
iam_policy_recorded(arn) if iam_default_recorded(related(arn))

# --- what the principal can rewrite to give itself any permission --------------------------------
# Besides IAM writes on the principal itself (policy.escalation_actions on its own ARN): a new
# default version of a customer managed policy attached to it (iam:CreatePolicyVersion with
# --set-as-default is in effect at once for everyone it is attached to,
# https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html), and, for a
# user, a policy put on or attached to one of its groups.
# (Two rules: a role's targets read no group, so controls on roles declare no group fields.)
iam_self_rewrite_targets contains {"arn": arn, "what": concat("", ["its attached policy ", iam_policy_name(arn)]), "actions": ["iam:CreatePolicyVersion"]} if {
	some arn in iam_customer_managed_arns
}

iam_user_self_rewrite_targets := iam_self_rewrite_targets | iam_user_group_rewrite_targets

iam_user_group_rewrite_targets contains {"arn": arn, "what": concat("", ["the policy ", iam_policy_name(arn), " of its group ", g]), "actions": ["iam:CreatePolicyVersion"]} if {
	some [g, arn] in iam_user_group_attached
	not iam_aws_managed_policy(arn)
}

iam_user_group_rewrite_targets contains {"arn": g.arn, "what": concat("", ["its group ", g.name]), "actions": ["iam:PutGroupPolicy", "iam:AttachGroupPolicy"]} if {
	some g in iam_user_groups
	is_string(g.arn)
}
