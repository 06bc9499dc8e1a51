package cafscan.tests.ai_vpc_endpoints_configured

import data.cafscan.testing

id := "CAFAI-IP-10"

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

ai_types := [
	"AWS::SageMaker::NotebookInstance", "AWS::SageMaker::Model", "AWS::SageMaker::Endpoint", "AWS::SageMaker::TrainingJob", "AWS::SageMaker::Domain",
	"AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::CustomModel", "AWS::Bedrock::Guardrail",
]

collected := account(array.concat(["AWS::EC2::VPCEndpoint"], ai_types), {})

# Every AI type was listed, the endpoints were not.
not_collected := account(ai_types, {})

# ListAgents denied; everything else collected.
agents_denied := account([t | some t in collected.configuration.collectedTypes; t != "AWS::Bedrock::Agent"], {"AWS::Bedrock::Agent": "AccessDenied on bedrock:ListAgents"})

bedrock_unknown := "whether the region uses Amazon Bedrock is unknown: AWS::Bedrock::Agent could not be collected: AccessDenied on bedrock:ListAgents"

resource(type, name, account_id, region) := {
	"type": type, "id": name, "arn": sprintf("arn:aws:test:%s:%s:%s/%s", [region, account_id, type, name]),
	"name": name, "accountId": account_id, "region": region,
	"configuration": {}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

model := resource("AWS::SageMaker::Model", "classifier", "111122223333", "us-east-1")

agent := resource("AWS::Bedrock::Agent", "helpdesk", "111122223333", "us-east-1")

endpoint_in(service, state, account_id, region) := {
	"type": "AWS::EC2::VPCEndpoint", "id": sprintf("vpce-%s", [service]),
	"arn": sprintf("arn:aws:ec2:%s:%s:vpc-endpoint/vpce-%s", [region, account_id, service]),
	"name": sprintf("vpce-%s", [service]), "accountId": account_id, "region": region,
	"configuration": {
		"vpcEndpointId": sprintf("vpce-%s", [service]), "vpcEndpointType": "Interface", "vpcId": "vpc-1",
		"serviceName": sprintf("com.amazonaws.%s.%s", [region, service]), "state": state,
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

endpoint(service) := endpoint_in(service, "available", "111122223333", "us-east-1")

all_endpoints := [endpoint("sagemaker.api"), endpoint("sagemaker.runtime"), endpoint("bedrock-runtime")]

test_fails_naming_the_missing_sagemaker_endpoints if {
	ctx := testing.context([model])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["111122223333 us-east-1 uses SageMaker AI but has no available interface VPC endpoint for com.amazonaws.us-east-1.sagemaker.api, com.amazonaws.us-east-1.sagemaker.runtime."] with data.inventory as ctx
}

test_fails_when_only_bedrock_runtime_is_missing if {
	ctx := testing.context([model, agent, endpoint("sagemaker.api"), endpoint("sagemaker.runtime")])
	testing.messages(id, collected) == ["111122223333 us-east-1 uses SageMaker AI and Amazon Bedrock but has no available interface VPC endpoint for com.amazonaws.us-east-1.bedrock-runtime."] with data.inventory as ctx
}

test_fails_when_the_endpoint_is_not_available if {
	ctx := testing.context([agent, endpoint_in("bedrock-runtime", "pendingAcceptance", "111122223333", "us-east-1")])
	testing.messages(id, collected) == ["111122223333 us-east-1 uses Amazon Bedrock but has no available interface VPC endpoint for com.amazonaws.us-east-1.bedrock-runtime."] with data.inventory as ctx
}

test_fails_when_endpoints_are_in_other_regions_or_accounts if {
	ctx := testing.context([
		agent,
		endpoint_in("bedrock-runtime", "available", "111122223333", "eu-west-1"),
		endpoint_in("bedrock-runtime", "available", "444455556666", "us-east-1"),
	])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_passes_with_all_endpoints if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context(array.concat([model, agent], all_endpoints))
}

test_passes_with_only_the_endpoints_in_use if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([agent, endpoint("bedrock-runtime")])
}

test_passes_with_fips_and_china_service_names if {
	fips := json.patch(endpoint("bedrock-runtime"), [{"op": "replace", "path": "/configuration/serviceName", "value": "com.amazonaws.us-east-1.bedrock-runtime-fips"}])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([agent, fips])
	cn := json.patch(endpoint("bedrock-runtime"), [{"op": "replace", "path": "/configuration/serviceName", "value": "cn.com.amazonaws.us-east-1.bedrock-runtime"}])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([agent, cn])
}

test_passes_when_endpoints_were_found_though_not_fully_collected if {
	testing.status(id, not_collected) == "pass" with data.inventory as testing.context(array.concat([model], all_endpoints))
}

test_not_evaluated_when_endpoints_not_collected if {
	ctx := testing.context([model])
	testing.status(id, not_collected) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, not_collected) == ["VPC endpoints were not collected for this account and region"] with data.inventory as ctx
}

test_not_evaluated_gives_collection_failure if {
	r := account([], {"AWS::EC2::VPCEndpoint": "AccessDenied"})
	testing.messages(id, r) == ["VPC endpoints could not be collected for this account and region: AccessDenied"] with data.inventory as testing.context([agent])
}

test_not_evaluated_when_endpoint_state_unknown if {
	stateless := json.remove(endpoint("bedrock-runtime"), ["configuration/state"])
	ctx := testing.context([agent, stateless])
	testing.status(id, collected) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, collected) == ["the state of VPC endpoint vpce-bedrock-runtime for com.amazonaws.us-east-1.bedrock-runtime is not in the inventory"] with data.inventory as ctx
}

