# Helpers for account- and region-level controls (resource_types ["AWS::::Account"]); kept
# apart from lib.rego, same package, so call them as lib.<name>.
package cafscan.lib

# Resources of `type` in the same account and region as the resource being evaluated.
same_region_of_type(type) := [r |
	some r in same_account_of_type(type)
	r.region == input.resource.region
]

# Whether the account and region hold a resource of `type` (of one of `types`): a look at the
# region of each, without building the list same_region_of_type builds.
in_region(type) if {
	some arn in same_account_arns(type)
	data.inventory.resources[arn].region == input.resource.region
}

any_in_region(types) if {
	some type in types
	in_region(type)
}

# Why finding no resource of `type` proves nothing here: the reason the source gave for failing
# to collect it, or that it was not collected. `noun` names the resources ("CloudTrail trails").
# Undefined when the type was collected completely (then "none found" really means none).
uncollected_reason(type, noun) := reason if {
	not collected(type)
	reason := concat("", [text(noun), " could not be collected for this account and region: ", text(collection_failure(type))])
} else := reason if {
	not collected(type)
	reason := concat("", [text(noun), " were not collected for this account and region"])
}

# Why it is unknown whether this account and region holds any resource of `types` — the scope
# test of controls that apply only where a service is used: none was found, and at least one of
# the types was not collected completely, so "none found" may hide one (a denied ListAgents).
# `what` completes "whether …" ("the region uses Amazon Bedrock"). Undefined when a resource of
# one of the types is here (the region is in scope) or every type was collected (it is not).
presence_unknown_reason(types, what) := reason if {
	not any_in_region(types)
	failed := sort([concat("", [type, " could not be collected: ", text(collection_failure(type))]) |
		some type in types
		not collected(type)
		collection_failure(type)
	])
	absent := sort([type | some type in types; not collected(type); not collection_failure(type)])
	parts := array.concat(failed, [concat("", [concat(", ", absent), " were not collected"]) | count(absent) > 0])
	count(parts) > 0
	reason := concat("", ["whether ", text(what), " is unknown: ", concat("; ", parts)])
}

# Whether the source collected every resource of `type` for this resource's account (in any
# region), so that finding none of them means there are none.
account_collected(type) if {
	some account in same_account_of_type("AWS::::Account")
	type in object.get(account.configuration, "collectedTypes", [])
}
