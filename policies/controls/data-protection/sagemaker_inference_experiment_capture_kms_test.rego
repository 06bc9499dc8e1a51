package cafscan.tests.sagemaker_inference_experiment_capture_kms

import data.cafscan.testing

id := "CAFAI-DP-54"

key := "arn:aws:kms:us-east-1:111122223333:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90"

experiment(configuration) := {
	"type": "AWS::SageMaker::InferenceExperiment", "id": "churn-shadow",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:inference-experiment/churn-shadow",
	"name": "churn-shadow", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"Name": "churn-shadow", "Type": "ShadowMode"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

capture(storage) := {"DataStorageConfig": object.union({"Destination": "s3://shadow-capture/churn"}, storage)}

test_fails_when_capture_has_no_key if {
	r := experiment(capture({}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Inference experiment churn-shadow captures requests and responses without a customer managed KMS key (DataStorageConfig.KmsKey is not set)."]
}

test_fails_on_an_empty_or_non_string_key if {
	testing.status(id, experiment(capture({"KmsKey": ""}))) == "fail"
	testing.status(id, experiment(capture({"KmsKey": null}))) == "fail"
	testing.status(id, experiment(capture({"KmsKey": 4}))) == "fail"
}

test_passes_with_a_key if testing.status(id, experiment(capture({"KmsKey": key}))) == "pass"

# The experiment's own KmsKey is for its instances' volumes, not the capture.
test_the_volume_key_does_not_count if testing.status(id, experiment(object.union(capture({}), {"KmsKey": key}))) == "fail"

test_not_applicable_without_capture if {
	testing.not_applicable(id, experiment({"KmsKey": key}))
	testing.not_applicable(id, experiment({"DataStorageConfig": null}))
}

test_not_evaluated_without_configuration if {
	r := json.patch(experiment({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the inference experiment's configuration is not in the inventory"]
}

test_a_configuration_of_one_key_is_evaluated if {
	r := json.patch(experiment({}), [{"op": "replace", "path": "/configuration", "value": capture({"KmsKey": key})}])
	testing.status(id, r) == "pass"
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(experiment(capture({})), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(experiment(capture({})), {"type": "AWS::SageMaker::EndpointConfig"}))
}

# Describe failed: the List summary lacks the setting, so the control is not evaluated, not "not applicable".
test_not_evaluated_not_out_of_scope_when_describe_failed if {
	r := object.union(experiment({}), {"collectionErrors": {"configuration": "sagemaker:Describe was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"] {
		r := experiment(capture({"KmsKey": k}))
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Inference experiment churn-shadow encrypts the requests and responses it captures with the AWS managed key %s (DataStorageConfig.KmsKey), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if testing.status(id, experiment(capture({"KmsKey": "alias/ml-data"}))) == "pass"
