package cafscan.tests.sagemaker_domain_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-52"

domain(configuration) := {
	"type": "AWS::SageMaker::Domain", "id": "d-abc123def456",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123def456",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"DomainId": "d-abc123def456", "DomainName": "research", "AuthMode": "SSO"}

key := "arn:aws:kms:us-east-1:111122223333:key/0b5e1b4c-2f0a-4d1e-9c55-2a1d6b7e8f90"

# Absent: AWS's documented default, an AWS managed key.
test_fails_on_the_default if {
	r := domain(base)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Domain research does not encrypt its storage with a customer managed KMS key (KmsKeyId is not set, so SageMaker uses an AWS managed key)."]
}

test_fails_on_an_empty_null_or_non_string_key if {
	testing.status(id, domain(object.union(base, {"KmsKeyId": ""}))) == "fail"
	testing.status(id, domain(object.union(base, {"KmsKeyId": " "}))) == "fail"
	testing.status(id, domain(object.union(base, {"KmsKeyId": null}))) == "fail"
	testing.status(id, domain(object.union(base, {"KmsKeyId": 42}))) == "fail"
}

test_passes_with_a_key if testing.status(id, domain(object.union(base, {"KmsKeyId": key}))) == "pass"

test_not_evaluated_without_configuration if {
	r := domain({})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the domain's configuration is not in the inventory"]
}

test_not_evaluated_when_describe_failed if {
	r := object.union(domain({"DomainId": "d-abc123def456", "DomainName": "research"}), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(domain(base), {"type": "AWS::SageMaker::NotebookInstance"}))
}

# A configuration of one key is still a recorded one.
test_a_configuration_with_only_the_key_is_evaluated if testing.status(id, domain({"KmsKeyId": key})) == "pass"

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/sagemaker", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"] {
		r := domain(object.union(base, {"KmsKeyId": k}))
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Domain research encrypts its storage with the AWS managed key %s (KmsKeyId), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, domain(object.union(base, {"KmsKeyId": "alias/ml-data"}))) == "pass"
}
