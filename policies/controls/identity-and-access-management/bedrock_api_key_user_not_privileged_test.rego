package cafscan.tests.bedrock_api_key_user_not_privileged

import data.cafscan.testing

id := "CAFAI-IAM-83"

account := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"collectedTypes": ["AWS::IAM::ServiceSpecificCredential", "AWS::IAM::User"], "failedTypes": {}},
}

uncollected_account := json.patch(account, [{"op": "replace", "path": "/configuration/collectedTypes", "value": ["AWS::IAM::User"]}])

failed_account := json.patch(uncollected_account, [{"op": "replace", "path": "/configuration/failedTypes", "value": {"AWS::IAM::ServiceSpecificCredential": "iam:ListServiceSpecificCredentials was denied (AccessDenied)"}}])

key(n, user, fields) := {
	"type": "AWS::IAM::ServiceSpecificCredential", "id": concat("", ["ACCA", n]),
	"arn": concat("", ["arn:aws:iam::111122223333:service-specific-credential/ACCA", n]),
	"name": concat("", ["BedrockAPIKey_", user, "-", n]), "accountId": "111122223333", "region": "global",
	"configuration": object.union({"userName": user, "serviceName": "bedrock.amazonaws.com", "status": "Active", "expirationDate": null}, fields),
}

