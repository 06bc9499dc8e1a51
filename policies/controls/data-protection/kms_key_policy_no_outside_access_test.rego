package cafscan.tests.kms_key_policy_no_outside_access

import data.cafscan.testing

id := "CAFAI-DP-20"

key_configuration := {
	"keyId": "1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"enabled": true, "keyUsage": "ENCRYPT_DECRYPT", "keyState": "Enabled", "origin": "AWS_KMS",
	"keyManager": "CUSTOMER", "keySpec": "SYMMETRIC_DEFAULT",
}

key(configuration, supplementary) := {
	"type": "AWS::KMS::Key", "id": "1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"name": "ml-data-key", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": supplementary,
	"tags": {}, "relationships": [],
}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

admin := {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}

use(principal, extra) := object.union({"Effect": "Allow", "Principal": principal, "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*"}, extra)

customer_key(statements) := key(key_configuration, {"KeyRotationStatus": true, "Policy": doc(statements)})

test_passes_with_the_default_key_policy if {
	testing.status(id, customer_key([admin])) == "pass"
}

test_passes_with_everyone_pinned_to_the_account if {
	r := customer_key([admin, use("*", {"Condition": {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "sagemaker.us-east-1.amazonaws.com"}}})])
	testing.status(id, r) == "pass"
}

test_passes_with_a_role_of_the_account if {
	testing.status(id, customer_key([admin, use({"AWS": "arn:aws:iam::111122223333:role/sm-exec"}, {})])) == "pass"
}

test_fails_when_open_to_everyone if {
	r := customer_key([admin, use({"AWS": "*"}, {"Sid": "Everyone"})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["KMS key ml-data-key's key policy allows any AWS principal to use the key (statement \"Everyone\") without restricting it to known accounts or an organization."]
}

test_fails_when_open_to_everyone_with_a_condition_that_does_not_name_the_caller if {
	r := customer_key([admin, use("*", {"Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}})])
	testing.status(id, r) == "fail"
}

test_fails_when_another_account_is_granted if {
	r := customer_key([admin, use({"AWS": "arn:aws:iam::444455556666:root"}, {"Sid": "Partner"})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["KMS key ml-data-key's key policy grants principals outside account 111122223333 (statement \"Partner\")."]
}

test_fails_when_the_whole_organization_is_granted if {
	r := customer_key([admin, use("*", {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})])
	testing.messages(id, r) == ["KMS key ml-data-key's key policy grants principals outside account 111122223333 (statement #2)."]
}

test_a_public_statement_is_reported_once if {
	r := customer_key([use("*", {}), use({"AWS": "444455556666"}, {})])
	sort(testing.messages(id, r)) == [
		"KMS key ml-data-key's key policy allows any AWS principal to use the key (statement #1) without restricting it to known accounts or an organization.",
		"KMS key ml-data-key's key policy grants principals outside account 111122223333 (statement #2).",
	]
}

test_reads_a_policy_kept_as_json_text if {
	r := key(key_configuration, {"Policy": json.marshal(doc([admin, use("*", {})]))})
	testing.status(id, r) == "fail"
}

test_not_evaluated_when_the_policy_could_not_be_read if {
	r := object.union(key(key_configuration, {"KeyRotationStatus": true}), {"collectionErrors": {"Policy": "AccessDeniedException: not authorized to perform kms:GetKeyPolicy"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the key policy is not in the inventory"]
}

test_not_evaluated_without_policy if {
	r := key(key_configuration, {"KeyRotationStatus": true})
	testing.messages(id, r) == ["the key policy is not in the inventory"]
	testing.messages(id, key(key_configuration, {"Policy": null})) == ["the key policy could not be decoded"]
	testing.status(id, key(key_configuration, {"Policy": "{not json"})) == "not_evaluated"
}

test_not_evaluated_without_key_manager if {
	r := key(object.remove(key_configuration, ["keyManager"]), {"Policy": doc([admin])})
	testing.messages(id, r) == ["the key's manager (AWS or customer) is not in the inventory"]
}

test_names_every_statement if {
	r := customer_key([admin, use("*", {"Sid": "A"}), use({"AWS": "*"}, {"Sid": "B"}), use({"AWS": "444455556666"}, {"Sid": "C"}), use({"AWS": "arn:aws:iam::777788889999:root"}, {"Sid": "D"})])
	sort(testing.messages(id, r)) == [
		"KMS key ml-data-key's key policy allows any AWS principal to use the key (statements \"A\", \"B\") without restricting it to known accounts or an organization.",
		"KMS key ml-data-key's key policy grants principals outside account 111122223333 (statements \"C\", \"D\").",
	]
}

test_not_evaluated_without_account if {
	r := object.remove(customer_key([admin]), ["accountId"])
	testing.messages(id, r) == ["the key's account is not in the inventory"]
	testing.status(id, object.union(customer_key([admin]), {"accountId": ""})) == "not_evaluated"
	testing.status(id, object.union(customer_key([admin]), {"accountId": 111122223333})) == "not_evaluated"
}

test_not_applicable_to_aws_managed_keys if {
	testing.not_applicable(id, key(object.union(key_configuration, {"keyManager": "AWS"}), {"Policy": doc([use("*", {})])}))
}

test_not_applicable_to_keys_pending_deletion if {
	testing.not_applicable(id, key(object.union(key_configuration, {"keyState": "PendingDeletion"}), {"Policy": doc([use("*", {})])}))
	testing.not_applicable(id, key(object.union(key_configuration, {"keyState": "PendingReplicaDeletion"}), {"Policy": doc([use("*", {})])}))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(customer_key([use("*", {})]), {"type": "AWS::S3::Bucket"}))
}

test_not_applicable_to_keys_no_ai_workload_uses if testing.unlinked_not_applicable(id, customer_key([use("*", {})]))

test_applies_to_keys_of_any_ai_component if {
	testing.linked_status(id, customer_key([use("*", {})]), ["input"]) == "fail"
	testing.linked_status(id, customer_key([use("*", {})]), ["output"]) == "fail"
}
