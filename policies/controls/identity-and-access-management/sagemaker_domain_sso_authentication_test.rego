package cafscan.tests.sagemaker_domain_sso_authentication

import data.cafscan.testing

id := "CAFAI-IAM-50"

domain(configuration) := {
	"type": "AWS::SageMaker::Domain", "id": "d-abc123def456",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123def456",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"DomainId": "d-abc123def456", "DomainName": "research"}

test_fails_in_iam_mode if {
	r := domain(object.union(base, {"AuthMode": "IAM"}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Domain research authenticates users with IAM mode, not IAM Identity Center (SSO): who opens which user profile is decided by IAM policies, not by the directory."]
}

test_passes_in_sso_mode if {
	testing.status(id, domain(object.union(base, {"AuthMode": "SSO"}))) == "pass"
	testing.status(id, domain(object.union(base, {"AuthMode": "sso"}))) == "pass"
}

# AuthMode is required by CreateDomain: absent is unknown, never a pass.
test_not_evaluated_when_the_mode_is_not_recorded if {
	r := domain(base)
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the domain's authentication mode (AuthMode) is not in the inventory"]
	testing.status(id, domain(object.union(base, {"AuthMode": null}))) == "not_evaluated"
}

test_not_evaluated_without_configuration if {
	r := domain({})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the domain's configuration is not in the inventory"]
}

test_not_evaluated_when_describe_failed if {
	r := object.union(domain(object.union(base, {"AuthMode": "IAM"})), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(domain(object.union(base, {"AuthMode": "IAM"})), {"type": "AWS::SageMaker::NotebookInstance"}))
}

# A configuration of one key is still a recorded one.
test_a_configuration_with_only_the_mode_is_evaluated if testing.status(id, domain({"AuthMode": "SSO"})) == "pass"

test_a_mode_that_is_not_text_is_not_evaluated if testing.status(id, domain(object.union(base, {"AuthMode": 1}))) == "not_evaluated"
