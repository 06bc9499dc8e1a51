package cafscan.tests.sagemaker_notebook_root_access_disabled

import data.cafscan.testing

id := "CAFAI-IP-02"

notebook(configuration) := {
	"type": "AWS::SageMaker::NotebookInstance", "id": "research",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/research",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"NotebookInstanceName": "research", "DirectInternetAccess": "Disabled"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_with_root_access if {
	r := notebook({"RootAccess": "Enabled"})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research gives its users root access."]
}

test_passes_when_disabled if testing.status(id, notebook({"RootAccess": "Disabled"})) == "pass"

# AWS's documented default is Enabled (CreateNotebookInstance); Config leaves defaults out.
test_fails_on_the_default_when_the_setting_is_absent if {
	r := notebook({})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research gives its users root access: RootAccess is not set, and AWS's default is Enabled."]
}

test_fails_on_the_default_when_null if testing.status(id, notebook({"RootAccess": null})) == "fail"

test_lowercase_disabled_passes if testing.status(id, notebook({"RootAccess": "disabled"})) == "pass"

test_not_evaluated_without_configuration if {
	r := json.patch(notebook({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the notebook instance's configuration is not in the inventory"]
}

test_not_evaluated_when_configuration_unreadable if {
	r := object.union(notebook({}), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(notebook({"RootAccess": "Enabled"}), {"type": "AWS::SageMaker::EndpointConfig"}))
}

test_judges_a_configuration_with_a_single_recorded_field if {
	r := json.patch(notebook({}), [{"op": "replace", "path": "/configuration", "value": {"RootAccess": "Disabled"}}])
	testing.status(id, r) == "pass"
}
