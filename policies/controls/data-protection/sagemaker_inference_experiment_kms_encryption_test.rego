package cafscan.tests.sagemaker_inference_experiment_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-53"

key := "arn:aws:kms:us-east-1:111122223333:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90"

variant(name, instance_type) := {
	"ModelName": concat("-", ["churn", name]), "VariantName": name,
	"InfrastructureConfig": {"InfrastructureType": "RealTimeInference", "RealTimeInferenceConfig": {"InstanceType": instance_type, "InstanceCount": 1}},
}

experiment(configuration) := {
	"type": "AWS::SageMaker::InferenceExperiment", "id": "churn-shadow",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:inference-experiment/churn-shadow",
	"name": "churn-shadow", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"Name": "churn-shadow", "Type": "ShadowMode"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

variants(list) := {"ModelVariants": list}

test_fails_without_a_key_on_ebs_instances if {
	r := experiment(variants([variant("prod", "ml.m5.xlarge"), variant("shadow", "ml.c5.2xlarge")]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Inference experiment churn-shadow does not encrypt the storage of its hosting instances with a customer managed KMS key (KmsKey is not set): variant prod, shadow."]
}

test_fails_on_an_empty_or_non_string_key if {
	testing.status(id, experiment(object.union(variants([variant("prod", "ml.m5.xlarge")]), {"KmsKey": " "}))) == "fail"
	testing.status(id, experiment(object.union(variants([variant("prod", "ml.m5.xlarge")]), {"KmsKey": null}))) == "fail"
	testing.status(id, experiment(object.union(variants([variant("prod", "ml.m5.xlarge")]), {"KmsKey": 4}))) == "fail"
}

test_passes_with_a_key if {
	testing.status(id, experiment(object.union(variants([variant("prod", "ml.m5.xlarge")]), {"KmsKey": key}))) == "pass"
}

# Local NVMe storage is encrypted by hardware and takes no volume key (see lib/sagemaker_instances).
test_passes_without_a_key_when_every_variant_has_local_storage if {
	testing.status(id, experiment(variants([variant("prod", "ml.g5.xlarge"), variant("shadow", "ml.m5d.large")]))) == "pass"
}

test_names_only_the_variants_that_take_a_key if {
	r := experiment(variants([variant("prod", "ml.g5.xlarge"), variant("shadow", "ml.m5.large")]))
	testing.messages(id, r) == ["Inference experiment churn-shadow does not encrypt the storage of its hosting instances with a customer managed KMS key (KmsKey is not set): variant shadow."]
}

test_not_evaluated_when_an_instance_type_is_unknown if {
	r := experiment(variants([variant("prod", "ml.m5.xlarge"), {"VariantName": "shadow", "ModelName": "x"}]))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["a model variant's instance type is not in the inventory, so whether its storage takes a KMS key is unknown"]
}

test_an_unknown_instance_type_does_not_matter_with_a_key if {
	testing.status(id, experiment(object.union(variants([{"VariantName": "shadow"}]), {"KmsKey": key}))) == "pass"
}

test_not_evaluated_without_variants if {
	r := experiment({})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the inference experiment's model variants are not in the inventory"]
	testing.status(id, experiment(variants([]))) == "not_evaluated"
}

test_not_evaluated_without_configuration if {
	r := json.patch(experiment({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the inference experiment's configuration is not in the inventory"]
}

test_a_configuration_of_one_key_is_evaluated if {
	r := json.patch(experiment({}), [{"op": "replace", "path": "/configuration", "value": variants([variant("prod", "ml.m5.xlarge")])}])
	testing.status(id, r) == "fail"
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(experiment(variants([variant("prod", "ml.m5.xlarge")])), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(experiment(variants([variant("prod", "ml.m5.xlarge")])), {"type": "AWS::SageMaker::EndpointConfig"}))
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/sagemaker", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"] {
		r := experiment(object.union(variants([variant("prod", "ml.m5.xlarge"), variant("shadow", "ml.g5.xlarge")]), {"KmsKey": k}))
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Inference experiment churn-shadow encrypts the storage of its hosting instances with the AWS managed key %s (KmsKey), not a customer managed KMS key: variant prod.", [k])]
	}
}

# As without a key: variants on local storage take none, and an unknown type leaves it unknown.
test_an_aws_managed_key_alias_counts_as_no_key if {
	testing.status(id, experiment(object.union(variants([variant("prod", "ml.g5.xlarge")]), {"KmsKey": "alias/aws/sagemaker"}))) == "pass"
	testing.status(id, experiment(object.union(variants([{"VariantName": "shadow"}]), {"KmsKey": "alias/aws/sagemaker"}))) == "not_evaluated"
}

test_passes_with_a_customer_alias if {
	testing.status(id, experiment(object.union(variants([variant("prod", "ml.m5.xlarge")]), {"KmsKey": "alias/ml-data"}))) == "pass"
}

# A variant without a VariantName still needs the key.
test_fails_on_an_unnamed_variant_without_a_key if {
	unnamed := object.remove(variant("prod", "ml.m5.xlarge"), ["VariantName"])
	r := experiment(variants([unnamed]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Inference experiment churn-shadow does not encrypt the storage of its hosting instances with a customer managed KMS key (KmsKey is not set): variant (unnamed variant)."]
	testing.status(id, experiment(variants([object.union(unnamed, {"VariantName": null})]))) == "fail"
}
