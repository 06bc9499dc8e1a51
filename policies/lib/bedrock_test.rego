package cafscan.tests.lib_bedrock

import data.cafscan.lib.bedrock

agent(aliases) := {"resource": {
	"type": "AWS::Bedrock::Agent", "id": "AGENT12345", "name": "claims-agent",
	"accountId": "111122223333", "region": "us-east-1",
	"configuration": {"agentId": "AGENT12345"},
	"supplementaryConfiguration": {"AgentAliases": aliases},
}}

# A null or odd parent reads as absent (null), so a sparse configuration never leaves a rule
# silently undefined.
test_field_of_null_or_a_non_object_is_null if {
	bedrock.field(null, "bucketName") == null
	bedrock.field("s3://bucket", "bucketName") == null
	bedrock.field({"bucketName": "logs"}, "bucketName") == "logs"
}

test_known_with_a_sparse_configuration if {
	bedrock.known with input as {"resource": {"configuration": {"guardrailId": "gr1abcd2efgh"}}}
	not bedrock.known with input as {"resource": {"configuration": {}}}
}

test_misses_text_only_for_a_list_without_text if {
	bedrock.misses_text(["IMAGE"])
	not bedrock.misses_text(["TEXT", "IMAGE"])

	# Absent or null modalities are the API default: the filter covers text.
	not bedrock.misses_text(null)
}

test_name_of_falls_back_to_the_id if {
	bedrock.name_of({"name": "claims-agent", "id": "AGENT12345"}) == "claims-agent"
	bedrock.name_of({"name": "", "id": "AGENT12345"}) == "AGENT12345"
	bedrock.name_of({"name": null, "id": "AGENT12345"}) == "AGENT12345"
}

test_served_versions_name_aliases_by_name_then_id if {
	named := {"agentAliasId": "LIVE123456", "agentAliasName": "live", "routingConfiguration": [{"agentVersion": "3"}]}
	unnamed := {"agentAliasId": "PROD123456", "routingConfiguration": [{"agentVersion": "3"}]}
	anonymous := {"routingConfiguration": [{"agentVersion": "4"}]}
	served := bedrock.served_versions with input as agent([named, unnamed, anonymous])
	served == {"3": ["PROD123456", "live"], "4": ["?"]}
}
