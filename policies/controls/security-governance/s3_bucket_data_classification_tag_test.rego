package cafscan.tests.s3_bucket_data_classification_tag

import data.cafscan.testing

id := "CAFAI-SG-02"

bucket(tags) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": {}, "tags": tags, "relationships": [],
}

test_fails_without_classification_tag if {
	testing.status(id, bucket({"owner": "ml"})) == "fail"
	testing.messages(id, bucket({})) == ["Bucket training-data has no data classification tag (data-classification, classification, dataclassification, sensitivity, data-sensitivity) with a value."]
}

test_fails_with_empty_value if testing.status(id, bucket({"data-classification": ""})) == "fail"

test_passes_with_classification_tag_in_any_case if {
	testing.status(id, bucket({"Data-Classification": "confidential"})) == "pass"
	testing.status(id, bucket({"classification": "internal"})) == "pass"
	testing.status(id, bucket({"DataClassification": "public"})) == "pass"
	testing.status(id, bucket({"Sensitivity": "high"})) == "pass"
	testing.status(id, bucket({"data-sensitivity": "restricted"})) == "pass"
}

test_not_evaluated_without_tag_map if testing.status(id, json.remove(bucket({}), ["tags"])) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket({}), {"type": "AWS::SageMaker::Model"}))
}

test_not_applicable_to_buckets_no_ai_workload_uses if testing.unlinked_not_applicable(id, bucket({}))

test_not_evaluated_when_tags_are_null if {
	testing.status(id, bucket(null)) == "not_evaluated"
	testing.messages(id, bucket(null)) == ["the bucket's tags are not in the inventory"]
}

test_fails_with_blank_value if testing.status(id, bucket({"data-classification": "  "})) == "fail"

# One check wherever the graph links the bucket (it replaced CAFAI-SG-07 for output buckets).
test_applies_in_every_component_the_bucket_is_linked if {
	every component in ["input", "model", "output"] {
		testing.linked_status(id, bucket({}), [component]) == "fail"
		testing.linked_status(id, bucket({"classification": "internal"}), [component]) == "pass"
	}
	count(testing.findings_linked(id, bucket({}), ["input", "output"], false)) == 1
}
