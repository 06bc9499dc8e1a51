package cafscan.tests.s3_ai_output_bucket_acl_no_other_accounts

import data.cafscan.testing

id := "CAFAI-IAM-94"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "capture", "arn": "arn:aws:s3:::capture",
	"name": "capture", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "capture"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

owner := {"id": "c0ffee", "displayName": null}

owner_grant := {"grantee": owner, "permission": "FullControl"}

acl(grants) := {"grantSet": null, "grantList": grants, "owner": owner, "isRequesterCharged": false}

object_writer := {"rules": [{"objectOwnership": "ObjectWriter"}]}

with_acl(grants) := bucket({"AccessControlList": acl(grants), "BucketOwnershipControls": object_writer})

partner := {"grantee": {"id": "beef42", "displayName": null}, "permission": "Read"}

block(ignore) := {"blockPublicAcls": false, "ignorePublicAcls": ignore, "blockPublicPolicy": false, "restrictPublicBuckets": false}

with_block(r, b) := object.union(r, {"supplementaryConfiguration": {"PublicAccessBlockConfiguration": b}})

account_block(ignore) := {
	"type": "AWS::S3::AccountPublicAccessBlock", "id": "111122223333",
	"arn": "arn:aws:s3::111122223333:AWS::S3::AccountPublicAccessBlock/111122223333",
	"name": null, "accountId": "111122223333", "region": "us-east-1",
	"configuration": block(ignore), "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# --- pass ---------------------------------------------------------------------------------------

test_passes_when_only_the_owner_is_granted if {
	testing.status(id, with_acl([owner_grant])) == "pass"
}

test_passes_with_the_log_delivery_group if {
	r := with_acl([owner_grant, {"grantee": "LogDelivery", "permission": "Write"}])
	testing.status(id, r) == "pass"
}

test_passes_with_a_log_delivery_uri_grantee if {
	g := {"grantee": {"uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}, "permission": "ReadAcp"}
	testing.status(id, with_acl([owner_grant, g])) == "pass"
}

test_passes_when_acls_are_disabled_whatever_they_say if {
	r := bucket({"AccessControlList": acl([owner_grant, partner]), "BucketOwnershipControls": {"rules": [{"objectOwnership": "BucketOwnerEnforced"}]}})
	testing.status(id, r) == "pass"
}

test_passes_when_acls_are_disabled_in_a_string_encoded_setting_and_the_acl_is_unknown if {
	r := bucket({"BucketOwnershipControls": json.marshal({"rules": [{"objectOwnership": "BucketOwnerEnforced"}]})})
	testing.status(id, r) == "pass"
}

test_passes_when_ignore_public_acls_neutralises_a_public_grant if {
	r := with_acl([owner_grant, {"grantee": "AllUsers", "permission": "Read"}])
	testing.status(id, with_block(r, block(true))) == "pass"
	testing.status(id, r) == "pass" with data.inventory as testing.context([account_block(true)])
}

test_passes_with_only_the_owner_and_no_block_public_access if {
	testing.status(id, with_acl([owner_grant])) == "pass" with data.inventory as testing.context([account_block(false)])
}

test_passes_with_only_log_delivery_while_the_owner_is_unknown if {
	r := bucket({"AccessControlList": object.union(acl([{"grantee": "LogDelivery", "permission": "Write"}]), {"owner": null}), "BucketOwnershipControls": object_writer})
	testing.status(id, r) == "pass"
}

# --- fail ---------------------------------------------------------------------------------------

test_fails_on_a_grant_to_another_canonical_user if {
	r := with_acl([owner_grant, partner])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's ACL grants AI outputs to canonical users other than the bucket owner: beef42 (Read)."]
}

test_fails_on_a_config_recorded_acl_without_ownership_controls if {
	# Config's shape: the ACL string-encoded twice; no ownership controls behaves as ObjectWriter.
	r := bucket({"AccessControlList": json.marshal(json.marshal(acl([owner_grant, {"grantee": {"id": "beef42", "displayName": null}, "permission": null}]))), "BucketOwnershipControls": {"rules": []}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's ACL grants AI outputs to canonical users other than the bucket owner: beef42 (unknown permission)."]
}

test_fails_when_ownership_controls_are_unknown if {
	r := bucket({"AccessControlList": acl([owner_grant, partner])})
	testing.status(id, r) == "fail"
}

test_fails_on_two_other_users_and_names_both if {
	r := with_acl([owner_grant, partner, {"grantee": {"id": "abba", "displayName": null}, "permission": "Write"}])
	testing.messages(id, r) == ["Bucket capture's ACL grants AI outputs to canonical users other than the bucket owner: abba (Write), beef42 (Read)."]
}

test_fails_on_both_public_groups_and_names_both if {
	r := with_acl([owner_grant, {"grantee": "AuthenticatedUsers", "permission": "Read"}, {"grantee": {"uri": "http://acs.amazonaws.com/groups/global/AllUsers"}, "permission": "Read"}])
	ctx := testing.context([account_block(false)])
	testing.messages(id, r) == ["Bucket capture's ACL grants AI outputs to AllUsers and AuthenticatedUsers (every AWS account) and IgnorePublicAcls is off at both the bucket and the account level."] with data.inventory as ctx
}

test_fails_on_authenticated_users_without_block_public_access if {
	r := with_acl([owner_grant, {"grantee": "AuthenticatedUsers", "permission": "Read"}])
	ctx := testing.context([account_block(false)])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Bucket capture's ACL grants AI outputs to AuthenticatedUsers (every AWS account) and IgnorePublicAcls is off at both the bucket and the account level."] with data.inventory as ctx
}

test_a_user_grant_fails_even_when_the_public_part_is_unknown if {
	r := with_acl([owner_grant, partner, {"grantee": "AllUsers", "permission": "Read"}, {"grantee": {"emailAddress": "x@example.com"}, "permission": "Read"}])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's ACL grants AI outputs to canonical users other than the bucket owner: beef42 (Read)."]
}

# --- not applicable -----------------------------------------------------------------------------

# Routed by type: the same failing settings on another resource type are not this control's.
test_not_applicable_to_other_types if {
	testing.status(id, with_acl([owner_grant, partner])) == "fail"
	testing.not_applicable(id, object.union(with_acl([owner_grant, partner]), {"type": "AWS::KMS::Key"}))
}

test_not_applicable_when_no_workload_writes_outputs_to_it if {
	r := with_acl([owner_grant, partner])
	testing.unlinked_not_applicable(id, r)
	testing.linked_status(id, r, ["output"]) == "fail"
	count(testing.findings_linked(id, r, ["input", "model"], false)) == 0
}

# --- not evaluated ------------------------------------------------------------------------------

test_not_evaluated_without_the_acl if {
	r := bucket({"BucketOwnershipControls": object_writer})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket ACL is not in the inventory and Object Ownership is not BucketOwnerEnforced, so an ACL grant to another account cannot be ruled out"]
}

test_not_evaluated_when_the_acl_could_not_be_read if {
	r := object.union(bucket({"BucketOwnershipControls": object_writer}), {"collectionErrors": {"AccessControlList": "s3:GetBucketAcl was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket ACL could not be read: s3:GetBucketAcl was denied (AccessDenied)"]
}

test_not_evaluated_without_the_owner if {
	r := bucket({"AccessControlList": object.union(acl([owner_grant, partner]), {"owner": null}), "BucketOwnershipControls": object_writer})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket ACL grants to canonical users but its owner's id is not in the inventory"]
}

test_not_evaluated_when_the_owner_id_is_null_or_empty if {
	grants := [owner_grant, partner]
	testing.status(id, bucket({"AccessControlList": object.union(acl(grants), {"owner": {"id": null}}), "BucketOwnershipControls": object_writer})) == "not_evaluated"
	testing.status(id, bucket({"AccessControlList": object.union(acl(grants), {"owner": {"id": ""}}), "BucketOwnershipControls": object_writer})) == "not_evaluated"
}

test_not_evaluated_when_only_some_grants_are_users_and_the_owner_is_unknown if {
	r := bucket({"AccessControlList": object.union(acl([{"grantee": "LogDelivery", "permission": "Write"}, partner]), {"owner": null}), "BucketOwnershipControls": object_writer})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_on_a_user_grantee_without_a_usable_id if {
	testing.messages(id, with_acl([owner_grant, {"grantee": {"id": 5}, "permission": "Read"}])) == ["the bucket ACL grants to a grantee of unknown kind: {\"id\":5}"]
	testing.messages(id, with_acl([owner_grant, {"grantee": {"id": ""}, "permission": "Read"}])) == ["the bucket ACL grants to a grantee of unknown kind: {\"id\":\"\"}"]
}

test_acls_disabled_silences_unknowns_too if {
	r := bucket({"AccessControlList": acl([owner_grant, {"grantee": {"emailAddress": "x@example.com"}, "permission": "Read"}]), "BucketOwnershipControls": {"rules": [{"objectOwnership": "BucketOwnerEnforced"}]}})
	testing.status(id, r) == "pass"
}

test_not_evaluated_on_an_email_grantee if {
	r := with_acl([owner_grant, {"grantee": {"emailAddress": "x@example.com"}, "permission": "Read"}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket ACL grants to x@example.com, an email address whose account cannot be matched to the owner"]
}

test_not_evaluated_on_a_grantee_of_unknown_kind if {
	r := with_acl([owner_grant, {"grantee": "SomeNewGroup", "permission": "Read"}, {"permission": "Read"}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket ACL grants to a grantee of unknown kind: \"SomeNewGroup\"", "the bucket ACL grants to a grantee of unknown kind: null"]
}

test_not_evaluated_on_a_public_grant_when_ignore_public_acls_is_unknown if {
	r := with_acl([owner_grant, {"grantee": "AllUsers", "permission": "Read"}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket ACL grants access to everyone and whether IgnorePublicAcls blocks it is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)"]
}

test_not_evaluated_on_an_acl_without_its_grant_list if {
	reason := "the bucket ACL is in the inventory without its grant list, so an ACL grant to another account cannot be ruled out"
	absent := bucket({"AccessControlList": object.remove(acl([]), ["grantList"]), "BucketOwnershipControls": object_writer})
	testing.status(id, absent) == "not_evaluated"
	testing.messages(id, absent) == [reason]
	null_list := bucket({"AccessControlList": acl(null), "BucketOwnershipControls": object_writer})
	testing.status(id, null_list) == "not_evaluated"
	testing.messages(id, null_list) == [reason]

	# Config's string-encoded shape is read the same way.
	encoded := bucket({"AccessControlList": json.marshal(json.marshal(acl(null))), "BucketOwnershipControls": object_writer})
	testing.messages(id, encoded) == [reason]

	# An empty grant list is a recorded answer; ACLs disabled silence the question.
	testing.status(id, with_acl([])) == "pass"
	disabled := bucket({"AccessControlList": acl(null), "BucketOwnershipControls": {"rules": [{"objectOwnership": "BucketOwnerEnforced"}]}})
	testing.status(id, disabled) == "pass"
}
