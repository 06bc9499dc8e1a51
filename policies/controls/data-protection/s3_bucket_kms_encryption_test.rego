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

# One check wherever the graph links the bucket (it replaced CAFAI-DP-12 for output buckets).
test_applies_in_every_component_the_bucket_is_linked if {
	every component in ["input", "model", "output"] {
		testing.linked_status(id, bucket(sse("AES256")), [component]) == "fail"
		testing.linked_status(id, bucket(sse("aws:kms")), [component]) == "pass"
	}
}

test_one_finding_for_a_bucket_linked_in_several_components if {
	count(testing.findings_linked(id, bucket(sse("AES256")), ["input", "model", "output"], false)) == 1
}

test_fails_without_default_encryption_rules if {
	testing.status(id, bucket({"ServerSideEncryptionConfiguration": {"rules": []}})) == "fail"
}

test_not_evaluated_when_encryption_could_not_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"ServerSideEncryptionConfiguration": "s3:GetBucketEncryption was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket's default encryption settings are not in the inventory"]
}

test_not_evaluated_when_encryption_is_null if {
	testing.status(id, bucket({"ServerSideEncryptionConfiguration": null})) == "not_evaluated"
}