user(attached, inline, group_list) := {
	"type": "AWS::IAM::User", "id": "AIDAEXAMPLE", "arn": "arn:aws:iam::111122223333:user/analyst",
	"name": "analyst", "accountId": "111122223333", "region": "global",
	"configuration": {"userName": "analyst", "arn": "arn:aws:iam::111122223333:user/analyst", "attachedManagedPolicies": attached, "userPolicyList": inline, "groupList": group_list},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

group(name, attached, inline) := {
	"type": "AWS::IAM::Group", "id": concat("", ["AGPA", name]), "arn": concat("", ["arn:aws:iam::111122223333:group/", name]),
	"name": name, "accountId": "111122223333", "region": "global",
	"configuration": {"groupName": name, "attachedManagedPolicies": attached, "groupPolicyList": inline},
}

attachment(arn) := {"policyName": split(arn, "/")[count(split(arn, "/")) - 1], "policyArn": arn}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

allow(action, resource) := doc([{"Effect": "Allow", "Action": action, "Resource": resource}])

invoke_only := allow(["bedrock:InvokeModel"], "arn:aws:bedrock:us-east-1::foundation-model/*")

policy_arn := "arn:aws:iam::111122223333:policy/bedrock-all"

customer_policy(d) := {
	"type": "AWS::IAM::Policy", "id": "ANPAEXAMPLE", "arn": policy_arn, "name": "bedrock-all", "accountId": "111122223333", "region": "global",
	"configuration": {"policyVersionList": [{"versionId": "v1", "isDefaultVersion": true, "document": d}]},
}

with_key(others) := testing.context(array.concat([account, key("1", "analyst", {})], others))

test_fails_with_bedrock_full_access if {
	r := user([attachment("arn:aws:iam::aws:policy/AmazonBedrockFullAccess")], [], [])
	testing.status(id, r) == "fail" with data.inventory as with_key([])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and the AWS managed policy AmazonBedrockFullAccess, which gives every Bedrock action."] with data.inventory as with_key([])
}

# An AWS managed policy cafscan does not know, the user's own or a group's, leaves the key's
# reach unknown; AmazonBedrockLimitedAccess (the policy the console attaches to keys) is known.
test_not_evaluated_with_an_unknown_aws_managed_policy if {
	r := user([], [], ["builders"])
	ctx := with_key([group("builders", [attachment("arn:aws:iam::aws:policy/AdministratorAccess-Amplify")], [])])
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == [
		"the AWS managed policy AdministratorAccess-Amplify is attached and cafscan does not know whether it allows administrator access (AWS managed policies are judged by name)",
		"the AWS managed policy AdministratorAccess-Amplify is attached and cafscan does not know whether it allows every Amazon Bedrock action (AWS managed policies are judged by name)",
	] with data.inventory as ctx
	testing.status(id, user([attachment("arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess")], [], [])) == "pass" with data.inventory as with_key([])
}

# A user that can write a policy onto its own group, or a new version of a policy attached to
# its group, gives itself any permission.
test_fails_when_the_user_can_rewrite_its_group if {
	r := user([], [{"policyName": "self-service", "policyDocument": allow("iam:PutGroupPolicy", "arn:aws:iam::111122223333:group/devs")}], ["devs"])
	ctx := with_key([group("devs", [], [])])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and inline policy self-service, which gives administrator access: it allows iam:PutGroupPolicy on its group devs, so the user can rewrite its own permissions."] with data.inventory as ctx
	not_a_member := user([], [{"policyName": "self-service", "policyDocument": allow("iam:PutGroupPolicy", "arn:aws:iam::111122223333:group/devs")}], [])
	testing.status(id, not_a_member) == "pass" with data.inventory as ctx
	v := user([], [], ["ml"])
	ctx2 := with_key([group("ml", [attachment(policy_arn)], []), customer_policy(allow("iam:CreatePolicyVersion", policy_arn))])
	testing.messages(id, v) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and customer managed policy bedrock-all of group ml, which gives administrator access: it allows iam:CreatePolicyVersion on the policy bedrock-all of its group ml, so the user can rewrite its own permissions."] with data.inventory as ctx2
}

test_fails_with_administrator_access_through_a_group if {
	r := user([], [{"policyName": "invoke", "policyDocument": invoke_only}], ["admins"])
	ctx := with_key([group("admins", [attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [])])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and the AWS managed policy AdministratorAccess through group admins, which gives administrator access."] with data.inventory as ctx
}

test_fails_with_an_inline_admin_policy if {
	r := user([], [{"policyName": "everything", "policyDocument": allow("*", "*")}], [])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and inline policy everything, which gives administrator access: it allows every action on every resource."] with data.inventory as with_key([])
}

test_fails_with_bedrock_star_in_a_group_customer_managed_policy if {
	r := user([], [], ["ml"])
	ctx := with_key([group("ml", [attachment(policy_arn)], []), customer_policy(allow("bedrock:*", "*"))])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and customer managed policy bedrock-all of group ml, which allows every Bedrock action on every resource."] with data.inventory as ctx
}

test_fails_when_group_inline_policies_add_up_to_escalation if {
	r := user([], [], ["ml"])
	g := group("ml", [], [{"policyName": "self-service", "policyDocument": allow("iam:AttachUserPolicy", "arn:aws:iam::111122223333:user/*")}])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and inline policy self-service of group ml, which gives administrator access: it allows iam:AttachUserPolicy on the user itself, so the user can grant itself any permission."] with data.inventory as with_key([g])
}

test_passes_with_invoke_only_permissions if {
	r := user([attachment("arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess")], [{"policyName": "invoke", "policyDocument": invoke_only}], ["ml"])
	ctx := with_key([group("ml", [attachment(policy_arn)], [{"policyName": "read", "policyDocument": allow("s3:GetObject", "*")}]), customer_policy(invoke_only)])
	testing.status(id, r) == "pass" with data.inventory as ctx
}

test_a_deny_removes_full_access if {
	r := user([], [{"policyName": "all", "policyDocument": allow("bedrock:*", "*")}], ["guarded"])
	g := group("guarded", [], [{"policyName": "guard", "policyDocument": doc([{"Effect": "Deny", "Action": "bedrock:*", "Resource": "*"}])}])
	testing.status(id, r) == "pass" with data.inventory as with_key([g])
}

test_not_applicable_without_a_usable_key if {
	r := user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [], [])
	testing.not_applicable(id, r) with data.inventory as testing.context([account])
	testing.not_applicable(id, r) with data.inventory as testing.context([account, key("2", "someone-else", {})])
	testing.not_applicable(id, r) with data.inventory as testing.context([account, key("3", "analyst", {"status": "Inactive"})])
	testing.not_applicable(id, r) with data.inventory as testing.context([account, key("4", "analyst", {"serviceName": "codecommit.amazonaws.com"})])
	testing.not_applicable(id, r) with data.inventory as testing.context([account, key("5", "analyst", {"serviceName": null})])
	testing.not_applicable(id, r) with data.inventory as testing.context([account, key("6", "analyst", {"expirationDate": "2026-10-31T00:00:00Z"})])
}

test_a_key_expiring_after_the_scan_counts if {
	r := user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [], [])
	ctx := testing.context([account, key("7", "analyst", {"expirationDate": "2026-11-02T00:00:00Z"}), key("8", "analyst", {"expirationDate": "garbled"})])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-7, BedrockAPIKey_analyst-8) and the AWS managed policy AdministratorAccess, which gives administrator access."] with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(user([], [], []), {"type": "AWS::IAM::Role"})) with data.inventory as with_key([])
}

test_not_evaluated_when_the_keys_were_not_collected if {
	r := user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [], [])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([uncollected_account, key("1", "analyst", {})])
	testing.messages(id, r) == ["the account's Bedrock API keys (IAM service-specific credentials) were not collected; AWS Config does not record them, a live scan lists them"] with data.inventory as testing.context([uncollected_account])
	testing.messages(id, r) == ["the account's Bedrock API keys could not be collected: iam:ListServiceSpecificCredentials was denied (AccessDenied)"] with data.inventory as testing.context([failed_account])
}

test_not_evaluated_when_a_group_is_unknown if {
	r := user([], [], ["ghosts", "ml"])
	ctx := with_key([group("ml", [attachment(policy_arn)], [{"policyName": "garbled", "policyDocument": "%7B"}])])
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == [
		"the attached policy arn:aws:iam::111122223333:policy/bedrock-all of group ml is not in the inventory",
		"the group ghosts is not in the inventory",
		"the inline policy garbled of group ml could not be decoded",
	] with data.inventory as ctx
}

