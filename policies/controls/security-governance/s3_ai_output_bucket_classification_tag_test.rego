package cafscan.tests.s3_ai_output_bucket_classification_tag

import data.cafscan.testing

id := "CAFAI-SG-07"

bucket(tags) := {
	"type": "AWS::S3::Bucket", "id": "inference-capture", "arn": "arn:aws:s3:::inference-capture",
	"name": "inference-capture", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "inference-capture"},
	"supplementaryConfiguration": {}, "tags": tags, "relationships": [],
}

test_fails_without_classification_tag if {
	testing.status(id, bucket({"owner": "ml"})) == "fail"
	testing.messages(id, bucket({})) == ["Bucket inference-capture receives AI outputs but has no data classification tag (data-classification, classification, dataclassification, sensitivity, data-sensitivity) with a value."]
}

test_fails_with_blank_value if testing.status(id, bucket({"data-classification": "  "})) == "fail"

test_passes_with_classification_tag_in_any_case if {
	testing.status(id, bucket({"Data-Classification": "confidential"})) == "pass"
	testing.status(id, bucket({"classification": "internal"})) == "pass"
	testing.status(id, bucket({"DataClassification": "restricted"})) == "pass"
	testing.status(id, bucket({"SENSITIVITY": "high"})) == "pass"
	testing.status(id, bucket({"data-sensitivity": "pii"})) == "pass"
}

test_not_evaluated_when_tags_are_null if {
	testing.status(id, bucket(null)) == "not_evaluated"
	testing.messages(id, bucket(null)) == ["the bucket's tags are not in the inventory"]
}

test_not_evaluated_without_tag_map if testing.status(id, json.remove(bucket({}), ["tags"])) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(bucket({}), {"type": "AWS::SageMaker::Model"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, bucket({}))

test_applies_only_where_linked_as_output if {
	testing.linked_status(id, bucket({}), ["output"]) == "fail"
	not testing.linked_status(id, bucket({}), ["input"])
}
