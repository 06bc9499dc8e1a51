package cafscan.tests.s3_ai_output_bucket_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-12"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "inference-capture", "arn": "arn:aws:s3:::inference-capture",
	"name": "inference-capture", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "inference-capture"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

sse(algorithm) := bucket({"ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": algorithm, "kmsMasterKeyID": null}, "bucketKeyEnabled": false}]}})

test_fails_with_sse_s3 if {
	testing.status(id, sse("AES256")) == "fail"
	testing.messages(id, sse("AES256")) == ["Bucket inference-capture does not encrypt AI outputs by default with AWS KMS (default encryption: AES256)."]
}

test_fails_without_default_encryption if {
	r := bucket({"ServerSideEncryptionConfiguration": {"rules": []}})
	testing.messages(id, r) == ["Bucket inference-capture does not encrypt AI outputs by default with AWS KMS (default encryption: none)."]
}

test_passes_with_sse_kms if testing.status(id, sse("aws:kms")) == "pass"

test_passes_with_dsse_kms if testing.status(id, sse("aws:kms:dsse")) == "pass"

test_not_evaluated_without_encryption_settings if {
	testing.status(id, bucket({})) == "not_evaluated"
	testing.messages(id, bucket({})) == ["the bucket's default encryption settings are not in the inventory"]
}

test_not_evaluated_when_encryption_could_not_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"ServerSideEncryptionConfiguration": "s3:GetBucketEncryption was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(sse("AES256"), {"type": "AWS::Logs::LogGroup"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, sse("AES256"))

test_applies_only_where_linked_as_output if {
	testing.linked_status(id, sse("AES256"), ["output"]) == "fail"
	not testing.linked_status(id, sse("AES256"), ["input"])
}
