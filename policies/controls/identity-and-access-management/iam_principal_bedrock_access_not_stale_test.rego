package cafscan.tests.iam_principal_bedrock_access_not_stale

import data.cafscan.testing

id := "CAFAI-IAM-84"

# testing.scan is 2026-11-01T00:00:00Z; 90 days before it is 2026-08-03T00:00:00Z.
usage(namespace, last) := {"serviceNamespace": namespace, "serviceName": "x", "lastAuthenticated": last}

doc(action) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]}

role(created, usages, inline) := {
	"type": "AWS::IAM::Role", "id": "AROAEXAMPLE", "arn": "arn:aws:iam::111122223333:role/app",
	"name": "app", "accountId": "111122223333", "region": "global",
	"configuration": {"roleName": "app", "createDate": created, "attachedManagedPolicies": [], "rolePolicyList": [{"policyName": "p", "policyDocument": inline}]},
	"supplementaryConfiguration": {k: v | some k, v in {"ServiceLastAccessed": usages}; v != null},
	"tags": {}, "relationships": [],
}

user(usages, attached, group_list) := {
	"type": "AWS::IAM::User", "id": "AIDAEXAMPLE", "arn": "arn:aws:iam::111122223333:user/analyst",
	"name": "analyst", "accountId": "111122223333", "region": "global",
	"configuration": {"userName": "analyst", "createDate": "2025-01-01T00:00:00Z", "attachedManagedPolicies": attached, "userPolicyList": [], "groupList": group_list},
	"supplementaryConfiguration": {k: v | some k, v in {"ServiceLastAccessed": usages}; v != null},
	"tags": {}, "relationships": [],
}

group(name, inline) := {
	"type": "AWS::IAM::Group", "id": "AGPAEXAMPLE", "arn": concat("", ["arn:aws:iam::111122223333:group/", name]),
	"name": name, "accountId": "111122223333", "region": "global",
	"configuration": {"groupName": name, "attachedManagedPolicies": [], "groupPolicyList": [{"policyName": "g", "policyDocument": inline}]},
}

invoke := doc("bedrock:InvokeModel")

test_fails_when_last_used_more_than_90_days_ago if {
	r := role("2025-01-01T00:00:00Z", [usage("bedrock", "2026-08-01T23:59:59Z"), usage("s3", "2026-10-30T00:00:00Z")], invoke)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role app may use Amazon Bedrock but last used Amazon Bedrock on 2026-08-01T23:59:59Z, more than 90 days before the scan."]
	testing.messages(id, role("2025-01-01T00:00:00Z", [usage("bedrock", "2026-07-01T00:00:00Z")], invoke)) == ["Role app may use Amazon Bedrock but last used Amazon Bedrock on 2026-07-01T00:00:00Z, more than 90 days before the scan."]
}

test_fails_when_never_used_since_creation if {
	r := role("2026-05-01T00:00:00Z", [usage("bedrock", null)], invoke)
	testing.messages(id, r) == ["Role app may use Amazon Bedrock but has not used Amazon Bedrock since it was created on 2026-05-01T00:00:00Z, more than 90 days before the scan."]
	old := role("2024-01-01T00:00:00Z", [{"serviceNamespace": "bedrock"}], invoke)
	testing.messages(id, old) == ["Role app may use Amazon Bedrock but has not used Amazon Bedrock in the last 400 days (IAM's tracking period)."]

	# 400 days exactly is still "since it was created".
	edge := role("2025-09-27T00:00:00Z", [usage("bedrock", null)], invoke)
	testing.messages(id, edge) == ["Role app may use Amazon Bedrock but has not used Amazon Bedrock since it was created on 2025-09-27T00:00:00Z, more than 90 days before the scan."]
}

test_passes_when_used_recently if {
	testing.status(id, role("2025-01-01T00:00:00Z", [usage("bedrock", "2026-08-03T00:00:00Z")], invoke)) == "pass"
	testing.status(id, user([usage("bedrock", "2026-10-31T12:00:00.000Z")], [], [])) == "pass"
}

test_passes_when_new_and_not_yet_used if {
	testing.status(id, role("2026-08-03T00:00:00Z", [usage("bedrock", null)], invoke)) == "pass"
}

test_not_applicable_when_the_report_does_not_list_bedrock if {
	testing.not_applicable(id, role("2025-01-01T00:00:00Z", [usage("sagemaker", null)], invoke))
	testing.not_applicable(id, role("2025-01-01T00:00:00Z", [], invoke))
}

