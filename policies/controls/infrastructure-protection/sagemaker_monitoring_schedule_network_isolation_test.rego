package cafscan.tests.sagemaker_monitoring_schedule_network_isolation

import data.cafscan.testing

id := "CAFAI-IP-44"

schedule(configuration) := {
	"type": "AWS::SageMaker::MonitoringSchedule", "id": "churn-monitor",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:monitoring-schedule/churn-monitor",
	"name": "churn-monitor", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"MonitoringScheduleName": "churn-monitor", "MonitoringScheduleStatus": "Scheduled"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

inline(network) := {"MonitoringScheduleConfig": {"MonitoringJobDefinition": object.union(
	{"MonitoringResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 20}}},
	network,
)}}

named(name, type) := {"MonitoringType": type, "MonitoringScheduleConfig": {"MonitoringJobDefinitionName": name, "MonitoringType": type}}

definition(type, name, configuration) := {
	"type": type, "id": name, "name": name,
	"arn": concat("", ["arn:aws:sagemaker:us-east-1:111122223333:", lower(type), "/", name]),
	"accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"JobDefinitionName": name}, configuration),
}

dq := "AWS::SageMaker::DataQualityJobDefinition"

mq := "AWS::SageMaker::ModelQualityJobDefinition"

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"accountId": "111122223333", "region": "us-east-1",
	"configuration": {"collectedTypes": collected, "failedTypes": failed},
}

isolated := {"NetworkConfig": {"EnableNetworkIsolation": true}}

test_passes_with_an_isolated_inline_job if {
	testing.status(id, schedule(inline(isolated))) == "pass"
}

test_fails_with_an_inline_job_without_isolation if {
	r := schedule(inline({"NetworkConfig": {"EnableNetworkIsolation": false}}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Monitoring schedule churn-monitor does not have network isolation enabled in its inline job definition."]
	testing.status(id, schedule(inline({}))) == "fail"
}

test_passes_when_the_named_definition_is_isolated if {
	ctx := testing.context([definition(mq, "churn-mq", isolated), definition(dq, "churn-mq", {})])
	testing.status(id, schedule(named("churn-mq", "ModelQuality"))) == "pass" with data.inventory as ctx
}

test_fails_when_the_named_definition_is_not_isolated if {
	ctx := testing.context([definition(mq, "churn-mq", {"NetworkConfig": {"EnableNetworkIsolation": false}})])
	r := schedule(named("churn-mq", "ModelQuality"))
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Monitoring schedule churn-monitor does not have network isolation enabled in its job definition churn-mq."] with data.inventory as ctx
}

# Without a monitoring type, every definition of that name is judged: one open one fails.
test_judges_every_type_when_the_monitoring_type_is_unknown if {
	r := schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": "churn"}})
	open := testing.context([definition(mq, "churn", isolated), definition(dq, "churn", {"JobResources": {}})])
	testing.status(id, r) == "fail" with data.inventory as open
	both := testing.context([definition(mq, "churn", isolated), definition(dq, "churn", isolated)])
	testing.status(id, r) == "pass" with data.inventory as both
}

# A definition of another account, region or name is not the one the schedule runs.
test_not_evaluated_when_the_named_definition_is_not_in_the_inventory if {
	elsewhere := object.union(definition(mq, "churn-mq", isolated), {"region": "eu-west-1"})
	ctx := testing.context([elsewhere, definition(mq, "other", isolated), account([mq], {})])
	r := schedule(named("churn-mq", "ModelQuality"))
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == ["the job definition churn-mq that the schedule runs is not in the inventory, so its network configuration is unknown"] with data.inventory as ctx
}

test_not_evaluated_says_why_the_definitions_were_not_collected if {
	ctx := testing.context([account([], {mq: "sagemaker:ListModelQualityJobDefinitions was denied (AccessDeniedException)"})])
	r := schedule(named("churn-mq", "ModelQuality"))
	testing.messages(id, r) == [
		"SageMaker monitoring job definitions could not be collected for this account and region: sagemaker:ListModelQualityJobDefinitions was denied (AccessDeniedException)",
		"the job definition churn-mq that the schedule runs is not in the inventory, so its network configuration is unknown",
	] with data.inventory as ctx
}

test_not_evaluated_when_the_named_definition_is_unreadable if {
	denied := object.union(definition(mq, "churn-mq", {}), {"collectionErrors": {"configuration": "AccessDenied"}})
	r := schedule(named("churn-mq", "ModelQuality"))
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([denied])
	testing.messages(id, r) == ["the configuration of job definition churn-mq that the schedule runs could not be read"] with data.inventory as testing.context([denied])
	empty := json.patch(definition(mq, "churn-mq", {}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([empty])
}

# Config items may leave JobDefinitionName out of the configuration: the resource name stands in.
test_finds_the_named_definition_by_resource_name if {
	d := json.patch(definition(mq, "churn-mq", isolated), [{"op": "remove", "path": "/configuration/JobDefinitionName"}])
	testing.status(id, schedule(named("churn-mq", "ModelQuality"))) == "pass" with data.inventory as testing.context([d])
}

test_not_evaluated_without_a_job if {
	testing.status(id, schedule({"MonitoringScheduleConfig": {"ScheduleConfig": {}}})) == "not_evaluated"
	testing.messages(id, schedule({})) == ["the monitoring schedule's job definition (inline or by name) is not in the inventory"]
	testing.status(id, schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": ""}})) == "not_evaluated"
}

test_not_evaluated_without_configuration if {
	r := json.patch(schedule({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.messages(id, r) == ["the monitoring schedule's configuration is not in the inventory"]
	testing.status(id, object.union(schedule(inline(isolated)), {"collectionErrors": {"configuration": "AccessDenied"}})) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(schedule(inline(isolated)), {"type": "AWS::SageMaker::Endpoint"}))
}

test_flag_as_a_string if {
	testing.status(id, schedule(inline({"NetworkConfig": {"EnableNetworkIsolation": "true"}}))) == "pass"
	testing.status(id, schedule(inline({"NetworkConfig": {"EnableNetworkIsolation": "false"}}))) == "fail"
}

# The monitoring type picks the definition type: a definition of the same name but another type
# is not the one the schedule runs.
test_looks_up_the_definition_of_the_schedule_type_only if {
	types := {
		"DataQuality": "AWS::SageMaker::DataQualityJobDefinition",
		"ModelQuality": "AWS::SageMaker::ModelQualityJobDefinition",
		"ModelBias": "AWS::SageMaker::ModelBiasJobDefinition",
		"ModelExplainability": "AWS::SageMaker::ModelExplainabilityJobDefinition",
	}
	every monitoring_type, type in types {
		own := testing.context([definition(type, "churn", isolated)])
		testing.status(id, schedule(named("churn", monitoring_type))) == "pass" with data.inventory as own
		others := testing.context([definition(t, "churn", isolated) | some mt, t in types; mt != monitoring_type])
		testing.status(id, schedule(named("churn", monitoring_type))) == "not_evaluated" with data.inventory as others
	}
}

# The name in the configuration is the definition's name; the resource name only stands in for it.
test_matches_the_configured_definition_name_first if {
	d := object.union(definition(mq, "churn-mq", isolated), {"name": "arn:aws:sagemaker:us-east-1:111122223333:model-quality-job-definition/churn-mq"})
	testing.status(id, schedule(named("churn-mq", "ModelQuality"))) == "pass" with data.inventory as testing.context([d])
	numbered := json.patch(definition(mq, "churn-mq", isolated), [{"op": "replace", "path": "/configuration/JobDefinitionName", "value": 7}])
	testing.status(id, schedule(named("churn-mq", "ModelQuality"))) == "pass" with data.inventory as testing.context([numbered])
}

# A job definition that is not an object, or a name that is not a non-empty string, is no job.
test_not_evaluated_on_a_corrupt_job_reference if {
	reason := "the monitoring schedule's job definition (inline or by name) is not in the inventory"
	testing.messages(id, schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinition": "corrupt"}})) == [reason]
	testing.messages(id, schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": 5}})) == [reason]
	testing.messages(id, schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": ""}})) == [reason]
}

# A configuration of one key is still a configuration.
test_a_one_key_configuration_is_recorded if {
	r := json.patch(schedule({}), [{"op": "replace", "path": "/configuration", "value": inline(isolated)}])
	testing.status(id, r) == "pass"
}

# A null MonitoringResources or JobResources reads as absent: the job is still judged.
test_judges_a_job_whose_resources_are_null if {
	r := schedule(inline({"MonitoringResources": null}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Monitoring schedule churn-monitor does not have network isolation enabled in its inline job definition."]
	testing.status(id, schedule(inline(object.union({"MonitoringResources": null}, isolated)))) == "pass"
	testing.status(id, schedule(inline({"MonitoringResources": {"ClusterConfig": null}}))) == "fail"

	named_null := testing.context([definition(mq, "churn-mq", {"JobResources": null})])
	testing.status(id, schedule(named("churn-mq", "ModelQuality"))) == "fail" with data.inventory as named_null
	named_isolated := testing.context([definition(mq, "churn-mq", object.union({"JobResources": null}, isolated))])
	testing.status(id, schedule(named("churn-mq", "ModelQuality"))) == "pass" with data.inventory as named_isolated
}
