package cafscan.tests.bedrock_model_invocation_logging

import data.cafscan.testing

id := "CAFAI-SA-05"

bedrock_types := ["AWS::Bedrock::Agent", "AWS::Bedrock::CustomModel", "AWS::Bedrock::Guardrail", "AWS::Bedrock::KnowledgeBase"]

account(facts, collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed}, facts),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

logging(config) := account({"bedrockInvocationLogging": config}, bedrock_types, {})

off := logging({"enabled": false})

full := {
	"s3Config": {"bucketName": "bedrock-invocation-logs", "keyPrefix": "us-east-1/"},
	"cloudWatchConfig": {"logGroupName": "/bedrock/invocations", "roleArn": "arn:aws:iam::111122223333:role/bedrock-logging"},
	"textDataDeliveryEnabled": true, "imageDataDeliveryEnabled": false,
}

resource(type, name, region) := {
	"type": type, "id": name, "arn": sprintf("arn:aws:bedrock:%s:111122223333:%s", [region, name]),
	"name": name, "accountId": "111122223333", "region": region,
	"configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

agent(name) := resource("AWS::Bedrock::Agent", name, "us-east-1")

test_fails_when_off_in_a_region_with_bedrock_resources if {
	ctx := testing.context([agent("agent/A1"), agent("agent/A2"), resource("AWS::Bedrock::Guardrail", "guardrail/g1", "us-east-1")])
	testing.status(id, off) == "fail" with data.inventory as ctx
	testing.messages(id, off) == ["Bedrock model invocation logging is off in 111122223333 us-east-1, which has Bedrock resources (agents: 2, guardrails: 1)."] with data.inventory as ctx
}

test_fails_when_off_even_if_other_types_were_not_collected if {
	r := account({"bedrockInvocationLogging": {"enabled": false}}, ["AWS::Bedrock::Agent"], {"AWS::Bedrock::Guardrail": "AccessDenied"})
	testing.status(id, r) == "fail" with data.inventory as testing.context([agent("agent/A1")])
}

test_fails_without_text_delivery if {
	r := logging(object.union(full, {"textDataDeliveryEnabled": false}))
	testing.messages(id, r) == ["Bedrock model invocation logging in 111122223333 us-east-1 does not deliver text data (prompts and responses)."] with data.inventory as testing.context([])
	testing.status(id, logging(object.remove(full, ["textDataDeliveryEnabled"]))) == "fail" with data.inventory as testing.context([])
}

test_fails_without_destination if {
	r := logging({"textDataDeliveryEnabled": true, "s3Config": {"bucketName": ""}})
	testing.messages(id, r) == ["Bedrock model invocation logging in 111122223333 us-east-1 has no S3 bucket or CloudWatch Logs log group to deliver to."] with data.inventory as testing.context([])
}

test_passes_with_s3_and_cloudwatch if testing.status(id, logging(full)) == "pass" with data.inventory as testing.context([agent("agent/A1")])

test_passes_with_s3_only if {
	testing.status(id, logging(object.remove(full, ["cloudWatchConfig"]))) == "pass" with data.inventory as testing.context([])
}

test_passes_with_cloudwatch_only if {
	testing.status(id, logging(object.remove(full, ["s3Config"]))) == "pass" with data.inventory as testing.context([])
}

test_fails_when_off_in_a_region_without_bedrock_resources if {
	# On-demand InvokeModel calls leave no resource: an empty region is judged all the same.
	ctx := testing.context([resource("AWS::Bedrock::Agent", "agent/A1", "eu-west-1")])
	testing.status(id, off) == "fail" with data.inventory as ctx
	testing.messages(id, off) == ["Bedrock model invocation logging is off in 111122223333 us-east-1."] with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, agent("agent/A1")) with data.inventory as testing.context([])
}

test_fails_when_off_even_if_no_bedrock_type_was_collected if {
	r := account({"bedrockInvocationLogging": {"enabled": false}}, [], {"AWS::Bedrock::Guardrail": "bedrock:ListGuardrails was denied (AccessDeniedException)"})
	testing.status(id, r) == "fail" with data.inventory as testing.context([])
}

test_not_evaluated_when_the_read_failed_after_a_value if {
	r := account({"bedrockInvocationLogging": {"enabled": false}, "factErrors": {"bedrockInvocationLogging": "ThrottlingException"}}, bedrock_types, {})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
}

test_fails_when_text_delivery_absent_means_false if {
	r := logging({"s3Config": {"bucketName": "logs"}})
	testing.status(id, r) == "fail" with data.inventory as testing.context([])
}

test_not_evaluated_with_fact_error if {
	r := account({"factErrors": {"bedrockInvocationLogging": "bedrock:GetModelInvocationLoggingConfiguration was denied (AccessDeniedException)"}}, bedrock_types, {})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([agent("agent/A1")])
	testing.messages(id, r) == ["Bedrock model invocation logging could not be read: bedrock:GetModelInvocationLoggingConfiguration was denied (AccessDeniedException)"] with data.inventory as testing.context([agent("agent/A1")])
}

test_not_evaluated_without_fact if {
	r := account({}, [], {})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, r) == ["the Bedrock model invocation logging setting is not in the inventory"] with data.inventory as testing.context([])
}

# Every Bedrock resource type found in the region is named, sorted, with its count.
test_names_each_bedrock_resource_type_of_the_region if {
	ctx := testing.context([
		agent("agent/A1"),
		resource("AWS::Bedrock::KnowledgeBase", "knowledge-base/KB1", "us-east-1"),
		resource("AWS::Bedrock::KnowledgeBase", "knowledge-base/KB2", "us-east-1"),
		resource("AWS::Bedrock::Guardrail", "guardrail/g1", "us-east-1"),
		resource("AWS::Bedrock::CustomModel", "custom-model/m1", "us-east-1"),
	])
	testing.messages(id, off) == ["Bedrock model invocation logging is off in 111122223333 us-east-1, which has Bedrock resources (agents: 1, custom models: 1, guardrails: 1, knowledge bases: 2)."] with data.inventory as ctx
}

# Destinations recorded as null (or empty) are no destination.
test_fails_when_the_destinations_are_null if {
	r := logging({"textDataDeliveryEnabled": true, "s3Config": {"bucketName": null}, "cloudWatchConfig": {"logGroupName": null, "roleArn": null}})
	testing.messages(id, r) == ["Bedrock model invocation logging in 111122223333 us-east-1 has no S3 bucket or CloudWatch Logs log group to deliver to."] with data.inventory as testing.context([])
}
