package cafscan.tests.bedrock_api_key_not_long_term

import data.cafscan.testing

id := "CAFAI-IAM-82"

# testing.scan is 2026-11-01T00:00:00Z.
key(fields) := {
	"type": "AWS::IAM::ServiceSpecificCredential", "id": "ACCAEXAMPLE1",
	"arn": "arn:aws:iam::111122223333:service-specific-credential/ACCAEXAMPLE1",
	"name": "BedrockAPIKey_analyst-at-111122223333", "accountId": "111122223333", "region": "global",
	"configuration": object.union(
		{
			"serviceSpecificCredentialId": "ACCAEXAMPLE1", "userName": "analyst",
			"serviceName": "bedrock.amazonaws.com", "status": "Active",
			"serviceCredentialAlias": "BedrockAPIKey_analyst-at-111122223333",
			"createDate": "2026-09-01T10:00:00Z", "expirationDate": null,
		},
		fields,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_when_an_active_key_never_expires if {
	r := key({})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bedrock API key BedrockAPIKey_analyst-at-111122223333 of user analyst is active and never expires."]
	testing.status(id, json.remove(r, ["configuration/expirationDate"])) == "fail"
}

test_fails_when_an_active_key_expires_after_the_scan if {
	r := key({"expirationDate": "2026-11-01T00:00:01Z"})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bedrock API key BedrockAPIKey_analyst-at-111122223333 of user analyst is an active long-term key, valid until 2026-11-01T00:00:01Z."]
}

test_passes_when_the_key_has_expired if {
	testing.status(id, key({"expirationDate": "2026-10-31T23:59:59Z"})) == "pass"
	testing.status(id, key({"expirationDate": "2026-11-01T00:00:00Z"})) == "pass"
	testing.status(id, key({"status": "Expired", "expirationDate": "2026-10-01T00:00:00Z"})) == "pass"
}

test_passes_when_the_key_is_inactive if {
	testing.status(id, key({"status": "Inactive"})) == "pass"
	testing.status(id, key({"status": "Inactive", "expirationDate": "not a date"})) == "pass"
}

test_not_applicable_to_credentials_of_other_services if {
	testing.not_applicable(id, key({"serviceName": "codecommit.amazonaws.com"}))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(key({}), {"type": "AWS::IAM::User"}))
}

test_service_name_case_does_not_matter if {
	testing.status(id, key({"serviceName": "Bedrock.AmazonAWS.com"})) == "fail"
}

test_not_evaluated_without_service_or_status if {
	r := json.remove(key({}), ["configuration/serviceName", "configuration/status"])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the credential's service name is not in the inventory", "the key's status is not in the inventory"]
	testing.status(id, key({"status": null})) == "not_evaluated"
	testing.status(id, key({"serviceName": 7})) == "not_evaluated"
}

test_not_evaluated_when_the_expiration_date_cannot_be_read if {
	r := key({"expirationDate": "next year"})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the key's expiration date could not be read: next year"]
	testing.messages(id, key({"expirationDate": 20261101})) == ["the key's expiration date could not be read: 20261101"]
}

test_not_evaluated_without_the_scan_time if {
	r := key({"expirationDate": "2030-01-01T00:00:00Z"})
	testing.status(id, r) == "not_evaluated" with testing.scan as {}
	testing.messages(id, r) == ["the scan time is unknown, so the key's expiration date cannot be compared with it"] with testing.scan as {}
	testing.status(id, key({})) == "fail" with testing.scan as {}
}

test_unknown_user_name if {
	testing.messages(id, json.remove(key({}), ["configuration/userName"])) == ["Bedrock API key BedrockAPIKey_analyst-at-111122223333 of user (unknown) is active and never expires."]
}

test_an_inactive_key_passes_whatever_its_expiration if {
	r := key({"status": "Inactive", "expirationDate": "2030-01-01T00:00:00Z"})
	testing.status(id, r) == "pass"
	testing.status(id, r) == "pass" with testing.scan as {}
}

test_a_non_string_user_name_is_unknown if {
	testing.messages(id, key({"userName": 7})) == ["Bedrock API key BedrockAPIKey_analyst-at-111122223333 of user (unknown) is active and never expires."]
}
