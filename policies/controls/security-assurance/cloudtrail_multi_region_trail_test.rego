package cafscan.tests.cloudtrail_multi_region_trail

import data.cafscan.testing

id := "CAFAI-SA-01"

account(collected, failed) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": {"accountId": "111122223333", "region": "us-east-1", "collectedTypes": collected, "failedTypes": failed},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

collected := account(["AWS::CloudTrail::Trail"], {})

trail(account_id, region, name, multi_region) := {
	"type": "AWS::CloudTrail::Trail", "id": name, "arn": sprintf("arn:aws:cloudtrail:%s:%s:trail/%s", [region, account_id, name]),
	"name": name, "accountId": account_id, "region": region,
	"configuration": {"name": name, "homeRegion": region, "isMultiRegionTrail": multi_region, "logFileValidationEnabled": true},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_with_only_single_region_trails if {
	ctx := testing.context([trail("111122223333", "us-east-1", "local", false)])
	testing.status(id, collected) == "fail" with data.inventory as ctx
	testing.messages(id, collected) == ["No multi-region CloudTrail trail records API activity for 111122223333 us-east-1."] with data.inventory as ctx
}

test_fails_with_no_trails_when_collected if {
	testing.status(id, collected) == "fail" with data.inventory as testing.context([])
}

test_fails_when_only_another_account_has_a_multi_region_trail if {
	ctx := testing.context([trail("444455556666", "us-east-1", "org", true)])
	testing.status(id, collected) == "fail" with data.inventory as ctx
}

test_passes_with_multi_region_trail_in_another_region if {
	ctx := testing.context([trail("111122223333", "eu-west-1", "all-regions", true)])
	testing.status(id, collected) == "pass" with data.inventory as ctx
}

test_passes_with_multi_region_trail_even_if_not_collected_here if {
	ctx := testing.context([trail("111122223333", "us-east-1", "all-regions", true)])
	testing.status(id, account([], {})) == "pass" with data.inventory as ctx
}

test_not_evaluated_when_trails_not_collected if {
	r := account(["AWS::S3::Bucket"], {})
	testing.status(id, r) == "not_evaluated" with data.inventory as testing.context([])
	testing.messages(id, r) == ["CloudTrail trails were not collected for this account and region"] with data.inventory as testing.context([])
}

test_not_evaluated_gives_collection_failure if {
	r := account([], {"AWS::CloudTrail::Trail": "AccessDeniedException: not authorized to perform cloudtrail:DescribeTrails"})
	testing.messages(id, r) == ["CloudTrail trails could not be collected for this account and region: AccessDeniedException: not authorized to perform cloudtrail:DescribeTrails"] with data.inventory as testing.context([])
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, trail("111122223333", "us-east-1", "local", false)) with data.inventory as testing.context([])
}
