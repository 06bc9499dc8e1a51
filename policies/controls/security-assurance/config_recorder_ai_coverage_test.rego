package cafscan.tests.config_recorder_ai_coverage

import data.cafscan.testing

id := "CAFAI-SA-03"

account(configuration) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"accountId": "111122223333", "region": "us-east-1", "collectedTypes": [], "failedTypes": {}}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# The fact as config.ts records it (configRecorderFact).
recorder(overrides) := {"configRecorder": object.union(
	{
		"name": "default", "allSupported": true, "includeGlobalResourceTypes": true,
		"resourceTypes": [], "exclusionResourceTypes": [], "recordingStrategy": "ALL_SUPPORTED_RESOURCE_TYPES",
		"recordingFrequency": "CONTINUOUS", "servicePrincipal": null,
		"recording": true, "lastStatus": "SUCCESS", "lastErrorCode": null, "lastStatusChangeTime": "2026-10-31T23:00:00.000Z",
	},
	overrides,
)}

all_types := ["AWS::S3::Bucket", "AWS::SageMaker::NotebookInstance", "AWS::SageMaker::Model", "AWS::SageMaker::EndpointConfig"]

test_passes_when_recording_all_supported_types if testing.status(id, account(recorder({}))) == "pass"

test_passes_with_an_inclusion_list_naming_the_ai_types if {
	r := account(recorder({"allSupported": false, "recordingStrategy": "INCLUSION_BY_RESOURCE_TYPES", "resourceTypes": array.concat(all_types, ["AWS::KMS::Key"])}))
	testing.status(id, r) == "pass"
}

test_passes_with_exclusions_that_spare_the_ai_types if {
	r := account(recorder({"allSupported": false, "recordingStrategy": "EXCLUSION_BY_RESOURCE_TYPES", "exclusionResourceTypes": ["AWS::EC2::NetworkInterface"]}))
	testing.status(id, r) == "pass"
}

test_fails_without_a_recorder if {
	r := account({"configRecorder": null})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["No AWS Config configuration recorder exists in 111122223333 us-east-1."]
}

test_fails_when_not_recording if {
	r := account(recorder({"recording": false}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["The AWS Config recorder default in 111122223333 us-east-1 is not recording."]
}

test_fails_when_the_last_recording_failed if {
	r := account(recorder({"lastStatus": "FAILURE", "lastErrorCode": "AccessDenied"}))
	testing.messages(id, r) == ["The AWS Config recorder default in 111122223333 us-east-1 failed its last recording attempt (AccessDenied)."]
}

test_fails_when_ai_types_are_not_recorded if {
	r := account(recorder({"allSupported": false, "recordingStrategy": "INCLUSION_BY_RESOURCE_TYPES", "resourceTypes": ["AWS::S3::Bucket", "AWS::EC2::Instance"]}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["The AWS Config recorder default in 111122223333 us-east-1 does not record AWS::SageMaker::NotebookInstance, AWS::SageMaker::Model, AWS::SageMaker::EndpointConfig."]
}

test_fails_when_ai_types_are_excluded if {
	r := account(recorder({"allSupported": false, "recordingStrategy": "EXCLUSION_BY_RESOURCE_TYPES", "exclusionResourceTypes": ["AWS::S3::Bucket"]}))
	testing.messages(id, r) == ["The AWS Config recorder default in 111122223333 us-east-1 does not record AWS::S3::Bucket."]
}

test_not_evaluated_without_the_fact if {
	r := account({})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the region's AWS Config recorder is not in the inventory (configuration.configRecorder)"]
}

test_not_evaluated_when_the_recorders_could_not_be_read if {
	r := account({"factErrors": {"configRecorder": "config:DescribeConfigurationRecorders AccessDeniedException"}})
	testing.messages(id, r) == ["the region's AWS Config recorder could not be read: config:DescribeConfigurationRecorders AccessDeniedException"]
}

# config.ts keeps the recorder it found and records why its status is unknown.
test_not_evaluated_when_the_status_could_not_be_read if {
	r := account(object.union(recorder({"recording": null, "lastStatus": null}), {"factErrors": {"configRecorder": "config:DescribeConfigurationRecorderStatus AccessDeniedException"}}))
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_when_recording_is_unknown if {
	r := account(recorder({"recording": null}))
	testing.messages(id, r) == ["whether the AWS Config recorder default is recording is not in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(account(recorder({"recording": false})), {"type": "AWS::Config::ConfigurationRecorder"}))
}

# A stopped recorder is reported as stopped; the outcome of its last attempt no longer matters.
test_a_stopped_recorder_is_not_also_reported_as_failing if {
	r := account(recorder({"recording": false, "lastStatus": "FAILURE", "lastErrorCode": "AccessDenied"}))
	testing.messages(id, r) == ["The AWS Config recorder default in 111122223333 us-east-1 is not recording."]
}

test_names_a_recorder_without_a_name if {
	r := account({"configRecorder": object.remove(recorder({"recording": false}).configRecorder, ["name"])})
	testing.messages(id, r) == ["The AWS Config recorder (unnamed) in 111122223333 us-east-1 is not recording."]
}
