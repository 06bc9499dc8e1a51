package cafscan.tests.s3_training_data_versioning

import data.cafscan.testing

id := "CAFAI-IR-04"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

versioning(status) := bucket({"BucketVersioningConfiguration": {"status": status, "isMfaDeleteEnabled": null}})

test_fails_when_never_enabled if {
	testing.status(id, versioning("Off")) == "fail"
	testing.messages(id, versioning("Off")) == ["Bucket training-data does not have versioning enabled (status Off), so overwritten or deleted training data cannot be restored."]
}

test_fails_when_suspended if testing.status(id, versioning("Suspended")) == "fail"

test_passes_when_enabled if testing.status(id, versioning("Enabled")) == "pass"

test_not_evaluated_without_versioning_settings if {
	testing.status(id, bucket({})) == "not_evaluated"
	testing.messages(id, bucket({})) == ["the bucket's versioning status is not in the inventory"]
	testing.status(id, versioning(null)) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(versioning("Off"), {"type": "AWS::SageMaker::Model"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, versioning("Suspended"))

test_applies_only_where_linked_as_input if {
	testing.linked_status(id, versioning("Suspended"), ["input"]) == "fail"
	not testing.linked_status(id, versioning("Suspended"), ["model"])
}
