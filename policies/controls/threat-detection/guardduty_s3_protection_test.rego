package cafscan.tests.guardduty_s3_protection

import data.cafscan.testing

id := "CAFAI-TD-03"

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::GuardDuty::Detector"], {})

not_collected := account([], {})

detector(account_id, region, configuration) := {
	"type": "AWS::GuardDuty::Detector", "id": "12abc34d567e8fa901bc2d34e56789f0",
	"arn": sprintf("arn:aws:guardduty:%s:%s:detector/12abc34d567e8fa901bc2d34e56789f0", [region, account_id]),
	"name": "12abc34d567e8fa901bc2d34e56789f0", "accountId": account_id, "region": region,
	"configuration": object.union({"Id": "12abc34d567e8fa901bc2d34e56789f0"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

here(configuration) := detector("111122223333", "us-east-1", configuration)

# As guardduty.ts records GetDetector: Config's Enable plus the API's Status, DataSources, Features.
api(status, s3) := {
	"Enable": status == "ENABLED", "Status": status,
	"DataSources": {"S3Logs": {"Status": s3}, "CloudTrail": {"Status": "ENABLED"}},
	"Features": [
		{"Name": "CLOUD_TRAIL", "Status": "ENABLED"},
		{"Name": "S3_DATA_EVENTS", "Status": s3},
	],
}

test_passes_with_s3_protection_enabled if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([here(api("ENABLED", "ENABLED"))])
}

test_passes_with_the_feature_only if {
	ctx := testing.context([here({"Status": "ENABLED", "Features": [{"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}]})])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

# AWS Config / CloudFormation shape: DataSources.S3Logs.Enable.
test_passes_with_the_config_shape if {
	ctx := testing.context([here({"Enable": true, "DataSources": {"S3Logs": {"Enable": true}}})])
	testing.status(id, not_collected) == "pass" with data.inventory as ctx
}

test_fails_with_s3_protection_disabled if {
	ctx := testing.context([here(api("ENABLED", "DISABLED"))])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 in 111122223333 us-east-1 does not have S3 Protection (S3 data events) enabled."] with data.inventory as ctx
}

test_fails_with_s3_logs_disabled_in_the_config_shape if {
	ctx := testing.context([here({"Enable": true, "DataSources": {"S3Logs": {"Enable": false}}})])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_fails_without_detector_when_collected if {
	ctx := testing.context([])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["GuardDuty is not enabled in 111122223333 us-east-1 (there is no detector), so S3 data events are not monitored."] with data.inventory as ctx
}

test_fails_with_a_suspended_detector if {
	ctx := testing.context([here(api("DISABLED", "ENABLED"))])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["GuardDuty is suspended in 111122223333 us-east-1 (detector 12abc34d567e8fa901bc2d34e56789f0 is disabled), so S3 data events are not monitored."] with data.inventory as ctx
}

test_fails_when_only_other_regions_or_accounts_are_protected if {
	ctx := testing.context([
		detector("111122223333", "eu-west-1", api("ENABLED", "ENABLED")),
		detector("444455556666", "us-east-1", api("ENABLED", "ENABLED")),
	])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_not_evaluated_when_detectors_not_collected if {
	testing.status(id, not_collected) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, not_collected) == ["GuardDuty detectors were not collected for this account and region"] with data.inventory as testing.context([])
}

test_not_evaluated_gives_the_collection_failure if {
	r := account([], {"AWS::GuardDuty::Detector": "guardduty:ListDetectors AccessDeniedException"})
	testing.messages(id, r) == ["GuardDuty detectors could not be collected for this account and region: guardduty:ListDetectors AccessDeniedException"] with data.inventory as testing.context([])
}

# guardduty.ts keeps only the Id of a detector GetDetector could not read.
test_not_evaluated_when_the_detector_could_not_be_read if {
	ctx := testing.context([here({})])
	testing.status(id, collected) == "not_evaluated" with data.inventory as ctx
	testing.messages(id, collected) == ["whether GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 is enabled is not in the inventory"] with data.inventory as ctx
}

test_not_evaluated_when_s3_protection_is_unknown if {
	ctx := testing.context([here({"Enable": true})])
	testing.messages(id, collected) == ["whether S3 Protection is on for GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 is not in the inventory"] with data.inventory as ctx
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, here(api("ENABLED", "DISABLED"))) with data.inventory as testing.context([])
}

# --- each recorded shape of the enabled and S3 Protection states ---

test_fails_with_a_suspended_detector_in_either_shape if {
	config_shape := testing.context([here({"Enable": false, "DataSources": {"S3Logs": {"Enable": true}}})])
	testing.messages(id, collected) == ["GuardDuty is suspended in 111122223333 us-east-1 (detector 12abc34d567e8fa901bc2d34e56789f0 is disabled), so S3 data events are not monitored."] with data.inventory as config_shape
	api_shape := testing.context([here({"Status": "DISABLED", "Features": [{"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}]})])
	testing.status(id, collected) == "fail" with data.inventory as api_shape
}

test_reads_the_s3_logs_data_source_status if {
	on := testing.context([here({"Status": "ENABLED", "DataSources": {"S3Logs": {"Status": "ENABLED"}}})])
	testing.status(id, collected) == "pass" with data.inventory as on
	off := testing.context([here({"Status": "ENABLED", "DataSources": {"S3Logs": {"Status": "DISABLED"}}})])
	testing.status(id, collected) == "fail" with data.inventory as off
}

test_fails_with_the_feature_disabled_only if {
	ctx := testing.context([here({"Status": "ENABLED", "Features": [{"Name": "S3_DATA_EVENTS", "Status": "DISABLED"}]})])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

# AWS Config's resource id is the ARN; messages name the detector by its Id.
test_messages_name_the_detector_by_its_id if {
	d := object.union(here(api("ENABLED", "DISABLED")), {"id": "arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0"})
	testing.messages(id, collected) == ["GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 in 111122223333 us-east-1 does not have S3 Protection (S3 data events) enabled."] with data.inventory as testing.context([d])
}

# --- more than one detector recorded for the region (GuardDuty keeps one, but an inventory merged
# from several sources, or one holding a deleted detector, can list two): one enabled detector
# with S3 Protection decides. ---

other(configuration) := object.union(here(configuration), {
	"id": "98fed76c543b2a109fe8d76c54321a0b",
	"arn": "arn:aws:guardduty:us-east-1:111122223333:detector/98fed76c543b2a109fe8d76c54321a0b",
	"name": "98fed76c543b2a109fe8d76c54321a0b",
	"configuration": {"Id": "98fed76c543b2a109fe8d76c54321a0b"},
})

protecting := here(api("ENABLED", "ENABLED"))

test_passes_when_one_detector_protects_whatever_the_other_records if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([protecting, other(api("DISABLED", "DISABLED"))])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([protecting, other({})])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([protecting, other({"Status": "ENABLED"})])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([protecting, other(api("ENABLED", "DISABLED"))])
}

# S3 Protection on a suspended detector monitors nothing.
test_fails_when_only_a_suspended_detector_has_s3_protection if {
	ctx := testing.context([here(api("DISABLED", "ENABLED")), other(api("ENABLED", "DISABLED"))])
	testing.messages(id, collected) == ["GuardDuty detector 98fed76c543b2a109fe8d76c54321a0b in 111122223333 us-east-1 does not have S3 Protection (S3 data events) enabled."] with data.inventory as ctx
}

test_names_only_enabled_detectors_without_s3_protection if {
	ctx := testing.context([here(api("DISABLED", "DISABLED")), other(api("ENABLED", "DISABLED"))])
	testing.messages(id, collected) == ["GuardDuty detector 98fed76c543b2a109fe8d76c54321a0b in 111122223333 us-east-1 does not have S3 Protection (S3 data events) enabled."] with data.inventory as ctx
}
