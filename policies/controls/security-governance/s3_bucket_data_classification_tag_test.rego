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

test_applies_only_where_linked_as_input if {
	testing.linked_status(id, bucket({}), ["input"]) == "fail"
	not testing.linked_status(id, bucket({}), ["model"])
}
