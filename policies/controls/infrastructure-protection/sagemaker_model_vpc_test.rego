package cafscan.tests.sagemaker_model_vpc

import data.cafscan.testing

id := "CAFAI-IP-11"

model(configuration) := {
	"type": "AWS::SageMaker::Model", "id": "classifier",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:model/classifier",
	"name": "classifier", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"ModelName": "classifier", "PrimaryContainer": {"Image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/clf:1"}}

test_fails_without_vpc_config if {
	r := model(base)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Model classifier does not run its containers in a VPC: it has no VpcConfig subnets."]
}

test_fails_with_empty_subnets if {
	testing.status(id, model(object.union(base, {"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": []}}))) == "fail"
}

test_passes_with_subnets if {
	testing.status(id, model(object.union(base, {"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["subnet-1"]}}))) == "pass"
}

test_not_evaluated_without_configuration if testing.status(id, model({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(model(base), {"type": "AWS::SageMaker::EndpointConfig"}))
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, model({})) == ["the model's configuration is not in the inventory"]
}

test_judges_a_configuration_with_a_single_recorded_field if {
	testing.status(id, model({"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["subnet-1"]}})) == "pass"
}

# A subnet list that holds no subnet id (empty strings, nulls in a Config snapshot) is no VPC.
test_fails_when_no_listed_subnet_is_an_id if {
	every subnets in [[""], [null]] {
		testing.status(id, model(object.union(base, {"VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": subnets}}))) == "fail"
	}
}
