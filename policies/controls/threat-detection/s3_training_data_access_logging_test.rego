package cafscan.tests.s3_training_data_access_logging

import data.cafscan.testing

id := "CAFAI-TD-04"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

logging_to(destination) := bucket({"BucketLoggingConfiguration": {"destinationBucketName": destination, "logFilePrefix": null}})

test_fails_when_logging_is_off if {
	testing.status(id, logging_to(null)) == "fail"
	testing.messages(id, logging_to(null)) == ["Bucket training-data does not have server access logging enabled, so requests to its training data are not logged."]
}

test_fails_with_an_empty_destination if testing.status(id, logging_to("")) == "fail"

test_passes_when_logging_to_a_bucket if testing.status(id, logging_to("access-logs")) == "pass"

test_not_evaluated_without_logging_settings if {
	testing.status(id, bucket({})) == "not_evaluated"
	testing.messages(id, bucket({})) == ["the bucket's server access logging settings are not in the inventory"]
}

test_not_evaluated_when_logging_could_not_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"BucketLoggingConfiguration": "s3:GetBucketLogging was denied (AccessDenied)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(logging_to(null), {"type": "AWS::ECR::Repository"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, logging_to(null))

test_applies_only_where_linked_as_input if {
	testing.linked_status(id, logging_to(null), ["input"]) == "fail"
	not testing.linked_status(id, logging_to(null), ["output"])
}
