package cafscan.tests.lib_account

import data.cafscan.lib
import data.cafscan.testing

account(configuration) := {
	"type": "AWS::::Account", "id": "111122223333/us-east-1", "arn": "arn:aws::us-east-1:111122223333:account",
	"name": "111122223333 us-east-1", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"accountId": "111122223333", "region": "us-east-1"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

detector(account_id, region) := {
	"type": "AWS::GuardDuty::Detector", "id": sprintf("d-%s-%s", [account_id, region]),
	"arn": sprintf("arn:aws:guardduty:%s:%s:detector/d", [region, account_id]),
	"name": null, "accountId": account_id, "region": region,
	"configuration": {"Enable": true}, "supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

inventory(resources) := testing.context(resources)

test_same_region_of_type_keeps_only_this_account_and_region if {
	here := detector("111122223333", "us-east-1")
	other_region := detector("111122223333", "eu-west-1")
	other_account := detector("444455556666", "us-east-1")
	found := lib.same_region_of_type("AWS::GuardDuty::Detector") with input as {"resource": account({})}
		with data.inventory as inventory([here, other_region, other_account])
	found == [here]
}

test_same_region_of_type_is_empty_without_resources if {
	found := lib.same_region_of_type("AWS::GuardDuty::Detector") with input as {"resource": account({})}
		with data.inventory as inventory([])
	found == []
}

test_uncollected_reason_gives_the_collection_failure if {
	r := account({"collectedTypes": [], "failedTypes": {"AWS::CloudTrail::Trail": "AccessDenied"}})
	reason := lib.uncollected_reason("AWS::CloudTrail::Trail", "CloudTrail trails") with input as {"resource": r}
	reason == "CloudTrail trails could not be collected for this account and region: AccessDenied"
}

test_uncollected_reason_without_a_failure if {
	r := account({"collectedTypes": ["AWS::S3::Bucket"], "failedTypes": {}})
	reason := lib.uncollected_reason("AWS::CloudTrail::Trail", "CloudTrail trails") with input as {"resource": r}
	reason == "CloudTrail trails were not collected for this account and region"
}

test_uncollected_reason_undefined_when_collected if {
	r := account({"collectedTypes": ["AWS::CloudTrail::Trail"], "failedTypes": {}})
	not lib.uncollected_reason("AWS::CloudTrail::Trail", "CloudTrail trails") with input as {"resource": r}
}

# A type the source reports as collected completely is known even if a stale failure is listed.
test_uncollected_reason_undefined_when_collected_despite_a_listed_failure if {
	r := account({"collectedTypes": ["AWS::CloudTrail::Trail"], "failedTypes": {"AWS::CloudTrail::Trail": "AccessDenied"}})
	not lib.uncollected_reason("AWS::CloudTrail::Trail", "CloudTrail trails") with input as {"resource": r}
}

test_presence_unknown_reason_names_the_failed_listing if {
	r := account({"collectedTypes": ["AWS::GuardDuty::Filter"], "failedTypes": {"AWS::GuardDuty::Detector": "AccessDenied on guardduty:ListDetectors"}})
	reason := lib.presence_unknown_reason(["AWS::GuardDuty::Detector", "AWS::GuardDuty::Filter"], "the region uses GuardDuty") with input as {"resource": r}
		with data.inventory as inventory([])
	reason == "whether the region uses GuardDuty is unknown: AWS::GuardDuty::Detector could not be collected: AccessDenied on guardduty:ListDetectors"
}

test_presence_unknown_reason_undefined_when_a_resource_is_found if {
	r := account({"collectedTypes": [], "failedTypes": {"AWS::GuardDuty::Filter": "AccessDenied"}})
	not lib.presence_unknown_reason(["AWS::GuardDuty::Detector", "AWS::GuardDuty::Filter"], "x") with input as {"resource": r}
		with data.inventory as inventory([detector("111122223333", "us-east-1")])
}

test_presence_unknown_reason_undefined_when_every_type_was_collected if {
	r := account({"collectedTypes": ["AWS::GuardDuty::Detector", "AWS::GuardDuty::Filter"], "failedTypes": {}})
	not lib.presence_unknown_reason(["AWS::GuardDuty::Detector", "AWS::GuardDuty::Filter"], "x") with input as {"resource": r}
		with data.inventory as inventory([])
}

# A resource in another region does not bring this one in scope.
test_presence_unknown_reason_ignores_other_regions if {
	r := account({"collectedTypes": [], "failedTypes": {}})
	reason := lib.presence_unknown_reason(["AWS::GuardDuty::Detector"], "the region uses GuardDuty") with input as {"resource": r}
		with data.inventory as inventory([detector("111122223333", "eu-west-1")])
	reason == "whether the region uses GuardDuty is unknown: AWS::GuardDuty::Detector were not collected"
}
