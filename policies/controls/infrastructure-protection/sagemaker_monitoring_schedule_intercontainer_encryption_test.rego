package cafscan.tests.sagemaker_monitoring_schedule_intercontainer_encryption

import data.cafscan.testing

id := "CAFAI-IP-49"

schedule(configuration) := {
	"type": "AWS::SageMaker::MonitoringSchedule", "id": "churn-monitor",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:monitoring-schedule/churn-monitor",
	"name": "churn-monitor", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"MonitoringScheduleName": "churn-monitor", "MonitoringScheduleStatus": "Scheduled"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

cluster(n) := {"ClusterConfig": {"InstanceCount": n, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 20}}

inline(n, network) := {"MonitoringScheduleConfig": {"MonitoringJobDefinition": object.union({"MonitoringResources": cluster(n)}, network)}}

named(name, type) := {"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": name, "MonitoringType": type}}

definition(type, name, configuration) := {
	"type": type, "id": name, "name": name,
	"arn": concat("", ["arn:aws:sagemaker:us-east-1:111122223333:", lower(type), "/", name]),
	"accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"JobDefinitionName": name}, configuration),
}

bias := "AWS::SageMaker::ModelBiasJobDefinition"

encrypted := {"NetworkConfig": {"EnableInterContainerTrafficEncryption": true}}

test_passes_with_an_encrypted_inline_job if {
	testing.status(id, schedule(inline(2, encrypted))) == "pass"
	testing.status(id, schedule(inline(2, {"NetworkConfig": {"EnableInterContainerTrafficEncryption": "True"}}))) == "pass"
}

test_fails_with_an_unencrypted_inline_job_on_several_instances if {
	r := schedule(inline(3, {"NetworkConfig": {"EnableNetworkIsolation": true}}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Monitoring schedule churn-monitor does not encrypt the traffic between the 3 instances of its inline job definition."]
	testing.status(id, schedule(inline(2, {}))) == "fail"
	testing.status(id, schedule(inline(2, {"NetworkConfig": {"EnableInterContainerTrafficEncryption": "false"}}))) == "fail"
}

test_not_applicable_on_a_single_instance if {
	testing.not_applicable(id, schedule(inline(1, {})))
	ctx := testing.context([definition(bias, "churn-bias", {"JobResources": cluster(1)})])
	testing.not_applicable(id, schedule(named("churn-bias", "ModelBias"))) with data.inventory as ctx
}

test_follows_the_named_definition if {
	good := testing.context([definition(bias, "churn-bias", object.union({"JobResources": cluster(2)}, encrypted))])
	testing.status(id, schedule(named("churn-bias", "ModelBias"))) == "pass" with data.inventory as good
	bad := testing.context([definition(bias, "churn-bias", {"JobResources": cluster(2)})])
	r := schedule(named("churn-bias", "ModelBias"))
	testing.status(id, r) == "fail" with data.inventory as bad
	testing.messages(id, r) == ["Monitoring schedule churn-monitor does not encrypt the traffic between the 2 instances of its job definition churn-bias."] with data.inventory as bad
}

test_not_evaluated_when_the_named_definition_is_not_in_the_inventory if {
	r := schedule(named("churn-bias", "ModelBias"))
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, r) == [
		"SageMaker monitoring job definitions were not collected for this account and region",
		"the job definition churn-bias that the schedule runs is not in the inventory, so its network configuration is unknown",
	] with data.inventory as testing.context([])
}

test_not_evaluated_when_the_instance_count_is_unknown if {
	r := schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinition": {"MonitoringResources": {"ClusterConfig": {"InstanceCount": "2"}}}}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the instance count of its inline job definition is not in the inventory, so whether its instances exchange traffic is unknown"]
}

# Encryption on settles it whatever the count.
test_passes_when_encrypted_and_the_count_is_unknown if {
	testing.status(id, schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinition": encrypted}})) == "pass"
}

test_not_evaluated_without_configuration if {
	r := json.patch(schedule({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.status(id, object.union(schedule(inline(2, encrypted)), {"collectionErrors": {"configuration": "AccessDenied"}})) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(schedule(inline(2, {})), {"type": "AWS::SageMaker::Endpoint"}))
}

# An unreadable definition is not known to run on one instance.
test_not_evaluated_when_the_named_definition_is_unreadable if {
	denied := object.union(definition(bias, "churn-bias", {"JobResources": cluster(1)}), {"collectionErrors": {"configuration": "AccessDenied"}})
	r := schedule(named("churn-bias", "ModelBias"))
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([denied])
}

# Without a monitoring type every definition of that name is a candidate: one of several
# unencrypted instances fails the schedule, even beside one of a single instance.
test_judges_every_candidate_definition if {
	mq := "AWS::SageMaker::ModelQualityJobDefinition"
	ctx := testing.context([
		definition(bias, "churn", {"JobResources": cluster(1)}),
		definition(mq, "churn", {"JobResources": cluster(2)}),
	])
	r := schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": "churn"}})
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Monitoring schedule churn-monitor does not encrypt the traffic between the 2 instances of its job definition churn."] with data.inventory as ctx
}

# A null MonitoringResources or JobResources reads as absent: the job is still judged, its
# instance count unknown.
test_not_evaluated_when_the_job_resources_are_null if {
	r := schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinition": {"MonitoringResources": null}}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the instance count of its inline job definition is not in the inventory, so whether its instances exchange traffic is unknown"]
	testing.status(id, schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinition": {"MonitoringResources": {"ClusterConfig": null}}}})) == "not_evaluated"

	named_null := testing.context([definition(bias, "churn-bias", {"JobResources": null})])
	testing.status(id, schedule(named("churn-bias", "ModelBias"))) == "not_evaluated" with data.inventory as named_null

	# Encrypted, the count does not matter.
	testing.status(id, schedule({"MonitoringScheduleConfig": {"MonitoringJobDefinition": object.union({"MonitoringResources": null}, encrypted)}})) == "pass"
}
