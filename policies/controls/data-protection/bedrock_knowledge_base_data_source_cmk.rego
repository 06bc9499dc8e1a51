# METADATA
# title: Bedrock knowledge base data sources are encrypted with a customer managed KMS key
# description: >-
#   Every data source of the knowledge base has a customer managed AWS KMS key
#   (serverSideEncryptionConfiguration.kmsKeyArn), which Amazon Bedrock uses to encrypt the
#   transient data it keeps while ingesting documents into the vector store. The data sources
#   are read with GetDataSource; when they could not all be read, the knowledge base is not
#   evaluated. A knowledge base without data sources (structured-data or Kendra types, or none
#   added yet) is not checked. Naming an AWS managed key by its alias (alias/aws/…) counts as no
#   customer managed key and fails.
# custom:
#   id: CAFAI-DP-10
#   capability: data-protection
#   component: input
#   severity: high
#   resource_types: ["AWS::Bedrock::KnowledgeBase"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for visibility and control over the data an AI application
#     uses and for that data to be secured at rest as well as in transit. Ingestion copies,
#     chunks and embeds the documents of a knowledge base before they reach the vector store;
#     encrypting that data with a customer managed key keeps it under a key policy the account
#     owns, records every use in CloudTrail and lets access be cut off by disabling the key.
#   remediation:
#     console: >-
#       Amazon Bedrock console > Knowledge Bases > the knowledge base > Data source > the data
#       source > Edit > Advanced settings > KMS key for transient data storage: choose
#       "Customize encryption settings" and a customer managed key (whose key policy allows the
#       knowledge base's service role), save, then sync the data source.
#     cli: >-
#       aws bedrock-agent update-data-source --knowledge-base-id KB_ID --data-source-id DS_ID
#       --name NAME --data-source-configuration file://data-source-configuration.json
#       --server-side-encryption-configuration kmsKeyArn=KEY_ARN
#       && aws bedrock-agent start-ingestion-job --knowledge-base-id KB_ID --data-source-id DS_ID
#     terraform: |-
#       resource "aws_bedrockagent_data_source" "this" {
#         name              = "playbooks"
#         knowledge_base_id = aws_bedrockagent_knowledge_base.this.id
#         data_source_configuration {
#           type = "S3"
#           s3_configuration {
#             bucket_arn = aws_s3_bucket.playbooks.arn
#           }
#         }
#         server_side_encryption_configuration {
#           kms_key_arn = aws_kms_key.knowledge_base.arn
#         }
#       }
#     cloudformation: |-
#       DataSource:
#         Type: AWS::Bedrock::DataSource
#         Properties:
#           Name: playbooks
#           KnowledgeBaseId: !Ref KnowledgeBase
#           DataSourceConfiguration:
#             Type: S3
#             S3Configuration:
#               BucketArn: !GetAtt PlaybooksBucket.Arn
#           ServerSideEncryptionConfiguration:
#             KmsKeyArn: !GetAtt KnowledgeBaseKey.Arn
#   references:
#     - id: Encryption of transient data storage during data ingestion (default an AWS owned key)
#       source: Amazon Bedrock User Guide
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-kb.html
package cafscan.controls.bedrock_knowledge_base_data_source_cmk

import data.cafscan.lib
import data.cafscan.lib.bedrock
import data.cafscan.lib.kms

data_sources := lib.supplementary.DataSources

listed if is_array(bedrock.field(lib.supplementary, "DataSources"))

# Why the list of data sources is incomplete (a failed ListDataSources or GetDataSource).
incomplete_reason := input.resource.collectionErrors.DataSources

incomplete if incomplete_reason

out_of_scope if {
	listed
	count(data_sources) == 0
	not incomplete
}

source_key(source) := bedrock.field(bedrock.field(source, "serverSideEncryptionConfiguration"), "kmsKeyArn")

encrypted(source) if {
	key := source_key(source)
	is_string(key)
	key != ""
}

source_name(source) := source.name if {
	is_string(source.name)
	source.name != ""
} else := source.dataSourceId if {
	is_string(source.dataSourceId)
} else := "(unnamed)"

missing contains "the knowledge base's data sources are not in the inventory" if {
	not listed
	not incomplete
}

# Defined exactly when the collector recorded why the list is incomplete.
missing contains concat("", ["the knowledge base's data sources could not all be read: ", lib.text(incomplete_reason)])

violations contains msg if {
	unencrypted := sort([source_name(s) | some s in data_sources; not encrypted(s)])
	count(unencrypted) > 0
	msg := concat("", [
		"Knowledge base ", lib.label, " has data sources not encrypted with a customer managed KMS key: ", concat(", ", unencrypted), ".",
	])
}

# A key named by its AWS managed alias is named, so the source is not in the list above.
violations contains msg if {
	aws_managed := sort([concat("", [source_name(s), " (", lib.text(source_key(s)), ")"]) |
		some s in data_sources
		kms.aws_managed_alias(source_key(s))
	])
	count(aws_managed) > 0
	msg := concat("", [
		"Knowledge base ", lib.label, " has data sources encrypted with an AWS managed key, not a customer managed KMS key: ", concat(", ", aws_managed), ".",
	])
}
