package cafscan.tests.cloudtrail_log_file_validation

import data.cafscan.testing

id := "CAFAI-SA-02"

trail(configuration) := {
	"type": "AWS::CloudTrail::Trail", "id": "management", "arn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management",
	"name": "management", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"name": "management", "isMultiRegionTrail": true}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_validation if {
	testing.status(id, trail({"logFileValidationEnabled": false})) == "fail"
	testing.messages(id, trail({"logFileValidationEnabled": false})) == ["CloudTrail trail management does not have log file validation enabled."]
}

test_passes_with_validation if testing.status(id, trail({"logFileValidationEnabled": true})) == "pass"

test_not_evaluated_without_setting if {
	testing.status(id, trail({})) == "not_evaluated"
	testing.messages(id, trail({})) == ["whether the trail validates its log files is not in the inventory"]
}

test_not_evaluated_with_null_setting if testing.status(id, trail({"logFileValidationEnabled": null})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(trail({"logFileValidationEnabled": false}), {"type": "AWS::S3::Bucket"}))
}
