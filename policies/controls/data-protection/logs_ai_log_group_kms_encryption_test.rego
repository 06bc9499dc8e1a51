package cafscan.tests.logs_ai_log_group_kms_encryption

import data.cafscan.testing

id := "CAFAI-DP-11"

name := "/aws/bedrock/model-invocations"

log_group(configuration) := {
	"type": "AWS::Logs::LogGroup", "id": name,
	"arn": sprintf("arn:aws:logs:us-east-1:111122223333:log-group:%s:*", [name]),
	"name": name, "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": null, "relationships": [],
}

# As the live collector writes it (logs.ts): every key present, null when unset.
collected(kms_key_id) := log_group({
	"LogGroupName": name, "KmsKeyId": kms_key_id, "RetentionInDays": null,
	"DataProtectionStatus": null, "LogGroupClass": "STANDARD",
})

key_arn := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

test_fails_without_a_key if {
	testing.status(id, collected(null)) == "fail"
	testing.messages(id, collected(null)) == ["Log group /aws/bedrock/model-invocations is not encrypted with a customer managed AWS KMS key (no KmsKeyId is associated)."]
}

test_fails_with_an_empty_key if testing.status(id, collected("")) == "fail"

# AWS Config leaves unset properties out of the item.
test_fails_when_config_leaves_the_key_out if {
	testing.status(id, log_group({"LogGroupName": name, "RetentionInDays": 30})) == "fail"
}

test_passes_with_a_key if testing.status(id, collected(key_arn)) == "pass"

test_passes_with_the_api_key_name if {
	testing.status(id, log_group({"logGroupName": name, "kmsKeyId": key_arn})) == "pass"
}

test_not_evaluated_without_configuration if {
	testing.status(id, log_group({})) == "not_evaluated"
	testing.messages(id, log_group({})) == ["the log group's configuration is not in the inventory"]
}

test_not_evaluated_when_the_configuration_could_not_be_read if {
	r := object.union(collected(null), {"collectionErrors": {"configuration": "logs:DescribeLogGroups AccessDenied"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(collected(null), {"type": "AWS::S3::Bucket"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, collected(null))

# An encryption check applies in whatever component the graph links the log group.
test_applies_in_every_component_the_log_group_is_linked if {
	every component in ["input", "model", "output"] {
		testing.linked_status(id, collected(null), [component]) == "fail"
		testing.linked_status(id, collected(key_arn), [component]) == "pass"
	}
	count(testing.findings_linked(id, collected(null), ["model", "output"], false)) == 1
}

test_fails_with_an_empty_key_in_the_api_shape if {
	testing.status(id, log_group({"logGroupName": name, "kmsKeyId": ""})) == "fail"
}

# KMS reserves alias/aws/ for AWS managed keys: naming one, by alias name or alias ARN, is no
# customer managed key. A customer's own alias still passes.
test_fails_with_an_aws_managed_key_alias if {
	every k in ["alias/aws/logs", "arn:aws:kms:us-east-1:111122223333:alias/aws/logs"] {
		testing.status(id, collected(k)) == "fail"
		testing.messages(id, collected(k)) == [sprintf("Log group /aws/bedrock/model-invocations is encrypted with the AWS managed key %s (KmsKeyId), not a customer managed AWS KMS key.", [k])]
	}
	testing.messages(id, log_group({"logGroupName": name, "kmsKeyId": "alias/aws/logs"})) == ["Log group /aws/bedrock/model-invocations is encrypted with the AWS managed key alias/aws/logs (kmsKeyId), not a customer managed AWS KMS key."]
}

test_passes_with_a_customer_alias if testing.status(id, collected("arn:aws:kms:us-east-1:111122223333:alias/ml-data")) == "pass"