test_not_evaluated_when_lists_are_unknown if {
	r := json.remove(user([], [], []), ["configuration/groupList", "configuration/userPolicyList"])
	testing.messages(id, r) == ["the inline policies are not in the inventory", "the user's groups are not in the inventory"] with data.inventory as with_key([])
	g := json.remove(group("ml", [], []), ["configuration/groupPolicyList"])
	testing.messages(id, user([], [], ["ml"])) == ["the policies of group ml are not in the inventory"] with data.inventory as with_key([g])
	g2 := json.remove(group("ml", [], []), ["configuration/attachedManagedPolicies"])
	testing.messages(id, user([], [], ["ml"])) == ["the policies of group ml are not in the inventory"] with data.inventory as with_key([g2])
}

test_a_certain_violation_wins_over_unknown_groups if {
	r := user([attachment("arn:aws:iam::aws:policy/IAMFullAccess")], [], ["ghosts"])
	testing.status(id, r) == "fail" with data.inventory as with_key([])
}

test_finds_the_user_by_name_when_the_user_name_field_is_absent if {
	r := json.remove(user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [], []), ["configuration/userName"])
	testing.status(id, r) == "fail" with data.inventory as with_key([])
	r2 := json.patch(r, [{"op": "add", "path": "/configuration/userName", "value": 7}])
	testing.status(id, r2) == "fail" with data.inventory as with_key([])
}

test_names_a_key_without_a_name_by_its_id if {
	r := user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [], [])
	unnamed := json.patch(key("9", "analyst", {}), [{"op": "replace", "path": "/name", "value": ""}])
	null_name := json.patch(key("10", "analyst", {}), [{"op": "replace", "path": "/name", "value": null}])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (ACCA10, ACCA9) and the AWS managed policy AdministratorAccess, which gives administrator access."] with data.inventory as testing.context([account, unnamed, null_name])
}

test_a_key_expiring_at_the_scan_time_is_not_usable if {
	r := user([attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [], [])
	testing.not_applicable(id, r) with data.inventory as testing.context([account, key("11", "analyst", {"expirationDate": "2026-11-01T00:00:00Z"})])
}

test_names_every_collection_failure if {
	r := user([], [], [])
	other := json.patch(failed_account, [
		{"op": "replace", "path": "/arn", "value": "arn:aws::eu-west-1:111122223333:account"},
		{"op": "replace", "path": "/configuration/failedTypes", "value": {"AWS::IAM::ServiceSpecificCredential": "throttled"}},
	])
	testing.messages(id, r) == ["the account's Bedrock API keys could not be collected: iam:ListServiceSpecificCredentials was denied (AccessDenied); throttled"] with data.inventory as testing.context([failed_account, other])
}

test_collected_in_one_region_is_collected if {
	r := user([], [], [])
	collected := json.patch(account, [{"op": "replace", "path": "/arn", "value": "arn:aws::eu-west-1:111122223333:account"}])
	testing.not_applicable(id, r) with data.inventory as testing.context([failed_account, collected])
}

test_words_each_privileged_managed_policy if {
	ctx := with_key([])
	testing.messages(id, user([attachment("arn:aws:iam::aws:policy/IAMFullAccess")], [], [])) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and the AWS managed policy IAMFullAccess, which gives administrator access (every IAM action)."] with data.inventory as ctx
	testing.messages(id, user([attachment("arn:aws:iam::aws:policy/PowerUserAccess")], [], [])) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and the AWS managed policy PowerUserAccess, which gives every Bedrock action."] with data.inventory as ctx
}

test_names_only_the_policies_that_grant if {
	r := user([], [{"policyName": "invoke", "policyDocument": invoke_only}, {"policyName": "all-bedrock", "policyDocument": allow("bedrock:*", "*")}], [])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and inline policy all-bedrock, which allows every Bedrock action on every resource."] with data.inventory as with_key([])
	admin := user([], [{"policyName": "invoke", "policyDocument": invoke_only}, {"policyName": "everything", "policyDocument": allow("*", "*")}], [])
	testing.messages(id, admin) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and inline policy everything, which gives administrator access: it allows every action on every resource."] with data.inventory as with_key([])
}

# "*" with IAM denied is not administrator access, but it still allows every Bedrock action.
test_full_bedrock_access_left_by_an_iam_deny if {
	r := user([], [{"policyName": "everything", "policyDocument": allow("*", "*")}], ["guarded"])
	g := group("guarded", [], [{"policyName": "no-iam", "policyDocument": doc([{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}])}])
	testing.messages(id, r) == ["User analyst has a usable Bedrock API key (BedrockAPIKey_analyst-1) and inline policy everything, which allows every Bedrock action on every resource."] with data.inventory as with_key([g])
}

test_policy_gaps_are_not_reported_when_the_keys_were_not_collected if {
	r := user([], [], ["ghosts"])
	testing.messages(id, r) == ["the account's Bedrock API keys (IAM service-specific credentials) were not collected; AWS Config does not record them, a live scan lists them"] with data.inventory as testing.context([uncollected_account])
}
