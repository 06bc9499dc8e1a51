package cafscan.tests.bedrock_flow_cmk_encryption

import data.cafscan.testing

id := "CAFAI-DP-75"

flow_arn := "arn:aws:bedrock:us-east-1:111122223333:flow/FLOW12345A"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

flow(configuration) := {
	"type": "AWS::Bedrock::Flow", "id": "FLOW12345A", "arn": flow_arn,
	"name": "fraud-triage-flow", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union(
		{
			"id": "FLOW12345A", "arn": flow_arn, "name": "fraud-triage-flow", "version": "DRAFT", "status": "Prepared",
			"executionRoleArn": "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForFlows_triage",
			"definition": {"nodes": [{"name": "FlowInputNode", "type": "Input"}], "connections": []},
		},
		configuration,
	),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_without_key if {
	testing.status(id, flow({})) == "fail"
	testing.messages(id, flow({})) == ["Flow fraud-triage-flow is not encrypted with a customer managed KMS key (no customerEncryptionKeyArn)."]
}

test_fails_with_empty_or_odd_key if {
	testing.status(id, flow({"customerEncryptionKeyArn": ""})) == "fail"
	testing.status(id, flow({"customerEncryptionKeyArn": null})) == "fail"
	testing.status(id, flow({"customerEncryptionKeyArn": true})) == "fail"
}

test_passes_with_key if testing.status(id, flow({"customerEncryptionKeyArn": key})) == "pass"

test_not_evaluated_without_configuration if {
	r := object.union(object.remove(flow({}), ["configuration"]), {"configuration": {}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the resource's configuration is not in the inventory"]
}

test_not_evaluated_when_get_failed if {
	r := object.union(flow({}), {"collectionErrors": {"configuration": "bedrock:GetFlow was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(flow({}), {"type": "AWS::Bedrock::Prompt"}))
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"] {
		r := flow({"customerEncryptionKeyArn": k})
		testing.status(id, r) == "fail"
		testing.messages(id, r) == [sprintf("Flow fraud-triage-flow is encrypted with the AWS managed key %s (customerEncryptionKeyArn), not a customer managed KMS key.", [k])]
	}
}

test_passes_with_a_customer_alias if {
	testing.status(id, flow({"customerEncryptionKeyArn": "arn:aws:kms:us-east-1:111122223333:alias/ml-data"})) == "pass"
}
