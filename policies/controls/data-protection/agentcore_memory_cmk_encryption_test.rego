package cafscan.tests.agentcore_memory_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-60"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:memory/claims_memory-Q1w2E3r4T5"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

memory(configuration) := {
	"type": "AWS::BedrockAgentCore::Memory", "id": "claims_memory-Q1w2E3r4T5", "arn": arn,
	"name": "claims_memory", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{"arn": arn, "id": "claims_memory-Q1w2E3r4T5", "name": "claims_memory", "status": "ACTIVE", "eventExpiryDuration": 30},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_a_key if {
	r := memory({})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Memory claims_memory is encrypted with an AWS owned key, not a customer managed KMS key."]
}

test_fails_with_an_empty_or_odd_key if {
	testing.status(id, memory({"encryptionKeyArn": ""})) == "fail"
	testing.status(id, memory({"encryptionKeyArn": "  "})) == "fail"
	testing.status(id, memory({"encryptionKeyArn": null})) == "fail"
	testing.status(id, memory({"encryptionKeyArn": 1})) == "fail"
}

test_passes_with_a_customer_managed_key if testing.status(id, memory({"encryptionKeyArn": key})) == "pass"

test_not_applicable_when_failed_or_deleting if {
	testing.not_applicable(id, memory({"status": "FAILED"}))
	testing.not_applicable(id, memory({"status": "DELETING"}))
}

test_applies_while_creating if testing.status(id, memory({"status": "CREATING"})) == "fail"

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(memory({}), {"type": "AWS::Bedrock::Agent"}))

# The List summary (arn, id, status) carries no encryptionKeyArn even when one is set; a
# summary standing in for a failed GetMemory comes with collectionErrors.configuration.
test_not_evaluated_when_get_memory_failed if {
	r := object.union(memory({}), {"collectionErrors": {"configuration": "bedrock-agentcore:GetMemory was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_in_another_shape if {
	r := object.union(object.remove(memory({}), ["configuration"]), {"configuration": {"MemoryArn": arn, "Name": "claims_memory"}})
	testing.status(id, r) == "not_evaluated"
}

test_names_what_is_not_recorded if {
	r := object.union(object.remove(memory({}), ["configuration"]), {"configuration": {"MemoryArn": arn}})
	testing.messages(id, r) == ["the resource's configuration (its Get call's output) is not in the inventory"]
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"] {
		r := memory({"encryptionKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Memory claims_memory is encrypted with the AWS managed key %s (encryptionKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, memory({"encryptionKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})) == "pass"
}
