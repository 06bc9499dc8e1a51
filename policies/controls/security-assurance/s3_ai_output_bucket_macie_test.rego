package cafscan.tests.s3_ai_output_bucket_macie

import data.cafscan.testing

id := "CAFAI-SA-08"

bucket := {
	"type": "AWS::S3::Bucket", "id": "inference-capture", "arn": "arn:aws:s3:::inference-capture",
	"name": "inference-capture", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "inference-capture"},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account(account_id, region, facts) := {
	"type": "AWS::::Account", "id": sprintf("%s/%s", [account_id, region]),
	"arn": sprintf("arn:aws::%s:%s:account", [region, account_id]),
	"name": sprintf("%s %s", [account_id, region]), "accountId": account_id, "region": region,
	"configuration": object.union({"accountId": account_id, "region": region, "collectedTypes": [], "failedTypes": {}}, facts),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

here(facts) := account("111122223333", "us-east-1", facts)

macie(status) := {"macie": {"status": status, "findingPublishingFrequency": "FIFTEEN_MINUTES"}}

test_passes_when_macie_is_enabled if {
	testing.status(id, bucket) == "pass" with data.inventory as testing.context([here(macie("ENABLED"))])
}

test_fails_when_macie_was_never_enabled if {
	ctx := testing.context([here({"macie": {"status": "DISABLED", "findingPublishingFrequency": null}})])
	testing.status(id, bucket) == "fail" with data.inventory as ctx
	testing.messages(id, bucket) == ["Amazon Macie is not enabled in 111122223333 us-east-1 (status DISABLED), so sensitive data in the AI outputs written to bucket inference-capture is not discovered."] with data.inventory as ctx
}

test_fails_when_macie_is_paused if {
	testing.status(id, bucket) == "fail" with data.inventory as testing.context([here(macie("PAUSED"))])
}

test_macie_in_another_region_or_account_does_not_count if {
	ctx := testing.context([
		here(macie("DISABLED")),
		account("111122223333", "eu-west-1", macie("ENABLED")),
		account("444455556666", "us-east-1", macie("ENABLED")),
	])
	testing.status(id, bucket) == "fail" with data.inventory as ctx
}

test_not_evaluated_with_the_fact_error if {
	ctx := testing.context([here({"factErrors": {"macie": "macie2:GetMacieSession was denied (AccessDeniedException)"}})])
	testing.status(id, bucket) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, bucket) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 could not be read: macie2:GetMacieSession was denied (AccessDeniedException)"] with data.inventory as ctx
}

# A failed read wins over a status recorded before it (e.g. an earlier scan merged in).
test_not_evaluated_when_the_read_failed_after_a_status if {
	ctx := testing.context([here(object.union(macie("ENABLED"), {"factErrors": {"macie": "macie2:GetMacieSession: ThrottlingException"}}))])
	testing.messages(id, bucket) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 could not be read: macie2:GetMacieSession: ThrottlingException"] with data.inventory as ctx
}

# A Config snapshot carries no facts.
test_not_evaluated_without_the_fact if {
	ctx := testing.context([here({})])
	testing.messages(id, bucket) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 is not in the inventory"] with data.inventory as ctx
}

test_not_evaluated_without_the_account_resource if {
	testing.messages(id, bucket) == ["the account resource for 111122223333 us-east-1 is not in the inventory"] with data.inventory as testing.context([])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, here(macie("DISABLED"))) with data.inventory as testing.context([here(macie("DISABLED"))])
}

test_not_applicable_when_no_ai_workload_uses_it if {
	testing.unlinked_not_applicable(id, bucket) with data.inventory as testing.context([here(macie("DISABLED"))])
}

test_applies_only_where_linked_as_output if {
	ctx := testing.context([here(macie("DISABLED"))])
	testing.linked_status(id, bucket, ["output"]) == "fail" with data.inventory as ctx
	not testing.linked_status(id, bucket, ["input"]) with data.inventory as ctx
}
