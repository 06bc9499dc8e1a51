package cafscan.tests.iam_root_no_access_keys

import data.cafscan.testing

id := "CAFAI-IAM-04"

account(region, configuration) := {
	"type": "AWS::::Account", "id": sprintf("111122223333/%s", [region]),
	"arn": sprintf("arn:aws::%s:111122223333:account", [region]),
	"name": sprintf("111122223333 %s", [region]), "accountId": "111122223333", "region": region,
	"configuration": object.union({"accountId": "111122223333", "region": region, "collectedTypes": [], "failedTypes": {}}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# The credential report's <root_account> row, as iam.ts records it (CSV cells as strings).
root(key1, key2) := {"rootUser": {
	"user": "<root_account>", "arn": "arn:aws:iam::111122223333:root",
	"password_enabled": "not_supported", "mfa_active": "true",
	"access_key_1_active": key1, "access_key_2_active": key2,
}}

test_fails_with_an_active_root_key if {
	r := account("us-east-1", root("true", "false"))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["The root user of account 111122223333 has an active access key (access key 1)."]
}

test_fails_with_two_active_root_keys if {
	r := account("us-east-1", root("false", "true"))
	testing.messages(id, r) == ["The root user of account 111122223333 has an active access key (access key 2)."]
	testing.messages(id, account("us-east-1", root("true", "true"))) == ["The root user of account 111122223333 has an active access key (access key 1 and access key 2)."]
}

test_passes_without_active_root_keys if testing.status(id, account("us-east-1", root("false", "false"))) == "pass"

test_passes_with_boolean_cells if testing.status(id, account("us-east-1", root(false, false))) == "pass"

# The fact is on every region's account resource: one finding per account, on the first region.
test_reported_once_per_account if {
	first := account("eu-west-1", root("true", "false"))
	second := account("us-east-1", root("true", "false"))
	ctx := testing.context([first, second])
	testing.status(id, first) == "fail" with data.inventory as ctx
	testing.not_applicable(id, second) with data.inventory as ctx
}

test_another_accounts_regions_do_not_matter if {
	other := object.union(account("ap-south-1", {}), {"accountId": "444455556666", "arn": "arn:aws::ap-south-1:444455556666:account"})
	r := account("us-east-1", root("true", "false"))
	testing.status(id, r) == "fail" with data.inventory as testing.context([other, r])
}

test_not_evaluated_without_the_fact if {
	r := account("us-east-1", {})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the root user's credential report row is not in the inventory (configuration.rootUser)"]
}

test_not_evaluated_when_the_report_could_not_be_read if {
	r := account("us-east-1", {"factErrors": {"rootUser": "the IAM credential report could not be read"}})
	testing.messages(id, r) == ["the root user's credential report row could not be read: the IAM credential report could not be read"]
}

test_not_evaluated_when_a_key_status_is_unknown if {
	r := account("us-east-1", {"rootUser": {"user": "<root_account>", "access_key_1_active": "false"}})
	testing.messages(id, r) == ["whether the root user's access_key_2 is active is not in the credential report"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(account("us-east-1", root("true", "true")), {"type": "AWS::IAM::User"}))
}

# Only "true"/"false" (or booleans) are answers: another cell leaves the key's status unknown,
# never a pass; an active key is a failure whatever the other key's cell says.
test_not_evaluated_when_a_key_cell_is_not_true_or_false if {
	testing.messages(id, account("us-east-1", root("false", ""))) == ["whether the root user's access_key_2 is active is not in the credential report"]
	testing.messages(id, account("us-east-1", root("N/A", "false"))) == ["whether the root user's access_key_1 is active is not in the credential report"]
}

test_fails_on_an_active_key_when_the_other_is_unknown if {
	r := account("us-east-1", root("true", ""))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["The root user of account 111122223333 has an active access key (access key 1)."]
}

# A row recorded as null (or anything but an object) is no row.
test_not_evaluated_when_the_row_is_not_an_object if {
	r := account("us-east-1", {"rootUser": null})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the root user's credential report row is not in the inventory (configuration.rootUser)"]
}
