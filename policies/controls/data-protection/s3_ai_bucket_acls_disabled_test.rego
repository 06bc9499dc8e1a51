package cafscan.tests.s3_ai_bucket_acls_disabled

import data.cafscan.testing

id := "CAFAI-DP-22"

bucket(supplementary) := {
	"type": "AWS::S3::Bucket", "id": "training-data", "arn": "arn:aws:s3:::training-data",
	"name": "training-data", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"name": "training-data"},
	"supplementaryConfiguration": supplementary, "tags": {}, "relationships": [],
}

ownership(settings) := bucket({"BucketOwnershipControls": {"rules": [{"objectOwnership": s} | some s in settings]}})

test_passes_when_acls_are_disabled if {
	testing.status(id, ownership(["BucketOwnerEnforced"])) == "pass"
}

test_reads_the_setting_kept_as_json_text if {
	testing.status(id, bucket({"BucketOwnershipControls": json.marshal({"rules": [{"objectOwnership": "BucketOwnerEnforced"}]})})) == "pass"
	testing.status(id, bucket({"BucketOwnershipControls": json.marshal({"rules": [{"objectOwnership": "ObjectWriter"}]})})) == "fail"
}

test_fails_when_acls_are_enabled if {
	testing.messages(id, ownership(["ObjectWriter"])) == ["Bucket training-data has ACLs enabled: Object Ownership ObjectWriter instead of BucketOwnerEnforced."]
	testing.messages(id, ownership(["BucketOwnerPreferred"])) == ["Bucket training-data has ACLs enabled: Object Ownership BucketOwnerPreferred instead of BucketOwnerEnforced."]
}

# OwnershipControlsNotFoundError: no ownership controls, ACLs on.
test_fails_without_ownership_controls if {
	testing.messages(id, ownership([])) == ["Bucket training-data has ACLs enabled: no ownership controls (ACLs enabled, as ObjectWriter) instead of BucketOwnerEnforced."]
}

test_not_evaluated_when_the_setting_could_not_be_read if {
	r := object.union(bucket({}), {"collectionErrors": {"BucketOwnershipControls": "AccessDenied: s3:GetBucketOwnershipControls"}})
	testing.status(id, r) == "not_evaluated"
}

test_not_evaluated_when_the_setting_is_absent if {
	testing.messages(id, bucket({})) == ["the bucket's Object Ownership setting is not in the inventory (live collection reads it with GetBucketOwnershipControls)"]
	testing.messages(id, bucket({"BucketOwnershipControls": null})) == ["the bucket's Object Ownership setting could not be decoded"]
	testing.status(id, bucket({"BucketOwnershipControls": {"rules": "x"}})) == "not_evaluated"
}

test_names_every_setting if {
	testing.messages(id, ownership(["ObjectWriter", "BucketOwnerPreferred"])) == ["Bucket training-data has ACLs enabled: Object Ownership BucketOwnerPreferred, ObjectWriter instead of BucketOwnerEnforced."]
	testing.status(id, ownership(["ObjectWriter", "BucketOwnerEnforced"])) == "pass"
	testing.messages(id, ownership(["ObjectWriter", "SomethingNew"])) == ["the bucket's Object Ownership setting is not one S3 documents"]
}

test_not_evaluated_for_an_unknown_setting if {
	testing.messages(id, ownership(["SomethingNew"])) == ["the bucket's Object Ownership setting is not one S3 documents"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(ownership(["ObjectWriter"]), {"type": "AWS::KMS::Key"}))
}

test_not_applicable_to_buckets_no_ai_workload_uses if testing.unlinked_not_applicable(id, ownership(["ObjectWriter"]))

test_applies_to_buckets_of_any_ai_component if {
	testing.linked_status(id, ownership(["ObjectWriter"]), ["model"]) == "fail"
	testing.linked_status(id, ownership(["ObjectWriter"]), ["output"]) == "fail"
}
