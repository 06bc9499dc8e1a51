package cafscan.tests.s3_bucket_tls_required

import data.cafscan.testing

id := "CAFAI-DP-03"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

with_policy(policy_text) := bucket({"BucketPolicy": {"policyText": policy_text}})

policy(statements) := {"Version": "2012-10-17", "Statement": statements}

deny_insecure(principal, action, operator, value) := {
	"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": principal, "Action": action,
	"Resource": ["arn:aws:s3:::training-data", "arn:aws:s3:::training-data/*"],
	"Condition": {operator: {"aws:SecureTransport": value}},
}

allow_read := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/train"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::training-data/*"}

test_passes_with_a_tls_deny_statement if {
	testing.status(id, with_policy(policy([allow_read, deny_insecure("*", "s3:*", "Bool", "false")]))) == "pass"
}

test_passes_with_variants_of_the_statement if {
	testing.status(id, with_policy(policy([deny_insecure({"AWS": "*"}, ["*"], "Bool", false)]))) == "pass"
	testing.status(id, with_policy(policy([deny_insecure({"AWS": ["*"]}, "s3:*", "BoolIfExists", ["false"])]))) == "pass"
	testing.status(id, with_policy(policy([deny_insecure("*", "S3:*", "Bool", "False")]))) == "pass"
}

test_fails_without_a_policy if {
	r := with_policy(null)
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket training-data has no bucket policy, so requests made without TLS are not denied."]
}

test_fails_with_a_policy_that_does_not_deny_insecure_transport if {
	r := with_policy(policy([allow_read]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Bucket training-data has a bucket policy that does not deny requests made without TLS."]
}

test_fails_when_the_deny_is_too_narrow if {
	testing.status(id, with_policy(policy([deny_insecure("*", "s3:GetObject", "Bool", "false")]))) == "fail"
	testing.status(id, with_policy(policy([deny_insecure({"AWS": "arn:aws:iam::111122223333:root"}, "s3:*", "Bool", "false")]))) == "fail"
	testing.status(id, with_policy(policy([deny_insecure("*", "s3:*", "Bool", "true")]))) == "fail"
	testing.status(id, with_policy(policy([object.union(deny_insecure("*", "s3:*", "Bool", "false"), {"Effect": "Allow"})]))) == "fail"
}

test_not_evaluated_without_the_bucket_policy if {
	r := bucket({})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the bucket policy is not in the inventory"]
}

test_not_evaluated_when_the_policy_was_not_decoded if {
	testing.status(id, with_policy("%7Bnot json")) == "not_evaluated"
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(with_policy(null), {"type": "AWS::S3::AccountPublicAccessBlock"}))
}

test_not_applicable_to_buckets_no_ai_workload_uses if testing.unlinked_not_applicable(id, bucket({}))

test_applies_only_where_linked_as_input if {
	testing.linked_status(id, bucket({}), ["input"]) == "not_evaluated"
	not testing.linked_status(id, bucket({}), ["model"])
}
