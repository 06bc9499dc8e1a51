package cafscan.tests.s3_bucket_public_access_blocked

import data.cafscan.testing

id := "CAFAI-DP-02"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

block(acls, ignore, policy, restrict) := {"blockPublicAcls": acls, "ignorePublicAcls": ignore, "blockPublicPolicy": policy, "restrictPublicBuckets": restrict}

bucket_level(configuration) := {"PublicAccessBlockConfiguration": configuration}

account_block(account, configuration) := {
	"type": "AWS::S3::AccountPublicAccessBlock", "id": account,
	"arn": sprintf("arn:aws:s3::%s:AWS::S3::AccountPublicAccessBlock/%s", [account, account]),
	"name": null, "accountId": account, "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

all_on := block(true, true, true, true)

test_passes_with_a_complete_bucket_level_block if {
	testing.status(id, bucket(bucket_level(all_on))) == "pass"
}

test_passes_with_a_complete_account_level_block if {
	r := bucket({})
	testing.status(id, r) == "pass" with data.inventory as testing.context([account_block("111122223333", all_on)])
}

test_passes_when_the_levels_complement_each_other if {
	r := bucket(bucket_level(block(true, true, false, false)))
	ctx := testing.context([account_block("111122223333", block(false, false, true, true))])
	testing.status(id, r) == "pass" with data.inventory as ctx
}

test_fails_when_both_levels_are_incomplete if {
	r := bucket(bucket_level(block(true, true, false, false)))
	ctx := testing.context([account_block("111122223333", block(true, false, false, true))])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Bucket training-data does not block public access: blockPublicPolicy is off at both the bucket and the account level."] with data.inventory as ctx
}

test_fails_without_a_bucket_block_and_an_open_account_block if {
	r := bucket({})
	ctx := testing.context([account_block("111122223333", block(false, false, false, false))])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Bucket training-data does not block public access: blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets are off at both the bucket and the account level."] with data.inventory as ctx
}

test_not_evaluated_without_the_account_block if {
	r := bucket(bucket_level(block(true, true, true, false)))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the account-level public access block is not in the inventory"]
}

test_another_accounts_block_does_not_count if {
	r := bucket({})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([account_block("444455556666", all_on)])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket({}), {"type": "AWS::KMS::Key"}))
}

account_resource(collected) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"collectedTypes": collected}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# A live scan that listed account-level blocks and found none: known none, so the bucket fails.
test_fails_when_the_account_is_known_to_have_no_block if {
	ctx := testing.context([account_resource(["AWS::S3::AccountPublicAccessBlock"])])
	testing.status(id, bucket({})) == "fail" with data.inventory as ctx
	testing.messages(id, bucket({})) == ["Bucket training-data does not block public access: blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets are off at the bucket level and the account has no public access block."] with data.inventory as ctx
}

test_not_evaluated_when_account_blocks_were_not_collected if {
	testing.status(id, bucket({})) == "not_evaluated" with data.inventory as testing.context([account_resource(["AWS::S3::Bucket"])])
}

test_not_applicable_to_buckets_no_ai_workload_uses if testing.unlinked_not_applicable(id, bucket({}))

# A bucket the graph links only as an AI output (data capture, invocation logs) is checked too.
test_applies_wherever_the_graph_links_the_bucket if {
	testing.linked_status(id, bucket({}), ["input"]) == "not_evaluated"
	testing.linked_status(id, bucket({}), ["model"]) == "not_evaluated"
	testing.linked_status(id, bucket({}), ["output"]) == "not_evaluated"
}

test_not_evaluated_when_the_bucket_block_could_not_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"PublicAccessBlockConfiguration": "s3:GetBucketPublicAccessBlock was denied (AccessDenied)"}})
	ctx := testing.context([account_block("111122223333", block(true, true, false, true))])
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == ["the bucket's public access block could not be read: s3:GetBucketPublicAccessBlock was denied (AccessDenied)"] with data.inventory as ctx
}

# The account-level block alone decides when it turns every setting on.
test_passes_when_the_unreadable_bucket_block_does_not_matter if {
	r := object.union(bucket({}), {"collectionErrors": {"PublicAccessBlockConfiguration": "s3:GetBucketPublicAccessBlock was denied (AccessDenied)"}})
	testing.status(id, r) == "pass" with data.inventory as testing.context([account_block("111122223333", block(true, true, true, true))])
}
