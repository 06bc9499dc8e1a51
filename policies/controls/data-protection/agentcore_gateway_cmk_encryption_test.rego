package cafscan.tests.agentcore_gateway_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-61"

arn := "arn:aws:bedrock-agentcore:us-east-1:111122223333:gateway/claims-tools-x1y2z3"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

gateway(configuration) := {
	"type": "AWS::BedrockAgentCore::Gateway", "id": "claims-tools-x1y2z3", "arn": arn,
	"name": "claims-tools", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{"gatewayArn": arn, "gatewayId": "claims-tools-x1y2z3", "name": "claims-tools", "status": "READY", "authorizerType": "AWS_IAM"},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_a_key if {
	r := gateway({})
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Gateway claims-tools is encrypted with an AWS owned key, not a customer managed KMS key."]
}

test_fails_with_an_empty_or_odd_key if {
	testing.status(id, gateway({"kmsKeyArn": ""})) == "fail"
	testing.status(id, gateway({"kmsKeyArn": " "})) == "fail"
	testing.status(id, gateway({"kmsKeyArn": null})) == "fail"
	testing.status(id, gateway({"kmsKeyArn": true})) == "fail"
}

test_passes_with_a_customer_managed_key if testing.status(id, gateway({"kmsKeyArn": key})) == "pass"

test_not_applicable_when_failed_or_deleting if {
	testing.not_applicable(id, gateway({"status": "FAILED"}))
	testing.not_applicable(id, gateway({"status": "DELETING"}))
}

test_applies_while_updating if testing.status(id, gateway({"status": "UPDATING"})) == "fail"

test_not_applicable_to_other_types if testing.not_applicable(id, object.union(gateway({}), {"type": "AWS::BedrockAgentCore::Memory"}))

# The ListGateways summary carries no kmsKeyArn (nor gatewayArn): unknown, never a failure or pass.
test_not_evaluated_when_only_the_summary_is_known if {
	summary := object.union(object.remove(gateway({}), ["configuration"]), {"configuration": {"gatewayId": "claims-tools-x1y2z3", "name": "claims-tools", "status": "READY"}})
	testing.status(id, summary) == "not_evaluated"
}

test_not_evaluated_when_get_gateway_failed if {
	r := object.union(gateway({}), {"collectionErrors": {"configuration": "bedrock-agentcore:GetGateway was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"] {
		r := gateway({"kmsKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Gateway claims-tools is encrypted with the AWS managed key %s (kmsKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, gateway({"kmsKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})) == "pass"
}
