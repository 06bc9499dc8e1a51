package cafscan.tests.sagemaker_endpoint_bias_explainability_monitoring

import data.cafscan.testing

id := "CAFAI-SA-06"

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

schedule(name, type, status) := {
	"type": "AWS::SageMaker::MonitoringSchedule", "id": name,
	"arn": sprintf("arn:aws:sagemaker:us-east-1:111122223333:monitoring-schedule/%s", [name]),
	"name": name, "accountId": "111122223333", "region": "us-east-1",
	"configuration": {
		"MonitoringScheduleName": name, "EndpointName": "churn", "MonitoringType": type, "MonitoringScheduleStatus": status,
		"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": name, "MonitoringType": type},
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_any_schedule if {
	ctx := testing.context([collected])
	testing.status(id, in_service) == "fail" with data.inventory as ctx
	testing.messages(id, in_service) == ["Endpoint churn has no bias or explainability monitoring schedule."] with data.inventory as ctx
}

test_fails_with_only_quality_monitoring if {
	ctx := testing.context([collected, schedule("churn-dq", "DataQuality", "Scheduled"), schedule("churn-mq", "ModelQuality", "Scheduled")])
	testing.status(id, in_service) == "fail" with data.inventory as ctx
}

test_fails_when_clarify_schedules_are_stopped if {
	ctx := testing.context([collected, schedule("churn-bias", "ModelBias", "Stopped"), schedule("churn-shap", "ModelExplainability", "Failed")])
	testing.messages(id, in_service) == ["Endpoint churn has no running bias or explainability monitoring: its schedule(s) churn-bias, churn-shap are stopped or failed."] with data.inventory as ctx
}

test_passes_with_bias_monitoring if {
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, schedule("churn-bias", "ModelBias", "Scheduled")])
}

test_passes_with_explainability_monitoring if {
	testing.status(id, in_service) == "pass" with data.inventory as testing.context([collected, schedule("churn-shap", "ModelExplainability", "Pending")])
}

test_not_evaluated_when_schedules_could_not_be_collected if {
	ctx := testing.context([account([], {"AWS::SageMaker::MonitoringSchedule": "AccessDeniedException"})])
	testing.status(id, in_service) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, in_service) == ["SageMaker monitoring schedules could not be collected for this account and region: AccessDeniedException"] with data.inventory as ctx
}

test_not_applicable_to_endpoints_not_in_service if {
	testing.not_applicable(id, endpoint({"EndpointName": "churn", "EndpointStatus": "Updating"})) with data.inventory as testing.context([collected])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(in_service, {"type": "AWS::SageMaker::Model"})) with data.inventory as testing.context([collected])
}
