package cafscan.tests.main

import data.cafscan.testing

notebook := {
	"type": "AWS::SageMaker::NotebookInstance", "id": "nb", "arn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/nb",
	"name": "nb", "accountId": "111122223333", "region": "us-east-1",
	# What ListNotebookInstances gives: no KmsKeyId, no SubnetId — absent because unread, not unset.
	"configuration": {"NotebookInstanceName": "nb", "NotebookInstanceStatus": "InService"},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
	"collectionErrors": {"configuration": "sagemaker:DescribeNotebookInstance was denied (AccessDeniedException)"},
}

test_unreadable_configuration_is_never_judged if {
	some id in ["CAFAI-DP-04", "CAFAI-IP-03", "CAFAI-IP-01"]
	testing.status(id, notebook) == "not_evaluated"
}

test_every_control_on_an_unreadable_resource_is_not_evaluated if {
	statuses := {f.status | some f in data.cafscan.main.findings with input as {"resource": notebook, "scan": testing.scan}}
	statuses == {"not_evaluated"}
}

# out_of_scope is not asked of an unreadable configuration: a single-container model is out of
# CAFAI-IP-51's scope when readable, but with its Describe failed that is only a guess.
test_unreadable_configuration_is_not_ruled_out_of_scope if {
	model := {
		"type": "AWS::SageMaker::Model", "id": "m", "arn": "arn:aws:sagemaker:us-east-1:111122223333:model/m",
		"name": "m", "accountId": "111122223333", "region": "us-east-1",
		"configuration": {"ModelName": "m", "PrimaryContainer": {"Image": "img"}},
		"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
		"collectionErrors": {"configuration": "sagemaker:DescribeModel was denied (AccessDeniedException)"},
	}
	testing.status("CAFAI-IP-51", model) == "not_evaluated"
	ids := {f.controlId | some f in data.cafscan.main.findings with input as {"resource": object.remove(model, ["collectionErrors"]), "scan": testing.scan}}
	not "CAFAI-IP-51" in ids
}

test_readable_configuration_is_judged if {
	testing.status("CAFAI-DP-04", object.remove(notebook, ["collectionErrors"])) == "fail"
}

# input.control: the engine's per-control re-evaluation after a runtime error gets exactly the
# finding of that control, as evaluating all of them would give it.
test_control_selects_one_finding if {
	all := {f | some f in data.cafscan.main.findings with input as {"resource": notebook, "scan": testing.scan}}
	count(all) > 1
	every expected in all {
		only := {f | some f in data.cafscan.main.findings with input as {"resource": notebook, "scan": testing.scan, "control": expected.controlId}}
		only == {expected}
	}
}

test_control_selects_nothing_for_another_type if {
	count({f | some f in data.cafscan.main.findings with input as {"resource": notebook, "scan": testing.scan, "control": "CAFAI-NO-99"}}) == 0
}

# A pass carries an empty message list (reporters read messages on every finding), and a fail
# carries the control's sentences.
test_pass_and_fail_findings_carry_their_messages if {
	readable := object.remove(notebook, ["collectionErrors"])
	encrypted := object.union(readable, {"configuration": {"NotebookInstanceName": "nb", "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/k"}})
	testing.status("CAFAI-DP-04", encrypted) == "pass"
	testing.messages("CAFAI-DP-04", encrypted) == []
	count(testing.messages("CAFAI-DP-04", readable)) == 1
}
