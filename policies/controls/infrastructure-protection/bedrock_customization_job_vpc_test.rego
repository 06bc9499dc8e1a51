package cafscan.tests.bedrock_customization_job_vpc

import data.cafscan.testing

id := "CAFAI-IP-72"

job_arn := "arn:aws:bedrock:us-east-1:111122223333:model-customization-job/amazon.titan-text-express-v1:0:8k/ab12cd34ef56"

job(configuration) := {
	"type": "AWS::Bedrock::ModelCustomizationJob", "id": job_arn, "arn": job_arn,
	"name": "fraud-ft-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"jobName": "fraud-ft-1", "jobArn": job_arn, "status": "Completed",
			"roleArn": "arn:aws:iam::111122223333:role/service-role/bedrock-customization",
			"baseModelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
			"customizationType": "FINE_TUNING",
			"trainingDataConfig": {"s3Uri": "s3://fraud-training/train.jsonl"},
			"outputDataConfig": {"s3Uri": "s3://fraud-training/output/"},
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

vpc(subnets) := {"vpcConfig": {"subnetIds": subnets, "securityGroupIds": ["sg-0a1b2c3d"]}}

test_fails_without_vpc if {
	testing.status(id, job({})) == "fail"
	testing.messages(id, job({})) == ["Model customization job fraud-ft-1 does not run in a VPC: it has no vpcConfig subnets."]
}

test_fails_with_empty_or_odd_subnets if {
	testing.status(id, job(vpc([]))) == "fail"
	testing.status(id, job(vpc([""]))) == "fail"
	testing.status(id, job(vpc([7]))) == "fail"
	testing.status(id, job(vpc("subnet-0a1b2c3d"))) == "fail"
	testing.status(id, job({"vpcConfig": null})) == "fail"
	testing.status(id, job({"vpcConfig": {"securityGroupIds": ["sg-0a1b2c3d"]}})) == "fail"
}

test_passes_in_vpc if testing.status(id, job(vpc(["subnet-0a1b2c3d", "subnet-1b2c3d4e"]))) == "pass"

test_passes_when_one_subnet_is_named if testing.status(id, job(vpc(["", "subnet-0a1b2c3d"]))) == "pass"

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(job({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the resource's configuration is not in the inventory"]
}

test_not_evaluated_when_get_failed if {
	r := object.union(job({}), {"collectionErrors": {"configuration": "bedrock:GetModelCustomizationJob was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job({}), {"type": "AWS::Bedrock::CustomModel"}))
}
