package cafscan.tests.s3_ai_input_bucket_recoverable

import data.cafscan.testing

id := "CAFAI-IR-96"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

versioning(status) := {"BucketVersioningConfiguration": {"status": status, "isMfaDeleteEnabled": null}}

versioned := versioning("Enabled")

# A rule as the collector and Config record it (-1: no noncurrent expiration).
rule(overrides) := object.union(
	{
		"id": "r", "prefix": null, "status": "Enabled", "filter": {"predicate": {"type": "LifecyclePrefixPredicate", "prefix": ""}},
		"expirationInDays": null, "expirationDate": null, "expiredObjectDeleteMarker": false,
		"noncurrentVersionExpirationInDays": -1, "transitions": [], "noncurrentVersionTransitions": [],
		"abortIncompleteMultipartUpload": null,
	},
	overrides,
)

with_rules(rules) := bucket(object.union(versioned, {"BucketLifecycleConfiguration": {"rules": rules}}))

test_passes_when_versioned_without_lifecycle if {
	testing.status(id, bucket(versioned)) == "pass"
}

test_passes_when_noncurrent_versions_are_kept_at_least_30_days if {
	testing.status(id, with_rules([rule({"noncurrentVersionExpirationInDays": 30})])) == "pass"
	testing.status(id, with_rules([rule({"noncurrentVersionExpirationInDays": 365, "expirationInDays": 1})])) == "pass"
}

test_passes_with_rules_that_keep_noncurrent_versions if {
	r := rule({"expirationInDays": 7, "expiredObjectDeleteMarker": true, "noncurrentVersionTransitions": [{"days": 1, "storageClass": "GLACIER"}]})
	testing.status(id, with_rules([r])) == "pass"
	testing.status(id, with_rules([rule({"noncurrentVersionExpirationInDays": null})])) == "pass"
}

test_passes_when_the_short_rule_is_disabled if {
	testing.status(id, with_rules([rule({"status": "Disabled", "noncurrentVersionExpirationInDays": 1})])) == "pass"
}

test_fails_when_versioning_is_suspended_or_off if {
	testing.status(id, bucket(versioning("Suspended"))) == "fail"
	testing.messages(id, bucket(versioning("Suspended"))) == ["Bucket training-data does not have versioning enabled (status Suspended), so AI input data overwritten by a poisoning cannot be restored."]
	testing.status(id, bucket(versioning("Off"))) == "fail"
}

test_fails_when_unversioned_even_if_the_lifecycle_is_unreadable if {
	b := object.union(bucket(versioning("Off")), {"collectionErrors": {"BucketLifecycleConfiguration": "AccessDenied"}})
	testing.status(id, b) == "fail"
}

test_fails_when_noncurrent_versions_expire_early if {
	r := with_rules([rule({"id": "keep-long", "noncurrentVersionExpirationInDays": 90}), rule({"id": "tidy", "noncurrentVersionExpirationInDays": 29}), rule({"id": "daily", "noncurrentVersionExpirationInDays": 1})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket training-data deletes noncurrent versions sooner than 30 days (lifecycle rule daily, tidy), so the known-good AI input data replaced by a poisoning may be gone before it is found."]
}

test_fails_with_zero_days if {
	testing.status(id, with_rules([rule({"noncurrentVersionExpirationInDays": 0})])) == "fail"
}

test_unversioned_bucket_reports_only_versioning if {
	b := bucket(object.union(versioning("Suspended"), {"BucketLifecycleConfiguration": {"rules": [rule({"noncurrentVersionExpirationInDays": 1})]}}))
	testing.messages(id, b) == ["Bucket training-data does not have versioning enabled (status Suspended), so AI input data overwritten by a poisoning cannot be restored."]
	testing.status(id, bucket(object.union(versioning("Off"), {"BucketLifecycleConfiguration": {}}))) == "fail"
}

test_recorded_rules_win_over_a_stale_read_error if {
	b := object.union(with_rules([rule({"noncurrentVersionExpirationInDays": 60})]), {"collectionErrors": {"BucketLifecycleConfiguration": "throttled on a retry"}})
	testing.status(id, b) == "pass"
}

test_fails_with_a_prefix_limited_rule if {
	r := rule({"filter": {"predicate": {"type": "LifecyclePrefixPredicate", "prefix": "tmp/"}}, "noncurrentVersionExpirationInDays": 7})
	testing.status(id, with_rules([r])) == "fail"
}

test_object_lock_does_not_replace_the_lifecycle_check if {
	lock := {"ObjectLockConfiguration": {"objectLockEnabled": "Enabled", "rule": {"defaultRetention": {"days": 365, "mode": "COMPLIANCE", "years": null}}}}
	b := bucket(object.union(object.union(versioned, lock), {"BucketLifecycleConfiguration": {"rules": [rule({"noncurrentVersionExpirationInDays": 7})]}}))
	testing.status(id, b) == "fail"
}

test_not_evaluated_without_versioning_status if {
	testing.status(id, bucket({})) == "not_evaluated"
	testing.messages(id, bucket({})) == ["the bucket's versioning status is not in the inventory"]
	testing.status(id, bucket({"BucketVersioningConfiguration": {"status": null}})) == "not_evaluated"
}

test_not_evaluated_when_the_lifecycle_could_not_be_read if {
	b := object.union(bucket(versioned), {"collectionErrors": {"BucketLifecycleConfiguration": "s3:GetBucketLifecycleConfiguration was denied (AccessDenied)"}})
	testing.status(id, b) == "not_evaluated"
	testing.messages(id, b) == ["the bucket's lifecycle configuration could not be read"]
}

test_not_evaluated_when_the_lifecycle_has_no_rules_list if {
	b := bucket(object.union(versioned, {"BucketLifecycleConfiguration": {}}))
	testing.status(id, b) == "not_evaluated"
	testing.messages(id, b) == ["the bucket's lifecycle rules are not in the inventory"]
}

test_applies_only_to_input_buckets if {
	testing.unlinked_not_applicable(id, bucket(versioning("Off")))
	testing.linked_status(id, bucket(versioning("Off")), ["input"]) == "fail"
	count(testing.findings_linked(id, bucket(versioning("Off")), ["model", "output"], false)) == 0
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket(versioning("Off")), {"type": "AWS::SageMaker::Model"}))
}
