# METADATA
# title: A multi-region CloudTrail trail records API activity in the account
# description: >-
#   The account has at least one CloudTrail trail that applies to all regions, is logging
#   (GetTrailStatus IsLogging) and records management events, both read and write, so every
#   management API call made to SageMaker AI, Bedrock, S3, IAM and the other services behind
#   an AI workload is recorded and kept beyond the 90-day event history, whatever region it is
#   made in. Management events are recorded by a basic event selector whose
#   IncludeManagementEvents is true (the default when absent) with ReadWriteType All (the
#   default; ReadOnly and WriteOnly record half), or by an advanced event selector whose
#   eventCategory equals Management (a readOnly condition limits it to reads or writes); read
#   and write may come from different selectors or trails. A trail whose selectors were never
#   set (DescribeTrails HasCustomEventSelectors false) uses the default selector, all
#   management events
#   (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html,
#   https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html,
#   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html).
#   Excluding KMS or RDS Data API events (ExcludeManagementEventSources) still counts. AWS
#   Config records neither the logging status nor the selectors: when they are not in the
#   inventory the check is not evaluated. A multi-region trail whose home region was not
#   scanned (live collection sees it from every region it covers) makes the check not
#   evaluated rather than failed, and so does a region whose trails were not collected,
#   unless a trail found elsewhere records everything.
# custom:
#   id: CAFAI-SA-01
#   capability: security-assurance
#   component: model
#   severity: high
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::CloudTrail::Trail"]
#   related_fields:
#     "AWS::CloudTrail::Trail": [configuration.isMultiRegionTrail, configuration.hasCustomEventSelectors, supplementaryConfiguration.TrailStatus, supplementaryConfiguration.EventSelectors, supplementaryConfiguration.AdvancedEventSelectors, collectionErrors]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for audit mechanisms that show adherence to the control
#     framework and, for the model component, reveal where AI capabilities are used in the
#     organization and how models use data. The API record CloudTrail keeps (who created,
#     trained, deployed or invoked a model, who changed its role or its data) is the
#     foundation of that audit, and it is only complete when it covers every region, including
#     the ones where nobody expected an AI workload to appear.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > Create trail: name it, choose an S3 bucket and a KMS key,
#       enable log file validation (and, from the management account, "Enable for all accounts
#       in my organization"), create it. Trails created in the console apply to all regions;
#       a single-region trail made with the CLI or API can be switched with update-trail.
#     cli: >-
#       aws cloudtrail create-trail --name management-events --s3-bucket-name BUCKET
#       --is-multi-region-trail --enable-log-file-validation --kms-key-id KEY_ARN
#       && aws cloudtrail start-logging --name management-events
#       (or aws cloudtrail update-trail --name TRAIL --is-multi-region-trail)
#     terraform: |-
#       resource "aws_cloudtrail" "management" {
#         name                          = "management-events"
#         s3_bucket_name                = aws_s3_bucket.trail.id
#         is_multi_region_trail         = true
#         include_global_service_events = true
#         enable_log_file_validation    = true
#         kms_key_id                    = aws_kms_key.trail.arn
#       }
package cafscan.controls.cloudtrail_multi_region_trail

import data.cafscan.lib

trail_type := "AWS::CloudTrail::Trail"

# A multi-region trail covers every region, so a trail of this account in any region counts.
trails := [t |
	some t in lib.same_account_of_type(trail_type)
	t.configuration.isMultiRegionTrail == true
]

trail_name(t) := t.name if {
	is_string(t.name)
	t.name != ""
} else := t.id

supplementary(t) := object.get(t, "supplementaryConfiguration", {})

# --- logging status (GetTrailStatus) -------------------------------------------------------------

logging(t) if supplementary(t).TrailStatus.isLogging == true

stopped(t) if supplementary(t).TrailStatus.isLogging == false

# --- management events recorded: a subset of {"read", "write"} -----------------------------------

both := {"read", "write"}

non_empty(x) if {
	is_array(x)
	count(x) > 0
}

# A trail has basic or advanced selectors, never both. Empty lists with HasCustomEventSelectors
# false are a trail whose selectors were never set; AWS answers GetEventSelectors for it with the
# default selector (all management events), moto 5.2 with an empty list — both mean "default".
management(t) := {k | some s in supplementary(t).AdvancedEventSelectors; some k in advanced_management(s)} if {
	non_empty(supplementary(t).AdvancedEventSelectors)
} else := {k | some s in supplementary(t).EventSelectors; some k in basic_management(s)} if {
	non_empty(supplementary(t).EventSelectors)
} else := both if {
	t.configuration.hasCustomEventSelectors == false
}

