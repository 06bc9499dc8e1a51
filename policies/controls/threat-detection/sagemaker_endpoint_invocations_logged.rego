# METADATA
# title: CloudTrail logs the invocations of SageMaker endpoints
# description: >-
#   A CloudTrail trail of the endpoint's account that covers its region (homed there, or
#   multi-region) is logging and records SageMaker endpoint data events: an advanced event
#   selector whose resources.type condition equals AWS::SageMaker::Endpoint, whose resources.ARN,
#   eventName and eventCategory conditions admit this endpoint's invocations, and whose readOnly
#   condition, if any, admits both read-only and write events (whether CloudTrail marks
#   InvokeEndpoint read-only is not known here, so a selector keeping only one kind leaves the
#   result not evaluated). Basic event selectors cannot record SageMaker endpoint data events: their
#   data resources are limited to S3 objects, Lambda functions and DynamoDB tables
#   (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html), so a
#   trail with basic selectors does not count. Management events alone record who created or
#   changed the endpoint, not who called it. Logging status and event selectors are read live
#   (AWS Config does not record them); when they, or the account's trails, are not known the
#   result is not evaluated.
# custom:
#   id: CAFAI-TD-06
#   capability: threat-detection
#   component: model
#   severity: low
#   resource_types: ["AWS::SageMaker::Endpoint"]
#   related_resource_types: ["AWS::CloudTrail::Trail", "AWS::::Account"]
#   related_fields:
#     "AWS::CloudTrail::Trail": [configuration.isMultiRegionTrail, configuration.hasCustomEventSelectors, supplementaryConfiguration.TrailStatus, supplementaryConfiguration.EventSelectors, supplementaryConfiguration.AdvancedEventSelectors, collectionErrors]
#     "AWS::::Account": [configuration.collectedTypes, configuration.failedTypes]
#   caf_section: "Threat detection"
#   rationale: >-
#     CAF-AI Threat detection asks that the use of a model be followed from its first request,
#     that input be tracked across user sessions to catch misuse, and that threat hunting be
#     possible on the AI system. Model invocations are data events that no trail records by
#     default; with endpoint data events on, every InvokeEndpoint call is kept with the
#     identity, source address and time behind it, which is what lets a stolen credential
#     scraping a model, or an extraction attempt spread over many sessions, be detected and
#     traced.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > a multi-region trail (or a trail in the endpoint's region) >
#       Data events > Edit > Add data event type: choose "SageMaker AI endpoint", keep "Log all
#       events" (or scope it with an ARN condition), save; make sure the trail's logging is on.
#     cli: >-
#       aws cloudtrail put-event-selectors --trail-name TRAIL --advanced-event-selectors
#       '[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},{"Name":"SageMaker endpoint invocations","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::SageMaker::Endpoint"]}]}]'
#       && aws cloudtrail start-logging --name TRAIL
#     terraform: |-
#       resource "aws_cloudtrail" "main" {
#         name                  = "organization-trail"
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
#           name = "SageMaker endpoint invocations"
#           field_selector {
#             field  = "eventCategory"
#             equals = ["Data"]
#           }
#           field_selector {
#             field  = "resources.type"
#             equals = ["AWS::SageMaker::Endpoint"]
#           }
#         }
#       }
#   references:
#     - id: Logging data events
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
package cafscan.controls.sagemaker_endpoint_invocations_logged

import data.cafscan.lib
import data.cafscan.lib.trail_selectors as selectors

trail_type := "AWS::CloudTrail::Trail"

endpoint_type := "AWS::SageMaker::Endpoint"

# --- the trails that can record this endpoint's events -------------------------------------------

trails := [t |
	some t in lib.same_account_of_type(trail_type)
	covers_region(t)
]

covers_region(t) if t.region == lib.resource.region

covers_region(t) if t.configuration.isMultiRegionTrail == true

trail_name(t) := name if {
	name := t.name
	is_string(name)
	name != ""
} else := t.id

supplementary(t) := object.get(t, "supplementaryConfiguration", {})

# --- event selectors -----------------------------------------------------------------------------

# Known when GetEventSelectors was read, or when the trail has never had custom selectors (then it
# records management events only). Basic EventSelectors are known selectors that cannot name a
# SageMaker endpoint (see the description), so only advanced selectors can record it.
selectors_known(t) if is_array(supplementary(t).AdvancedEventSelectors)

selectors_known(t) if is_array(supplementary(t).EventSelectors)

selectors_known(t) if t.configuration.hasCustomEventSelectors == false

records_endpoint(t) if {
	some selector in supplementary(t).AdvancedEventSelectors
	advanced_selects(selector)
}

