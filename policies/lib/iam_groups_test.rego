package cafscan.tests.lib_iam_groups

import data.cafscan.lib
import data.cafscan.testing

doc(action) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]}

user(group_list) := {
	"type": "AWS::IAM::User", "id": "AIDA1", "arn": "arn:aws:iam::111122223333:user/u", "name": "u", "accountId": "111122223333", "region": "global",
	"configuration": {"userName": "u", "attachedManagedPolicies": [], "userPolicyList": [], "groupList": group_list},
}

group(name, configuration) := {
	"type": "AWS::IAM::Group", "id": concat("", ["AGPA", name]), "arn": concat("", ["arn:aws:iam::111122223333:group/", name]),
	"name": name, "accountId": "111122223333", "region": "global", "configuration": configuration,
}

customer_arn := "arn:aws:iam::111122223333:policy/p"

customer(versions) := {
	"type": "AWS::IAM::Policy", "id": "ANPA1", "arn": customer_arn, "name": "p", "accountId": "111122223333", "region": "global",
	"configuration": {"policyVersionList": versions},
}

ml := group("ml", {
	"groupName": "ml",
	"groupPolicyList": [{"policyName": "invoke", "policyDocument": doc("bedrock:InvokeModel")}, {"policyName": "garbled", "policyDocument": "%7B"}, "junk"],
	"attachedManagedPolicies": [
		{"policyName": "p", "policyArn": customer_arn},
		{"policyName": "AmazonBedrockReadOnly", "policyArn": "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"},
		{"policyName": "no-arn"},
	],
})

admins := group("admins", {"groupName": "admins", "groupPolicyList": [{"policyName": "all", "policyDocument": doc("*")}], "attachedManagedPolicies": [{"policyName": "AdministratorAccess", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]})

ctx := testing.context([ml, admins, customer([{"isDefaultVersion": true, "document": doc("sagemaker:*")}])])

test_only_the_users_own_groups_count if {
	sources := {d.source | some d in lib.iam_principal_documents} with input.resource as user(["ml", 7]) with data.inventory as ctx
	sources == {"inline policy invoke of group ml", "customer managed policy p of group ml"}
	managed := lib.iam_principal_managed with input.resource as user(["ml"]) with data.inventory as ctx
	managed == {["AmazonBedrockReadOnly", " through group ml"]}
}

test_group_gaps if {
	gaps := lib.iam_user_group_gaps with input.resource as user(["ml", "ghosts"]) with data.inventory as ctx
	gaps == {"the group ghosts is not in the inventory", "the inline policy garbled of group ml could not be decoded"}
	missing_policy := lib.iam_user_group_gaps with input.resource as user(["ml"]) with data.inventory as testing.context([ml])
	missing_policy == {"the inline policy garbled of group ml could not be decoded", "the attached policy arn:aws:iam::111122223333:policy/p of group ml is not in the inventory"}
	no_default := lib.iam_principal_documents with input.resource as user(["ml"]) with data.inventory as testing.context([ml, customer([{"isDefaultVersion": false, "document": doc("*")}])])
	{d.source | some d in no_default} == {"inline policy invoke of group ml"}
}

test_a_group_is_found_by_group_name_before_its_resource_name if {
	renamed := object.union(ml, {"name": "ml-group-resource"})
	found := lib.iam_user_groups_found with input.resource as user(["ml"]) with data.inventory as testing.context([renamed])
	found == {"ml"}
}

test_a_group_without_group_name_is_found_by_name if {
	unnamed := group("ml", object.remove(ml.configuration, ["groupName"]))
	found := lib.iam_user_groups_found with input.resource as user(["ml"]) with data.inventory as testing.context([unnamed])
	found == {"ml"}
}

test_roles_have_no_groups if {
	role := object.union(user(["admins"]), {"type": "AWS::IAM::Role"})
	count(lib.iam_user_group_documents) == 0 with input.resource as role with data.inventory as ctx
	count(lib.iam_user_group_gaps) == 0 with input.resource as json.remove(role, ["configuration/groupList"]) with data.inventory as ctx
}
