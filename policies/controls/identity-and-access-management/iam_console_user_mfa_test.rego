package cafscan.tests.iam_console_user_mfa

import data.cafscan.testing

id := "CAFAI-IAM-03"

user(supplementary) := {
	"type": "AWS::IAM::User", "id": "AIDAEXAMPLEDATASCI01",
	"arn": "arn:aws:iam::111122223333:user/data-scientist",
	"name": "data-scientist", "accountId": "111122223333", "region": "global",
	"configuration": {"userName": "data-scientist", "userId": "AIDAEXAMPLEDATASCI01", "arn": "arn:aws:iam::111122223333:user/data-scientist"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

# A credential report row as iam.ts records it (CSV cells as strings).
row(password_enabled, mfa_active) := {"CredentialReport": {
	"user": "data-scientist", "arn": "arn:aws:iam::111122223333:user/data-scientist",
	"password_enabled": password_enabled, "password_last_used": "2026-10-30T09:12:00+00:00",
	"mfa_active": mfa_active, "access_key_1_active": "false", "access_key_2_active": "false",
}}

test_fails_for_a_console_user_without_mfa if {
	r := user(row("true", "false"))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["IAM user data-scientist can sign in to the console with a password but has no MFA device."]
}

test_passes_for_a_console_user_with_mfa if testing.status(id, user(row("true", "true"))) == "pass"

test_passes_with_boolean_cells if testing.status(id, user(row(true, true))) == "pass"

test_not_applicable_without_a_console_password if testing.not_applicable(id, user(row("false", "false")))

test_not_evaluated_without_the_credential_report if {
	testing.status(id, user({})) == "not_evaluated"
	testing.messages(id, user({})) == ["the user's IAM credential report row is not in the inventory"]
}

test_not_evaluated_when_the_report_could_not_be_read if {
	r := object.union(user({}), {"collectionErrors": {"CredentialReport": "the IAM credential report could not be read"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_when_mfa_status_is_unknown if {
	r := user({"CredentialReport": {"user": "data-scientist", "password_enabled": "true"}})
	testing.messages(id, r) == ["whether the user has an MFA device is not in the credential report (mfa_active)"]
}

test_not_evaluated_when_password_status_is_unknown if {
	r := user({"CredentialReport": {"user": "data-scientist", "mfa_active": "false"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["whether the user has a console password is not in the credential report (password_enabled)"]
}

# Only "true"/"false" (or booleans) are answers: any other cell (the root row's
# "not_supported", an empty cell) is unknown, never a pass.
test_not_evaluated_on_cells_that_are_not_true_or_false if {
	testing.messages(id, user(row("true", ""))) == ["whether the user has an MFA device is not in the credential report (mfa_active)"]
	testing.messages(id, user(row("true", "N/A"))) == ["whether the user has an MFA device is not in the credential report (mfa_active)"]
	testing.messages(id, user(row("not_supported", "true"))) == ["whether the user has a console password is not in the credential report (password_enabled)"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(user(row("true", "false")), {"type": "AWS::IAM::Role"}))
}
