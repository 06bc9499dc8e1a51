package cafscan.tests.kms_key_rotation_enabled

import data.cafscan.testing

id := "CAFAI-DP-05"

key_configuration := {
	"keyId": "1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"enabled": true, "keyUsage": "ENCRYPT_DECRYPT", "keyState": "Enabled", "origin": "AWS_KMS",
	"keyManager": "CUSTOMER", "customerMasterKeySpec": "SYMMETRIC_DEFAULT",
}

key(configuration, supplementary) := {
	"type": "AWS::KMS::Key", "id": "1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"name": "ml-data-key", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": supplementary,
	"tags": {}, "relationships": [],
}

customer_key(rotation) := key(key_configuration, {"KeyRotationStatus": rotation})

test_fails_without_rotation if {
	testing.status(id, customer_key(false)) == "fail"
	testing.messages(id, customer_key(false)) == ["KMS key ml-data-key does not have automatic key rotation enabled."]
	testing.status(id, customer_key("false")) == "fail"
}

test_passes_with_rotation if {
	testing.status(id, customer_key(true)) == "pass"
	testing.status(id, customer_key("true")) == "pass"
}

test_passes_with_key_spec_field if {
	configuration := object.union(object.remove(key_configuration, ["customerMasterKeySpec"]), {"keySpec": "SYMMETRIC_DEFAULT"})
	testing.status(id, key(configuration, {"KeyRotationStatus": true})) == "pass"
}

test_not_evaluated_without_rotation_status if {
	r := key(key_configuration, {})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the key's rotation status is not in the inventory"]
}

test_not_evaluated_without_key_manager if {
	r := key(object.remove(key_configuration, ["keyManager"]), {"KeyRotationStatus": false})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_aws_managed_keys if {
	testing.not_applicable(id, key(object.union(key_configuration, {"keyManager": "AWS"}), {"KeyRotationStatus": false}))
}

test_not_applicable_to_asymmetric_keys if {
	testing.not_applicable(id, key(object.union(key_configuration, {"customerMasterKeySpec": "RSA_2048", "keyUsage": "SIGN_VERIFY"}), {"KeyRotationStatus": false}))
	testing.not_applicable(id, key(object.union(key_configuration, {"keySpec": "HMAC_256"}), {"KeyRotationStatus": false}))
}

test_not_applicable_to_keys_pending_deletion if {
	testing.not_applicable(id, key(object.union(key_configuration, {"keyState": "PendingDeletion"}), {"KeyRotationStatus": false}))
}

test_not_applicable_to_imported_key_material if {
	testing.not_applicable(id, key(object.union(key_configuration, {"origin": "EXTERNAL"}), {"KeyRotationStatus": false}))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(customer_key(false), {"type": "AWS::S3::Bucket"}))
}

test_not_applicable_to_keys_no_ai_workload_uses if testing.unlinked_not_applicable(id, customer_key(false))

test_applies_to_keys_of_any_ai_component if {
	testing.linked_status(id, customer_key(false), ["input"]) == "fail"
	testing.linked_status(id, customer_key(false), ["output"]) == "fail"
}

# Config snapshots write null for the field that is not used: the other one decides.
test_key_spec_read_from_either_field_when_the_other_is_null if {
	asymmetric := object.union(key_configuration, {"keySpec": null, "customerMasterKeySpec": "RSA_2048", "keyUsage": "SIGN_VERIFY"})
	testing.not_applicable(id, key(asymmetric, {"KeyRotationStatus": false}))
}

test_not_evaluated_when_the_key_spec_is_unknown if {
	r := key(object.union(key_configuration, {"customerMasterKeySpec": null}), {"KeyRotationStatus": false})
	testing.messages(id, r) == ["the key's spec is not in the inventory"]
}

test_not_evaluated_without_key_manager_says_so if {
	r := key(object.remove(key_configuration, ["keyManager"]), {"KeyRotationStatus": false})
	testing.messages(id, r) == ["the key's manager (AWS or customer) is not in the inventory"]
}

test_not_applicable_to_replica_keys_pending_deletion if {
	testing.not_applicable(id, key(object.union(key_configuration, {"keyState": "PendingReplicaDeletion"}), {"KeyRotationStatus": false}))
}

# An unrecorded origin is not read as imported material: the key is still judged.
test_judged_when_the_origin_is_null if {
	testing.status(id, key(object.union(key_configuration, {"origin": null}), {"KeyRotationStatus": false})) == "fail"
}

test_not_evaluated_when_the_rotation_status_is_an_unreadable_string if {
	testing.status(id, customer_key("")) == "not_evaluated"
}

test_judged_when_key_spec_is_null_and_the_legacy_field_is_symmetric if {
	symmetric := object.union(key_configuration, {"keySpec": null})
	testing.status(id, key(symmetric, {"KeyRotationStatus": false})) == "fail"
}
