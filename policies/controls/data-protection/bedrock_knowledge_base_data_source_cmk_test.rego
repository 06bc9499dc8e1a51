package cafscan.tests.bedrock_knowledge_base_data_source_cmk

import data.cafscan.testing

id := "CAFAI-DP-10"

kb(supplementary) := {
	"type": "AWS::Bedrock::KnowledgeBase", "id": "KB12345678",
	"arn": "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB12345678",
	"name": "fraud-playbooks", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {
		"knowledgeBaseId": "KB12345678", "name": "fraud-playbooks", "status": "ACTIVE",
		"roleArn": "arn:aws:iam::111122223333:role/service-role/AmazonBedrockExecutionRoleForKnowledgeBase_fraud",
		"knowledgeBaseConfiguration": {"type": "VECTOR"},
	},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

source(name, encryption) := object.union(
	{
		"knowledgeBaseId": "KB12345678", "dataSourceId": upper(name), "name": name, "status": "AVAILABLE",
		"dataSourceConfiguration": {"type": "S3", "s3Configuration": {"bucketArn": "arn:aws:s3:::fraud-playbooks"}},
		"dataDeletionPolicy": "DELETE",
	},
	encryption,
)

cmk := {"serverSideEncryptionConfiguration": {"kmsKeyArn": key}}

sources(list) := {"DataSources": list}

test_fails_listing_unencrypted_data_sources if {
	r := kb(sources([source("playbooks", cmk), source("wiki", {}), source("claims", {"serverSideEncryptionConfiguration": {}})]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Knowledge base fraud-playbooks has data sources not encrypted with a customer managed KMS key: claims, wiki."]
}

test_passes_when_every_data_source_has_a_cmk if {
	testing.status(id, kb(sources([source("playbooks", cmk), source("wiki", cmk)]))) == "pass"
}

test_not_applicable_without_data_sources if testing.not_applicable(id, kb(sources([])))

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(kb(sources([source("wiki", {})])), {"type": "AWS::Bedrock::Agent"}))
}

test_not_evaluated_when_data_sources_absent if {
	testing.status(id, kb({})) == "not_evaluated"
	testing.messages(id, kb({})) == ["the knowledge base's data sources are not in the inventory"]
}

test_not_evaluated_when_data_sources_incomplete if {
	r := object.union(kb(sources([])), {"collectionErrors": {"DataSources": "bedrock:ListDataSources was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the knowledge base's data sources could not all be read: bedrock:ListDataSources was denied (AccessDeniedException)"]
}

test_not_evaluated_when_a_data_source_is_only_a_summary if {
	summary := {"knowledgeBaseId": "KB12345678", "dataSourceId": "WIKI", "name": "wiki", "status": "AVAILABLE"}
	r := object.union(
		kb(sources([source("playbooks", cmk), summary])),
		{"collectionErrors": {"DataSources": "bedrock:GetDataSource was denied (AccessDeniedException)"}},
	)
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_when_get_knowledge_base_failed if {
	r := object.union(kb(sources([source("wiki", {})])), {"collectionErrors": {"configuration": "bedrock:GetKnowledgeBase was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}

test_fails_naming_the_one_unencrypted_data_source if {
	r := kb(sources([source("playbooks", cmk), source("wiki", {})]))
	testing.messages(id, r) == ["Knowledge base fraud-playbooks has data sources not encrypted with a customer managed KMS key: wiki."]
}

test_fails_on_an_empty_key_arn if {
	r := kb(sources([source("wiki", {"serverSideEncryptionConfiguration": {"kmsKeyArn": ""}})]))
	testing.status(id, r) == "fail"
}

# A data source without a usable name is named by its id, and by a placeholder without either.
test_names_data_sources_without_a_name_by_id if {
	r := kb(sources([
		object.union(source("wiki", {}), {"name": null}),
		object.union(source("claims", {}), {"name": ""}),
		object.union(source("notes", {}), {"name": null, "dataSourceId": null}),
	]))
	testing.messages(id, r) == ["Knowledge base fraud-playbooks has data sources not encrypted with a customer managed KMS key: (unnamed), CLAIMS, WIKI."]
}

# DataSources recorded in an unexpected shape is not a list of zero sources.
test_not_evaluated_when_data_sources_are_not_a_list if {
	testing.messages(id, kb(sources({}))) == ["the knowledge base's data sources are not in the inventory"]
}

test_failed_listing_is_reported_alone if {
	r := object.union(kb({}), {"collectionErrors": {"DataSources": "bedrock:ListDataSources was denied (AccessDeniedException)"}})
	testing.messages(id, r) == ["the knowledge base's data sources could not all be read: bedrock:ListDataSources was denied (AccessDeniedException)"]
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
aws_managed(k) := {"serverSideEncryptionConfiguration": {"kmsKeyArn": k}}

test_fails_on_data_sources_with_an_aws_managed_key_alias if {
	arn := "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"
	r := kb(sources([source("playbooks", cmk), source("wiki", aws_managed("alias/aws/bedrock")), source("claims", aws_managed(arn))]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == [sprintf("Knowledge base fraud-playbooks has data sources encrypted with an AWS managed key, not a customer managed KMS key: claims (%s), wiki (alias/aws/bedrock).", [arn])]
}

test_lists_sources_without_a_key_and_with_an_aws_managed_key_apart if {
	r := kb(sources([source("wiki", aws_managed("alias/aws/bedrock")), source("claims", {})]))
	testing.messages(id, r) == [
		"Knowledge base fraud-playbooks has data sources encrypted with an AWS managed key, not a customer managed KMS key: wiki (alias/aws/bedrock).",
		"Knowledge base fraud-playbooks has data sources not encrypted with a customer managed KMS key: claims.",
	]
}

test_passes_with_a_customer_alias if {
	testing.status(id, kb(sources([source("wiki", aws_managed("arn:aws:kms:us-east-1:111122223333:alias/ml-data"))]))) == "pass"
}
