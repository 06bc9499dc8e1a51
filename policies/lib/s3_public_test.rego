package cafscan.tests.lib_s3_public

import data.cafscan.lib.s3_public
import data.cafscan.testing

all_on := {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}

all_off := {"blockPublicAcls": false, "ignorePublicAcls": false, "blockPublicPolicy": false, "restrictPublicBuckets": false}

public_policy := {"Version": "2012-10-17", "Statement": [{"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::models/*"}]}

private_policy := {"Version": "2012-10-17", "Statement": [{"Sid": "Team", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::models/*"}]}

owner_grant := {"grantee": {"id": "abc123", "type": "CanonicalUser"}, "permission": "FullControl"}

# A bucket whose supplementary configuration holds these keys (an absent key is not recorded).
bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "models", "arn": "arn:aws:s3:::models", "name": "models",
	"accountId": "111122223333", "region": "us-east-1", "configuration": {"name": "models"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

account_block(configuration) := {
	"type": "AWS::S3::AccountPublicAccessBlock", "id": "111122223333", "arn": "arn:aws:s3::111122223333:account",
	"name": "111122223333", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account(collected) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": {}},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# The account-level block: recorded with these settings, known to be absent, or unknown.
with_account(configuration) := testing.context([account(["AWS::S3::AccountPublicAccessBlock"]), account_block(configuration)])

no_account_block := testing.context([account(["AWS::S3::AccountPublicAccessBlock"])])

unknown_account_block := testing.context([account([])])

# --- Block Public Access -----------------------------------------------------------------------

test_one_setting_off_without_an_account_block_is_a_violation if {
	b := bucket({"PublicAccessBlockConfiguration": object.union(all_on, {"restrictPublicBuckets": false})})
	s3_public.block_violations == {"Bucket models does not block public access: restrictPublicBuckets is off at the bucket level and the account has no public access block."} with input as {"resource": b} with data.inventory as no_account_block
}

test_every_setting_on_at_the_bucket_is_no_violation if {
	b := bucket({"PublicAccessBlockConfiguration": all_on})
	count(s3_public.block_violations) == 0 with input as {"resource": b} with data.inventory as no_account_block
	count(s3_public.block_violations) == 0 with input as {"resource": b} with data.inventory as with_account(all_off)
}

# With an account-level block recorded, the message is about both levels, never "no block".
test_an_account_block_that_leaves_settings_off if {
	b := bucket({"PublicAccessBlockConfiguration": object.union(all_off, {"blockPublicAcls": true})})
	ctx := with_account(object.union(all_off, {"ignorePublicAcls": true}))
	s3_public.block_violations == {"Bucket models does not block public access: blockPublicPolicy, restrictPublicBuckets are off at both the bucket and the account level."} with input as {"resource": b} with data.inventory as ctx
	count(s3_public.block_unknown_reasons) == 0 with input as {"resource": b} with data.inventory as ctx
}

# A bucket block that could not be read is unknown: no violation, the error is the reason.
test_an_unreadable_bucket_block_is_unknown if {
	b := object.union(bucket({}), {"collectionErrors": {"PublicAccessBlockConfiguration": "GetPublicAccessBlock: AccessDenied"}})
	count(s3_public.block_violations) == 0 with input as {"resource": b} with data.inventory as no_account_block
	count(s3_public.block_violations) == 0 with input as {"resource": b} with data.inventory as with_account(all_off)
	s3_public.block_unknown_reasons == {"the bucket's public access block could not be read: GetPublicAccessBlock: AccessDenied"} with input as {"resource": b} with data.inventory as with_account(all_off)
	odd := object.union(bucket({}), {"collectionErrors": {"PublicAccessBlockConfiguration": {"Code": "AccessDenied"}}})
	s3_public.block_unknown_reasons == {"the bucket's public access block could not be read: unknown error"} with input as {"resource": odd} with data.inventory as with_account(all_off)
}

# --- bucket policy -----------------------------------------------------------------------------

# A public policy with RestrictPublicBuckets off at both (known) levels is public access.
test_public_policy_with_restrict_off_at_both_levels if {
	b := bucket({"PublicAccessBlockConfiguration": all_off, "BucketPolicy": {"policyText": public_policy}})
	s3_public.policy_public with input as {"resource": b} with data.inventory as with_account(all_off)
	not s3_public.policy_public_unknown with input as {"resource": b} with data.inventory as with_account(all_off)
}

# RestrictPublicBuckets on the bucket itself neutralises the policy whatever the account says.
test_public_policy_restricted_by_the_bucket_block if {
	b := bucket({"PublicAccessBlockConfiguration": object.union(all_off, {"restrictPublicBuckets": true}), "BucketPolicy": {"policyText": public_policy}})
	not s3_public.policy_public with input as {"resource": b} with data.inventory as with_account(all_off)
	not s3_public.policy_public_unknown with input as {"resource": b} with data.inventory as with_account(all_off)
}

test_public_policy_with_an_unknown_account_block if {
	b := bucket({"PublicAccessBlockConfiguration": all_off, "BucketPolicy": {"policyText": public_policy}})
	s3_public.policy_public_unknown with input as {"resource": b} with data.inventory as unknown_account_block
	not s3_public.policy_public with input as {"resource": b} with data.inventory as unknown_account_block
}

test_a_private_policy_is_never_unknown if {
	b := bucket({"PublicAccessBlockConfiguration": all_off, "BucketPolicy": {"policyText": private_policy}})
	not s3_public.policy_public_unknown with input as {"resource": b} with data.inventory as unknown_account_block
	s3_public.public_statements == [] with input as {"resource": b} with data.inventory as unknown_account_block
}

# The read error is a message only when the collector recorded one.
test_policy_read_error if {
	s3_public.policy_read_error == "GetBucketPolicy: AccessDenied" with input as {"resource": object.union(bucket({}), {"collectionErrors": {"BucketPolicy": "GetBucketPolicy: AccessDenied"}})}
	not s3_public.policy_read_error with input as {"resource": object.union(bucket({}), {"collectionErrors": {"BucketPolicy": {"Code": "AccessDenied"}}})}
}

# --- bucket ACL --------------------------------------------------------------------------------

all_users_uri := "http://acs.amazonaws.com/groups/global/AllUsers"

acl_of(grants) := {"grantList": grants, "owner": {"id": "abc123"}}

# The API names the group by URI, in either key casing; Config by its name.
test_public_acl_grants_in_every_spelling if {
	every grantee in [{"URI": all_users_uri, "type": "Group"}, {"uri": all_users_uri}, "AllUsers", "AuthenticatedUsers"] {
		b := bucket({"PublicAccessBlockConfiguration": all_off, "AccessControlList": acl_of([owner_grant, {"grantee": grantee, "permission": "Read"}])})
		s3_public.acl_public with input as {"resource": b} with data.inventory as with_account(all_off)
	}
}

test_public_acl_with_ignore_public_acls_unknown_or_off if {
	b := bucket({"PublicAccessBlockConfiguration": all_off, "AccessControlList": acl_of([{"grantee": "AllUsers", "permission": "Read"}])})
	s3_public.acl_public_unknown with input as {"resource": b} with data.inventory as unknown_account_block
	not s3_public.acl_public with input as {"resource": b} with data.inventory as unknown_account_block
	s3_public.acl_public with input as {"resource": b} with data.inventory as with_account(all_off)
	not s3_public.acl_public_unknown with input as {"resource": b} with data.inventory as with_account(all_off)
}

test_a_private_acl_is_never_unknown if {
	b := bucket({"PublicAccessBlockConfiguration": all_off, "AccessControlList": acl_of([owner_grant])})
	not s3_public.acl_public_unknown with input as {"resource": b} with data.inventory as unknown_account_block
	not s3_public.acl_public with input as {"resource": b} with data.inventory as with_account(all_off)
}

# collectionErrors entries that are false say "no error": the bucket's block was read.
test_a_false_collection_error_is_no_error if {
	b := object.union(bucket({"PublicAccessBlockConfiguration": all_off}), {"collectionErrors": {"PublicAccessBlockConfiguration": false}})
	count(s3_public.block_unknown_reasons) == 0 with input as {"resource": b} with data.inventory as with_account(all_off)
	s3_public.block_violations == {"Bucket models does not block public access: blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets are off at both the bucket and the account level."} with input as {"resource": b} with data.inventory as with_account(all_off)
}
