package cafscan.tests.guardduty_enabled

import data.cafscan.testing

id := "CAFAI-TD-02"

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
	"name": null, "accountId": account_id, "region": region,
	"configuration": object.union({"Id": "12abc34d567e8fa901bc2d34e56789f0"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

here(configuration) := detector("111122223333", "us-east-1", configuration)

test_fails_without_detector_when_collected if {
	testing.status(id, collected) == "fail" with data.inventory as testing.context([])
	testing.messages(id, collected) == ["GuardDuty is not enabled in 111122223333 us-east-1: there is no detector."] with data.inventory as testing.context([])
}

test_fails_with_suspended_detector if {
	ctx := testing.context([here({"Enable": false})])
	testing.status(id, not_collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["GuardDuty is suspended in 111122223333 us-east-1 (detector 12abc34d567e8fa901bc2d34e56789f0 is disabled)."] with data.inventory as ctx
}

test_fails_with_disabled_status_api_shape if {
	testing.status(id, collected) == "fail" with data.inventory as testing.context([here({"Status": "DISABLED"})])
}

test_fails_when_only_other_regions_or_accounts_have_detectors if {
	ctx := testing.context([
		detector("111122223333", "eu-west-1", {"Enable": true}),
		detector("444455556666", "us-east-1", {"Enable": true}),
	])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_passes_with_enabled_detector_config_shape if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([here({"Enable": true})])
}

test_passes_with_enabled_detector_api_shape if {
	testing.status(id, not_collected) == "pass" with data.inventory as testing.context([here({"Status": "ENABLED"})])
}

test_not_evaluated_when_detectors_not_collected if {
	testing.status(id, not_collected) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, not_collected) == ["GuardDuty detectors were not collected for this account and region"] with data.inventory as testing.context([])
}

test_not_evaluated_gives_collection_failure if {
	r := account([], {"AWS::GuardDuty::Detector": "AccessDenied"})
	testing.messages(id, r) == ["GuardDuty detectors could not be collected for this account and region: AccessDenied"] with data.inventory as testing.context([])
}

test_not_evaluated_when_detector_status_unknown if {
	testing.status(id, collected) == "not_evaluated" with data.inventory as testing.context([here({})])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, here({"Enable": false})) with data.inventory as testing.context([])
}

# AWS Config's resource id is the ARN; messages name the detector by its Id.
test_messages_name_the_detector_by_its_id if {
	d := object.union(here({"Enable": false}), {"id": "arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0"})
	testing.messages(id, collected) == ["GuardDuty is suspended in 111122223333 us-east-1 (detector 12abc34d567e8fa901bc2d34e56789f0 is disabled)."] with data.inventory as testing.context([d])
	unknown := object.union(here({}), {"id": "arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0"})
	testing.messages(id, collected) == ["whether GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 is enabled is not in the inventory"] with data.inventory as testing.context([unknown])
}

# GuardDuty keeps one detector per account and region, but an inventory merged from several
# sources, or one holding a deleted detector, can list two: an enabled one decides.
other(configuration) := object.union(here(configuration), {
	"id": "98fed76c543b2a109fe8d76c54321a0b",
	"arn": "arn:aws:guardduty:us-east-1:111122223333:detector/98fed76c543b2a109fe8d76c54321a0b",
	"configuration": {"Id": "98fed76c543b2a109fe8d76c54321a0b"},
})

test_passes_when_one_detector_is_enabled_whatever_the_other_records if {
	testing.status(id, collected) == "pass" with data.inventory as testing.context([here({"Status": "ENABLED"}), other({"Status": "DISABLED"})])
	testing.status(id, collected) == "pass" with data.inventory as testing.context([here({"Status": "ENABLED"}), other({})])
}
