package cafscan.tests.s3_ai_output_bucket_lifecycle

import data.cafscan.testing

id := "CAFAI-SG-06"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "invocation-logs", "arn": "arn:aws:s3:::invocation-logs",
	"name": "invocation-logs", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "invocation-logs"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

unversioned := {"BucketVersioningConfiguration": {"status": "Off", "isMfaDeleteEnabled": null}}

versioned := {"BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": null}}

# A rule as the collector records it (Config writes -1 instead of null for unset days).
rule(overrides) := object.union(
	{
		"id": "r", "prefix": null, "status": "Enabled", "filter": {"predicate": {"type": "LifecyclePrefixPredicate", "prefix": ""}},
		"expirationInDays": null, "expirationDate": null, "expiredObjectDeleteMarker": false,
		"noncurrentVersionExpirationInDays": -1, "transitions": [], "noncurrentVersionTransitions": [],
		"abortIncompleteMultipartUpload": null,
	},
	overrides,
)

with_rules(base, rules) := bucket(object.union(base, {"BucketLifecycleConfiguration": {"rules": rules}}))

test_passes_with_an_expiring_rule if {
	testing.status(id, with_rules(unversioned, [rule({"expirationInDays": 90})])) == "pass"
}

test_passes_with_transition_then_expiration if {
	r := rule({"transitions": [{"days": 30, "date": null, "storageClass": "GLACIER"}], "expirationInDays": 365})
	testing.status(id, with_rules(unversioned, [r])) == "pass"
}

test_passes_with_an_expiration_date if {
	testing.status(id, with_rules(unversioned, [rule({"expirationDate": "2027-01-01T00:00:00.000Z"})])) == "pass"
}

test_passes_on_a_versioned_bucket_that_expires_noncurrent_versions if {
	rules := [rule({"expirationInDays": 90}), rule({"id": "old", "noncurrentVersionExpirationInDays": 7})]
	testing.status(id, with_rules(versioned, rules)) == "pass"
}

test_fails_without_a_lifecycle_configuration if {
	testing.status(id, bucket(unversioned)) == "fail"
	testing.messages(id, bucket(unversioned)) == ["Bucket invocation-logs has no lifecycle configuration, so AI outputs written to it are kept indefinitely."]
}

test_fails_with_transitions_only if {
	r := with_rules(unversioned, [rule({"transitions": [{"days": 30, "date": null, "storageClass": "GLACIER"}]})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket invocation-logs has no Enabled lifecycle rule that expires objects, so AI outputs written to it are kept indefinitely."]
}

test_fails_when_the_expiring_rule_is_disabled if {
	testing.status(id, with_rules(unversioned, [rule({"status": "Disabled", "expirationInDays": 90})])) == "fail"
}

test_fails_with_config_unset_days if {
	testing.status(id, with_rules(unversioned, [rule({"expirationInDays": -1, "expiredObjectDeleteMarker": true})])) == "fail"
}

test_fails_on_a_versioned_bucket_keeping_noncurrent_versions if {
	r := with_rules(versioned, [rule({"expirationInDays": 90})])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket invocation-logs expires objects but its versioning is Enabled and no Enabled lifecycle rule expires noncurrent versions, so expired AI outputs are kept as old versions."]
}

test_not_evaluated_when_the_lifecycle_could_not_be_read if {
	r := object.union(bucket(unversioned), {"collectionErrors": {"BucketLifecycleConfiguration": "s3:GetBucketLifecycleConfiguration was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket's lifecycle configuration could not be read"]
}

test_not_evaluated_without_any_bucket_settings if {
	testing.messages(id, bucket({})) == ["the bucket's settings are not in the inventory"]
}

test_not_evaluated_when_versioning_is_unknown if {
	testing.status(id, with_rules({}, [rule({"expirationInDays": 90})])) == "not_evaluated"
	testing.messages(id, with_rules({}, [rule({"expirationInDays": 90})])) == ["the bucket's versioning status is not in the inventory (needed to know whether expired objects are removed or kept as old versions)"]
}

# A suspended bucket keeps the versions it made while versioning was on: the same as Enabled.
test_fails_on_a_versioning_suspended_bucket_keeping_noncurrent_versions if {
	r := with_rules({"BucketVersioningConfiguration": {"status": "Suspended"}}, [rule({"expirationInDays": 90})])
	testing.messages(id, r) == ["Bucket invocation-logs expires objects but its versioning is Suspended and no Enabled lifecycle rule expires noncurrent versions, so expired AI outputs are kept as old versions."]
}

# Noncurrent versions only matter once objects expire: a versioned bucket that expires nothing
# gets the one finding that says so.
test_a_versioned_bucket_without_expiration_gets_one_finding if {
	none := bucket(versioned)
	testing.messages(id, none) == ["Bucket invocation-logs has no lifecycle configuration, so AI outputs written to it are kept indefinitely."]
	transitions := with_rules(versioned, [rule({"transitions": [{"days": 30, "date": null, "storageClass": "GLACIER"}]})])
	testing.messages(id, transitions) == ["Bucket invocation-logs has no Enabled lifecycle rule that expires objects, so AI outputs written to it are kept indefinitely."]
}

# Unset days or dates, however a serializer writes them (-1, 0, null, ""), expire nothing.
test_fails_when_days_and_date_are_unset if {
	every overrides in [{"expirationInDays": 0}, {"expirationDate": ""}, {"expirationInDays": 90, "status": "Disabled"}] {
		testing.messages(id, with_rules(unversioned, [rule(overrides)])) == ["Bucket invocation-logs has no Enabled lifecycle rule that expires objects, so AI outputs written to it are kept indefinitely."]
	}
	r := with_rules(versioned, [rule({"expirationInDays": 90, "noncurrentVersionExpirationInDays": 0})])
	testing.status(id, r) == "fail"
}

test_not_evaluated_when_the_rules_are_not_recorded if {
	every configuration in [{}, {"rules": null}] {
		r := bucket(object.union(unversioned, {"BucketLifecycleConfiguration": configuration}))
		testing.messages(id, r) == ["the bucket's lifecycle rules are not in the inventory"]
	}
}

# A failed read is reported once, even when no other setting was recorded.
test_not_evaluated_once_when_nothing_could_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"BucketLifecycleConfiguration": "s3:GetBucketLifecycleConfiguration was denied (AccessDenied)"}})
	testing.messages(id, r) == ["the bucket's lifecycle configuration could not be read"]
}

# A recorded lifecycle configuration is judged even if a source also noted a failed read.
test_a_recorded_configuration_is_judged_despite_a_recorded_error if {
	r := object.union(with_rules(unversioned, [rule({"expirationInDays": 90})]), {"collectionErrors": {"BucketLifecycleConfiguration": "throttled on a retry"}})
	testing.status(id, r) == "pass"
}

test_versioning_does_not_matter_when_noncurrent_versions_expire if {
	testing.status(id, with_rules({}, [rule({"expirationInDays": 90, "noncurrentVersionExpirationInDays": 1})])) == "pass"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket(unversioned), {"type": "AWS::SageMaker::Model"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, bucket(unversioned))

test_applies_only_where_linked_as_output if {
	testing.linked_status(id, bucket(unversioned), ["output"]) == "fail"
	not testing.linked_status(id, bucket(unversioned), ["input"])
}
