package cafscan.tests.ai_outputs_to_account_buckets

import data.cafscan.testing

id := "CAFAI-SG-95"

resource(type, name, configuration) := {
	"type": type, "id": name, "arn": concat("", ["arn:aws:sagemaker:us-east-1:111122223333:x/", name]),
	"name": name, "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

endpoint_config(configuration) := resource("AWS::SageMaker::EndpointConfig", "fraud-ec", configuration)

capture_to(uri) := endpoint_config({"EndpointConfigName": "fraud-ec", "DataCaptureConfig": {"EnableCapture": true, "DestinationS3Uri": uri}})

bucket(name, account_id, tags) := {
	"type": "AWS::S3::Bucket", "id": name, "arn": concat("", ["arn:aws:s3:::", name]),
	"name": name, "accountId": account_id, "region": "us-east-1",
	"configuration": {"name": name}, "supplementaryConfiguration": {}, "tags": tags, "relationships": [],
}

account(account_id, collected, configuration) := {
	"type": "AWS::::Account", "id": concat("", [account_id, "/us-east-1"]),
	"arn": concat("", ["arn:aws::us-east-1:", account_id, ":account"]),
	"name": concat("", [account_id, " us-east-1"]), "accountId": account_id, "region": "us-east-1",
	"configuration": object.union({"collectedTypes": collected, "failedTypes": {}}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

own_account := account("111122223333", ["AWS::S3::Bucket"], {})

own_bucket := bucket("fraud-capture", "111122223333", {})

partner_approved := bucket("partner-inbox", "444455556666", {"owner": "partner", "Output-Destination-Approved": "TRUE"})

partner_declined := bucket("partner-declined", "444455556666", {"output-destination-approved": "false"})

partner_unapproved := bucket("partner-scratch", "444455556666", {"owner": "partner"})

# Approved as a training data source is not approved as an output destination.
partner_source_only := bucket("partner-corpus", "444455556666", {"data-source-approved": "true"})

ctx := testing.context([own_account, own_bucket, partner_approved, partner_unapproved, partner_source_only, partner_declined])

# Every destination field of every type, all to another account's bucket: each type reads only
# its own.
everything := {
	"DataCaptureConfig": {"DestinationS3Uri": "s3://partner-scratch/a"},
	"AsyncInferenceConfig": {"OutputConfig": {"S3OutputPath": "s3://partner-scratch/b"}},
	"TransformOutput": {"S3OutputPath": "s3://partner-scratch/c"},
	"ProcessingOutputConfig": {"Outputs": [{"OutputName": "o", "S3Output": {"S3Uri": "s3://partner-scratch/d"}}]},
	"DataStorageConfig": {"Destination": "s3://partner-scratch/e"},
	"outputDataConfig": {"s3Uri": "s3://partner-scratch/f"},
	"bedrockInvocationLogging": {"s3Config": {"bucketName": "partner-scratch"}},
}

prefix := "x writes AI outputs to buckets outside account 111122223333 that are not tagged output-destination-approved=true: "

test_each_type_reads_only_its_own_destinations if {
	expected := {
		"AWS::SageMaker::EndpointConfig": "partner-scratch (asynchronous inference results (S3OutputPath)), partner-scratch (data capture (DataCaptureConfig DestinationS3Uri))",
		"AWS::SageMaker::TransformJob": "partner-scratch (batch inference results (TransformOutput S3OutputPath)), partner-scratch (captured batch inference data (DataCaptureConfig DestinationS3Uri))",
		"AWS::SageMaker::ProcessingJob": "partner-scratch (processing output o (S3Output S3Uri))",
		"AWS::SageMaker::InferenceExperiment": "partner-scratch (captured shadow-test data (DataStorageConfig Destination))",
		"AWS::Bedrock::ModelCustomizationJob": "partner-scratch (customization output (outputDataConfig s3Uri))",
	}
	every type, places in expected {
		testing.messages(id, resource(type, "x", everything)) == [concat("", [prefix, places, "."])] with data.inventory as ctx
	}
	acct := object.union(account("111122223333", ["AWS::S3::Bucket"], everything), {"name": "x"})
	testing.messages(id, acct) == [concat("", ["Account ", prefix, "partner-scratch (Bedrock model invocation logs (s3Config bucketName))."])] with data.inventory as ctx
}

test_fails_on_a_bucket_whose_approval_tag_is_not_true if {
	testing.status(id, capture_to("s3://partner-declined/")) == "fail" with data.inventory as ctx
}

test_passes_with_an_own_bucket_whose_tags_are_unknown if {
	c := testing.context([own_account, object.union(own_bucket, {"tags": null})])
	testing.status(id, capture_to("s3://fraud-capture/")) == "pass" with data.inventory as c
}

test_fails_with_a_foreign_bucket_even_when_own_buckets_were_not_collected if {
	r := capture_to("s3://partner-scratch/")
	c := testing.context([account("111122223333", [], {}), partner_unapproved])
	testing.status(id, r) == "fail" with data.inventory as c
}

# --- pass ---------------------------------------------------------------------------------------

test_passes_with_an_own_bucket if {
	testing.status(id, capture_to("s3://fraud-capture/capture/")) == "pass" with data.inventory as ctx
}

test_passes_with_an_approved_bucket_of_another_account if {
	testing.status(id, capture_to("s3://partner-inbox/")) == "pass" with data.inventory as ctx
}

test_passes_with_an_own_bucket_recorded_under_another_arn if {
	other_arn := object.union(own_bucket, {"arn": "arn:aws:s3:::fraud-capture-alias-record", "id": "fraud-capture"})
	c := testing.context([account("111122223333", [], {}), other_arn])
	testing.status(id, capture_to("S3://fraud-capture/x")) == "pass" with data.inventory as c
	testing.status(id, capture_to("S3://fraud-capture/x")) == "pass" with data.inventory as testing.context([own_account, other_arn])
}

# --- fail ---------------------------------------------------------------------------------------

test_fails_on_endpoint_capture_to_an_unapproved_bucket_of_another_account if {
	r := capture_to("s3://partner-scratch/capture")
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["fraud-ec writes AI outputs to buckets outside account 111122223333 that are not tagged output-destination-approved=true: partner-scratch (data capture (DataCaptureConfig DestinationS3Uri))."] with data.inventory as ctx
}

test_fails_on_a_bucket_approved_only_as_a_data_source if {
	testing.status(id, capture_to("s3://partner-corpus/")) == "fail" with data.inventory as ctx
}

test_fails_on_a_bucket_in_no_collected_account if {
	testing.status(id, capture_to("s3://somebody-elses-bucket/")) == "fail" with data.inventory as ctx
}

test_fails_on_async_inference_outputs_and_names_each if {
	r := endpoint_config({"AsyncInferenceConfig": {"OutputConfig": {"S3OutputPath": "s3://partner-scratch/ok", "S3FailurePath": "s3://elsewhere/failed"}}})
	testing.messages(id, r) == ["fraud-ec writes AI outputs to buckets outside account 111122223333 that are not tagged output-destination-approved=true: elsewhere (asynchronous inference failures (S3FailurePath)), partner-scratch (asynchronous inference results (S3OutputPath))."] with data.inventory as ctx
}

test_fails_on_transform_outputs if {
	r := resource("AWS::SageMaker::TransformJob", "batch-1", {"TransformOutput": {"S3OutputPath": "s3://fraud-capture/out"}, "DataCaptureConfig": {"DestinationS3Uri": "s3://partner-scratch/cap"}})
	testing.messages(id, r) == ["batch-1 writes AI outputs to buckets outside account 111122223333 that are not tagged output-destination-approved=true: partner-scratch (captured batch inference data (DataCaptureConfig DestinationS3Uri))."] with data.inventory as ctx
	ok := resource("AWS::SageMaker::TransformJob", "batch-2", {"TransformOutput": {"S3OutputPath": "s3://partner-scratch/out"}})
	testing.status(id, ok) == "fail" with data.inventory as ctx
}

test_fails_on_processing_outputs if {
	r := resource("AWS::SageMaker::ProcessingJob", "prep-1", {"ProcessingOutputConfig": {"Outputs": [
		{"OutputName": "train", "S3Output": {"S3Uri": "s3://fraud-capture/train"}},
		{"OutputName": "report", "S3Output": {"S3Uri": "s3://partner-scratch/report"}},
		{"OutputName": "features", "FeatureStoreOutput": {"FeatureGroupName": "f"}},
	]}})
	testing.messages(id, r) == ["prep-1 writes AI outputs to buckets outside account 111122223333 that are not tagged output-destination-approved=true: partner-scratch (processing output report (S3Output S3Uri))."] with data.inventory as ctx
}

test_fails_on_shadow_test_captures if {
	r := resource("AWS::SageMaker::InferenceExperiment", "shadow", {"DataStorageConfig": {"Destination": "s3://partner-scratch/shadow"}})
	testing.status(id, r) == "fail" with data.inventory as ctx
}

test_fails_on_customization_outputs if {
	r := resource("AWS::Bedrock::ModelCustomizationJob", "tune", {"outputDataConfig": {"s3Uri": "s3://partner-scratch/tune"}})
	testing.status(id, r) == "fail" with data.inventory as ctx
}

test_fails_on_invocation_logs_sent_to_another_account if {
	logging := {"bedrockInvocationLogging": {
		"s3Config": {"bucketName": "partner-scratch", "keyPrefix": "logs"},
		"cloudWatchConfig": {"logGroupName": "lg", "largeDataDeliveryS3Config": {"bucketName": "fraud-capture"}},
	}}
	r := account("111122223333", ["AWS::S3::Bucket"], logging)
	testing.messages(id, r) == ["Account 111122223333 us-east-1 writes AI outputs to buckets outside account 111122223333 that are not tagged output-destination-approved=true: partner-scratch (Bedrock model invocation logs (s3Config bucketName))."] with data.inventory as ctx
}

test_fails_on_large_payloads_sent_to_another_account if {
	logging := {"bedrockInvocationLogging": {"cloudWatchConfig": {"logGroupName": "lg", "largeDataDeliveryS3Config": {"bucketName": "partner-scratch"}}}}
	testing.messages(id, account("111122223333", ["AWS::S3::Bucket"], logging)) == ["Account 111122223333 us-east-1 writes AI outputs to buckets outside account 111122223333 that are not tagged output-destination-approved=true: partner-scratch (large Bedrock invocation payloads (largeDataDeliveryS3Config bucketName))."] with data.inventory as ctx
}

# --- not applicable -----------------------------------------------------------------------------

test_not_applicable_without_s3_destinations if {
	testing.not_applicable(id, endpoint_config({"EndpointConfigName": "fraud-ec", "ProductionVariants": []})) with data.inventory as ctx
	testing.not_applicable(id, endpoint_config({"DataCaptureConfig": {"DestinationS3Uri": ""}})) with data.inventory as ctx
	testing.not_applicable(id, resource("AWS::SageMaker::ProcessingJob", "p", {"ProcessingOutputConfig": {"Outputs": [{"FeatureStoreOutput": {}}]}})) with data.inventory as ctx
}

test_not_applicable_to_an_account_without_s3_invocation_logging if {
	testing.not_applicable(id, account("111122223333", [], {"bedrockInvocationLogging": {"enabled": false}})) with data.inventory as ctx
	testing.not_applicable(id, account("111122223333", [], {"bedrockInvocationLogging": {"cloudWatchConfig": {"logGroupName": "lg"}}})) with data.inventory as ctx
	testing.not_applicable(id, account("111122223333", [], {"bedrockInvocationLogging": {"s3Config": {"bucketName": ""}}})) with data.inventory as ctx
}

# --- not evaluated ------------------------------------------------------------------------------

test_not_evaluated_without_the_configuration if {
	r := endpoint_config({})
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == ["the workload's configuration is not in the inventory"] with data.inventory as ctx
}

test_not_evaluated_when_own_buckets_were_not_collected if {
	c := testing.context([account("111122223333", [], {}), own_bucket])
	r := capture_to("s3://unknown-bucket/")
	testing.messages(id, r) == ["S3 buckets were not collected completely for account 111122223333, so whether output bucket unknown-bucket belongs to it is unknown"] with data.inventory as c
}

test_not_evaluated_when_a_foreign_buckets_tags_are_unknown if {
	c := testing.context([own_account, object.union(partner_unapproved, {"tags": null})])
	r := capture_to("s3://partner-scratch/")
	testing.messages(id, r) == ["the tags of bucket partner-scratch (account 444455556666) are not in the inventory, so whether it is an approved output destination is unknown"] with data.inventory as c
}

test_not_evaluated_on_an_access_point_alias if {
	testing.messages(id, capture_to("s3://my-ap-abcdef-s3alias/x")) == ["output location my-ap-abcdef-s3alias is an S3 access point alias, whose bucket and owner are not in the inventory"] with data.inventory as ctx
	testing.messages(id, capture_to("s3://my-ap-abcdef-s3alias/x")) == ["output location my-ap-abcdef-s3alias is an S3 access point alias, whose bucket and owner are not in the inventory"] with data.inventory as testing.context([account("111122223333", [], {})])
	testing.status(id, capture_to("s3://my-olap--ol-s3/x")) == "not_evaluated" with data.inventory as ctx
}

test_not_evaluated_on_an_unreadable_uri if {
	testing.messages(id, capture_to("https://example.com/x")) == ["data capture (DataCaptureConfig DestinationS3Uri) https://example.com/x is not an s3:// URI whose bucket can be read"] with data.inventory as ctx
	testing.status(id, capture_to("s3:///x")) == "not_evaluated" with data.inventory as ctx
}

test_not_evaluated_on_a_processing_output_without_uri if {
	r := resource("AWS::SageMaker::ProcessingJob", "p", {"ProcessingOutputConfig": {"Outputs": [{"S3Output": {"LocalPath": "/opt"}}]}})
	testing.messages(id, r) == ["processing output 1 (S3Output S3Uri) null is not an s3:// URI whose bucket can be read"] with data.inventory as ctx
}

test_not_evaluated_when_invocation_logging_is_unknown if {
	r := account("111122223333", [], {"factErrors": {"bedrockInvocationLogging": "bedrock:GetModelInvocationLoggingConfiguration was denied"}})
	testing.messages(id, r) == ["Bedrock model invocation logging could not be read: bedrock:GetModelInvocationLoggingConfiguration was denied"] with data.inventory as ctx
	testing.messages(id, account("111122223333", [], {})) == ["the Bedrock model invocation logging setting is not in the inventory"] with data.inventory as ctx
}
