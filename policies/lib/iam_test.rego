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

role(configuration) := {
	"type": "AWS::IAM::Role", "arn": "arn:aws:iam::111122223333:role/ml-exec", "accountId": "111122223333",
	"configuration": object.union({"roleName": "ml-exec", "attachedManagedPolicies": [], "rolePolicyList": []}, configuration),
}

customer_arn := "arn:aws:iam::111122223333:policy/ml-extra"

customer_policy(document) := {"arn": customer_arn, "configuration": {"policyVersionList": [{"versionId": "v1", "isDefaultVersion": true, "document": document}]}}

# Only decoded documents are documents: an inline policy or a default version kept as the
# URL-encoded string IAM returns is a gap, never an (empty) document that allows nothing.
test_policy_documents_are_the_decoded_ones if {
	r := role({
		"rolePolicyList": [
			{"policyName": "ok", "policyDocument": doc("s3:GetObject")},
			{"policyName": "raw", "policyDocument": "%7B%22Statement%22"},
		],
		"attachedManagedPolicies": [{"policyName": "ml-extra", "policyArn": customer_arn}],
	})
	ctx := {"resources": {customer_arn: customer_policy("%7B%22Statement%22")}}
	lib.iam_policy_documents == {{"source": "inline policy ok", "doc": doc("s3:GetObject")}} with input as {"resource": r} with data.inventory as ctx
	lib.iam_policy_gaps == {"the inline policy raw could not be decoded", "the default version of the attached policy arn:aws:iam::111122223333:policy/ml-extra is not in the inventory"} with input as {"resource": r} with data.inventory as ctx
	lib.iam_policy_documents == {
		{"source": "inline policy ok", "doc": doc("s3:GetObject")},
		{"source": "customer managed policy ml-extra", "doc": doc("iam:*")},
	} with input as {"resource": r} with data.inventory as {"resources": {customer_arn: customer_policy(doc("iam:*"))}}
}

# An inline policy without a usable name is still reported, as "(unnamed)".
test_unnamed_inline_policies_are_reported if {
	r := role({"rolePolicyList": [{"policyName": null, "policyDocument": "%7B"}, {"policyDocument": doc("*")}]})
	lib.iam_policy_gaps == {"the inline policy (unnamed) could not be decoded"} with input as {"resource": r}
	lib.iam_policy_documents == {{"source": "inline policy (unnamed)", "doc": doc("*")}} with input as {"resource": r}
}

# The role's own ARN comes from the resource, else from Config's configuration.arn, else it is a
# name only wildcards match; the partition is read from it ("aws" when it has none).
test_role_arn_and_partition if {
	lib.role_arn == "arn:aws:iam::111122223333:role/ml-exec" with input as {"resource": role({"arn": "arn:aws:iam::111122223333:role/other"})}
	china := object.union(role({"arn": "arn:aws-cn:iam::111122223333:role/ml-exec"}), {"arn": null})
	lib.role_arn == "arn:aws-cn:iam::111122223333:role/ml-exec" with input as {"resource": china}
	lib.iam_partition == "aws-cn" with input as {"resource": china}
	unknown := object.union(role({"arn": null}), {"arn": null})
	startswith(lib.role_arn, "arn:aws:iam::") with input as {"resource": unknown}
	lib.iam_partition == "aws" with input as {"resource": unknown}
}

# A string that is no ARN (a hand-written inventory) names no partition; a truncated ARN still does.
test_partition_of_strings_that_are_not_full_arns if {
	lib.iam_partition == "aws" with input as {"resource": object.union(role({}), {"arn": "role:ml-exec"})}
	lib.iam_partition == "aws" with input as {"resource": object.union(role({}), {"arn": "ml-exec"})}
	lib.iam_partition == "aws-us-gov" with input as {"resource": object.union(role({}), {"arn": "arn:aws-us-gov:iam"})}
}

# Without an account ID the account used to probe policies is one no real account pattern names.
test_account_without_an_account_id if {
	lib.iam_account == "111122223333" with input as {"resource": role({})}
	a := lib.iam_account with input as {"resource": object.union(role({}), {"accountId": null})}
	is_string(a)
	not regex.match(`^[0-9]{12}$`, a)
}

# lib.iam_aws_managed_policy decides as the pattern it spells out in string tests.
managed_policy_samples := [
	"arn:aws:iam::aws:policy/AdministratorAccess",
	"arn:aws-cn:iam::aws:policy/ReadOnlyAccess",
	"arn:aws-us-gov:iam::aws:policy/job-function/DataScientist",
	"arn:aws:iam::aws:policy/",
	"arn:aws:iam::111122223333:policy/iam::aws:policy/x",
	"arn:aws:iam::111122223333:policy/arn:aws:iam::aws:policy/x",
	"arn:aws1:iam::aws:policy/x",
	"arn:aws-CN:iam::aws:policy/x",
	"arn:awsx:iam::aws:policy/x",
	"arn:aws::iam::aws:policy/x",
	"arn:aw:iam::aws:policy/x",
	"xarn:aws:iam::aws:policy/x",
	"arn:aws:iam::aws:policyx/x",
	"arn:aws:iam:::iam::aws:policy/x",
	":iam::aws:policy/",
]

test_aws_managed_policy_is_the_pattern if {
	managed := {arn | some arn in managed_policy_samples; lib.iam_aws_managed_policy(arn)}
	managed == {arn | some arn in managed_policy_samples; regex.match(`^arn:aws[a-z-]*:iam::aws:policy/`, arn)}
	count(managed) == 5
}
