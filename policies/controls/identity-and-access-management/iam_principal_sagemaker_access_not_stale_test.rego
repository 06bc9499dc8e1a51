package cafscan.tests.iam_principal_sagemaker_access_not_stale

import data.cafscan.testing

id := "CAFAI-IAM-85"

usage(namespace, last) := {"serviceNamespace": namespace, "serviceName": "x", "lastAuthenticated": last}

user(created, usages, attached) := {
	"type": "AWS::IAM::User", "id": "AIDAEXAMPLE", "arn": "arn:aws:iam::111122223333:user/priya",
	"name": "priya", "accountId": "111122223333", "region": "global",
	"configuration": {"userName": "priya", "createDate": created, "attachedManagedPolicies": attached, "userPolicyList": [], "groupList": []},
	"supplementaryConfiguration": {k: v | some k, v in {"ServiceLastAccessed": usages}; v != null},
	"tags": {}, "relationships": [],
}

full_access := [{"policyName": "AmazonSageMakerFullAccess", "policyArn": "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"}]

test_fails_when_sagemaker_is_stale if {
	r := user("2024-06-01T00:00:00Z", [usage("bedrock", "2026-10-30T00:00:00Z"), usage("sagemaker", "2026-03-01T00:00:00Z")], full_access)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["User priya may use Amazon SageMaker AI but last used Amazon SageMaker AI on 2026-03-01T00:00:00Z, more than 90 days before the scan."]
	testing.messages(id, user("2026-06-01T00:00:00Z", [usage("sagemaker", null)], full_access)) == ["User priya may use Amazon SageMaker AI but has not used Amazon SageMaker AI since it was created on 2026-06-01T00:00:00Z, more than 90 days before the scan."]
}

test_passes_when_sagemaker_was_used_recently if {
	testing.status(id, user("2024-06-01T00:00:00Z", [usage("sagemaker", "2026-10-01T00:00:00Z"), usage("bedrock", null)], full_access)) == "pass"
}

test_not_applicable_when_the_report_does_not_list_sagemaker if {
	testing.not_applicable(id, user("2024-06-01T00:00:00Z", [usage("bedrock", null)], full_access))
	testing.not_applicable(id, user("2024-06-01T00:00:00Z", null, []))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(user("2024-06-01T00:00:00Z", [usage("sagemaker", null)], []), {"type": "AWS::IAM::Policy"}))
}

test_not_evaluated_without_a_report if {
	testing.messages(id, user("2024-06-01T00:00:00Z", null, full_access)) == ["the principal's service last-accessed data is not in the inventory (a live scan reads it; AWS Config does not record it)"]
	testing.status(id, user("2024-06-01T00:00:00Z", null, [{"policyName": "PowerUserAccess", "policyArn": "arn:aws:iam::aws:policy/PowerUserAccess"}])) == "not_evaluated"
}

test_names_a_role_as_a_role if {
	r := json.patch(user("2024-06-01T00:00:00Z", [usage("sagemaker", null)], []), [
		{"op": "replace", "path": "/type", "value": "AWS::IAM::Role"},
		{"op": "replace", "path": "/name", "value": "pipeline"},
		{"op": "add", "path": "/configuration/rolePolicyList", "value": []},
	])
	testing.messages(id, r) == ["Role pipeline may use Amazon SageMaker AI but has not used Amazon SageMaker AI in the last 400 days (IAM's tracking period)."]
}

# job-function/DataScientist is not named for SageMaker but grants sagemaker:*.
test_not_evaluated_without_a_report_when_data_scientist_may_grant_sagemaker if {
	r := user("2025-01-01T00:00:00Z", null, [{"policyName": "DataScientist", "policyArn": "arn:aws:iam::aws:policy/job-function/DataScientist"}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the principal's service last-accessed data is not in the inventory (a live scan reads it; AWS Config does not record it)"]
}

test_not_evaluated_with_the_reason_the_report_could_not_be_read if {
	r := object.union(user("2025-01-01T00:00:00Z", null, full_access), {"collectionErrors": {"ServiceLastAccessed": "not requested: more than 100 principals may use Bedrock or SageMaker, and cafscan reads last-accessed data for the first 100 only"}})
	testing.messages(id, r) == ["the principal's service last-accessed data could not be read: not requested: more than 100 principals may use Bedrock or SageMaker, and cafscan reads last-accessed data for the first 100 only"]
}
