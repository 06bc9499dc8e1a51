package cafscan.tests.securityhub_enabled

import data.cafscan.testing

id := "CAFAI-SA-92"

account(configuration) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"accountId": "111122223333", "region": "us-east-1", "collectedTypes": [], "failedTypes": {}}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

fsbp := "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0"

hub(standards) := account({"securityHub": {"enabled": true, "hubArn": "arn:aws:securityhub:us-east-1:111122223333:hub/default", "standards": standards}})

test_passes_with_a_ready_standard if {
	testing.status(id, hub([{"standardsArn": fsbp, "status": "READY"}])) == "pass"
}

test_passes_with_an_incomplete_standard if {
	testing.status(id, hub([{"standardsArn": "x", "status": "FAILED"}, {"standardsArn": fsbp, "status": "INCOMPLETE"}])) == "pass"
}

test_fails_when_not_enabled if {
	r := account({"securityHub": {"enabled": false}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["AWS Security Hub is not enabled in 111122223333 us-east-1."]
}

test_fails_without_a_running_standard if {
	r := hub([])
	testing.messages(id, r) == ["AWS Security Hub in 111122223333 us-east-1 runs no security standard (none is READY), so it evaluates none of the AI resources."]
	testing.status(id, hub([{"standardsArn": fsbp, "status": "PENDING"}, {"standardsArn": fsbp, "status": "DELETING"}, {"standardsArn": fsbp}])) == "fail"
}

test_not_evaluated_when_the_read_failed if {
	r := account({"factErrors": {"securityHub": "securityhub:DescribeHub was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["whether AWS Security Hub is enabled could not be read: securityhub:DescribeHub was denied (AccessDeniedException)"]
}

# A Config snapshot carries no Security Hub state.
test_not_evaluated_without_the_fact if {
	testing.messages(id, account({})) == ["whether AWS Security Hub is enabled is not in the inventory (configuration.securityHub)"]
	testing.messages(id, account({"securityHub": null})) == ["whether AWS Security Hub is enabled is not in the inventory (configuration.securityHub)"]
}

test_not_evaluated_when_state_or_standards_unknown if {
	testing.messages(id, account({"securityHub": {"enabled": "true"}})) == ["whether AWS Security Hub is enabled is not in the inventory"]
	testing.messages(id, account({"securityHub": {"enabled": true}})) == ["the security standards of the AWS Security Hub hub are not in the inventory"]
}

test_not_applicable_to_other_types if {
	bucket := {
		"type": "AWS::S3::Bucket", "id": "b", "arn": "arn:aws:s3:::b", "name": "b", "accountId": "111122223333",
		"region": "us-east-1", "configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
	}
	testing.not_applicable(id, bucket)
}
