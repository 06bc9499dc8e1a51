package cafscan.tests.s3_bucket_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-01"

bucket(encryption) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": encryption, "tags": {}, "relationships": [],
}

sse(algorithm) := {"ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": algorithm, "kmsMasterKeyID": null}}]}}

test_fails_with_sse_s3 if {
	testing.status(id, bucket(sse("AES256"))) == "fail"
	testing.messages(id, bucket(sse("AES256"))) == ["Bucket training-data has no default encryption rule using AWS KMS."]
}

test_passes_with_sse_kms if testing.status(id, bucket(sse("aws:kms"))) == "pass"

test_passes_with_dsse_kms if testing.status(id, bucket(sse("aws:kms:dsse"))) == "pass"

test_not_evaluated_without_encryption_settings if testing.status(id, bucket({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket(sse("AES256")), {"type": "AWS::KMS::Key"}))
}

test_not_applicable_to_buckets_no_ai_workload_uses if testing.unlinked_not_applicable(id, bucket(sse("AES256")))

test_applies_only_where_linked_as_input if {
	testing.linked_status(id, bucket(sse("AES256")), ["input"]) == "fail"
	not testing.linked_status(id, bucket(sse("AES256")), ["model"])
}
