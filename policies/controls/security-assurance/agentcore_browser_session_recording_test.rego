package cafscan.tests.agentcore_browser_session_recording

import data.cafscan.testing

id := "CAFAI-SA-60"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:browser-custom/claims_browser-a1B2c3D4e5"

browser(configuration) := {
	"type": "AWS::BedrockAgentCore::BrowserCustom", "id": "claims_browser-a1B2c3D4e5", "arn": arn,
	"name": "claims_browser", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{"browserArn": arn, "browserId": "claims_browser-a1B2c3D4e5", "name": "claims_browser", "status": "READY", "networkConfiguration": {"networkMode": "VPC"}},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

to_s3 := {"bucket": "agent-browser-recordings", "prefix": "claims/"}

test_fails_without_recording if {
	r := browser({})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Custom browser claims_browser does not record its sessions (recording is not enabled)."]
}

test_fails_when_recording_is_disabled if {
	testing.status(id, browser({"recording": {"enabled": false, "s3Location": to_s3}})) == "fail"
	testing.status(id, browser({"recording": {"s3Location": to_s3}})) == "fail"
	testing.status(id, browser({"recording": {"enabled": "true", "s3Location": to_s3}})) == "fail"
	testing.status(id, browser({"recording": null})) == "fail"
}

test_fails_when_enabled_without_a_bucket if {
	r := browser({"recording": {"enabled": true}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Custom browser claims_browser has recording enabled without an S3 bucket to record to."]
	testing.status(id, browser({"recording": {"enabled": true, "s3Location": {"bucket": " ", "prefix": "x/"}}})) == "fail"
	testing.status(id, browser({"recording": {"enabled": true, "s3Location": {"bucket": 3}}})) == "fail"
	testing.status(id, browser({"recording": {"enabled": true, "s3Location": "s3://agent-browser-recordings/"}})) == "fail"
}

test_passes_when_recording_to_s3 if testing.status(id, browser({"recording": {"enabled": true, "s3Location": to_s3}})) == "pass"

test_not_applicable_when_failed_or_deleted if {
	testing.not_applicable(id, browser({"status": "CREATE_FAILED"}))
	testing.not_applicable(id, browser({"status": "DELETING"}))
	testing.not_applicable(id, browser({"status": "DELETED"}))
}

test_applies_while_creating if testing.status(id, browser({"status": "CREATING"})) == "fail"

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(browser({}), {"type": "AWS::BedrockAgentCore::Runtime"}))

# ListBrowsers' summary says nothing about recording: unknown, never a failure.
test_not_evaluated_when_only_the_summary_is_known if {
	summary := object.union(object.remove(browser({}), ["configuration"]), {"configuration": {"browserId": "claims_browser-a1B2c3D4e5", "status": "READY"}})
	testing.status(id, summary) == "not_evaluated"
}

test_not_evaluated_when_get_browser_failed if {
	r := object.union(browser({}), {"collectionErrors": {"configuration": "bedrock-agentcore:GetBrowser was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}
