package cafscan.tests.sagemaker_training_job_intercontainer_encryption

import data.cafscan.testing

id := "CAFAI-IP-08"

job(configuration) := {
	"type": "AWS::SageMaker::TrainingJob", "id": "train-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/train-1",
	"name": "train-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

distributed := {"TrainingJobName": "train-1", "ResourceConfig": {"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 4}}

single := {"TrainingJobName": "train-1", "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1}}

groups(counts) := {"TrainingJobName": "train-1", "ResourceConfig": {"InstanceGroups": [{"InstanceGroupName": sprintf("g%d", [i]), "InstanceType": "ml.p4d.24xlarge", "InstanceCount": n} | some i, n in counts]}}

test_fails_when_disabled_on_a_distributed_job if {
	r := job(object.union(distributed, {"EnableInterContainerTrafficEncryption": false}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Training job train-1 does not encrypt the traffic between its training instances."]
}

test_fails_when_absent if testing.status(id, job(distributed)) == "fail"

test_fails_on_a_heterogeneous_cluster if testing.status(id, job(groups([1, 2]))) == "fail"

# A job of unknown size may run on one instance: unknown, not a failure.
test_not_evaluated_when_the_instance_count_is_unknown if {
	r := job({"TrainingJobName": "train-1", "EnableInterContainerTrafficEncryption": false})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the training job's instance count is not in the inventory, so whether its instances exchange traffic is unknown"]
	testing.status(id, job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceGroups": [{"InstanceType": "ml.m5.xlarge"}]}})) == "not_evaluated"
}

test_passes_when_enabled_whatever_the_count if {
	testing.status(id, job({"TrainingJobName": "train-1", "EnableInterContainerTrafficEncryption": true})) == "pass"
}

test_passes_when_enabled if {
	testing.status(id, job(object.union(distributed, {"EnableInterContainerTrafficEncryption": true}))) == "pass"
	testing.status(id, job(object.union(distributed, {"EnableInterContainerTrafficEncryption": "true"}))) == "pass"
}

test_not_applicable_to_single_instance_jobs if {
	testing.not_applicable(id, job(object.union(single, {"EnableInterContainerTrafficEncryption": false})))
	testing.not_applicable(id, job(groups([1])))
}

test_not_evaluated_without_configuration if testing.status(id, job({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job(distributed), {"type": "AWS::SageMaker::Model"}))
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, job({})) == ["the training job's configuration is not in the inventory"]
}

test_judges_a_configuration_with_a_single_recorded_field if {
	testing.status(id, job({"EnableInterContainerTrafficEncryption": true})) == "pass"
}

# DescribeTrainingJob reports InstanceCount 0 next to InstanceGroups on heterogeneous clusters.
test_instance_groups_decide_over_a_zero_instance_count if {
	r := job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceCount": 0, "InstanceGroups": [
		{"InstanceGroupName": "g0", "InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2},
		{"InstanceGroupName": "g1", "InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2},
	]}})
	testing.status(id, r) == "fail"
}

# A null count (Config snapshots) is unknown: never read as "one instance, out of scope".
test_not_evaluated_when_the_instance_count_is_null if {
	r := job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": null}})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_when_one_group_count_is_unknown if {
	r := job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceGroups": [
		{"InstanceGroupName": "g0", "InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2},
		{"InstanceGroupName": "g1", "InstanceType": "ml.p4d.24xlarge"},
	]}})
	testing.status(id, r) == "not_evaluated"
}

test_fails_on_two_instances if {
	testing.status(id, job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2}})) == "fail"
}

test_fails_when_disabled_as_string if {
	testing.status(id, job(object.union(distributed, {"EnableInterContainerTrafficEncryption": "false"}))) == "fail"
}

# A null InstanceGroups is no groups: InstanceCount decides.
test_null_instance_groups_read_as_absent if {
	r := job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 4, "InstanceGroups": null}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Training job train-1 does not encrypt the traffic between its training instances."]
	testing.status(id, job(object.union(r.configuration, {"EnableInterContainerTrafficEncryption": true}))) == "pass"
	testing.not_applicable(id, job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceCount": 1, "InstanceGroups": null}}))

	# Groups of another shape than a list leave the count unknown.
	testing.status(id, job({"TrainingJobName": "train-1", "ResourceConfig": {"InstanceCount": 1, "InstanceGroups": {"InstanceCount": 2}}})) == "not_evaluated"
}
