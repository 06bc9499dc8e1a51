package cafscan.tests.s3_ai_log_bucket_object_lock

import data.cafscan.testing

id := "CAFAI-IP-12"

base := {"BucketVersioningConfiguration": {"status": "Enabled", "isMfaDeleteEnabled": null}}

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "invocation-logs", "arn": "arn:aws:s3:::invocation-logs",
	"name": "invocation-logs", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "invocation-logs"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

locked(rule) := bucket(object.union(base, {"ObjectLockConfiguration": {"objectLockEnabled": "Enabled", "rule": rule}}))

retention(mode, days, years) := {"defaultRetention": {"mode": mode, "days": days, "years": years}}

test_passes_with_governance_retention_in_days if testing.status(id, locked(retention("GOVERNANCE", 365, null))) == "pass"

test_passes_with_compliance_retention_in_years if testing.status(id, locked(retention("COMPLIANCE", null, 7))) == "pass"

test_passes_with_moto_zero_for_the_unused_unit if testing.status(id, locked(retention("GOVERNANCE", 1, 0))) == "pass"

test_fails_when_object_lock_is_off if {
	testing.status(id, bucket(base)) == "fail"
	testing.messages(id, bucket(base)) == ["Bucket invocation-logs does not have S3 Object Lock enabled, so the AI logs and outputs written to it can be overwritten or deleted."]
}

test_fails_without_default_retention if {
	testing.status(id, locked(null)) == "fail"
	testing.messages(id, locked(null)) == ["Bucket invocation-logs has S3 Object Lock enabled but no default retention, so the AI logs and outputs written to it are not locked."]
	testing.status(id, locked({"defaultRetention": null})) == "fail"
	testing.status(id, locked(retention("GOVERNANCE", 0, 0))) == "fail"
}

test_not_evaluated_when_object_lock_could_not_be_read if {
	r := object.union(bucket(base), {"collectionErrors": {"ObjectLockConfiguration": "s3:GetObjectLockConfiguration was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket's Object Lock configuration could not be read"]
}

test_not_evaluated_without_any_bucket_settings if {
	testing.status(id, bucket({})) == "not_evaluated"
	testing.messages(id, bucket({})) == ["the bucket's settings are not in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket(base), {"type": "AWS::Logs::LogGroup"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, bucket(base))

test_applies_only_where_linked_as_output if {
	testing.linked_status(id, bucket(base), ["output"]) == "fail"
	not testing.linked_status(id, bucket(base), ["model"])
}

off_message := "Bucket invocation-logs does not have S3 Object Lock enabled, so the AI logs and outputs written to it can be overwritten or deleted."

# A recorded but null or empty Object Lock configuration is not "Enabled": never a pass.
test_fails_when_the_recorded_configuration_is_null_or_empty if {
	every lock in [null, {}, {"objectLockEnabled": null}] {
		testing.messages(id, bucket(object.union(base, {"ObjectLockConfiguration": lock}))) == [off_message]
	}
}

# A configuration that was recorded decides, even if a later read of it failed.
test_recorded_configuration_decides_over_a_read_error if {
	r := object.union(locked(retention("GOVERNANCE", 365, null)), {"collectionErrors": {"ObjectLockConfiguration": "s3:GetObjectLockConfiguration was throttled"}})
	testing.status(id, r) == "pass"
}

test_failed_read_without_other_settings_is_reported_once if {
	r := object.union(bucket({}), {"collectionErrors": {"ObjectLockConfiguration": "s3:GetObjectLockConfiguration was denied (AccessDenied)"}})
	testing.messages(id, r) == ["the bucket's Object Lock configuration could not be read"]
}

# AWS requires a mode with the period; without one (or with a period that is not a number) there is no default retention.
test_fails_when_the_retention_has_no_mode_or_no_numeric_period if {
	testing.status(id, locked(retention(null, 365, null))) == "fail"
	testing.status(id, locked(retention("GOVERNANCE", "365", null))) == "fail"
}
