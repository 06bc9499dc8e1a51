# Which CloudTrail trails record S3 object-level data events for the bucket being evaluated, and
# for which half ("read", "write"). Shared by CAFAI-SA-04 (training data: reads and writes) and
# CAFAI-IR-98 (AI outputs: reads), so both read trails' selectors the same way.
package cafscan.lib.s3_data_events

import data.cafscan.lib
import data.cafscan.lib.trail_selectors as selectors

trail_type := "AWS::CloudTrail::Trail"

bucket_arn := input.resource.arn

# Object ARNs of this bucket all start with this.
object_prefix := concat("", [bucket_arn, "/"])

# "arn:aws:s3" (or "arn:aws-cn:s3"…): every bucket, in the bucket's partition.
all_buckets_prefix := concat("", ["arn:", lib.text(split(bucket_arn, ":")[1]), ":s3"])

where := concat("", [lib.text(input.resource.accountId), " ", lib.text(input.resource.region)])

# --- which trails can record this bucket's data events --------------------------------------------

trail_home(t) := t.configuration.homeRegion if is_string(t.configuration.homeRegion)

else := t.region

# A trail records events of its home region, or of every region when it is multi-region.
covers_region(t) if t.configuration.isMultiRegionTrail == true

covers_region(t) if trail_home(t) == input.resource.region

trails := [t |
	some t in lib.same_account_of_type(trail_type)
	covers_region(t)
]

trail_name(t) := t.name if {
	is_string(t.name)
	t.name != ""
} else := t.id

supplementary(t) := object.get(t, "supplementaryConfiguration", {})

selectors_known(t) if is_array(supplementary(t).EventSelectors)

selectors_known(t) if is_array(supplementary(t).AdvancedEventSelectors)

is_logging(t) if supplementary(t).TrailStatus.isLogging == true

stopped(t) if supplementary(t).TrailStatus.isLogging == false

status_known(t) if is_logging(t)

status_known(t) if stopped(t)

# --- what a trail's event selectors record for this bucket: "read" and/or "write" -----------------

# A data resource value or resources.ARN prefix selects this bucket's objects when it is a
# prefix of them ("arn:aws:s3", "arn:aws:s3:::bucket/") or a prefix inside the bucket.
selects_bucket(value) if {
	is_string(value)
	startswith(value, all_buckets_prefix)
	startswith(object_prefix, value)
}

selects_bucket(value) if {
	is_string(value)
	startswith(value, object_prefix)
}

read_write_kinds := {"All": {"read", "write"}, "ReadOnly": {"read"}, "WriteOnly": {"write"}}

records(t, kind) if {
	some s in supplementary(t).EventSelectors
	basic_selects_bucket(s)
	kind in read_write_kinds[object.get(s, "readWriteType", "All")]
}

basic_selects_bucket(s) if {
	some resource in lib.as_array(s.dataResources)
	resource.type == "AWS::S3::Object"
	some value in lib.as_array(resource.values)
	selects_bucket(value)
}

records(t, kind) if {
	some s in supplementary(t).AdvancedEventSelectors
	advanced_selects_bucket(s)
	kind in advanced_kinds(s)
}

field_selectors(s) := lib.as_array(s.fieldSelectors)

field_equals(s, field, value) if {
	some fs in field_selectors(s)
	fs.field == field
	value in lib.as_array(fs.equals)
}

# Field selectors of one advanced selector all apply (AND); its ARN conditions must let this
# bucket's objects through, and no other condition may drop some of its events.
advanced_selects_bucket(s) if {
	field_equals(s, "eventCategory", "Data")
	field_equals(s, "resources.type", "AWS::S3::Object")
	every fs in field_selectors(s) {
		arn_condition_selects_bucket(fs)
		keeps_every_event(fs)
	}
}

# Fields judged elsewhere: the category and type above, resources.ARN, readOnly (advanced_kinds).
judged_fields := {"eventCategory", "resources.type", "resources.ARN", "readOnly"}

# Values every S3 object-level event has.
event_values := {"eventSource": "s3.amazonaws.com", "eventType": "AwsApiCall"}

keeps_every_event(fs) if fs.field in judged_fields

keeps_every_event(fs) if selectors.admits(fs, event_values[fs.field])

# A condition on eventName, userIdentity.arn, sessionCredentialFromConsole… keeps some reads or
# writes and drops others (eventName equals ["PutObject"] records no read and one kind of write):
# such a selector does not record the bucket's reads or writes. One that sets no condition does.
keeps_every_event(fs) if {
	not fs.field in judged_fields
	not event_values[fs.field]
	selectors.unconditioned(fs)
}

arn_condition_selects_bucket(fs) if fs.field != "resources.ARN"

arn_condition_selects_bucket(fs) if {
	fs.field == "resources.ARN"
	not positive_arn_condition(fs)
	not excludes_bucket(fs)
}

arn_condition_selects_bucket(fs) if {
	fs.field == "resources.ARN"
	some value in lib.as_array(fs.startsWith)
	selects_bucket(value)
	not excludes_bucket(fs)
}

positive_arn_condition(fs) if {
	some operator in ["equals", "startsWith", "endsWith"]
	count(lib.as_array(object.get(fs, operator, []))) > 0
}

# Every object ARN starts with "", so an empty exclusion, if a source ever records one, excludes
# the bucket: reading it as no exclusion could turn an unlogged bucket into a pass.
excludes_bucket(fs) if {
	some value in lib.as_array(fs.notStartsWith)
	is_string(value)
	startswith(object_prefix, value)
}

read_only_values(s) := {lower(lib.text(v)) |
	some fs in field_selectors(s)
	fs.field == "readOnly"
	some v in lib.as_array(fs.equals)
}

advanced_kinds(s) := {"read"} if read_only_values(s) == {"true"}

else := {"write"} if read_only_values(s) == {"false"}

else := {"read", "write"}

# --- the decision ---------------------------------------------------------------------------------

# Each logging trail's selectors are read once (opa-wasm memoises no function calls): measured
# 0.46 ms a bucket when each kind re-scanned every trail of an account with 30 trails.
recorded_kinds := {kind |
	some t in trails
	is_logging(t)
	some kind in ["read", "write"]
	records(t, kind)
}

recorded(kind) if kind in recorded_kinds

gaps := [kind | some kind in ["read", "write"]; not recorded(kind)]

# The account resource of the bucket's account and region says whether trails were collected
# there; a multi-region trail homed elsewhere is found only if that region was collected too.
region_account := lib.related(concat("", ["arn:aws::", lib.text(input.resource.region), ":", lib.text(input.resource.accountId), ":account"]))

trails_collected if trail_type in object.get(region_account.configuration, "collectedTypes", [])

uncollected_reason := reason if {
	reason := concat("", ["CloudTrail trails could not be collected for ", lib.text(where), ": ", lib.text(region_account.configuration.failedTypes[trail_type])])
} else := concat("", ["CloudTrail trails were not collected for ", lib.text(where)])
