package cafscan.tests.s3_bucket_versioning_enabled

import data.cafscan.testing

id := "CAFAI-AS-01"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "model-artifacts", "arn": "arn:aws:s3:::model-artifacts",
	"name": "model-artifacts", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "model-artifacts"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

versioning(status) := bucket({"BucketVersioningConfiguration": {"status": status, "isMfaDeleteEnabled": null}})

test_fails_when_never_enabled if {
	testing.status(id, versioning("Off")) == "fail"
	testing.messages(id, versioning("Off")) == ["Bucket model-artifacts does not have versioning enabled (status Off), so overwritten or deleted AI data cannot be restored."]
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

test_not_applicable_to_buckets_no_ai_workload_uses if testing.unlinked_not_applicable(id, versioning("Suspended"))

# One check wherever the graph links the bucket (it replaced CAFAI-IR-04 for training data).
test_applies_in_every_component_the_bucket_is_linked if {
	every component in ["input", "model", "output"] {
		testing.linked_status(id, versioning("Suspended"), [component]) == "fail"
		testing.linked_status(id, versioning("Enabled"), [component]) == "pass"
	}
	count(testing.findings_linked(id, versioning("Off"), ["input", "model", "output"], false)) == 1
}
