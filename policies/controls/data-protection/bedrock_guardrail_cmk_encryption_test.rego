package cafscan.tests.bedrock_guardrail_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-71"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

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

test_fails_without_key if {
	testing.status(id, guardrail({})) == "fail"
	testing.messages(id, guardrail({})) == ["Guardrail claims-guardrail is not encrypted with a customer managed KMS key (no kmsKeyArn)."]
}

test_fails_with_empty_or_odd_key if {
	testing.status(id, guardrail({"kmsKeyArn": ""})) == "fail"
	testing.status(id, guardrail({"kmsKeyArn": null})) == "fail"
	testing.status(id, guardrail({"kmsKeyArn": ["x"]})) == "fail"
}

test_passes_with_key if testing.status(id, guardrail({"kmsKeyArn": key})) == "pass"

test_passes_on_a_published_version_with_key if {
	r := object.union(guardrail({"kmsKeyArn": key, "version": "2"}), {"id": "gr1abcd2efgh:2", "arn": "arn:aws:bedrock:us-east-1:111122223333:guardrail/gr1abcd2efgh:2"})
	testing.status(id, r) == "pass"
}

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(guardrail({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the resource's configuration is not in the inventory"]
}

test_not_evaluated_when_get_guardrail_failed if {
	r := object.union(guardrail({}), {"collectionErrors": {"configuration": "bedrock:GetGuardrail was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(guardrail({}), {"type": "AWS::Bedrock::Agent"}))
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"] {
		r := guardrail({"kmsKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Guardrail claims-guardrail is encrypted with the AWS managed key %s (kmsKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, guardrail({"kmsKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})) == "pass"
}
