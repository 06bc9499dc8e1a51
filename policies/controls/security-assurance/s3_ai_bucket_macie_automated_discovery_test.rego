package cafscan.tests.s3_ai_bucket_macie_automated_discovery

import data.cafscan.testing

id := "CAFAI-SA-90"

bucket := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
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

enabled(discovery) := {"macie": {"status": "ENABLED"}, "macieAutomatedDiscovery": discovery}

on(excluded) := enabled({"status": "ENABLED", "classificationScopeId": "117ad7e1d5ba4b6be7e61da2c6b07dfb", "excludedBuckets": excluded})

test_passes_when_discovery_samples_the_bucket if {
	testing.status(id, bucket) == "pass" with data.inventory as testing.context([here(on(["scratch"]))])
}

test_fails_when_the_bucket_is_excluded if {
	ctx := testing.context([here(on(["scratch", "training-data"]))])
	testing.status(id, bucket) == "fail" with data.inventory as ctx
	testing.messages(id, bucket) == ["Bucket training-data is excluded from Macie automated sensitive data discovery (classification scope) in 111122223333 us-east-1."] with data.inventory as ctx
}

# Config's resource id is the name; a bucket known by id only is matched too.
test_matches_the_bucket_by_id_or_configuration_name if {
	ctx := testing.context([here(on(["training-data"]))])
	testing.status(id, object.union(bucket, {"name": null})) == "fail" with data.inventory as ctx
	testing.status(id, object.union(bucket, {"name": null, "id": "arn:aws:s3:::training-data"})) == "fail" with data.inventory as ctx
}

test_fails_when_discovery_is_disabled if {
	ctx := testing.context([here(enabled({"status": "DISABLED", "classificationScopeId": null, "excludedBuckets": []}))])
	testing.messages(id, bucket) == ["Macie automated sensitive data discovery is not enabled in 111122223333 us-east-1 (status DISABLED), so bucket training-data is not sampled for sensitive data."] with data.inventory as ctx
}

test_fails_when_macie_is_not_enabled if {
	ctx := testing.context([here({"macie": {"status": "PAUSED"}})])
	testing.messages(id, bucket) == ["Amazon Macie is not enabled in 111122223333 us-east-1 (status PAUSED), so no automated sensitive data discovery samples bucket training-data."] with data.inventory as ctx
}

# A discovery setting recorded under a Macie that is not enabled says nothing more.
test_only_the_macie_state_counts_when_macie_is_not_enabled if {
	stale_off := object.union(enabled({"status": "DISABLED", "excludedBuckets": ["training-data"]}), {"macie": {"status": "PAUSED"}})
	testing.messages(id, bucket) == ["Amazon Macie is not enabled in 111122223333 us-east-1 (status PAUSED), so no automated sensitive data discovery samples bucket training-data."] with data.inventory as testing.context([here(stale_off)])
	stale_on := object.union(on(["training-data"]), {"macie": {"status": "PAUSED"}})
	testing.messages(id, bucket) == ["Amazon Macie is not enabled in 111122223333 us-east-1 (status PAUSED), so no automated sensitive data discovery samples bucket training-data."] with data.inventory as testing.context([here(stale_on)])
	unknown_scope := object.union(on(null), {"macie": {"status": "PAUSED"}})
	testing.status(id, bucket) == "fail" with data.inventory as testing.context([here(unknown_scope)])
	failed_discovery := {"macie": {"status": "DISABLED"}, "factErrors": {"macieAutomatedDiscovery": "throttled"}}
	testing.status(id, bucket) == "fail" with data.inventory as testing.context([here(failed_discovery)])
}

# An exclusion list kept while discovery is off: the one message says discovery is off.
test_disabled_discovery_is_the_one_message if {
	ctx := testing.context([here(enabled({"status": "DISABLED", "excludedBuckets": ["training-data"]}))])
	testing.messages(id, bucket) == ["Macie automated sensitive data discovery is not enabled in 111122223333 us-east-1 (status DISABLED), so bucket training-data is not sampled for sensitive data."] with data.inventory as ctx
}

