package cafscan.tests.bedrock_prompt_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-74"

prompt_arn := "arn:aws:bedrock:us-east-1:111122223333:prompt/PRMT12345A"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

prompt(configuration) := {
	"type": "AWS::Bedrock::Prompt", "id": "PRMT12345A", "arn": prompt_arn,
	"name": "fraud-case-summary", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"id": "PRMT12345A", "arn": prompt_arn, "name": "fraud-case-summary", "version": "DRAFT",
			"defaultVariant": "v1",
			"variants": [{"name": "v1", "templateType": "TEXT", "templateConfiguration": {"text": {"text": "Summarise case {{case}}."}}}],
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_key if {
	testing.status(id, prompt({})) == "fail"
	testing.messages(id, prompt({})) == ["Prompt fraud-case-summary is not encrypted with a customer managed KMS key (no customerEncryptionKeyArn)."]
}

test_fails_with_empty_or_odd_key if {
	testing.status(id, prompt({"customerEncryptionKeyArn": ""})) == "fail"
	testing.status(id, prompt({"customerEncryptionKeyArn": null})) == "fail"
	testing.status(id, prompt({"customerEncryptionKeyArn": true})) == "fail"
}

test_passes_with_key if testing.status(id, prompt({"customerEncryptionKeyArn": key})) == "pass"

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(prompt({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the resource's configuration is not in the inventory"]
}

test_not_evaluated_when_get_failed if {
	r := object.union(prompt({}), {"collectionErrors": {"configuration": "bedrock:GetPrompt was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(prompt({}), {"type": "AWS::Bedrock::Flow"}))
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"] {
		r := prompt({"customerEncryptionKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Prompt fraud-case-summary is encrypted with the AWS managed key %s (customerEncryptionKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, prompt({"customerEncryptionKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})) == "pass"
}
