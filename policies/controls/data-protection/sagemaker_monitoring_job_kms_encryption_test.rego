package cafscan.tests.sagemaker_monitoring_job_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-40"

key := "arn:aws:kms:us-east-1:111122223333:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90"

resource(type, configuration) := {
	"type": type, "id": "churn-monitor",
	"arn": concat("", ["arn:aws:sagemaker:us-east-1:111122223333:", lower(type), "/churn-monitor"]),
	"name": "churn-monitor", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"RoleArn": "arn:aws:iam::111122223333:role/monitor"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

cluster(instance_type, volume_key) := {"ClusterConfig": object.union(
	{"InstanceCount": 1, "InstanceType": instance_type, "VolumeSizeInGB": 20},
	{k: v | some k, v in {"VolumeKmsKeyId": volume_key}; v != ""},
)}

output(output_key) := object.union(
	{"MonitoringOutputs": [{"S3Output": {"S3Uri": "s3://monitoring/reports", "LocalPath": "/opt/ml/processing/output"}}]},
	{k: v | some k, v in {"KmsKeyId": output_key}; v != ""},
)

prefixes := {
	"AWS::SageMaker::DataQualityJobDefinition": "DataQuality",
	"AWS::SageMaker::ModelQualityJobDefinition": "ModelQuality",
	"AWS::SageMaker::ModelBiasJobDefinition": "ModelBias",
	"AWS::SageMaker::ModelExplainabilityJobDefinition": "ModelExplainability",
}

definition(type, instance_type, volume_key, output_key) := resource(type, {
	"JobDefinitionName": "churn-monitor",
	"JobResources": cluster(instance_type, volume_key),
	concat("", [prefixes[type], "JobOutputConfig"]): output(output_key),
})

inline(instance_type, volume_key, output_key) := resource("AWS::SageMaker::MonitoringSchedule", {"MonitoringScheduleConfig": {"MonitoringJobDefinition": {
	"MonitoringResources": cluster(instance_type, volume_key),
	"MonitoringOutputConfig": output(output_key),
}}})

test_passes_with_both_keys if {
	every type, _ in prefixes {
		testing.status(id, definition(type, "ml.m5.xlarge", key, key)) == "pass"
	}
	testing.status(id, inline("ml.m5.xlarge", key, key)) == "pass"
}

test_fails_without_a_volume_key if {
	r := definition("AWS::SageMaker::ModelBiasJobDefinition", "ml.m5.xlarge", "", key)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model bias job definition churn-monitor does not encrypt its instance storage volumes with a KMS key."]
}

test_fails_without_an_output_key if {
	r := definition("AWS::SageMaker::DataQualityJobDefinition", "ml.m5.xlarge", key, "")
	testing.messages(id, r) == ["Data quality job definition churn-monitor names no KMS key for its monitoring reports in S3 (DataQualityJobOutputConfig.KmsKeyId is not set), so they get only the bucket's default encryption."]
	s := inline("ml.m5.xlarge", "", "")
	testing.messages(id, s) == [
		"Monitoring schedule churn-monitor does not encrypt its instance storage volumes with a KMS key.",
		"Monitoring schedule churn-monitor names no KMS key for its monitoring reports in S3 (MonitoringJobDefinition.MonitoringOutputConfig.KmsKeyId is not set), so they get only the bucket's default encryption.",
	]
	every type, _ in prefixes {
		testing.status(id, definition(type, "ml.m5.xlarge", key, "")) == "fail"
	}
}

test_fails_without_an_output_config if {
	r := resource("AWS::SageMaker::ModelQualityJobDefinition", {"JobResources": cluster("ml.m5.xlarge", key)})
	testing.status(id, r) == "fail"
}

# Local NVMe instance storage is encrypted in hardware and takes no volume key.
# A recorded null is no settings, as an absent field: the inline job is still judged.
test_judges_an_inline_job_with_null_resources if {
	s := resource("AWS::SageMaker::MonitoringSchedule", {"MonitoringScheduleConfig": {"MonitoringJobDefinition": {
		"MonitoringResources": null,
		"MonitoringOutputConfig": null,
	}}})
	testing.status(id, s) == "not_evaluated"
	with_output := resource("AWS::SageMaker::MonitoringSchedule", {"MonitoringScheduleConfig": {"MonitoringJobDefinition": {
		"MonitoringResources": null,
		"MonitoringOutputConfig": output(""),
	}}})
	testing.messages(id, with_output) == ["the monitoring job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown"]
}

test_passes_on_local_storage_without_a_volume_key if {
	testing.status(id, definition("AWS::SageMaker::ModelExplainabilityJobDefinition", "ml.g5.xlarge", "", key)) == "pass"
	testing.status(id, inline("ml.m5d.xlarge", "", key)) == "pass"
}

test_not_evaluated_when_the_instance_type_is_unknown if {
	r := definition("AWS::SageMaker::DataQualityJobDefinition", "local", "", key)
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the monitoring job's instance type is not in the inventory, so whether its storage accepts a KMS key is unknown"]
	testing.status(id, definition("AWS::SageMaker::DataQualityJobDefinition", "local", key, key)) == "pass"
}

# The definition a schedule names is judged itself: one gap, one finding.
test_not_applicable_to_a_schedule_that_names_a_definition if {
	testing.not_applicable(id, resource("AWS::SageMaker::MonitoringSchedule", {"MonitoringScheduleConfig": {"MonitoringJobDefinitionName": "churn-dq", "MonitoringType": "DataQuality"}}))
}

test_not_evaluated_without_a_job if {
	r := resource("AWS::SageMaker::MonitoringSchedule", {"MonitoringScheduleConfig": {}})
	testing.messages(id, r) == ["the monitoring schedule's job definition (inline or by name) is not in the inventory"]
}

test_not_evaluated_without_configuration if {
	d := json.patch(definition("AWS::SageMaker::DataQualityJobDefinition", "ml.m5.xlarge", "", ""), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.messages(id, d) == ["the job definition's configuration is not in the inventory"]
	s := json.patch(inline("ml.m5.xlarge", "", ""), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.messages(id, s) == ["the monitoring schedule's configuration is not in the inventory"]
	testing.status(id, object.union(inline("ml.m5.xlarge", key, key), {"collectionErrors": {"configuration": "AccessDenied"}})) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(definition("AWS::SageMaker::DataQualityJobDefinition", "ml.m5.xlarge", "", ""), {"type": "AWS::SageMaker::ProcessingJob"}))
}

test_an_empty_key_is_no_key if {
	r := resource("AWS::SageMaker::DataQualityJobDefinition", {
		"JobResources": {"ClusterConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": ""}},
		"DataQualityJobOutputConfig": {"KmsKeyId": ""},
	})
	count(testing.messages(id, r)) == 2
}

# Every kind is named in the message.
test_names_each_kind_of_definition if {
	testing.messages(id, definition("AWS::SageMaker::ModelQualityJobDefinition", "ml.m5.xlarge", "", key)) == ["Model quality job definition churn-monitor does not encrypt its instance storage volumes with a KMS key."]
	testing.messages(id, definition("AWS::SageMaker::ModelExplainabilityJobDefinition", "ml.m5.xlarge", "", key)) == ["Model explainability job definition churn-monitor does not encrypt its instance storage volumes with a KMS key."]
}

# A key that is not a string is no key.
test_a_non_string_key_is_no_key if {
	r := resource("AWS::SageMaker::DataQualityJobDefinition", {
		"JobResources": {"ClusterConfig": {"InstanceType": "ml.m5.xlarge", "VolumeKmsKeyId": 5}},
		"DataQualityJobOutputConfig": {"KmsKeyId": true},
	})
	count(testing.messages(id, r)) == 2
}

# An inline job is judged here even beside a named definition (the API allows one or the other);
# a job definition is judged whatever else its configuration carries.
test_judges_an_inline_job_and_every_definition if {
	both := json.patch(inline("ml.m5.xlarge", "", ""), [{"op": "add", "path": "/configuration/MonitoringScheduleConfig/MonitoringJobDefinitionName", "value": "churn-dq"}])
	testing.status(id, both) == "fail"
	odd := json.patch(definition("AWS::SageMaker::DataQualityJobDefinition", "ml.m5.xlarge", "", ""), [{"op": "add", "path": "/configuration/MonitoringScheduleConfig", "value": {"MonitoringJobDefinitionName": "churn-dq"}}])
	testing.status(id, odd) == "fail"
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_output_key_alias if {
	every k in ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"] {
		r := definition("AWS::SageMaker::DataQualityJobDefinition", "ml.m5.xlarge", key, k)
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Data quality job definition churn-monitor encrypts its monitoring reports in S3 with the AWS managed key %s (DataQualityJobOutputConfig.KmsKeyId), not a customer managed KMS key.", [k])]
		testing.messages(id, inline("ml.m5.xlarge", key, k)) == [sprintf("Monitoring schedule churn-monitor encrypts its monitoring reports in S3 with the AWS managed key %s (MonitoringJobDefinition.MonitoringOutputConfig.KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_fails_with_an_aws_managed_volume_key_alias if {
	every k in ["alias/aws/ebs", "arn:aws:kms:us-east-1:111122223333:alias/aws/ebs"] {
		r := definition("AWS::SageMaker::ModelBiasJobDefinition", "ml.m5.xlarge", k, key)
		testing.messages(id, r) == [sprintf("Model bias job definition churn-monitor encrypts its instance storage volumes with the AWS managed key %s (JobResources.ClusterConfig.VolumeKmsKeyId), not a customer managed KMS key.", [k])]
		testing.messages(id, inline("ml.m5.xlarge", k, key)) == [sprintf("Monitoring schedule churn-monitor encrypts its instance storage volumes with the AWS managed key %s (MonitoringJobDefinition.MonitoringResources.ClusterConfig.VolumeKmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_customer_aliases if {
	testing.status(id, definition("AWS::SageMaker::ModelQualityJobDefinition", "ml.m5.xlarge", "alias/ml-data", "arn:aws:kms:us-east-1:111122223333:alias/ml-data")) == "pass"
	testing.status(id, inline("ml.m5.xlarge", "arn:aws:kms:us-east-1:111122223333:alias/ml-data", "alias/ml-data")) == "pass"
}