test_one_reason_per_unknown if {
	macie_failed := {"factErrors": {"macie": "macie2:GetMacieSession was denied (AccessDeniedException)"}}
	testing.messages(id, bucket) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 could not be read: macie2:GetMacieSession was denied (AccessDeniedException)"] with data.inventory as testing.context([here(macie_failed)])
	discovery_failed := {"macie": {"status": "ENABLED"}, "factErrors": {"macieAutomatedDiscovery": "throttled"}}
	testing.messages(id, bucket) == ["Macie automated sensitive data discovery in 111122223333 us-east-1 could not be read: throttled"] with data.inventory as testing.context([here(discovery_failed)])
	scope_failed := object.union(on(null), {"factErrors": {"macieAutomatedDiscovery": "throttled"}})
	testing.messages(id, bucket) == ["Macie automated sensitive data discovery in 111122223333 us-east-1 could not be read: throttled"] with data.inventory as testing.context([here(scope_failed)])
}

test_discovery_in_another_region_or_account_does_not_count if {
	ctx := testing.context([
		here({"macie": {"status": "DISABLED"}}),
		account("111122223333", "eu-west-1", on([])),
		account("444455556666", "us-east-1", on([])),
	])
	testing.status(id, bucket) == "fail" with data.inventory as ctx
}

test_not_evaluated_when_macie_could_not_be_read if {
	ctx := testing.context([here({"macie": {"status": "DISABLED"}, "factErrors": {"macie": "macie2:GetMacieSession was denied (AccessDeniedException)"}})])
	testing.status(id, bucket) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, bucket) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 could not be read: macie2:GetMacieSession was denied (AccessDeniedException)"] with data.inventory as ctx
}

test_not_evaluated_when_discovery_could_not_be_read if {
	ctx := testing.context([here(object.union(on(["training-data"]), {"factErrors": {"macieAutomatedDiscovery": "macie2:GetClassificationScope was denied (AccessDeniedException)"}}))])
	testing.status(id, bucket) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, bucket) == ["Macie automated sensitive data discovery in 111122223333 us-east-1 could not be read: macie2:GetClassificationScope was denied (AccessDeniedException)"] with data.inventory as ctx
	off := object.union(enabled({"status": "DISABLED"}), {"factErrors": {"macieAutomatedDiscovery": "throttled"}})
	testing.status(id, bucket) == "not_evaluated" with data.inventory as testing.context([here(off)])
}

test_not_evaluated_without_the_facts if {
	testing.messages(id, bucket) == ["whether Amazon Macie is enabled in 111122223333 us-east-1 is not in the inventory"] with data.inventory as testing.context([here({})])
	testing.messages(id, bucket) == ["whether Macie automated sensitive data discovery is enabled in 111122223333 us-east-1 is not in the inventory"] with data.inventory as testing.context([here({"macie": {"status": "ENABLED"}})])
	testing.messages(id, bucket) == ["the buckets excluded from Macie automated discovery in 111122223333 us-east-1 are not in the inventory"] with data.inventory as testing.context([here(on(null))])
	testing.messages(id, bucket) == ["the account resource for 111122223333 us-east-1 is not in the inventory"] with data.inventory as testing.context([])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, here(on([]))) with data.inventory as testing.context([here(on([]))])
}

test_not_applicable_when_no_ai_workload_uses_it if {
	testing.unlinked_not_applicable(id, bucket) with data.inventory as testing.context([here({"macie": {"status": "DISABLED"}})])
}

test_applies_where_linked_as_input_or_output if {
	ctx := testing.context([here({"macie": {"status": "DISABLED"}})])
	testing.linked_status(id, bucket, ["input"]) == "fail" with data.inventory as ctx
	testing.linked_status(id, bucket, ["output"]) == "fail" with data.inventory as ctx
	not testing.linked_status(id, bucket, ["model"]) with data.inventory as ctx
}
