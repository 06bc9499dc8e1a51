package cafscan.tests.sagemaker_training_data_from_account

import data.cafscan.testing

id := "CAFAI-SG-03"

job(channels) := {
	"type": "AWS::SageMaker::TrainingJob", "id": "train-1",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/train-1",
	"name": "train-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"TrainingJobName": "train-1", "InputDataConfig": [
	{"ChannelName": sprintf("c%d", [i]), "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": uri}}} |
		some i, uri in channels
	]},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

bucket(name, account_id, tags) := {
	"type": "AWS::S3::Bucket", "id": name, "arn": sprintf("arn:aws:s3:::%s", [name]),
	"name": name, "accountId": account_id, "region": "us-east-1",
	"configuration": {"name": name}, "supplementaryConfiguration": {}, "tags": tags, "relationships": [],
}

account(account_id, collected) := {
	"type": "AWS::::Account", "id": sprintf("%s/us-east-1", [account_id]),
	"arn": sprintf("arn:aws::us-east-1:%s:account", [account_id]),
	"name": sprintf("%s us-east-1", [account_id]), "accountId": account_id, "region": "us-east-1",
	"configuration": {"collectedTypes": collected, "failedTypes": {}},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

own_account := account("111122223333", ["AWS::S3::Bucket"])

own_bucket := bucket("training-data", "111122223333", {})

partner_approved := bucket("partner-corpus", "444455556666", {"Data-Source-Approved": "TRUE"})

partner_unapproved := bucket("partner-scratch", "444455556666", {"owner": "partner"})

test_fails_with_an_untagged_bucket_of_another_account if {
	r := job(["s3://training-data/train/", "s3://partner-scratch/dump/"])
	ctx := testing.context([own_account, own_bucket, partner_unapproved])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Training job train-1 reads training data from buckets outside account 111122223333 that are not tagged data-source-approved=true: partner-scratch."] with data.inventory as ctx
}

test_fails_with_a_bucket_in_no_collected_account if {
	r := job(["s3://somebody-elses-bucket/data.csv"])
	ctx := testing.context([own_account, own_bucket])
	testing.messages(id, r) == ["Training job train-1 reads training data from buckets outside account 111122223333 that are not tagged data-source-approved=true: somebody-elses-bucket."] with data.inventory as ctx
}

test_fails_with_a_foreign_bucket_even_when_own_buckets_were_not_collected if {
	r := job(["s3://partner-scratch/dump/"])
	testing.status(id, r) == "fail" with data.inventory as testing.context([account("111122223333", []), partner_unapproved])
}

test_passes_with_own_buckets if {
	r := job(["s3://training-data/train/", "s3://training-data/validation/"])
	testing.status(id, r) == "pass" with data.inventory as testing.context([own_account, own_bucket])
}

test_passes_with_own_bucket_found_by_name if {
	other_arn := object.union(own_bucket, {"arn": "arn:aws:s3:::training-data/legacy"})
	testing.status(id, job(["s3://training-data/train/"])) == "pass" with data.inventory as testing.context([own_account, other_arn])
}

test_passes_with_an_approved_bucket_of_another_account if {
	r := job(["s3://training-data/train/", "s3://partner-corpus/v2/"])
	testing.status(id, r) == "pass" with data.inventory as testing.context([own_account, own_bucket, partner_approved])
}

test_not_evaluated_when_buckets_were_not_collected if {
	r := job(["s3://training-data/train/"])
	ctx := testing.context([account("111122223333", [])])
	testing.status(id, r) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, r) == ["S3 buckets were not collected completely for account 111122223333, so whether training data bucket training-data belongs to it is unknown"] with data.inventory as ctx
}

test_not_evaluated_when_foreign_tags_are_unknown if {
	r := job(["s3://partner-corpus/v2/"])
	ctx := testing.context([own_account, object.union(partner_approved, {"tags": null})])
	testing.messages(id, r) == ["the tags of bucket partner-corpus (account 444455556666) are not in the inventory, so whether it is an approved data source is unknown"] with data.inventory as ctx
}

test_not_evaluated_with_an_access_point_alias if {
	r := job(["s3://corpus-ap-abcdefghijklmnop-s3alias/data/"])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([own_account])
}

test_not_evaluated_with_an_unreadable_uri if {
	r := job(["https://example.com/data.csv"])
	testing.messages(id, r) == ["training data location https://example.com/data.csv is not an s3:// URI whose bucket can be read"] with data.inventory as testing.context([own_account])
}

