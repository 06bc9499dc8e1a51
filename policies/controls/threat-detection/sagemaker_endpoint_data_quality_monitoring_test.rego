package cafscan.tests.sagemaker_endpoint_data_quality_monitoring

import data.cafscan.testing

id := "CAFAI-TD-05"

endpoint(configuration) := {
	"type": "AWS::SageMaker::Endpoint", "id": "churn",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn",
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

in_service := endpoint({"EndpointName": "churn", "EndpointConfigName": "churn-config", "EndpointStatus": "InService"})

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::SageMaker::MonitoringSchedule"], {})

schedule_with(name, configuration) := {
	"type": "AWS::SageMaker::MonitoringSchedule", "id": name,
	"arn": sprintf("arn:aws:sagemaker:us-east-1:111122223333:monitoring-schedule/%s", [name]),
	"name": name, "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"MonitoringScheduleName": name}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

schedule(name, type, status) := schedule_with(name, {
	"EndpointName": "churn", "MonitoringType": type, "MonitoringScheduleStatus": status,
	"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": name, "MonitoringType": type},
})

# A schedule created with an inline job definition (no MonitoringType anywhere) that reads the
# endpoint through its EndpointInput.
inline_schedule(status) := schedule_with("churn-inline", {
	"MonitoringScheduleStatus": status,
	"MonitoringScheduleConfig": {"MonitoringJobDefinition": {
		"MonitoringInputs": [{"EndpointInput": {"EndpointName": "churn", "LocalPath": "/opt/ml/processing/input"}}],
		"MonitoringAppSpecification": {"ImageUri": "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"},
	}},
})

test_fails_without_any_schedule if {
	ctx := testing.context([collected])
	testing.status(id, in_service) == "fail" with data.inventory as ctx
	testing.messages(id, in_service) == ["Endpoint churn has no data quality monitoring schedule."] with data.inventory as ctx
}

test_fails_with_only_model_quality_monitoring if {
	ctx := testing.context([collected, schedule("churn-mq", "ModelQuality", "Scheduled")])
	testing.status(id, in_service) == "fail" with data.inventory as ctx
}

test_fails_when_the_schedule_is_stopped if {
	ctx := testing.context([collected, schedule("churn-dq", "DataQuality", "Stopped")])
	testing.messages(id, in_service) == ["Endpoint churn has no running data quality monitoring: its schedule(s) churn-dq are stopped or failed."] with data.inventory as ctx
}

test_passes_with_a_scheduled_data_quality_schedule if {
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, schedule("churn-dq", "DataQuality", "Scheduled")])
}

test_passes_with_an_inline_job_definition if {
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, inline_schedule("Scheduled")])
}

test_fails_with_a_failed_inline_schedule if {
	testing.status(id, in_service) == "fail" with data.inventory as testing.context([collected, inline_schedule("Failed")])
}

test_not_evaluated_when_schedules_were_not_collected if {
	ctx := testing.context([account([], {})])
	testing.status(id, in_service) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, in_service) == ["SageMaker monitoring schedules were not collected for this account and region"] with data.inventory as ctx
}

test_not_evaluated_when_the_schedule_status_is_unknown if {
	s := schedule_with("churn-dq", {"EndpointName": "churn", "MonitoringType": "DataQuality"})
	testing.status(id, in_service) == "not_evaluated" with data.inventory as testing.context([collected, s])
}

test_not_applicable_to_endpoints_not_in_service if {
	testing.not_applicable(id, endpoint({"EndpointName": "churn", "EndpointStatus": "Failed"})) with data.inventory as testing.context([collected])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(in_service, {"type": "AWS::SageMaker::Model"})) with data.inventory as testing.context([collected])
}

# --- collection of the schedules -----------------------------------------------------------------

test_not_evaluated_gives_the_collection_failure if {
	ctx := testing.context([account([], {"AWS::SageMaker::MonitoringSchedule": "AccessDeniedException"})])
	testing.messages(id, in_service) == ["SageMaker monitoring schedules could not be collected for this account and region: AccessDeniedException"] with data.inventory as ctx
}

test_not_evaluated_ignores_a_malformed_failure_record if {
	ctx := testing.context([account([], {"AWS::SageMaker::MonitoringSchedule": {"code": "AccessDeniedException"}})])
	testing.messages(id, in_service) == ["SageMaker monitoring schedules were not collected for this account and region"] with data.inventory as ctx
}

# --- which endpoint: EndpointName, else the resource's label ----------------------------------------