test_not_applicable_in_a_region_without_ai_resources if {
	ctx := testing.context([resource("AWS::SageMaker::Model", "elsewhere", "111122223333", "eu-west-1")])
	testing.not_applicable(id, collected) with data.inventory as ctx
	testing.not_applicable(id, not_collected) with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, endpoint("sagemaker.api")) with data.inventory as testing.context([model])
}

# Every SageMaker AI and Bedrock resource type brings the region in scope on its own.
test_each_ai_resource_type_requires_its_service_endpoints if {
	every type in ["AWS::SageMaker::NotebookInstance", "AWS::SageMaker::Model", "AWS::SageMaker::Endpoint", "AWS::SageMaker::TrainingJob", "AWS::SageMaker::Domain"] {
		ctx := testing.context([resource(type, "ai", "111122223333", "us-east-1")])
		testing.messages(id, collected) == ["111122223333 us-east-1 uses SageMaker AI but has no available interface VPC endpoint for com.amazonaws.us-east-1.sagemaker.api, com.amazonaws.us-east-1.sagemaker.runtime."] with data.inventory as ctx
	}
	every type in ["AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::CustomModel", "AWS::Bedrock::Guardrail"] {
		ctx := testing.context([resource(type, "ai", "111122223333", "us-east-1")])
		testing.messages(id, collected) == ["111122223333 us-east-1 uses Amazon Bedrock but has no available interface VPC endpoint for com.amazonaws.us-east-1.bedrock-runtime."] with data.inventory as ctx
	}
}

# An endpoint for another service whose state is unknown says nothing about the missing one.
test_unknown_state_of_an_unrelated_endpoint_does_not_hide_a_failure if {
	stateless := json.remove(endpoint("sagemaker.api"), ["configuration/state"])
	testing.status(id, collected) == "fail" with data.inventory as testing.context([agent, stateless])
}

test_not_evaluated_when_the_bedrock_listing_failed_and_nothing_was_found if {
	ctx := testing.context([])
	testing.status(id, agents_denied) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, agents_denied) == [bedrock_unknown] with data.inventory as ctx
}

# SageMaker brings the region in scope and its endpoints are there; Bedrock's is still open.
test_not_evaluated_when_sagemaker_is_covered_but_bedrock_is_unknown if {
	ctx := testing.context([model, endpoint("sagemaker.api"), endpoint("sagemaker.runtime")])
	testing.messages(id, agents_denied) == [bedrock_unknown] with data.inventory as ctx
}

test_a_known_gap_still_fails_when_a_listing_failed if {
	testing.status(id, agents_denied) == "fail" with data.inventory as testing.context([model])
}

test_passes_when_a_listing_failed_but_the_unsure_endpoint_is_there if {
	ctx := testing.context([model, endpoint("sagemaker.api"), endpoint("sagemaker.runtime"), endpoint("bedrock-runtime")])
	testing.status(id, agents_denied) == "pass" with data.inventory as ctx
}

test_not_evaluated_when_ai_types_were_not_collected if {
	r := account(["AWS::EC2::VPCEndpoint"], {})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, r) == [
		"whether the region uses Amazon Bedrock is unknown: AWS::Bedrock::Agent, AWS::Bedrock::CustomModel, AWS::Bedrock::Guardrail, AWS::Bedrock::KnowledgeBase were not collected",
		"whether the region uses SageMaker AI is unknown: AWS::SageMaker::Domain, AWS::SageMaker::Endpoint, AWS::SageMaker::Model, AWS::SageMaker::NotebookInstance, AWS::SageMaker::TrainingJob were not collected",
	] with data.inventory as testing.context([])
}
