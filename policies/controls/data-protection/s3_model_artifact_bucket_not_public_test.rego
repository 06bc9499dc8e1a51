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

# --- pass ---------------------------------------------------------------------------------------

test_passes_with_a_complete_bucket_block_and_no_policy if {
	testing.status(id, with_block_and_policy(all_on, no_policy)) == "pass"
}

test_passes_with_a_policy_naming_principals if {
	testing.status(id, with_block_and_policy(all_on, private_policy)) == "pass"
}

test_passes_with_a_conditioned_grant_to_everyone if {
	s := object.union(read_for("*"), {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
	testing.status(id, with_block_and_policy(all_on, policy([s]))) == "pass"
}

test_passes_with_a_deny_for_everyone if {
	s := object.union(read_for("*"), {"Effect": "Deny"})
	testing.status(id, with_block_and_policy(all_on, policy([s]))) == "pass"
}

test_passes_with_the_account_level_block if {
	r := bucket({"BucketPolicy": no_policy})
	testing.status(id, r) == "pass" with data.inventory as testing.context([account_block("111122223333", all_on)])
}

test_passes_when_the_levels_complement_each_other if {
	r := with_block_and_policy(block(true, true, false, false), no_policy)
	ctx := testing.context([account_block("111122223333", block(false, false, true, true))])
	testing.status(id, r) == "pass" with data.inventory as ctx
}

# --- fail ---------------------------------------------------------------------------------------

test_fails_with_an_unconditioned_grant_to_everyone if {
	r := with_block_and_policy(all_on, policy([read_for("*")]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket model-artifacts has a bucket policy that grants access to everyone without a condition (statement \"Read\")."]
}

test_fails_with_aws_star_and_not_principal if {
	unnamed := json.remove(read_for({"AWS": ["*"]}), ["Sid"])
	not_principal := json.remove(object.union(read_for(null), {"Sid": "AllButAdmin", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}}), ["Principal"])
	r := with_block_and_policy(all_on, policy([private_policy.policyText.Statement[0], unnamed, not_principal]))
	testing.messages(id, r) == ["Bucket model-artifacts has a bucket policy that grants access to everyone without a condition (statements #2, \"AllButAdmin\")."]
}

test_fails_with_an_empty_condition if {
	s := object.union(read_for("*"), {"Condition": {}})
	testing.status(id, with_block_and_policy(all_on, policy([s]))) == "fail"
}

test_fails_when_both_block_levels_are_incomplete if {
	r := with_block_and_policy(block(true, true, false, false), no_policy)
	ctx := testing.context([account_block("111122223333", block(true, false, false, true))])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Bucket model-artifacts does not block public access: blockPublicPolicy is off at both the bucket and the account level."] with data.inventory as ctx
}

test_fails_when_the_account_is_known_to_have_no_block if {
	r := bucket({"BucketPolicy": no_policy})
	ctx := testing.context([account_resource(["AWS::S3::AccountPublicAccessBlock"])])
	testing.messages(id, r) == ["Bucket model-artifacts does not block public access: blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets are off at the bucket level and the account has no public access block."] with data.inventory as ctx
}

test_reports_both_parts if {
	r := with_block_and_policy(block(true, true, true, false), policy([read_for("*")]))
	ctx := testing.context([account_block("111122223333", block(false, false, false, false))])
	count(testing.messages(id, r)) == 2 with data.inventory as ctx
}

# A known failure of one part is not hidden behind the other part being unknown.
test_fails_on_a_public_policy_when_the_account_block_is_unknown if {
	r := with_block_and_policy(block(true, true, false, false), policy([read_for("*")]))
	testing.status(id, r) == "fail"
}

test_fails_on_an_open_block_when_the_policy_is_unknown if {
	r := bucket({"PublicAccessBlockConfiguration": block(false, false, false, false)})
	ctx := testing.context([account_block("111122223333", block(false, false, false, false))])
	testing.status(id, r) == "fail" with data.inventory as ctx
}

# --- not evaluated ------------------------------------------------------------------------------

test_not_evaluated_without_the_account_block if {
	r := with_block_and_policy(block(true, true, true, false), no_policy)
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the account-level public access block is not in the inventory"]
}

test_not_evaluated_when_account_blocks_were_not_collected if {
	r := bucket({"BucketPolicy": no_policy})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([account_resource(["AWS::S3::Bucket"])])
}

test_another_accounts_block_does_not_count if {
	r := bucket({"BucketPolicy": no_policy})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([account_block("444455556666", all_on)])
}

test_not_evaluated_without_the_bucket_policy if {
	r := bucket({"PublicAccessBlockConfiguration": all_on})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy is not in the inventory"]
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

test_applies_only_where_linked_as_model if {
	r := with_block_and_policy(all_on, policy([read_for("*")]))
	testing.linked_status(id, r, ["model"]) == "fail"
	not testing.linked_status(id, r, ["input"])
}
