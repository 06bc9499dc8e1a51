package cafscan.tests.sagemaker_resource_owner_tag

import data.cafscan.testing

id := "CAFAI-SG-01"

resource(type, tags) := {
	"type": type, "id": "churn", "arn": sprintf("arn:aws:sagemaker:us-east-1:111122223333:%s/churn", [lower(type)]),
	"name": "churn", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {}, "supplementaryConfiguration": {}, "tags": tags, "relationships": [],
}

model(tags) := resource("AWS::SageMaker::Model", tags)

test_fails_without_tags if {
	testing.status(id, model({})) == "fail"
	testing.messages(id, model({})) == ["SageMaker model churn has no owner tag (owner, team, owning-team, technical-owner, business-owner) with a value."]
}

test_fails_with_unrelated_tags if testing.status(id, model({"project": "churn", "env": "prod"})) == "fail"

test_fails_with_empty_owner if testing.status(id, model({"owner": "  "})) == "fail"

test_fails_for_notebook_and_endpoint_config if {
	testing.messages(id, resource("AWS::SageMaker::NotebookInstance", {})) == ["Notebook instance churn has no owner tag (owner, team, owning-team, technical-owner, business-owner) with a value."]
	testing.status(id, resource("AWS::SageMaker::EndpointConfig", {"Name": "x"})) == "fail"
	testing.messages(id, resource("AWS::SageMaker::EndpointConfig", {"Name": "x"})) == ["Endpoint configuration churn has no owner tag (owner, team, owning-team, technical-owner, business-owner) with a value."]
}

test_passes_with_owner_in_any_case if {
	testing.status(id, model({"Owner": "ml-platform"})) == "pass"
	testing.status(id, model({"TEAM": "ml-platform"})) == "pass"
	testing.status(id, resource("AWS::SageMaker::NotebookInstance", {"technical-owner": "alice"})) == "pass"
	testing.status(id, resource("AWS::SageMaker::EndpointConfig", {"Business-Owner": "retention"})) == "pass"
	testing.status(id, model({"owning-team": "ml"})) == "pass"
}

# AWS tag keys are case-sensitive, so "Owner" and "owner" can both be set.
test_keys_equal_but_for_case_are_judged_not_an_error if {
	testing.status(id, model({"Owner": "alice", "owner": "bob"})) == "pass"
	testing.status(id, model({"Owner": "", "owner": "bob"})) == "pass"
	testing.status(id, model({"Owner": "alice", "owner": " "})) == "pass"
	testing.status(id, model({"Owner": "", "owner": " "})) == "fail"
}

test_not_evaluated_without_tag_map if {
	testing.status(id, json.remove(model({}), ["tags"])) == "not_evaluated"
	testing.messages(id, json.remove(model({}), ["tags"])) == ["the resource's tags are not in the inventory"]
}

test_not_applicable_to_other_types if testing.not_applicable(id, resource("AWS::SageMaker::Domain", {}))
