package cafscan.tests.s3_ai_output_bucket_policy_no_other_accounts

import data.cafscan.testing

id := "CAFAI-IAM-93"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "capture", "arn": "arn:aws:s3:::capture",
	"name": "capture", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "capture"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

with_policy(statements) := bucket({"BucketPolicy": {"policyText": {"Version": "2012-10-17", "Statement": statements}}})

read_for(principal) := {"Sid": "Read", "Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::capture/*"}

with_condition(s, condition) := object.union(s, {"Condition": condition})

block(restrict) := {"blockPublicAcls": false, "ignorePublicAcls": false, "blockPublicPolicy": false, "restrictPublicBuckets": restrict}

with_block(r, b) := object.union(r, {"supplementaryConfiguration": {"PublicAccessBlockConfiguration": b}})

account_resource(collected) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"collectedTypes": collected}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account_block(restrict) := {
	"type": "AWS::S3::AccountPublicAccessBlock", "id": "111122223333",
	"arn": "arn:aws:s3::111122223333:AWS::S3::AccountPublicAccessBlock/111122223333",
	"name": null, "accountId": "111122223333", "region": "us-east-1",
	"configuration": block(restrict), "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# The account is known to have no account-level block (the source collected the type).
no_account_block := testing.context([account_resource(["AWS::S3::AccountPublicAccessBlock"])])

everyone := read_for("*")

# --- pass ---------------------------------------------------------------------------------------

test_passes_without_a_bucket_policy if {
	testing.status(id, bucket({"BucketPolicy": {"policyText": null}})) == "pass"
}

test_passes_with_grants_to_the_own_account_and_services if {
	r := with_policy([
		read_for({"AWS": "arn:aws:iam::111122223333:role/reader"}),
		read_for({"AWS": "111122223333"}),
		read_for({"Service": "logging.s3.amazonaws.com"}),
	])
	testing.status(id, r) == "pass"
}

test_passes_when_everyone_is_pinned_to_the_own_account if {
	s := with_condition(everyone, {"StringEquals": {"aws:PrincipalAccount": "111122223333"}})
	testing.status(id, with_policy([s])) == "pass"
}

test_passes_when_a_foreign_grant_is_a_deny if {
	s := object.union(read_for({"AWS": "444455556666"}), {"Effect": "Deny"})
	testing.status(id, with_policy([s])) == "pass"
}

test_passes_when_restrict_public_buckets_neutralises_everyone_at_the_bucket if {
	testing.status(id, with_block(with_policy([everyone]), block(true))) == "pass"
}

test_passes_when_restrict_public_buckets_neutralises_everyone_at_the_account if {
	r := with_policy([everyone])
	testing.status(id, r) == "pass" with data.inventory as testing.context([account_block(true)])
}

test_passes_with_own_account_grants_and_no_block_public_access if {
	r := with_policy([read_for({"AWS": "111122223333"})])
	testing.status(id, r) == "pass" with data.inventory as no_account_block
}

# --- fail ---------------------------------------------------------------------------------------

test_fails_on_a_grant_to_another_account_id if {
	r := with_policy([read_for({"AWS": "444455556666"})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's bucket policy grants principals outside account 111122223333 access to AI outputs (statement \"Read\")."]
}

test_fails_on_a_role_of_another_account_and_names_every_statement if {
	r := with_policy([
		read_for({"AWS": ["arn:aws:iam::111122223333:role/reader", "arn:aws:iam::444455556666:role/partner"]}),
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::777788889999:root"}, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::capture"},
	])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's bucket policy grants principals outside account 111122223333 access to AI outputs (statements \"Read\", #2)."]
}

test_fails_on_a_grant_to_the_whole_organization if {
	s := with_condition(everyone, {"StringEquals": {"aws:PrincipalOrgID": "o-abcdef1234"}})
	r := with_policy([s])
	testing.status(id, r) == "fail"

	# Not public, so RestrictPublicBuckets does not stop it.
	testing.status(id, with_block(r, block(true))) == "fail"
}

test_fails_on_an_unconditional_everyone_grant_without_block_public_access if {
	r := with_policy([everyone])
	testing.status(id, r) == "fail" with data.inventory as no_account_block
	testing.messages(id, r) == ["Bucket capture's bucket policy grants any AWS principal access to AI outputs (statement \"Read\") and RestrictPublicBuckets is off at both the bucket and the account level."] with data.inventory as no_account_block
}

test_fails_on_two_everyone_grants_and_names_both if {
	r := with_policy([everyone, object.union(everyone, {"Sid": "List", "Action": "s3:ListBucket"})])
	testing.messages(id, r) == ["Bucket capture's bucket policy grants any AWS principal access to AI outputs (statements \"Read\", \"List\") and RestrictPublicBuckets is off at both the bucket and the account level."] with data.inventory as no_account_block
}

test_fails_on_not_principal if {
	s := {"Sid": "AllBut", "Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/x"}, "Action": "s3:GetObject", "Resource": "*"}
	testing.status(id, with_policy([s])) == "fail" with data.inventory as testing.context([account_block(false)])
}

test_fails_on_a_named_account_even_when_the_public_part_is_unknown if {
	r := with_policy([everyone, object.union(read_for({"AWS": "444455556666"}), {"Sid": "Partner"})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's bucket policy grants principals outside account 111122223333 access to AI outputs (statement \"Partner\")."]
}

test_pinning_to_another_account_fails if {
	s := with_condition(everyone, {"StringEquals": {"aws:PrincipalAccount": "444455556666"}})
	testing.status(id, with_policy([s])) == "fail"
}

# --- not applicable -----------------------------------------------------------------------------

# Routed by type: the same failing settings on another resource type are not this control's.
test_not_applicable_to_other_types if {
	testing.status(id, with_policy([read_for({"AWS": "444455556666"})])) == "fail"
	testing.not_applicable(id, object.union(with_policy([read_for({"AWS": "444455556666"})]), {"type": "AWS::KMS::Key"}))
}

test_not_applicable_when_no_workload_writes_outputs_to_it if {
	r := with_policy([read_for({"AWS": "444455556666"})])
	testing.unlinked_not_applicable(id, r)
	testing.linked_status(id, r, ["output"]) == "fail"
	count(testing.findings_linked(id, r, ["input", "model"], false)) == 0
}

# --- not evaluated ------------------------------------------------------------------------------

test_not_evaluated_when_everyone_and_restrict_public_buckets_unknown if {
	r := with_policy([everyone])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy grants access to everyone and whether RestrictPublicBuckets limits it to the bucket's account is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)"]
}

test_not_evaluated_without_the_policy if {
	testing.status(id, bucket({})) == "not_evaluated"
	testing.messages(id, bucket({})) == ["the bucket policy is not in the inventory"]
}

test_not_evaluated_when_the_policy_could_not_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"BucketPolicy": "s3:GetBucketPolicy was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy could not be read: s3:GetBucketPolicy was denied (AccessDenied)"]
}

test_not_evaluated_when_the_policy_cannot_be_decoded if {
	r := bucket({"BucketPolicy": {"policyText": "{not json"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy could not be decoded"]
}

test_not_evaluated_with_an_account_that_is_not_an_id if {
	r := object.union(with_policy([read_for({"AWS": "444455556666"})]), {"accountId": "unknown"})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_without_the_account if {
	r := object.union(with_policy([read_for({"AWS": "444455556666"})]), {"accountId": null})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket's account is not in the inventory"]
}

# --- canonical users ----------------------------------------------------------------------------

owner_canonical := "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"

other_canonical := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

with_owner(r, owner) := object.union(r, {"configuration": {"owner": {"displayName": null, "id": owner}}})

test_fails_on_a_canonical_user_other_than_the_owner if {
	r := with_owner(with_policy([read_for({"CanonicalUser": other_canonical})]), owner_canonical)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's bucket policy grants canonical users other than the bucket owner access to AI outputs (statement \"Read\")."]

	# One of several canonical users is enough.
	testing.status(id, with_owner(with_policy([read_for({"CanonicalUser": [owner_canonical, other_canonical]})]), owner_canonical)) == "fail"
}

test_passes_on_the_owners_canonical_user if {
	testing.status(id, with_owner(with_policy([read_for({"CanonicalUser": owner_canonical})]), owner_canonical)) == "pass"
	testing.status(id, with_owner(with_policy([read_for({"CanonicalUser": upper(owner_canonical)})]), owner_canonical)) == "pass"

	# A Deny naming another canonical user grants nothing.
	deny := object.union(read_for({"CanonicalUser": other_canonical}), {"Effect": "Deny"})
	testing.status(id, with_owner(with_policy([deny]), owner_canonical)) == "pass"
}

test_reads_the_owner_from_the_acl_when_the_bucket_has_none if {
	acl := {"owner": {"displayName": null, "id": owner_canonical}, "grantList": []}
	policy := {"policyText": {"Version": "2012-10-17", "Statement": [read_for({"CanonicalUser": owner_canonical})]}}
	testing.status(id, bucket({"BucketPolicy": policy, "AccessControlList": acl})) == "pass"
	other := {"policyText": {"Version": "2012-10-17", "Statement": [read_for({"CanonicalUser": other_canonical})]}}
	testing.status(id, bucket({"BucketPolicy": other, "AccessControlList": acl})) == "fail"
}

test_not_evaluated_on_a_canonical_user_when_the_owner_is_unknown if {
	r := with_policy([read_for({"CanonicalUser": owner_canonical})])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy grants to canonical users (statement \"Read\") but the bucket owner's canonical id is not in the inventory"]
	testing.status(id, with_owner(r, null)) == "not_evaluated"
}

test_fails_on_another_account_when_a_canonical_user_is_unknown if {
	r := with_policy([
		read_for({"CanonicalUser": other_canonical}),
		object.union(read_for({"AWS": "444455556666"}), {"Sid": "Partner"}),
	])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket capture's bucket policy grants principals outside account 111122223333 access to AI outputs (statement \"Partner\")."]
}