# As AWS Config may record it: the id is the ARN; the name field can be empty.
config_endpoint(endpoint_name, name) := json.patch(in_service, [
	{"op": "replace", "path": "/id", "value": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn"},
	{"op": "replace", "path": "/name", "value": name},
	{"op": "replace", "path": "/configuration/EndpointName", "value": endpoint_name},
])

test_matches_schedules_by_the_endpoint_name if {
	ctx := testing.context([collected, schedule("churn-dq", "DataQuality", "Scheduled")])
	testing.status(id, config_endpoint("churn", "")) == "pass" with data.inventory as ctx
	testing.status(id, config_endpoint("", "churn")) == "pass" with data.inventory as ctx
	testing.status(id, config_endpoint(null, "churn")) == "pass" with data.inventory as ctx
}

test_an_unrecorded_status_leaves_the_endpoint_in_scope if {
	r := json.patch(in_service, [{"op": "replace", "path": "/configuration/EndpointStatus", "value": null}])
	testing.status(id, r) == "fail" with data.inventory as testing.context([collected])
}

# --- which schedules monitor it --------------------------------------------------------------------

inline_for(names, status) := json.patch(inline_schedule(status), [{
	"op": "replace", "path": "/configuration/MonitoringScheduleConfig/MonitoringJobDefinition/MonitoringInputs",
	"value": [{"EndpointInput": {"EndpointName": n, "LocalPath": "/opt/ml/processing/input"}} | some n in names],
}])

test_an_inline_schedule_counts_only_for_its_input_endpoints if {
	testing.status(id, in_service) == "fail" with data.inventory as testing.context([collected, inline_for(["fraud"], "Scheduled")])
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, inline_for(["fraud", "churn"], "Scheduled")])
}

# A schedule known only through its relationship (no EndpointName recorded).
related_schedule(rel) := object.union(schedule_with("churn-dq", {"MonitoringType": "DataQuality", "MonitoringScheduleStatus": "Scheduled"}), {"relationships": [rel]})

test_matches_schedules_by_their_endpoint_relationship if {
	by_id := related_schedule({"resourceType": "AWS::SageMaker::Endpoint", "resourceId": "churn"})
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, by_id])
	by_name := related_schedule({"resourceType": "AWS::SageMaker::Endpoint", "resourceName": "churn"})
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, by_name])
	other_endpoint := related_schedule({"resourceType": "AWS::SageMaker::Endpoint", "resourceId": "fraud", "resourceName": "fraud"})
	testing.status(id, in_service) == "fail" with data.inventory as testing.context([collected, other_endpoint])

	# A model is often named like its endpoint; a relationship to it is not one to the endpoint.
	model := related_schedule({"resourceType": "AWS::SageMaker::Model", "resourceId": "churn", "resourceName": "churn"})
	testing.status(id, in_service) == "fail" with data.inventory as testing.context([collected, model])
}

# --- the schedule's name, type and status ----------------------------------------------------------

test_stopped_message_names_the_schedule_or_its_id if {
	s := object.union(schedule("churn-dq", "DataQuality", "Stopped"), {"id": "arn:aws:sagemaker:us-east-1:111122223333:monitoring-schedule/churn-dq"})
	testing.messages(id, in_service) == ["Endpoint churn has no running data quality monitoring: its schedule(s) churn-dq are stopped or failed."] with data.inventory as testing.context([collected, s])
	unnamed := json.patch(s, [{"op": "replace", "path": "/configuration/MonitoringScheduleName", "value": null}])
	testing.messages(id, in_service) == ["Endpoint churn has no running data quality monitoring: its schedule(s) arn:aws:sagemaker:us-east-1:111122223333:monitoring-schedule/churn-dq are stopped or failed."] with data.inventory as testing.context([collected, unnamed])
}

test_reads_the_type_from_the_schedule_config_when_the_top_level_one_is_null if {
	s := json.patch(schedule("churn-dq", "DataQuality", "Scheduled"), [{"op": "replace", "path": "/configuration/MonitoringType", "value": null}])
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, s])
	inline := json.patch(inline_schedule("Scheduled"), [{"op": "add", "path": "/configuration/MonitoringScheduleConfig/MonitoringType", "value": null}])
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, inline])
}

test_not_evaluated_when_a_schedule_type_is_unknown if {
	s := schedule_with("churn-x", {"EndpointName": "churn", "MonitoringScheduleStatus": "Scheduled"})
	testing.messages(id, in_service) == ["the monitoring type of schedule churn-x is not in the inventory, so whether it is data quality monitoring is unknown"] with data.inventory as testing.context([collected, s])
}

test_not_evaluated_when_the_schedule_status_is_null if {
	s := schedule("churn-dq", "DataQuality", null)
	testing.messages(id, in_service) == ["the status of monitoring schedule churn-dq is not in the inventory"] with data.inventory as testing.context([collected, s])
}

# A running schedule settles it: other schedules whose type or status is unknown do not matter.
test_passes_when_a_schedule_runs_even_if_others_are_unknown if {
	unknown_type := schedule_with("churn-x", {"EndpointName": "churn", "MonitoringScheduleStatus": "Scheduled"})
	unknown_status := schedule_with("churn-dq2", {"EndpointName": "churn", "MonitoringType": "DataQuality"})
	ctx := testing.context([collected, schedule("churn-dq", "DataQuality", "Scheduled"), unknown_type, unknown_status])
	testing.status(id, in_service) == "pass" with data.inventory as ctx
}
