package cafscan.tests.sagemaker_notebook_imdsv2

import data.cafscan.testing

id := "CAFAI-IP-31"

notebook(configuration) := {
	"type": "AWS::SageMaker::NotebookInstance", "id": "research",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/research",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"NotebookInstanceName": "research", "DirectInternetAccess": "Disabled"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

imds(version) := {"InstanceMetadataServiceConfiguration": {"MinimumInstanceMetadataServiceVersion": version}}

test_fails_when_imdsv1_is_accepted if {
	r := notebook(imds("1"))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research accepts IMDSv1: MinimumInstanceMetadataServiceVersion is 1, not 2."]
}

test_passes_when_imdsv2_is_required if testing.status(id, notebook(imds("2"))) == "pass"

test_numeric_version_is_read_as_text if {
	testing.status(id, notebook(imds(2))) == "pass"
	testing.status(id, notebook(imds(1))) == "fail"
}

# AWS's documented default for CreateNotebookInstance is IMDSv1.
test_fails_on_the_default_when_the_setting_is_absent if {
	r := notebook({})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research accepts IMDSv1: MinimumInstanceMetadataServiceVersion is not set, and AWS's default is 1."]
}

test_fails_on_the_default_when_null_or_empty if {
	testing.status(id, notebook({"InstanceMetadataServiceConfiguration": null})) == "fail"
	testing.status(id, notebook({"InstanceMetadataServiceConfiguration": {}})) == "fail"
	testing.status(id, notebook(imds(null))) == "fail"
}

test_not_evaluated_without_configuration if {
	r := json.patch(notebook({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the notebook instance's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(notebook(imds("1")), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(notebook(imds("1")), {"type": "AWS::SageMaker::EndpointConfig"}))
}
