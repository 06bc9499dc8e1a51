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
	testing.messages(id, r) == ["Bucket training-data has a bucket policy that does not deny requests made without TLS to the bucket and all its objects for every principal."]
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

# A bucket the graph links only as an AI output (data capture, invocation logs) is checked too.
test_applies_wherever_the_graph_links_the_bucket if {
	testing.linked_status(id, bucket({}), ["input"]) == "not_evaluated"
	testing.linked_status(id, bucket({}), ["model"]) == "not_evaluated"
	testing.linked_status(id, with_policy(null), ["output"]) == "fail"
}

with_resource(resource) := object.union(deny_insecure("*", "s3:*", "Bool", "false"), {"Resource": resource})

test_fails_when_the_deny_covers_another_bucket if {
	testing.status(id, with_policy(policy([with_resource(["arn:aws:s3:::other-bucket", "arn:aws:s3:::other-bucket/*"])]))) == "fail"
}

test_fails_when_the_deny_covers_only_the_objects_or_only_the_bucket if {
	testing.status(id, with_policy(policy([with_resource("arn:aws:s3:::training-data/*")]))) == "fail"
	testing.status(id, with_policy(policy([with_resource("arn:aws:s3:::training-data")]))) == "fail"
	testing.status(id, with_policy(policy([with_resource(["arn:aws:s3:::training-data", "arn:aws:s3:::training-data/private/*"])]))) == "fail"
}

test_passes_when_the_deny_covers_everything if {
	testing.status(id, with_policy(policy([with_resource("*")]))) == "pass"
	testing.status(id, with_policy(policy([with_resource("arn:aws:s3:::training-data*")]))) == "pass"
}

# One statement for the bucket and one for its objects deny everything together.
test_passes_with_the_bucket_and_its_objects_in_separate_statements if {
	split_policy := policy([with_resource("arn:aws:s3:::training-data"), with_resource("arn:aws:s3:::training-data/*")])
	testing.status(id, with_policy(split_policy)) == "pass"
}

test_fails_when_the_deny_has_extra_conditions if {
	narrowed := object.union(deny_insecure("*", "s3:*", "Bool", "false"), {"Condition": {"StringEquals": {"aws:PrincipalAccount": "444455556666"}}})
	testing.status(id, with_policy(policy([narrowed]))) == "fail"
	not_principal := json.remove(object.union(deny_insecure("*", "s3:*", "Bool", "false"), {"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}), ["Principal"])
	testing.status(id, with_policy(policy([not_principal]))) == "fail"
}

# A plain-HTTP request has no TLS version: a NumericLessThan on s3:TlsVersion is false for it.
test_fails_with_only_a_tls_version_deny if {
	version := json.remove(object.union(deny_insecure("*", "s3:*", "Bool", "false"), {"Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}}), ["Condition/Bool"])
	testing.status(id, with_policy(policy([version]))) == "fail"
}

test_not_evaluated_with_the_reason_the_policy_could_not_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"BucketPolicy": "s3:GetBucketPolicy was denied (AccessDenied)"}})
	testing.messages(id, r) == ["the bucket policy could not be read: s3:GetBucketPolicy was denied (AccessDenied)"]
}

test_not_evaluated_when_the_policy_was_not_decoded_says_so if {
	testing.messages(id, with_policy("%7Bnot json")) == ["the bucket policy could not be decoded"]
}

# The policy must cover the bucket's own ARN, in its own partition.
test_uses_the_bucket_arn_of_its_partition if {
	cn_deny := object.union(deny_insecure("*", "s3:*", "Bool", "false"), {"Resource": ["arn:aws-cn:s3:::training-data", "arn:aws-cn:s3:::training-data/*"]})
	cn_bucket := object.union(with_policy(policy([cn_deny])), {"arn": "arn:aws-cn:s3:::training-data", "region": "cn-north-1"})
	testing.status(id, cn_bucket) == "pass"
	testing.status(id, object.union(cn_bucket, {"arn": "arn:aws:s3:::training-data"})) == "fail"
}

# Without a recorded ARN the bucket's ARN is built from its name (aws partition).
test_builds_the_bucket_arn_from_the_name_when_the_arn_is_not_recorded if {
	r := object.union(with_policy(policy([deny_insecure("*", "s3:*", "Bool", "false")])), {"arn": null})
	testing.status(id, r) == "pass"
}
