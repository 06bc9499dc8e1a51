package cafscan.tests.lib_iam

import data.cafscan.lib

test_aws_managed_policy_arns if {
	lib.iam_aws_managed_policy("arn:aws:iam::aws:policy/AdministratorAccess")
	lib.iam_aws_managed_policy("arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsUseRole")
	lib.iam_aws_managed_policy("arn:aws-us-gov:iam::aws:policy/AmazonSageMakerFullAccess")
	not lib.iam_aws_managed_policy("arn:aws:iam::111122223333:policy/AdministratorAccess")
}

test_policy_name_is_the_last_segment if {
	lib.iam_policy_name("arn:aws:iam::aws:policy/AmazonBedrockFullAccess") == "AmazonBedrockFullAccess"
	lib.iam_policy_name("arn:aws:iam::111122223333:policy/team/ml/Train") == "Train"
}

doc(action) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]}

test_default_policy_document_picks_the_default_version if {
	policy := {"configuration": {"policyVersionList": [
		{"versionId": "v1", "isDefaultVersion": false, "document": doc("*")},
		{"versionId": "v2", "isDefaultVersion": true, "document": doc("s3:GetObject")},
	]}}
	lib.iam_default_policy_document(policy) == doc("s3:GetObject")
}

test_default_policy_document_undefined_without_versions if {
	not lib.iam_default_policy_document({"configuration": {}})
	not lib.iam_default_policy_document({"configuration": {"policyVersionList": [{"versionId": "v1", "isDefaultVersion": false, "document": doc("*")}]}})
}
