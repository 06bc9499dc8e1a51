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