test_not_evaluated_without_configuration if {
	r := json.patch(job([]), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([own_account])
	testing.messages(id, r) == ["the training job's configuration is not in the inventory"] with data.inventory as testing.context([own_account])
}

# A record that holds only the input channels is enough to judge them.
test_passes_with_only_the_input_channels_recorded if {
	r := json.patch(job(["s3://training-data/train/"]), [{"op": "remove", "path": "/configuration/TrainingJobName"}])
	testing.status(id, r) == "pass" with data.inventory as testing.context([own_account, own_bucket])
}

# An S3 channel whose URI is absent, null or empty reads from somewhere unknown: never a pass
# on the other channels, never "no S3 channels".
test_not_evaluated_when_an_s3_uri_is_not_recorded if {
	ctx := testing.context([own_account, own_bucket])
	every uri in [null, ""] {
		r := job(["s3://training-data/train/", uri])
		testing.messages(id, r) == ["the S3 URI of training channel c1 is not in the inventory"] with data.inventory as ctx
	}
	unnamed := json.patch(job([]), [{"op": "replace", "path": "/configuration/InputDataConfig", "value": [{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix"}}}]}])
	testing.messages(id, unnamed) == ["the S3 URI of training channel 1 is not in the inventory"] with data.inventory as ctx
}

test_not_evaluated_with_a_uri_that_names_no_bucket if {
	r := job(["s3:///train/data.csv"])
	testing.messages(id, r) == ["training data location s3:///train/data.csv is not an s3:// URI whose bucket can be read"] with data.inventory as testing.context([own_account, own_bucket])
}

test_not_evaluated_with_an_object_lambda_alias if {
	r := job(["s3://corpus-ol-abcdefghijklmnopqrstuvwxyz12345--ol-s3/data/"])
	testing.messages(id, r) == ["training data location corpus-ol-abcdefghijklmnopqrstuvwxyz12345--ol-s3 is an S3 access point alias, whose bucket and owner are not in the inventory"] with data.inventory as testing.context([own_account])
}

# An alias names no bucket, so an incomplete bucket collection adds nothing to say about it.
test_an_alias_is_reported_once_when_buckets_were_not_collected if {
	r := job(["s3://corpus-ap-abcdefghijklmnop-s3alias/data/"])
	testing.messages(id, r) == ["training data location corpus-ap-abcdefghijklmnop-s3alias is an S3 access point alias, whose bucket and owner are not in the inventory"] with data.inventory as testing.context([account("111122223333", [])])
}

# A bucket found among the account's own needs no complete collection to be its own.
test_passes_with_own_bucket_found_by_name_when_buckets_were_not_collected if {
	other_arn := object.union(own_bucket, {"arn": "arn:aws:s3:::training-data/legacy"})
	testing.status(id, job(["s3://training-data/train/"])) == "pass" with data.inventory as testing.context([account("111122223333", []), other_arn])
}

# The bucket's own entry (by its ARN) decides its account; a same-named entry among the
# account's buckets recorded under another ARN does not make a foreign bucket the account's own.
test_fails_when_the_bucket_entry_is_foreign_despite_a_same_named_own_entry if {
	stale := object.union(own_bucket, {"arn": "arn:aws:s3:::partner-scratch/legacy", "id": "partner-scratch", "name": "partner-scratch"})
	testing.status(id, job(["s3://partner-scratch/dump/"])) == "fail" with data.inventory as testing.context([own_account, stale, partner_unapproved])
}

# Own buckets are approved whatever their tags, known or not.
test_passes_with_an_own_bucket_whose_tags_are_unknown if {
	testing.status(id, job(["s3://training-data/train/"])) == "pass" with data.inventory as testing.context([own_account, object.union(own_bucket, {"tags": null})])
}

# Only data-source-approved=true approves: not another tag set to true, not the tag set to
# false; the bucket's other tags do not matter.
test_approval_needs_the_tag_with_the_value_true if {
	r := job(["s3://partner-corpus/v2/"])
	every tags in [{"public": "true"}, {"data-source-approved": "false"}] {
		testing.status(id, r) == "fail" with data.inventory as testing.context([own_account, json.patch(partner_approved, [{"op": "replace", "path": "/tags", "value": tags}])])
	}
	tagged := object.union(partner_approved, {"tags": {"owner": "partner", "Data-Source-Approved": "true", "cost-center": "42"}})
	testing.status(id, r) == "pass" with data.inventory as testing.context([own_account, tagged])
}

test_lists_every_outside_bucket if {
	r := job(["s3://partner-scratch/dump/", "s3://somebody-elses-bucket/data.csv", "s3://training-data/train/"])
	testing.messages(id, r) == ["Training job train-1 reads training data from buckets outside account 111122223333 that are not tagged data-source-approved=true: partner-scratch, somebody-elses-bucket."] with data.inventory as testing.context([own_account, own_bucket, partner_unapproved])
}

test_not_applicable_without_s3_channels if {
	efs := json.patch(job([]), [{"op": "replace", "path": "/configuration/InputDataConfig", "value": [{"ChannelName": "train", "DataSource": {"FileSystemDataSource": {"FileSystemId": "fs-1", "FileSystemType": "EFS", "DirectoryPath": "/data", "FileSystemAccessMode": "ro"}}}]}])
	testing.not_applicable(id, efs) with data.inventory as testing.context([own_account])
	testing.not_applicable(id, job([])) with data.inventory as testing.context([own_account])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(job(["s3://partner-scratch/x"]), {"type": "AWS::SageMaker::Model"})) with data.inventory as testing.context([own_account])
}
