package cafscan.tests.access_analyzer_enabled

import data.cafscan.testing

id := "CAFAI-IAM-90"

account(configuration) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"accountId": "111122223333", "region": "us-east-1", "collectedTypes": [], "failedTypes": {}}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

analyzer(name, type, status) := {"name": name, "arn": concat("", ["arn:aws:access-analyzer:us-east-1:111122223333:analyzer/", name]), "type": type, "status": status}

with_analyzers(list) := account({"accessAnalyzer": {"analyzers": list}})

test_passes_with_an_active_account_analyzer if {
	testing.status(id, with_analyzers([analyzer("external", "ACCOUNT", "ACTIVE")])) == "pass"
}

test_passes_with_an_active_organization_analyzer if {
	testing.status(id, with_analyzers([analyzer("unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE"), analyzer("org", "ORGANIZATION", "ACTIVE")])) == "pass"
}

test_fails_without_analyzers if {
	r := with_analyzers([])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["IAM Access Analyzer has no analyzer in 111122223333 us-east-1."]
}

test_fails_with_only_unused_or_inactive_analyzers if {
	r := with_analyzers([analyzer("unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE"), analyzer("external", "ACCOUNT", "DISABLED")])
	testing.messages(id, r) == ["IAM Access Analyzer has no active external access analyzer in 111122223333 us-east-1 (found: external (ACCOUNT, DISABLED), unused (ACCOUNT_UNUSED_ACCESS, ACTIVE))."]
	testing.status(id, with_analyzers([analyzer("creating", "ORGANIZATION", "CREATING"), analyzer("internal", "ACCOUNT_INTERNAL_ACCESS", "ACTIVE")])) == "fail"
	testing.messages(id, with_analyzers([{}])) == ["IAM Access Analyzer has no active external access analyzer in 111122223333 us-east-1 (found: unnamed (unknown type, unknown status))."]
}

test_ignores_malformed_entries if {
	testing.status(id, with_analyzers(["x", analyzer("external", "ACCOUNT", "ACTIVE")])) == "pass"
	testing.messages(id, with_analyzers(["x"])) == ["IAM Access Analyzer has no analyzer in 111122223333 us-east-1."]
}

test_not_evaluated_when_the_read_failed if {
	r := account({"factErrors": {"accessAnalyzer": "access-analyzer:ListAnalyzers was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the list of IAM Access Analyzer analyzers could not be read: access-analyzer:ListAnalyzers was denied (AccessDeniedException)"]
}

# A Config snapshot carries no analyzers.
test_not_evaluated_without_the_fact if {
	testing.messages(id, account({})) == ["the list of IAM Access Analyzer analyzers is not in the inventory (configuration.accessAnalyzer)"]
	testing.messages(id, account({"accessAnalyzer": {}})) == ["the list of IAM Access Analyzer analyzers is not in the inventory (configuration.accessAnalyzer)"]
}

test_not_applicable_to_other_types if {
	bucket := {
		"type": "AWS::S3::Bucket", "id": "b", "arn": "arn:aws:s3:::b", "name": "b", "accountId": "111122223333",
		"region": "us-east-1", "configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
	}
	testing.not_applicable(id, bucket)
}
