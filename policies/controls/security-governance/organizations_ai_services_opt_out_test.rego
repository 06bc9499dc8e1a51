package cafscan.tests.organizations_ai_services_opt_out

import data.cafscan.testing

id := "CAFAI-SG-90"

account(region, configuration) := {
	"type": "AWS::::Account", "id": sprintf("111122223333/%s", [region]),
	"arn": sprintf("arn:aws::%s:111122223333:account", [region]),
	"name": sprintf("111122223333 %s", [region]), "accountId": "111122223333", "region": region,
	"configuration": object.union({"accountId": "111122223333", "region": region, "collectedTypes": [], "failedTypes": {}}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

here(fact) := account("us-east-1", {"aiServicesOptOut": fact})

enabled_root := {"id": "r-ab12", "policyTypes": [{"type": "AISERVICES_OPT_OUT_POLICY", "status": "ENABLED"}]}

root_target := {"targetId": "r-ab12", "type": "ROOT", "name": "Root"}

ou_target := {"targetId": "ou-ab12-research", "type": "ORGANIZATIONAL_UNIT", "name": "Research"}

opt_out_all := {"services": {"default": {"opt_out_policy": {"@@operators_allowed_for_child_policies": ["@@none"], "@@assign": "optOut"}}}}

policy(policy_id, content, targets) := {"id": policy_id, "name": policy_id, "arn": "arn", "awsManaged": false, "content": content, "targets": targets}

org(roots, policies) := {
	"inOrganization": true, "organizationId": "o-exampleorgid", "managementAccountId": "111122223333",
	"featureSet": "ALL", "roots": roots, "policies": policies,
}

good := org([enabled_root], [policy("p-optout", opt_out_all, [root_target])])

test_passes_with_a_locked_opt_out_on_the_root if {
	testing.status(id, here(good)) == "pass"
}

test_passes_with_an_unattached_opt_in_policy if {
	inert := policy("p-optin", {"services": {"lex": {"opt_out_policy": {"@@assign": "optIn"}}}}, [])
	testing.status(id, here(org([enabled_root], [policy("p-optout", opt_out_all, [root_target]), inert]))) == "pass"
}

test_fails_outside_an_organization if {
	r := here({"inOrganization": false})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Account 111122223333 is not in an AWS Organization, so no AI services opt-out policy applies: AWS AI services may store and use its content to improve the services."]
}

test_fails_when_the_policy_type_is_not_enabled if {
	disabled_root := {"id": "r-ab12", "policyTypes": [{"type": "SERVICE_CONTROL_POLICY", "status": "ENABLED"}]}
	r := here(org([disabled_root], [policy("p-optout", opt_out_all, [root_target])]))
	testing.messages(id, r) == ["The AI services opt-out policy type is not enabled on the root of organization o-exampleorgid, so no opt-out policy applies to account 111122223333."]
	pending := {"id": "r-ab12", "policyTypes": [{"type": "AISERVICES_OPT_OUT_POLICY", "status": "PENDING_ENABLE"}]}
	testing.status(id, here(org([pending], [policy("p-optout", opt_out_all, [root_target])]))) == "fail"
}

test_fails_when_the_opt_out_is_not_on_the_root if {
	r := here(org([enabled_root], [policy("p-optout", opt_out_all, [ou_target])]))
	testing.messages(id, r) == ["No AI services opt-out policy attached to the root of organization o-exampleorgid opts out of all AI services (services.default set to optOut)."]
	testing.status(id, here(org([enabled_root], []))) == "fail"
}

test_fails_when_the_root_policy_opts_in_by_default if {
	opt_in := {"services": {"default": {"opt_out_policy": {"@@operators_allowed_for_child_policies": ["@@none"], "@@assign": "optIn"}}}}
	testing.messages(id, here(org([enabled_root], [policy("p-optin", opt_in, [root_target])]))) == [
		"AI services opt-out policy p-optin (attached to Root) opts every AI service (default) in: that service may store and use content to improve itself.",
		"No AI services opt-out policy attached to the root of organization o-exampleorgid opts out of all AI services (services.default set to optOut).",
	]
}

no_default_msg := "No AI services opt-out policy attached to the root of organization o-exampleorgid opts out of all AI services (services.default set to optOut)."

override_msg := "The AI services opt-out policy attached to the root of organization o-exampleorgid lets child policies override the default opt-out (services.default.opt_out_policy needs @@operators_allowed_for_child_policies [\"@@none\"])."

not_enabled_msg := "The AI services opt-out policy type is not enabled on the root of organization o-exampleorgid, so no opt-out policy applies to account 111122223333."

unlocked := {"services": {"default": {"opt_out_policy": {"@@assign": "optOut"}}}}

test_a_per_service_opt_out_on_the_root_is_not_an_opt_out_of_all if {
	lex_only := {"services": {"lex": {"opt_out_policy": {"@@operators_allowed_for_child_policies": ["@@none"], "@@assign": "optOut"}}}}
	testing.messages(id, here(org([enabled_root], [policy("p-lex", lex_only, [root_target])]))) == [no_default_msg]
}

test_the_lock_counts_only_with_the_opt_out_on_the_root if {
	locked_elsewhere := policy("p-ou", opt_out_all, [ou_target])
	testing.messages(id, here(org([enabled_root], [policy("p-root", unlocked, [root_target]), locked_elsewhere]))) == [override_msg]
	lock_only := {"services": {"default": {"opt_out_policy": {"@@operators_allowed_for_child_policies": ["@@none"]}}}}
	testing.messages(id, here(org([enabled_root], [policy("p-root", unlocked, [root_target]), policy("p-lock", lock_only, [root_target])]))) == [override_msg]
}

test_a_disabled_policy_type_is_the_one_message if {
	disabled_root := {"id": "r-ab12", "policyTypes": [{"type": "AISERVICES_OPT_OUT_POLICY", "status": "DISABLED"}]}
	lex_in := policy("p-lex", {"services": {"lex": {"opt_out_policy": {"@@assign": "optIn"}}}}, [ou_target])
	testing.messages(id, here(org([disabled_root], []))) == [not_enabled_msg]
	testing.messages(id, here(org([disabled_root], [policy("p-root", unlocked, [root_target]), lex_in]))) == [not_enabled_msg]
}

test_the_policy_type_may_be_one_of_several_on_the_root if {
	root := {"id": "r-ab12", "policyTypes": [{"type": "SERVICE_CONTROL_POLICY", "status": "ENABLED"}, {"type": "AISERVICES_OPT_OUT_POLICY", "status": "ENABLED"}]}
	testing.status(id, here(org([root, {"id": "r-other"}], [policy("p-optout", opt_out_all, [root_target])]))) == "pass"
}

test_lists_must_be_lists if {
	as_object := object.union(good, {"roots": {"r": enabled_root}})
	testing.status(id, here(as_object)) == "not_evaluated"
	policies_object := object.union(good, {"policies": {"p": policy("p-optout", opt_out_all, [root_target])}})
	testing.status(id, here(policies_object)) == "not_evaluated"
	targets_object := policy("p-optout", opt_out_all, {"t": root_target})
	testing.status(id, here(org([enabled_root], [targets_object]))) == "fail"
}

test_names_targets_and_organizations_by_id_without_names if {
	opt_in := policy("p-lex", {"services": {"lex": {"opt_out_policy": {"@@assign": "optIn"}}}}, [{"targetId": "444455556666", "type": "ACCOUNT", "name": null}])
	testing.messages(id, here(org([enabled_root], [policy("p-optout", opt_out_all, [root_target]), opt_in]))) == ["AI services opt-out policy p-lex (attached to 444455556666) opts lex in: that service may store and use content to improve itself."]
	null_org := object.union(org([], []), {"organizationId": null})
	testing.messages(id, here(null_org)) == ["the roots of organization of this account are not in the inventory"]
}

test_unattached_policies_need_no_content if {
	testing.status(id, here(org([enabled_root], [policy("p-optout", opt_out_all, [root_target]), policy("p-draft", null, [])]))) == "pass"
}

test_fails_when_child_policies_may_override if {
	unlocked := {"services": {"default": {"opt_out_policy": {"@@assign": "optOut"}}}}
	r := here(org([enabled_root], [policy("p-optout", unlocked, [root_target])]))
	testing.messages(id, r) == ["The AI services opt-out policy attached to the root of organization o-exampleorgid lets child policies override the default opt-out (services.default.opt_out_policy needs @@operators_allowed_for_child_policies [\"@@none\"])."]
	assign_allowed := {"services": {"default": {"opt_out_policy": {"@@operators_allowed_for_child_policies": ["@@assign"], "@@assign": "optOut"}}}}
	testing.status(id, here(org([enabled_root], [policy("p-optout", assign_allowed, [root_target])]))) == "fail"
}

test_fails_when_an_attached_policy_opts_a_service_in if {
	opt_in := policy("p-lex", {"services": {"lex": {"opt_out_policy": {"@@assign": "optIn"}}}}, [ou_target, {"targetId": "444455556666", "type": "ACCOUNT"}])
	r := here(org([enabled_root], [policy("p-optout", opt_out_all, [root_target]), opt_in]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["AI services opt-out policy p-lex (attached to 444455556666, Research) opts lex in: that service may store and use content to improve itself."]
}

test_not_evaluated_when_the_policies_could_not_be_read if {
	r := account("us-east-1", {"factErrors": {"aiServicesOptOut": "organizations:ListRoots was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the organization's AI services opt-out configuration could not be read: organizations:ListRoots was denied (AccessDeniedException)"]
}

# A Config snapshot carries no Organizations policies.
test_not_evaluated_without_the_fact if {
	r := account("us-east-1", {})
	testing.messages(id, r) == ["the organization's AI services opt-out configuration is not in the inventory (configuration.aiServicesOptOut)"]
}

test_not_evaluated_when_membership_is_unknown if {
	testing.messages(id, here({})) == ["whether the account is in an AWS Organization is not in the inventory"]
	testing.status(id, here({"inOrganization": "yes"})) == "not_evaluated"
}

test_not_evaluated_without_roots_or_policies if {
	no_roots := object.union(good, {"roots": []})
	testing.messages(id, here(no_roots)) == ["the roots of organization o-exampleorgid are not in the inventory"]
	no_policies := object.remove(good, ["policies"])
	testing.messages(id, here(no_policies)) == ["the AI services opt-out policies of organization o-exampleorgid are not in the inventory"]
	unnamed := object.remove(no_roots, ["organizationId"])
	testing.messages(id, here(unnamed)) == ["the roots of organization of this account are not in the inventory"]
}

test_not_evaluated_when_an_attached_policy_has_no_content if {
	r := here(org([enabled_root], [policy("p-optout", opt_out_all, [root_target]), policy("p-other", "{not json", [ou_target])]))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the content of AI services opt-out policy p-other is not in the inventory"]
	absent := object.remove(policy("p-other", null, [ou_target]), ["content"])
	testing.status(id, here(org([enabled_root], [policy("p-optout", opt_out_all, [root_target]), absent]))) == "not_evaluated"
}

test_not_evaluated_when_the_fact_is_not_an_object if {
	testing.messages(id, here(null)) == ["the organization's AI services opt-out configuration is not in the inventory (configuration.aiServicesOptOut)"]
}

test_ignores_malformed_entries if {
	r := here(org([enabled_root, "r-bad"], [policy("p-optout", opt_out_all, [root_target, "bad"]), "bad"]))
	testing.status(id, r) == "pass"
	no_targets := object.union(policy("p-optout", opt_out_all, []), {"targets": null})
	testing.status(id, here(org([enabled_root], [no_targets]))) == "fail"
	testing.status(id, here(org("roots", [policy("p-optout", opt_out_all, [root_target])]))) == "not_evaluated"
}

# The fact is on every region's account resource: one finding per account, on the first region.
test_reported_once_per_account if {
	first := account("eu-west-1", {"aiServicesOptOut": {"inOrganization": false}})
	second := here({"inOrganization": false})
	ctx := testing.context([first, second])
	testing.status(id, first) == "fail" with data.inventory as ctx
	testing.not_applicable(id, second) with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	bucket := {
		"type": "AWS::S3::Bucket", "id": "b", "arn": "arn:aws:s3:::b", "name": "b", "accountId": "111122223333",
		"region": "us-east-1", "configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
	}
	testing.not_applicable(id, bucket)
}
