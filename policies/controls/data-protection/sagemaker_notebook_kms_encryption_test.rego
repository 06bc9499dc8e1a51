package cafscan.tests.sagemaker_notebook_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-04"

notebook(configuration) := {
	"type": "AWS::SageMaker::NotebookInstance", "id": "research",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/research",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_a_key if {
	r := notebook({"NotebookInstanceName": "research", "KmsKeyId": null})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research does not encrypt its storage volume with a customer managed KMS key."]
}

test_fails_when_the_key_is_absent if testing.status(id, notebook({"NotebookInstanceName": "research"})) == "fail"

test_passes_with_a_key if {
	testing.status(id, notebook({"NotebookInstanceName": "research", "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})) == "pass"
}

test_not_evaluated_without_configuration if testing.status(id, notebook({})) == "not_evaluated"

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(notebook({"NotebookInstanceName": "research"}), {"type": "AWS::SageMaker::Model"}))
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, notebook({})) == ["the notebook instance's configuration is not in the inventory"]
}

test_fails_with_an_empty_key if testing.status(id, notebook({"NotebookInstanceName": "research", "KmsKeyId": ""})) == "fail"

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/sagemaker", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"] {
		r := notebook({"NotebookInstanceName": "research", "KmsKeyId": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Notebook instance research encrypts its storage volume with the AWS managed key %s (KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, notebook({"NotebookInstanceName": "research", "KmsKeyId": "alias/ml-data"})) == "pass"
}
