package cafscan.tests.cloudtrail_trail_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-21"

trail(configuration) := {
	"type": "AWS::CloudTrail::Trail", "id": "management-events",
	"arn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events",
	"name": "management-events", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {
	"name": "management-events", "trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events",
	"homeRegion": "us-east-1", "s3BucketName": "trail-logs", "isMultiRegionTrail": true,
	"logFileValidationEnabled": true,
}

with_key(k) := trail(object.union(base, {"kmsKeyId": k}))

test_passes_with_a_kms_key if {
	testing.status(id, with_key("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")) == "pass"
}

test_fails_without_a_kms_key if {
	testing.status(id, with_key(null)) == "fail"
	testing.messages(id, with_key(null)) == ["CloudTrail trail management-events does not encrypt its log files with a KMS key."]
	testing.status(id, with_key("")) == "fail"
}

# AWS Config and DescribeTrails leave the key out when there is none (the real-world RDK
# snapshot's trail has no kmsKeyId): the documented default, SSE-S3.
test_fails_when_the_setting_is_absent if {
	testing.status(id, trail(base)) == "fail"
}

test_reads_either_identity_field if {
	testing.status(id, trail({"trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/t", "kmsKeyId": "k"})) == "pass"
	testing.status(id, trail({"name": "t", "kmsKeyId": "k"})) == "pass"
	testing.status(id, trail({"trailARN": true, "name": 5, "kmsKeyId": "k"})) == "not_evaluated"
}

test_not_evaluated_without_the_trail_configuration if {
	testing.status(id, trail({})) == "not_evaluated"
	testing.messages(id, trail({"kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/k"})) == ["the trail's configuration is not in the inventory"]
}

test_not_evaluated_when_the_setting_is_not_a_key_id if {
	testing.messages(id, with_key(true)) == ["the trail's KMS key setting is not a key id"]
}

test_not_evaluated_when_the_trail_could_not_be_read if {
	r := object.union(with_key(null), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(with_key(null), {"type": "AWS::S3::Bucket"}))
}
