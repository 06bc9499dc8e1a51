package cafscan.tests.bedrock_agent_vpc_endpoints

import data.cafscan.testing

id := "CAFAI-IP-90"

account_failing(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

account(collected) := account_failing(collected, {})

bedrock_types := ["AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::CustomModel", "AWS::Bedrock::Guardrail"]

collected := account(array.concat(["AWS::EC2::VPCEndpoint"], bedrock_types))

not_collected := account(bedrock_types)

# ListAgents denied: the other Bedrock types and the endpoints were collected.
agents_denied := account_failing(
	["AWS::EC2::VPCEndpoint", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::CustomModel", "AWS::Bedrock::Guardrail"],
	{"AWS::Bedrock::Agent": "AccessDenied on bedrock:ListAgents"},
)

resource(type, name, account_id, region) := {
	"type": type, "id": name, "arn": sprintf("arn:aws:test:%s:%s:%s/%s", [region, account_id, type, name]),
	"name": name, "accountId": account_id, "region": region,
	"configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

agent := resource("AWS::Bedrock::Agent", "helpdesk", "111122223333", "us-east-1")

kb := resource("AWS::Bedrock::KnowledgeBase", "policies", "111122223333", "us-east-1")

guardrail := resource("AWS::Bedrock::Guardrail", "pii", "111122223333", "us-east-1")

custom_model := resource("AWS::Bedrock::CustomModel", "tuned", "111122223333", "us-east-1")

endpoint_in(service, state, account_id, region) := {
	"type": "AWS::EC2::VPCEndpoint", "id": sprintf("vpce-%s", [service]),
	"arn": sprintf("arn:aws:ec2:%s:%s:vpc-endpoint/vpce-%s", [region, account_id, service]),
	"name": sprintf("vpce-%s", [service]), "accountId": account_id, "region": region,
	"configuration": {"vpcEndpointId": sprintf("vpce-%s", [service]), "vpcEndpointType": "Interface", "vpcId": "vpc-1", "serviceName": sprintf("com.amazonaws.%s.%s", [region, service]), "state": state},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

endpoint(service) := endpoint_in(service, "available", "111122223333", "us-east-1")

all_endpoints := [endpoint("bedrock"), endpoint("bedrock-agent"), endpoint("bedrock-agent-runtime")]

test_passes_with_every_endpoint if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context(array.concat([agent, kb], all_endpoints))
}

test_passes_with_the_control_plane_endpoint_when_only_guardrails_are_used if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([guardrail, endpoint("bedrock")])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([custom_model, endpoint("bedrock")])
}

test_passes_with_fips_and_china_names if {
	fips := object.union(endpoint("bedrock"), {"configuration": {"serviceName": "com.amazonaws.us-east-1.bedrock-fips", "state": "Available"}})
	cn := object.union(endpoint("bedrock"), {"id": "vpce-cn", "arn": "arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/vpce-cn", "configuration": {"serviceName": "cn.com.amazonaws.us-east-1.bedrock", "state": "available"}})
	testing.status(id, collected) == "pass" with data.inventory as testing.context([guardrail, fips])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([guardrail, cn])
}

test_fails_naming_the_missing_agent_endpoints if {
	ctx := testing.context([kb, endpoint("bedrock"), endpoint("bedrock-runtime")])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["111122223333 us-east-1 uses Amazon Bedrock but has no available interface VPC endpoint for com.amazonaws.us-east-1.bedrock-agent, com.amazonaws.us-east-1.bedrock-agent-runtime."] with data.inventory as ctx
}

test_fails_without_the_control_plane_endpoint if {
	ctx := testing.context([guardrail])
	testing.messages(id, collected) == ["111122223333 us-east-1 uses Amazon Bedrock but has no available interface VPC endpoint for com.amazonaws.us-east-1.bedrock."] with data.inventory as ctx
}

test_fails_when_the_endpoint_is_not_available if {
	ctx := testing.context([agent, endpoint("bedrock"), endpoint("bedrock-agent"), endpoint_in("bedrock-agent-runtime", "pendingAcceptance", "111122223333", "us-east-1")])
	testing.messages(id, collected) == ["111122223333 us-east-1 uses Amazon Bedrock but has no available interface VPC endpoint for com.amazonaws.us-east-1.bedrock-agent-runtime."] with data.inventory as ctx
}

test_fails_when_endpoints_are_in_other_regions_or_accounts if {
	ctx := testing.context([
		agent,
		endpoint_in("bedrock", "available", "111122223333", "eu-west-1"),
		endpoint_in("bedrock-agent", "available", "444455556666", "us-east-1"),
		endpoint_in("bedrock-agent-runtime", "available", "111122223333", "eu-west-1"),
	])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_not_evaluated_when_endpoints_were_not_collected if {
	testing.status(id, not_collected) == "not_evaluated" with data.inventory as testing.context([agent])
	testing.status(id, not_collected) == "pass" with data.inventory as testing.context(array.concat([agent], all_endpoints))
}

test_not_evaluated_when_an_endpoint_state_is_unknown if {
	stateless := object.union(endpoint("bedrock-agent-runtime"), {"configuration": {"state": null}})
	ctx := testing.context([agent, endpoint("bedrock"), endpoint("bedrock-agent"), stateless])
	testing.messages(id, collected) == ["the state of VPC endpoint vpce-bedrock-agent-runtime for com.amazonaws.us-east-1.bedrock-agent-runtime is not in the inventory"] with data.inventory as ctx
}

test_not_applicable_without_bedrock_resources_here if {
	ctx := testing.context([resource("AWS::Bedrock::Agent", "elsewhere", "111122223333", "eu-west-1"), resource("AWS::SageMaker::Model", "m", "111122223333", "us-east-1")])
	testing.not_applicable(id, collected) with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, agent) with data.inventory as testing.context([agent])
}

agents_unknown := "whether the region has Bedrock agents or knowledge bases is unknown: AWS::Bedrock::Agent could not be collected: AccessDenied on bedrock:ListAgents"

test_not_evaluated_when_the_bedrock_listing_failed_and_nothing_was_found if {
	ctx := testing.context([])
	testing.status(id, agents_denied) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, agents_denied) == [
		agents_unknown,
		"whether the region uses Amazon Bedrock is unknown: AWS::Bedrock::Agent could not be collected: AccessDenied on bedrock:ListAgents",
	] with data.inventory as ctx
}

# A guardrail brings the region in scope for the control plane, but the agent endpoints stay open.
test_not_evaluated_when_only_the_agent_listing_failed if {
	ctx := testing.context([guardrail, endpoint("bedrock")])
	testing.messages(id, agents_denied) == [agents_unknown] with data.inventory as ctx
	testing.status(id, agents_denied) == "not_evaluated" with data.inventory as ctx
}

test_a_known_gap_still_fails_when_a_listing_failed if {
	ctx := testing.context([guardrail])
	testing.status(id, agents_denied) == "fail" with data.inventory as ctx
}

# Nothing could be missing: every endpoint the region might need is there.
test_not_applicable_when_a_listing_failed_but_every_endpoint_is_there if {
	testing.not_applicable(id, agents_denied) with data.inventory as testing.context(all_endpoints)
}

test_not_evaluated_when_bedrock_types_were_not_collected if {
	bare := account(["AWS::EC2::VPCEndpoint"])
	testing.status(id, bare) == "not_evaluated" with data.inventory as testing.context([])
}