test_not_applicable_without_a_report_when_policies_grant_no_bedrock if {
	testing.not_applicable(id, role("2025-01-01T00:00:00Z", null, doc("s3:GetObject")))
	testing.not_applicable(id, user(null, [{"policyName": "AWSLambdaBasicExecutionRole", "policyArn": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}], []))
	testing.not_applicable(id, role("2025-01-01T00:00:00Z", null, {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "bedrock:*", "Resource": "*"}]}))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(role("2025-01-01T00:00:00Z", [usage("bedrock", null)], invoke), {"type": "AWS::IAM::Group"}))
}

test_not_evaluated_without_a_report_when_policies_may_grant_bedrock if {
	msg := "the principal's service last-accessed data is not in the inventory (a live scan reads it; AWS Config does not record it)"
	testing.messages(id, role("2025-01-01T00:00:00Z", null, invoke)) == [msg]
	testing.messages(id, role("2025-01-01T00:00:00Z", null, doc("*"))) == [msg]
	testing.messages(id, role("2025-01-01T00:00:00Z", null, {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]})) == [msg]
	testing.messages(id, user(null, [{"policyName": "AmazonBedrockReadOnly", "policyArn": "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"}], [])) == [msg]
	testing.messages(id, user(null, [{"policyName": "ReadOnlyAccess", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}], [])) == [msg]
	ctx := testing.context([group("ml", invoke)])
	testing.messages(id, user(null, [], ["ml"])) == [msg] with data.inventory as ctx
}

test_not_evaluated_without_a_report_when_policies_are_unknown if {
	testing.messages(id, user(null, [], ["ghosts"])) == ["the group ghosts is not in the inventory"]
	r := json.remove(role("2025-01-01T00:00:00Z", null, invoke), ["configuration/rolePolicyList"])
	testing.messages(id, r) == ["the inline policies are not in the inventory"]
}

test_not_evaluated_when_dates_cannot_be_read if {
	testing.messages(id, role("2025-01-01T00:00:00Z", [usage("bedrock", "last week")], invoke)) == ["the last use of bedrock could not be read: last week"]
	testing.messages(id, role(null, [usage("bedrock", null)], invoke)) == ["the principal's creation date is not in the inventory, so an unused permission cannot be told from a new one"]
	testing.status(id, json.remove(role(null, [usage("bedrock", null)], invoke), ["configuration/createDate"])) == "not_evaluated"
	testing.status(id, role(null, [usage("bedrock", "2026-10-01T00:00:00Z")], invoke)) == "pass"
}

test_not_evaluated_without_the_scan_time if {
	r := role("2025-01-01T00:00:00Z", [usage("bedrock", "2026-01-01T00:00:00Z")], invoke)
	testing.messages(id, r) == ["the scan time is unknown, so the last use cannot be compared with it"] with testing.scan as {}
}

test_ignores_malformed_report_entries if {
	testing.not_applicable(id, role("2025-01-01T00:00:00Z", ["bedrock", {"serviceNamespace": "Bedrock"}], invoke))
}

test_names_a_user_as_a_user if {
	r := user([usage("bedrock", "2026-01-05T00:00:00Z")], [], [])
	testing.messages(id, r) == ["User analyst may use Amazon Bedrock but last used Amazon Bedrock on 2026-01-05T00:00:00Z, more than 90 days before the scan."]
}

test_not_evaluated_with_the_reason_the_report_could_not_be_read if {
	denied := object.union(role("2025-01-01T00:00:00Z", null, invoke), {"collectionErrors": {"ServiceLastAccessed": "iam:GenerateServiceLastAccessedDetails was denied (AccessDenied)"}})
	testing.status(id, denied) == "not_evaluated"
	testing.messages(id, denied) == ["the principal's service last-accessed data could not be read: iam:GenerateServiceLastAccessedDetails was denied (AccessDenied)"]
}

# SecurityAudit is not named for Bedrock but grants its Get/List actions.
test_not_evaluated_without_a_report_when_security_audit_may_grant_bedrock if {
	r := user(null, [{"policyName": "SecurityAudit", "policyArn": "arn:aws:iam::aws:policy/SecurityAudit"}], [])
	testing.status(id, r) == "not_evaluated"
}
