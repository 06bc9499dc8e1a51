package cafscan.tests.s3_account_public_access_block

import data.cafscan.testing

id := "CAFAI-DP-13"

block_type := "AWS::S3::AccountPublicAccessBlock"

account(region, collected, failed) := {
	"type": "AWS::::Account", "id": sprintf("111122223333/%s", [region]),
	"arn": sprintf("arn:aws::%s:111122223333:account", [region]),
	"name": sprintf("111122223333 %s", [region]), "accountId": "111122223333", "region": region,
	"configuration": {"accountId": "111122223333", "region": region, "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account("us-east-1", [block_type], {})

not_collected := account("us-east-1", [], {})

# As s3-control.ts (and AWS Config) record it.
block(account_id, region, acls, ignore, policy, restrict) := {
	"type": block_type, "id": account_id,
	"arn": sprintf("arn:aws:s3:%s:%s:AWS::S3::AccountPublicAccessBlock/%s", [region, account_id, account_id]),
	"name": account_id, "accountId": account_id, "region": region,
	"configuration": {"blockPublicAcls": acls, "ignorePublicAcls": ignore, "blockPublicPolicy": policy, "restrictPublicBuckets": restrict},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

all_on := block("111122223333", "us-east-1", true, true, true, true)

test_fails_when_the_account_has_no_block if {
	ctx := testing.context([collected])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["Account 111122223333 has no S3 account-level public access block, so no Block Public Access setting applies account-wide."] with data.inventory as ctx
}

test_fails_when_the_block_is_incomplete if {
	ctx := testing.context([collected, block("111122223333", "us-east-1", true, true, false, false)])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["The S3 account-level public access block of account 111122223333 leaves blockPublicPolicy, restrictPublicBuckets off."] with data.inventory as ctx
}

test_a_setting_counts_only_when_every_record_has_it_on if {
	ctx := testing.context([collected, all_on, block("111122223333", "eu-west-1", true, false, true, true)])
	testing.messages(id, collected) == ["The S3 account-level public access block of account 111122223333 leaves ignorePublicAcls off."] with data.inventory as ctx
}

test_passes_with_all_four_settings_on if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([collected, all_on])
}

# A block recorded in another region (AWS Config) still applies to the whole account.
test_passes_with_a_block_recorded_in_another_region if {
	r := account("eu-west-1", [], {})
	testing.status(id, r) == "pass" with data.inventory as testing.context([r, all_on])
}

test_another_accounts_block_does_not_count if {
	ctx := testing.context([collected, block("444455556666", "us-east-1", true, true, true, true)])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

# Collected in another region of the account: none there means none at all.
test_fails_when_another_region_collected_none if {
	r := account("ap-south-1", [], {})
	testing.status(id, r) == "fail" with data.inventory as testing.context([r, account("us-east-1", [block_type], {})])
}

test_not_evaluated_when_blocks_were_not_collected if {
	testing.status(id, not_collected) == "not_evaluated" with data.inventory as testing.context([not_collected])
	testing.messages(id, not_collected) == ["S3 account-level public access blocks were not collected for this account and region"] with data.inventory as testing.context([not_collected])
}

test_not_evaluated_gives_the_collection_failure if {
	r := account("us-east-1", [], {block_type: "s3control:GetPublicAccessBlock AccessDenied"})
	testing.messages(id, r) == ["S3 account-level public access blocks could not be collected for this account and region: s3control:GetPublicAccessBlock AccessDenied"] with data.inventory as testing.context([r])
}

test_reported_once_per_account if {
	first := account("eu-west-1", [block_type], {})
	ctx := testing.context([first, collected])
	testing.status(id, first) == "fail" with data.inventory as ctx
	testing.not_applicable(id, collected) with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, all_on) with data.inventory as testing.context([all_on])
}
