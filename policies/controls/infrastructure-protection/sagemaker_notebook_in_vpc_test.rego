package cafscan.tests.sagemaker_notebook_in_vpc

import data.cafscan.testing

id := "CAFAI-IP-03"

notebook(configuration) := {
	"type": "AWS::SageMaker::NotebookInstance", "id": "research",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/research",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_a_subnet if {
	r := notebook({"NotebookInstanceName": "research", "SubnetId": null, "SecurityGroupIds": []})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research is not attached to a subnet of a VPC."]
}

test_fails_when_the_subnet_key_is_absent if testing.status(id, notebook({"NotebookInstanceName": "research"})) == "fail"

test_fails_with_an_empty_subnet if testing.status(id, notebook({"NotebookInstanceName": "research", "SubnetId": ""})) == "fail"

test_passes_in_a_subnet if {
	testing.status(id, notebook({"NotebookInstanceName": "research", "SubnetId": "subnet-0abc", "SecurityGroupIds": ["sg-1"]})) == "pass"
}

test_not_evaluated_without_configuration if testing.status(id, notebook({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(notebook({"NotebookInstanceName": "research"}), {"type": "AWS::SageMaker::Domain"}))
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, notebook({})) == ["the notebook instance's configuration is not in the inventory"]
}
