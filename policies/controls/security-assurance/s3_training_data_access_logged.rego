# METADATA
# title: CloudTrail records data events for S3 buckets holding training data
# description: >-
#   Some CloudTrail trail of the account that is logging and covers the bucket's region (a
#   multi-region trail, or one whose home region is the bucket's) records S3 object-level
#   data events for the bucket, both reads and writes: a basic event selector with a data
#   resource of type AWS::S3::Object whose values include "arn:aws:s3" (every bucket) or a
#   prefix of this bucket's objects, or an advanced event selector on eventCategory Data and
#   resources.type AWS::S3::Object whose resources.ARN conditions, if any, start with this
#   bucket's ARN and do not exclude it. A ReadOnly or WriteOnly selection counts for that half
#   only (a basic selector without readWriteType records both: the API's default is All);
#   filters on event names are not judged. Trails whose event selectors or logging
#   status are not in the inventory (AWS Config records neither), or trails that were not
#   collected for the bucket's account and region, leave the result not evaluated.
# custom:
#   id: CAFAI-SA-04
#   capability: security-assurance
#   component: input
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::CloudTrail::Trail", "AWS::::Account"]
#   related_fields:
#     "AWS::CloudTrail::Trail": [configuration.homeRegion, configuration.isMultiRegionTrail, supplementaryConfiguration.TrailStatus, supplementaryConfiguration.EventSelectors, supplementaryConfiguration.AdvancedEventSelectors]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   scope: linked
#   caf_section: "Security assurance"
#   rationale: >-
#     For the input component, CAF-AI Security assurance asks for audit mechanisms that show
#     adherence to the control framework and that the data ingested matches the model's
#     goals; CAF-AI Data protection asks for an audit trail of data access and for data
#     activity monitoring of access patterns. CloudTrail management events say nothing about
#     who read or changed the objects in a training set: only S3 data events record each
#     GetObject, PutObject and DeleteObject with the calling identity, which is the evidence
#     an audit of training data provenance, or an investigation of data poisoning or
#     exfiltration, needs.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > a multi-region trail (or Create trail) > Data events >
#       Edit > Add data event: data event type S3, log selector template "Custom", with
#       resources.ARN "starts with" arn:aws:s3:::BUCKET/ (or the "Log all events" template
#       for every bucket), keeping both read and write events; save. Make sure the trail is
#       logging.
#     cli: >-
#       aws cloudtrail put-event-selectors --trail-name TRAIL --advanced-event-selectors
#       '[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},{"Name":"Training data access","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"resources.ARN","StartsWith":["arn:aws:s3:::BUCKET/"]}]}]'
#       (this replaces the trail's selectors: include the ones it already has)
#       && aws cloudtrail start-logging --name TRAIL
#     terraform: |-
#       resource "aws_cloudtrail" "training_data_access" {
#         name                  = "training-data-access"
#         s3_bucket_name        = aws_s3_bucket.trail.id
#         is_multi_region_trail = true
#
#         advanced_event_selector {
#           name = "Management events"
#           field_selector {
#             field  = "eventCategory"
#             equals = ["Management"]
#           }
#         }
#
#         advanced_event_selector {
#           name = "Training data access"
#           field_selector {
#             field  = "eventCategory"
#             equals = ["Data"]
#           }
#           field_selector {
#             field  = "resources.type"
#             equals = ["AWS::S3::Object"]
#           }
#           field_selector {
#             field       = "resources.ARN"
#             starts_with = ["${aws_s3_bucket.training.arn}/"]
#           }
#         }
#       }
#   references:
#     - id: Logging data events
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
#     - id: EventSelector (ReadWriteType defaults to All)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html
package cafscan.controls.s3_training_data_access_logged

import data.cafscan.lib

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
# bucket's objects through.
advanced_selects_bucket(s) if {
	field_equals(s, "eventCategory", "Data")
	field_equals(s, "resources.type", "AWS::S3::Object")
	every fs in field_selectors(s) {
		arn_condition_selects_bucket(fs)
	}
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

missing contains reason if {
	count(gaps) > 0
	not trails_collected
	reason := uncollected_reason
}

uncollected_reason := reason if {
	reason := concat("", ["CloudTrail trails could not be collected for ", lib.text(where), ": ", lib.text(region_account.configuration.failedTypes[trail_type])])
} else := concat("", ["CloudTrail trails were not collected for ", lib.text(where)])

missing contains concat("", ["the event selectors of CloudTrail trail ", lib.text(trail_name(t)), " are not in the inventory"]) if {
	count(gaps) > 0
	some t in trails
	not selectors_known(t)
	not stopped(t)
}

missing contains concat("", ["whether CloudTrail trail ", lib.text(trail_name(t)), " is logging is not in the inventory"]) if {
	some kind in gaps
	some t in trails
	records(t, kind)
	not status_known(t)
}

stopped_note := concat("", [" (trail ", concat(", ", names), " would record them but is not logging)"]) if {
	names := sort({trail_name(t) |
		some t in trails
		stopped(t)
		some kind in gaps
		records(t, kind)
	})
	count(names) > 0
} else := ""

violations contains concat("", ["No CloudTrail trail records S3 data events for objects in bucket ", lib.label, ", so reads and writes of its training data leave no audit trail", lib.text(stopped_note), "."]) if {
	count(gaps) == 2
}

violations contains concat("", ["CloudTrail records only write data events for objects in bucket ", lib.label, ", so reads of its training data leave no audit trail", lib.text(stopped_note), "."]) if {
	gaps == ["read"]
}

violations contains concat("", ["CloudTrail records only read data events for objects in bucket ", lib.label, ", so writes to its training data leave no audit trail", lib.text(stopped_note), "."]) if {
	gaps == ["write"]
}