# An advanced selector selects the endpoint's invocations when it names the endpoint type and
# every condition it sets on the fields below admits them, and any readOnly condition admits both
# read-only and write events. (A data-event selector can set conditions on eventCategory,
# eventName, eventSource, eventType, resources.ARN, resources.type, readOnly,
# sessionCredentialFromConsole and userIdentity.arn: API_AdvancedFieldSelector.)
advanced_selects(selector) if {
	selects_ignoring_read_only(selector)
	not read_only_limited(selector)
}

selects_ignoring_read_only(selector) if {
	fields := object.get(selector, "fieldSelectors", [])
	some f in fields
	f.field == "resources.type"
	endpoint_type in object.get(f, "equals", [])
	every g in fields {
		field_admits(g)
	}
}

# cafscan does not know whether CloudTrail marks InvokeEndpoint read-only, so a selector that
# keeps only read-only or only write events may or may not record it: unknown, not a pass.
read_only_limited(selector) if {
	some f in object.get(selector, "fieldSelectors", [])
	f.field == "readOnly"
	some value in ["true", "false"]
	not value_admits(f, value)
}

# A trail whose selectors would record the endpoint's invocations but for a readOnly condition.
read_only_recorder(t) if {
	some selector in supplementary(t).AdvancedEventSelectors
	selects_ignoring_read_only(selector)
	read_only_limited(selector)
}

event_values := {
	"resources.type": endpoint_type,
	"resources.ARN": lib.resource.arn,
	"eventCategory": "Data",
	"eventName": "InvokeEndpoint",
	"eventSource": "sagemaker.amazonaws.com",
	"eventType": "AwsApiCall",
}

# readOnly is judged on its own (read_only_limited).
field_admits(f) if f.field == "readOnly"

field_admits(f) if selectors.admits(f, event_values[f.field])

# Any other field (userIdentity.arn, sessionCredentialFromConsole…) depends on the caller: a
# condition on it records some callers' invocations and not others', so only a field selector
# that sets no condition admits them all.
field_admits(f) if {
	not f.field in object.keys(event_values)
	f.field != "readOnly"
	selectors.unconditioned(f)
}

value_admits(f, value) if selectors.admits(f, value)

# --- logging status ------------------------------------------------------------------------------

logging(t) if supplementary(t).TrailStatus.isLogging == true

stopped(t) if supplementary(t).TrailStatus.isLogging == false

logged if {
	some t in trails
	records_endpoint(t)
	logging(t)
}

# --- outcome -------------------------------------------------------------------------------------

# Undefined when no account resource records a failure (failures[0] of an empty list).
trail_failure := failures[0] if {
	failures := sort([f |
		some account in lib.same_account_of_type("AWS::::Account")
		f := account.configuration.failedTypes[trail_type]
		is_string(f)
	])
}

missing contains reason if {
	not logged
	not lib.account_collected(trail_type)
	reason := concat("", ["CloudTrail trails could not be collected for this account: ", lib.text(trail_failure)])
}

missing contains "CloudTrail trails were not collected for this account" if {
	not logged
	not lib.account_collected(trail_type)
	not trail_failure
}

missing contains reason if {
	not logged
	some t in trails
	not selectors_known(t)
	reason := unknown_reason(t, "EventSelectors", concat("", ["the event selectors of trail ", lib.text(trail_name(t))]), "are")
}

# A recording trail here is not logging (else logged would hold); neither stopped nor logging is
# unknown status.
missing contains reason if {
	not logged
	some t in trails
	records_endpoint(t)
	not stopped(t)
	reason := unknown_reason(t, "TrailStatus", concat("", ["whether trail ", lib.text(trail_name(t)), " is logging"]), "is")
}

missing contains reason if {
	not logged
	some t in trails
	read_only_recorder(t)
	not stopped(t)
	reason := concat("", ["trail ", lib.text(trail_name(t)), " records the endpoint's data events only if they are read-only, or only if they are not, and whether CloudTrail marks InvokeEndpoint read-only is not known"])
}

# Why a trail's selectors or status are unknown: the failed call when the collector recorded one.
unknown_reason(t, key, what, verb) := concat("", [lib.text(what), " could not be read: ", lib.text(t.collectionErrors[key])]) if {
	is_string(t.collectionErrors[key])
} else := concat("", [lib.text(what), " ", lib.text(verb), " not in the inventory"])

stopped_recorders := sort([trail_name(t) |
	some t in trails
	records_endpoint(t)
	stopped(t)
])

violations contains msg if {
	not logged
	count(stopped_recorders) > 0
	msg := concat("", ["The CloudTrail trail(s) that record the invocations of endpoint ", lib.label, " (", concat(", ", stopped_recorders), ") are not logging."])
}

violations contains msg if {
	not logged
	count(stopped_recorders) == 0
	msg := concat("", ["No CloudTrail trail records the invocations (data events) of endpoint ", lib.label, "."])
}
