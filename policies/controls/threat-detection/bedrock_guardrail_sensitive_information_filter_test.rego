package cafscan.tests.bedrock_guardrail_sensitive_information_filter

import data.cafscan.testing

id := "CAFAI-TD-07"

guardrail(configuration) := {
	"type": "AWS::Bedrock::Guardrail", "id": "gr1abcd2efgh",
	"arn": "arn:aws:bedrock:us-east-1:111122223333:guardrail/gr1abcd2efgh",
	"name": "claims-guardrail", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"name": "claims-guardrail", "guardrailId": "gr1abcd2efgh", "version": "DRAFT", "status": "READY",
			"blockedInputMessaging": "Sorry.", "blockedOutputsMessaging": "Sorry.",
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

sensitive(pii, regexes) := {"sensitiveInformationPolicy": {"piiEntities": pii, "regexes": regexes}}

regex(action) := {"name": "claim-number", "pattern": "CLM-[0-9]{8}", "action": action}

test_fails_without_sensitive_information_policy if {
	r := guardrail({"contentPolicy": {"filters": [{"type": "HATE", "inputStrength": "HIGH", "outputStrength": "HIGH"}]}})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Guardrail claims-guardrail has no sensitive information filter (PII entity or regex)."]
}

test_fails_when_every_filter_only_detects_or_is_off_for_output if {
	r := guardrail(sensitive(
		[
			{"type": "EMAIL", "action": "NONE"},
			{"type": "PHONE", "action": "BLOCK", "outputAction": "NONE"},
			{"type": "NAME", "action": "ANONYMIZE", "outputEnabled": false},
		],
		[regex("NONE")],
	))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Guardrail claims-guardrail has sensitive information filters, but none blocks or masks sensitive data in model responses (output action NONE or output turned off)."]
}

test_passes_with_anonymized_pii if testing.status(id, guardrail(sensitive([{"type": "EMAIL", "action": "ANONYMIZE"}], []))) == "pass"

test_passes_with_pii_entities_and_no_regexes_key if {
	testing.status(id, guardrail({"sensitiveInformationPolicy": {"piiEntities": [{"type": "EMAIL", "action": "BLOCK"}]}})) == "pass"
}

test_passes_with_regexes_and_no_pii_key if {
	testing.status(id, guardrail({"sensitiveInformationPolicy": {"regexes": [regex("ANONYMIZE")]}})) == "pass"
}

test_passes_with_blocking_regex_only if testing.status(id, guardrail(sensitive([], [regex("BLOCK")]))) == "pass"

test_passes_when_output_action_blocks_although_input_only_detects if {
	r := guardrail(sensitive([{"type": "EMAIL", "action": "NONE", "inputAction": "NONE", "outputAction": "BLOCK", "outputEnabled": true}], []))
	testing.status(id, r) == "pass"
}

test_not_evaluated_without_action if {
	r := guardrail(sensitive([{"type": "EMAIL"}], []))
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the action of a sensitive information filter of the guardrail is not in the inventory"]
}

test_unknown_action_does_not_hide_a_protective_filter if {
	testing.status(id, guardrail(sensitive([{"type": "EMAIL"}, {"type": "PHONE", "action": "BLOCK"}], []))) == "pass"
}

test_not_evaluated_when_get_guardrail_failed if {
	r := object.union(guardrail({}), {"collectionErrors": {"configuration": "bedrock:GetGuardrail was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(guardrail({}), {"type": "AWS::Bedrock::Agent"}))
}

test_fails_with_a_single_detect_only_filter if {
	r := guardrail(sensitive([{"type": "EMAIL", "action": "NONE"}], []))
	testing.messages(id, r) == ["Guardrail claims-guardrail has sensitive information filters, but none blocks or masks sensitive data in model responses (output action NONE or output turned off)."]
}

# A null per-direction field (as a source that writes every key records an unset one) leaves the
# single action in force; a null action is unknown.
test_null_actions if {
	testing.status(id, guardrail(sensitive([{"type": "EMAIL", "action": "ANONYMIZE", "outputAction": null}], []))) == "pass"
	r := guardrail(sensitive([{"type": "EMAIL", "action": null}], []))
	testing.messages(id, r) == ["the action of a sensitive information filter of the guardrail is not in the inventory"]
}

# Entries that are not filter objects are not filters.
test_entries_that_are_not_objects_are_not_filters if {
	r := guardrail(sensitive(["EMAIL"], []))
	testing.messages(id, r) == ["Guardrail claims-guardrail has no sensitive information filter (PII entity or regex)."]
}