# IncludeManagementEvents and ReadWriteType are optional; absent they are true and All.
basic_management(s) := set() if s.includeManagementEvents == false

else := read_write(object.get(s, "readWriteType", "All"))

read_write("All") := both

read_write("ReadOnly") := {"read"}

read_write("WriteOnly") := {"write"}

# Management events of an advanced selector: eventCategory equals Management; a readOnly
# condition ("true" reads, "false" writes) keeps one half.
advanced_management(s) := set() if not selects_management(s)

else := {k | some k in both; read_only_admits(s, k)}

selects_management(s) if {
	some f in object.get(s, "fieldSelectors", [])
	f.field == "eventCategory"
	"Management" in object.get(f, "equals", [])
}

read_only_value := {"read": "true", "write": "false"}

read_only_admits(s, kind) if {
	every f in object.get(s, "fieldSelectors", []) {
		field_admits(f, read_only_value[kind])
	}
}

field_admits(f, _) if f.field != "readOnly"

field_admits(f, value) if {
	f.field == "readOnly"
	equals := object.get(f, "equals", [])
	any_or_in(equals, value)
	not value in object.get(f, "notEquals", [])
}

any_or_in(values, _) if count(values) == 0

any_or_in(values, value) if value in values

# --- outcome -------------------------------------------------------------------------------------

recorded := {k | some t in trails; logging(t); some k in management(t)}

records_all if recorded == both

# Trails homed in this region, and the list of multi-region trails homed elsewhere, come from
# this region's collection: without it, trails found elsewhere that do not record everything
# prove nothing (one homed here might), so only a pass can be told.
missing contains reason if {
	not records_all
	reason := lib.uncollected_reason(trail_type, "CloudTrail trails")
}

missing contains reason if {
	not records_all
	some t in trails
	not logging(t)
	not stopped(t)
	reason := unknown_reason(t, "TrailStatus", concat("", ["whether trail ", lib.text(trail_name(t)), " is logging"]), "is")
}

missing contains reason if {
	not records_all
	some t in trails
	not stopped(t)
	not management(t)
	reason := unknown_reason(t, "EventSelectors", concat("", ["the event selectors of trail ", lib.text(trail_name(t))]), "are")
}

# Multi-region trails this region's DescribeTrails showed with another home region but that are not
# in the inventory: their home region was not scanned, so their status and selectors are unknown
# (without this, "no multi-region trail" would be a false failure).
elsewhere := object.get(object.get(lib.configuration, "cloudtrailMultiRegionTrailsFromOtherRegions", {}), "trails", [])

missing contains msg if {
	not records_all
	some t in elsewhere
	arn := t.trailARN
	not lib.related(arn)
	msg := concat("", ["multi-region trail ", lib.text(object.get(t, "name", arn)), " (home region ", lib.text(object.get(t, "homeRegion", "unknown")), ") covers this region but is not in the inventory: scan its home region to judge it"])
}

# Why a trail's status or selectors are unknown: the failed call when the collector recorded one.
unknown_reason(t, key, what, verb) := concat("", [lib.text(what), " could not be read: ", lib.text(t.collectionErrors[key])]) if {
	is_string(t.collectionErrors[key])
} else := concat("", [lib.text(what), " ", lib.text(verb), " not in the inventory (AWS Config does not record it; live collection does)"])

violations contains concat("", ["No multi-region CloudTrail trail records API activity for ", lib.label, "."]) if {
	count(trails) == 0
	lib.collected(trail_type)
}

stopped_names := sort([trail_name(t) | some t in trails; stopped(t)])

violations contains msg if {
	count(stopped_names) > 0
	not records_all
	msg := concat("", ["The multi-region CloudTrail trail(s) of ", lib.label, " are not logging: ", concat(", ", stopped_names), "."])
}

unrecorded := [k | some k in ["read", "write"]; not k in recorded]

violations contains msg if {
	count(trails) > count(stopped_names)
	not records_all
	msg := concat("", ["No logging multi-region CloudTrail trail of ", lib.label, " records ", concat(" and ", unrecorded), " management events."])
}
