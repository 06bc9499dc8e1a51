package cafscan.tests.sagemaker_endpoint_config_multi_instance

import data.cafscan.testing

id := "CAFAI-IP-05"

endpoint_config(configuration) := {
	"type": "AWS::SageMaker::EndpointConfig", "id": "classifier-config",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/classifier-config",
	"name": "classifier-config", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

variant(name, instances) := {"VariantName": name, "ModelName": "classifier", "InstanceType": "ml.m5.large", "InitialInstanceCount": instances, "InitialVariantWeight": 1.0}

serverless_variant := {"VariantName": "Serverless", "ModelName": "classifier", "ServerlessConfig": {"MaxConcurrency": 5, "MemorySizeInMB": 2048}}

test_fails_with_a_single_instance_variant if {
	r := endpoint_config({"EndpointConfigName": "classifier-config", "ProductionVariants": [variant("AllTraffic", 1)]})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Endpoint configuration classifier-config runs production variant AllTraffic on 1 instance, so it has no redundancy."]
}

test_fails_when_one_of_several_variants_is_single if {
	r := endpoint_config({"ProductionVariants": [variant("A", 2), variant("B", 1), serverless_variant]})
	testing.status(id, r) == "fail"
	count(testing.messages(id, r)) == 1
}

test_passes_with_several_instances if {
	testing.status(id, endpoint_config({"ProductionVariants": [variant("A", 2), variant("B", 3)]})) == "pass"
}

test_serverless_variants_are_skipped if {
	testing.status(id, endpoint_config({"ProductionVariants": [variant("A", 2), serverless_variant]})) == "pass"
}

test_not_applicable_when_only_serverless if {
	testing.not_applicable(id, endpoint_config({"ProductionVariants": [serverless_variant]}))
}

test_not_evaluated_without_variants if {
	r := endpoint_config({"EndpointConfigName": "classifier-config"})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the endpoint configuration's production variants are not in the inventory"]
}

test_not_evaluated_without_instance_count if {
	r := endpoint_config({"ProductionVariants": [{"VariantName": "A", "InstanceType": "ml.m5.large"}]})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the initial instance count of production variant A is not in the inventory"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(endpoint_config({"ProductionVariants": [variant("A", 1)]}), {"type": "AWS::SageMaker::Model"}))
}

# AWS requires at least one variant: an empty or malformed list is unrecorded, not "serverless only".
test_not_evaluated_when_variants_are_empty_or_malformed if {
	every variants in [[], {"A": variant("A", 1)}] {
		testing.messages(id, endpoint_config({"ProductionVariants": variants})) == ["the endpoint configuration's production variants are not in the inventory"]
	}
}

test_names_an_unnamed_variant if {
	r := endpoint_config({"ProductionVariants": [{"InstanceType": "ml.m5.large"}]})
	testing.messages(id, r) == ["the initial instance count of production variant (unnamed) is not in the inventory"]
}
