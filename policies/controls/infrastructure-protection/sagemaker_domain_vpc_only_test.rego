package cafscan.tests.sagemaker_domain_vpc_only

import data.cafscan.testing

id := "CAFAI-IP-06"

domain(configuration) := {
	"type": "AWS::SageMaker::Domain", "id": "d-abc123def456",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123def456",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"DomainId": "d-abc123def456", "DomainName": "research", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"]}

test_fails_with_public_internet_only if {
	r := domain(object.union(base, {"AppNetworkAccessType": "PublicInternetOnly"}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Domain research is not in VPC-only mode (AppNetworkAccessType is PublicInternetOnly), so its apps reach the internet through a network SageMaker manages."]
}

test_fails_when_absent_as_the_default_is_public if testing.status(id, domain(base)) == "fail"

test_passes_with_vpc_only if testing.status(id, domain(object.union(base, {"AppNetworkAccessType": "VpcOnly"}))) == "pass"

test_not_evaluated_without_configuration if testing.status(id, domain({})) == "not_evaluated"

test_not_evaluated_when_describe_failed if {
	r := object.union(domain({"DomainId": "d-abc123def456", "DomainName": "research"}), {"collectionErrors": {"configuration": "AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(domain(base), {"type": "AWS::SageMaker::NotebookInstance"}))
}

test_null_is_the_public_default if {
	r := domain(object.union(base, {"AppNetworkAccessType": null}))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Domain research is not in VPC-only mode (AppNetworkAccessType is PublicInternetOnly), so its apps reach the internet through a network SageMaker manages."]
}

test_not_evaluated_without_configuration_says_so if {
	testing.messages(id, domain({})) == ["the domain's configuration is not in the inventory"]
}

test_judges_a_configuration_with_a_single_recorded_field if {
	testing.status(id, domain({"AppNetworkAccessType": "VpcOnly"})) == "pass"
}
