package cafscan.tests.s3_model_artifact_bucket_not_public

import data.cafscan.testing

id := "CAFAI-DP-09"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "model-artifacts", "arn": "arn:aws:s3:::model-artifacts",
	"name": "model-artifacts", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "model-artifacts"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

block(acls, ignore, policy, restrict) := {"blockPublicAcls": acls, "ignorePublicAcls": ignore, "blockPublicPolicy": policy, "restrictPublicBuckets": restrict}

all_on := block(true, true, true, true)

no_policy := {"policyText": null}

policy(statements) := {"policyText": {"Version": "2012-10-17", "Statement": statements}}

read_for(principal) := {"Sid": "Read", "Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::model-artifacts/*"}

private_policy := policy([read_for({"AWS": "arn:aws:iam::111122223333:role/sm-exec"})])

with_block_and_policy(b, p) := bucket({"PublicAccessBlockConfiguration": b, "BucketPolicy": p})

account_block(account, configuration) := {
	"type": "AWS::S3::AccountPublicAccessBlock", "id": account,
	"arn": sprintf("arn:aws:s3::%s:AWS::S3::AccountPublicAccessBlock/%s", [account, account]),
	"name": null, "accountId": account, "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account_resource(collected) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"collectedTypes": collected}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

none_off := block(false, false, false, false)

# The account is known to have no account-level block (the source collected the type).
no_account_block := testing.context([account_resource(["AWS::S3::AccountPublicAccessBlock"])])

private_acl := {"grantSet": null, "grantList": [{"grantee": {"id": "c0ffee", "displayName": "owner"}, "permission": "FullControl"}], "owner": {"displayName": "owner", "id": "c0ffee"}, "isRequesterCharged": false}

# Config's shape: the grantee group as a string, the ACL string-encoded twice by the API.
public_acl := json.marshal(json.marshal(object.union(private_acl, {"grantList": [
	{"grantee": {"id": "c0ffee", "displayName": "owner"}, "permission": "FullControl"},
	{"grantee": "AllUsers", "permission": "Read"},
]})))

# A bucket with no Block Public Access anywhere, the given policy and ACL.
open_bucket(p, acl) := bucket({"BucketPolicy": p, "AccessControlList": acl})

# --- pass ---------------------------------------------------------------------------------------

test_passes_with_a_complete_bucket_block_and_no_policy if {
	testing.status(id, with_block_and_policy(all_on, no_policy)) == "pass"
}

test_passes_with_a_policy_naming_principals if {
	testing.status(id, with_block_and_policy(all_on, private_policy)) == "pass"
}

# Block Public Access off is CAFAI-DP-02's failure; with no public grant the bucket is not public.
test_passes_with_block_public_access_off_but_no_public_grant if {
	r := open_bucket(private_policy, private_acl)
	testing.status(id, r) == "pass" with data.inventory as no_account_block
	testing.status("CAFAI-DP-02", r) == "fail" with data.inventory as no_account_block
}

test_passes_with_a_grant_pinned_to_the_organization if {
	s := object.union(read_for("*"), {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	testing.status(id, open_bucket(policy([s]), private_acl)) == "pass" with data.inventory as no_account_block
}

test_passes_with_a_grant_pinned_to_a_vpc_endpoint if {
	s := object.union(read_for({"AWS": "*"}), {"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}})
	testing.status(id, open_bucket(policy([s]), private_acl)) == "pass" with data.inventory as no_account_block
}

test_passes_with_a_deny_for_everyone if {
	s := object.union(read_for("*"), {"Effect": "Deny"})
	testing.status(id, open_bucket(policy([s]), private_acl)) == "pass" with data.inventory as no_account_block
}

# RestrictPublicBuckets limits a public policy to the account and AWS services; IgnorePublicAcls
# makes S3 ignore public ACL grants.
test_passes_when_block_public_access_neutralises_the_grants if {
	r := open_bucket(policy([read_for("*")]), public_acl)
	ctx := testing.context([account_block("111122223333", block(false, true, false, true))])
	testing.status(id, r) == "pass" with data.inventory as ctx
}

test_passes_with_the_bucket_level_restrict_setting if {
	r := with_block_and_policy(block(false, true, false, true), policy([read_for("*")]))
	testing.status(id, r) == "pass"
}

# --- fail ---------------------------------------------------------------------------------------

test_fails_with_an_unconditioned_grant_to_everyone if {
	r := open_bucket(policy([read_for("*")]), private_acl)
	testing.status(id, r) == "fail" with data.inventory as no_account_block
	testing.messages(id, r) == ["Bucket model-artifacts is public: its bucket policy grants access to everyone (statement \"Read\") and RestrictPublicBuckets is off at both the bucket and the account level."] with data.inventory as no_account_block
}

test_fails_with_aws_star_and_not_principal if {
	unnamed := json.remove(read_for({"AWS": ["*"]}), ["Sid"])
	not_principal := json.remove(object.union(read_for(null), {"Sid": "AllButAdmin", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}}), ["Principal"])
	r := open_bucket(policy([private_policy.policyText.Statement[0], unnamed, not_principal]), private_acl)
	testing.messages(id, r) == ["Bucket model-artifacts is public: its bucket policy grants access to everyone (statements #2, \"AllButAdmin\") and RestrictPublicBuckets is off at both the bucket and the account level."] with data.inventory as no_account_block
}

# "Everyone outside my organization" is still everyone but a few.
test_fails_with_a_negated_organization_condition if {
	s := object.union(read_for("*"), {"Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	testing.status(id, open_bucket(policy([s]), private_acl)) == "fail" with data.inventory as no_account_block
}

test_fails_with_if_exists_and_wildcard_conditions if {
	if_exists := object.union(read_for("*"), {"Condition": {"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}}})
	testing.status(id, open_bucket(policy([if_exists]), private_acl)) == "fail" with data.inventory as no_account_block
	wildcard := object.union(read_for("*"), {"Condition": {"StringLike": {"aws:PrincipalArn": "*"}}})
	testing.status(id, open_bucket(policy([wildcard]), private_acl)) == "fail" with data.inventory as no_account_block
}

# Any account can create a user with this name.
test_fails_when_only_a_user_name_is_required if {
	s := object.union(read_for("*"), {"Condition": {"StringEquals": {"aws:username": "deploy"}}})
	testing.status(id, open_bucket(policy([s]), private_acl)) == "fail" with data.inventory as no_account_block
}

test_fails_with_an_empty_condition if {
	s := object.union(read_for("*"), {"Condition": {}})
	testing.status(id, open_bucket(policy([s]), private_acl)) == "fail" with data.inventory as no_account_block
}

test_fails_with_a_public_acl if {
	r := open_bucket(no_policy, public_acl)
	testing.status(id, r) == "fail" with data.inventory as no_account_block
	testing.messages(id, r) == ["Bucket model-artifacts is public: its ACL grants access to AllUsers and IgnorePublicAcls is off at both the bucket and the account level."] with data.inventory as no_account_block
}

test_fails_with_a_public_acl_in_the_api_shape if {
	acl := {"grantList": [{"grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}, "permission": "READ"}]}
	testing.status(id, open_bucket(no_policy, acl)) == "fail" with data.inventory as no_account_block
}

# A known public grant is not hidden behind an unknown ACL.
test_fails_on_a_public_policy_when_the_acl_is_unknown if {
	r := bucket({"BucketPolicy": policy([read_for("*")])})
	testing.status(id, r) == "fail" with data.inventory as no_account_block
}

# The Sid is quoted with native Rego (opa-wasm's sprintf throws on %q): Sids with quotes or
# unicode stay messages, not crashes.
test_fails_with_an_unusual_sid if {
	s := object.union(read_for("*"), {"Sid": "Öffentlich \"read\""})
	r := open_bucket(policy([s]), private_acl)
	testing.messages(id, r) == ["Bucket model-artifacts is public: its bucket policy grants access to everyone (statement \"Öffentlich \"read\"\") and RestrictPublicBuckets is off at both the bucket and the account level."] with data.inventory as no_account_block
}

# --- not evaluated ------------------------------------------------------------------------------

test_not_evaluated_when_the_acl_is_unknown_and_not_ignored if {
	r := bucket({"BucketPolicy": no_policy})
	testing.status(id, r) == "not_evaluated" with data.inventory as no_account_block
	testing.messages(id, r) == ["the bucket ACL is not in the inventory and IgnorePublicAcls is not on, so a public ACL grant cannot be ruled out"] with data.inventory as no_account_block
}

# An ACL recorded without its grant list says nothing about its grants.
test_not_evaluated_when_the_acl_has_no_grant_list if {
	for_null := open_bucket(no_policy, object.union(private_acl, {"grantList": null}))
	testing.messages(id, for_null) == ["the bucket ACL is in the inventory without its grant list and IgnorePublicAcls is not on, so a public ACL grant cannot be ruled out"] with data.inventory as no_account_block
	for_absent := open_bucket(no_policy, {"owner": {"displayName": "owner", "id": "c0ffee"}})
	testing.status(id, for_absent) == "not_evaluated" with data.inventory as no_account_block
	testing.status(id, open_bucket(no_policy, object.union(private_acl, {"grantList": []}))) == "pass" with data.inventory as no_account_block
}

test_not_evaluated_when_restrict_public_buckets_is_unknown if {
	r := with_block_and_policy(block(true, true, true, false), policy([read_for("*")]))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy grants access to everyone and whether RestrictPublicBuckets blocks it is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)"]
}

test_not_evaluated_when_the_bucket_block_could_not_be_read if {
	r := object.union(open_bucket(policy([read_for("*")]), private_acl), {"collectionErrors": {"PublicAccessBlockConfiguration": "s3:GetBucketPublicAccessBlock was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated" with data.inventory as no_account_block
}

test_another_accounts_block_does_not_count if {
	r := with_block_and_policy(none_off, policy([read_for("*")]))
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([account_block("444455556666", all_on)])
}

test_not_evaluated_without_the_bucket_policy if {
	r := bucket({"PublicAccessBlockConfiguration": all_on})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy is not in the inventory"]
}

test_not_evaluated_with_the_reason_the_policy_could_not_be_read if {
	r := object.union(bucket({"PublicAccessBlockConfiguration": all_on}), {"collectionErrors": {"BucketPolicy": "s3:GetBucketPolicy was denied (AccessDenied)"}})
	testing.messages(id, r) == ["the bucket policy could not be read: s3:GetBucketPolicy was denied (AccessDenied)"]
}

test_not_evaluated_with_an_undecoded_policy if {
	r := with_block_and_policy(all_on, {"policyText": "%7B%22Version%22"})
	testing.messages(id, r) == ["the bucket policy could not be decoded"]
}

# --- applicability ------------------------------------------------------------------------------

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(with_block_and_policy(all_on, policy([read_for("*")])), {"type": "AWS::KMS::Key"}))
}

test_not_applicable_when_no_ai_workload_uses_it if {
	testing.unlinked_not_applicable(id, with_block_and_policy(all_on, policy([read_for("*")])))
}

# A bucket the graph links only as an AI output (data capture, invocation logs) is checked too.
test_applies_wherever_the_graph_links_the_bucket if {
	r := open_bucket(policy([read_for("*")]), private_acl)
	testing.linked_status(id, r, ["model"]) == "fail" with data.inventory as no_account_block
	testing.linked_status(id, r, ["input"]) == "fail" with data.inventory as no_account_block
	testing.linked_status(id, r, ["output"]) == "fail" with data.inventory as no_account_block
}

test_fails_naming_every_public_acl_grantee if {
	acl := {"grantList": [
		{"grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}, "permission": "READ"},
		{"grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}, "permission": "READ"},
	]}
	r := open_bucket(no_policy, acl)
	testing.messages(id, r) == ["Bucket model-artifacts is public: its ACL grants access to AllUsers and AuthenticatedUsers and IgnorePublicAcls is off at both the bucket and the account level."] with data.inventory as no_account_block
}

test_not_evaluated_when_a_public_acl_may_be_ignored if {
	r := object.union(open_bucket(private_policy, public_acl), {"collectionErrors": {"PublicAccessBlockConfiguration": "s3:GetBucketPublicAccessBlock was denied (AccessDenied)"}})
	testing.messages(id, r) == ["the bucket ACL grants access to everyone and whether IgnorePublicAcls blocks it is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)"] with data.inventory as no_account_block
}
