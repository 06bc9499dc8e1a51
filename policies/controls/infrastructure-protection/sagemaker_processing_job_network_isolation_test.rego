package cafscan.tests.sagemaker_processing_job_network_isolation

import data.cafscan.testing

id := "CAFAI-IP-32"

job(configuration) := {
	"type": "AWS::SageMaker::ProcessingJob", "id": "prep-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep-1",
	"name": "prep-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"ProcessingJobName": "prep-1"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_passes_when_isolated if {
	testing.status(id, job({"NetworkConfig": {"EnableNetworkIsolation": true}})) == "pass"
	testing.status(id, job({"NetworkConfig": {"EnableNetworkIsolation": "True"}})) == "pass"
}

test_fails_when_isolation_is_off if {
	r := job({"NetworkConfig": {"EnableNetworkIsolation": false, "EnableInterContainerTrafficEncryption": true}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Processing job prep-1 does not have network isolation enabled."]
}

# NetworkConfig is optional in CreateProcessingJob and EnableNetworkIsolation defaults to false.
test_fails_on_the_default_when_absent if {
	testing.status(id, job({})) == "fail"
	testing.status(id, job({"NetworkConfig": {}})) == "fail"
	testing.status(id, job({"NetworkConfig": null})) == "fail"
}

test_not_evaluated_without_configuration if {
	r := json.patch(job({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the processing job's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(job({}), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job({}), {"type": "AWS::SageMaker::TrainingJob"}))
}

test_fails_when_the_flag_is_the_string_false if {
	testing.status(id, job({"NetworkConfig": {"EnableNetworkIsolation": "false"}})) == "fail"
}
