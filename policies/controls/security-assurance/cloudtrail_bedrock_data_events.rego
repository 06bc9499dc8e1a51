# METADATA
# title: CloudTrail records the data events of the Bedrock agents, knowledge bases and guardrails in use
# description: >-
#   In each account and region that holds Amazon Bedrock agents, knowledge bases or guardrails,
#   a logging CloudTrail trail of the account that covers the region (homed there, or
#   multi-region) has an advanced event selector for data events (eventCategory Data) of the
#   matching resource type: AWS::Bedrock::AgentAlias (InvokeAgent), AWS::Bedrock::KnowledgeBase
#   (Retrieve, RetrieveAndGenerate) and AWS::Bedrock::Guardrail (ApplyGuardrail). Trails log
#   management events only unless told otherwise, so without such selectors the calls that run
#   agents, query knowledge bases and apply guardrails leave no audit record. A selector
#   narrowed by readOnly, eventName, resources.ARN or another field records only some of those
#   calls and does not count. Regions without these resources are not checked; where a listing
#   of them failed or was not collected, it is not evaluated unless its events are recorded. AWS Config does
#   not record event selectors or logging status: on Config-only input the result is not
#   evaluated.
# custom:
#   id: CAFAI-SA-91
#   capability: security-assurance
#   component: model
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   related_resource_types:
#     - AWS::CloudTrail::Trail
#     - AWS::Bedrock::Agent
#     - AWS::Bedrock::KnowledgeBase
#     - AWS::Bedrock::Guardrail
#   related_fields:
#     "AWS::CloudTrail::Trail": [configuration.isMultiRegionTrail, configuration.hasCustomEventSelectors, supplementaryConfiguration.TrailStatus, supplementaryConfiguration.EventSelectors, supplementaryConfiguration.AdvancedEventSelectors, collectionErrors]
#     "AWS::Bedrock::Agent": []
#     "AWS::Bedrock::KnowledgeBase": []
#     "AWS::Bedrock::Guardrail": []
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for audit mechanisms that show how the model uses data and
#     where AI capabilities are used. Who invoked which agent, which knowledge base was queried
#     and which guardrail was applied are Bedrock data events: CloudTrail records them only for
#     the resource types a trail's advanced event selectors name. Prowler's
#     cloudtrail_bedrock_logging_enabled passes on any trail that records Bedrock management
#     events; this control requires the data events of the resource types the region actually
#     uses, on a trail that is logging.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the multi-region trail > Data events > Edit: add a data
#       event type for each of "Bedrock agent alias", "Bedrock knowledge base" and "Bedrock
#       guardrail" with the log selector template "Log all events", and save.
#     cli: >-
#       aws cloudtrail put-event-selectors --trail-name TRAIL --advanced-event-selectors
#       '[{"Name":"Management","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},
#       {"Name":"Bedrock agents","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::Bedrock::AgentAlias"]}]},
#       {"Name":"Bedrock knowledge bases","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::Bedrock::KnowledgeBase"]}]},
#       {"Name":"Bedrock guardrails","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::Bedrock::Guardrail"]}]}]'
#     terraform: |-
#       resource "aws_cloudtrail" "main" {
#         # ...
#         advanced_event_selector {
#           name = "Management"
#           field_selector {
#             field  = "eventCategory"
#             equals = ["Management"]
#           }
#         }
#         dynamic "advanced_event_selector" {
#           for_each = toset(["AWS::Bedrock::AgentAlias", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail"])
#           content {
#             name = advanced_event_selector.value
#             field_selector {
#               field  = "eventCategory"
#               equals = ["Data"]
#             }
#             field_selector {
#               field  = "resources.type"
#               equals = [advanced_event_selector.value]
#             }
#           }
#         }
#       }
#     cloudformation: |-
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           IsLogging: true
#           IsMultiRegionTrail: true
#           S3BucketName: !Ref TrailBucket
#           AdvancedEventSelectors:
#             - Name: Management
#               FieldSelectors:
#                 - { Field: eventCategory, Equals: [Management] }
#             - Name: Bedrock agents
#               FieldSelectors:
#                 - { Field: eventCategory, Equals: [Data] }
#                 - { Field: resources.type, Equals: ["AWS::Bedrock::AgentAlias"] }
#             - Name: Bedrock knowledge bases
#               FieldSelectors:
#                 - { Field: eventCategory, Equals: [Data] }
#                 - { Field: resources.type, Equals: ["AWS::Bedrock::KnowledgeBase"] }
#             - Name: Bedrock guardrails
#               FieldSelectors:
#                 - { Field: eventCategory, Equals: [Data] }
#                 - { Field: resources.type, Equals: ["AWS::Bedrock::Guardrail"] }
#   references:
#     - id: Logging data events (CloudTrail data event resource types)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
#     - id: Monitor Amazon Bedrock API calls using CloudTrail
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html
package cafscan.controls.cloudtrail_bedrock_data_events

import data.cafscan.lib
import data.cafscan.lib.trail_selectors as selectors

trail_type := "AWS::CloudTrail::Trail"

region := input.resource.region

# The data-event resource type each Bedrock resource type needs, and what it is called.
needed := {
	"AWS::Bedrock::Agent": "AWS::Bedrock::AgentAlias",
	"AWS::Bedrock::KnowledgeBase": "AWS::Bedrock::KnowledgeBase",
	"AWS::Bedrock::Guardrail": "AWS::Bedrock::Guardrail",
}

required contains data_type if {
	some type, data_type in needed
	lib.in_region(type)
}

# Data-event types the region may need although no resource found says so: the listing of that
# Bedrock type failed or was not collected (a denied ListAgents), so "none found" proves nothing.
unsure_reason[data_type] := lib.presence_unknown_reason([type], concat("", ["the region has Bedrock ", nouns[type]])) if {
	some type, data_type in needed
}

nouns := {"AWS::Bedrock::Agent": "agents", "AWS::Bedrock::KnowledgeBase": "knowledge bases", "AWS::Bedrock::Guardrail": "guardrails"}

# Out of scope only when the region is known to hold none of them (or every data-event type it
# might need is recorded anyway).
out_of_scope if {
	count(required) == 0
	count(unsure) == 0
}

# Trails of this account that cover this region: homed here, or multi-region.
trails := [t |
	some t in lib.same_account_of_type(trail_type)
	covers(t)
]

covers(t) if t.region == region

covers(t) if t.configuration.isMultiRegionTrail == true

trail_name(t) := t.name if {
	is_string(t.name)
	t.name != ""
} else := t.id

supplementary(t) := object.get(t, "supplementaryConfiguration", {})

logging(t) if supplementary(t).TrailStatus.isLogging == true

stopped(t) if supplementary(t).TrailStatus.isLogging == false

# The selectors are known when GetEventSelectors answered (either list), or when the trail never
# had custom selectors (then it logs management events only).
selectors_known(t) if is_array(supplementary(t).AdvancedEventSelectors)

selectors_known(t) if is_array(supplementary(t).EventSelectors)

selectors_known(t) if t.configuration.hasCustomEventSelectors == false

# Fields that do not narrow a selector for a given resource type (eventSource only when it
# admits Bedrock's: a selector for s3.amazonaws.com records no Bedrock event).
whole_fields := {"eventCategory", "resources.type"}

bedrock_source := "bedrock.amazonaws.com"

field(s, name) := [f | some f in object.get(s, "fieldSelectors", []); f.field == name]

selects(s, data_type) if {
	some c in field(s, "eventCategory")
	"Data" in object.get(c, "equals", [])
	some r in field(s, "resources.type")
	data_type in object.get(r, "equals", [])
	not narrowed(s)
}

narrowed(s) if {
	some f in object.get(s, "fieldSelectors", [])
	not f.field in whole_fields
	f.field != "eventSource"
}

narrowed(s) if {
	some f in object.get(s, "fieldSelectors", [])
	f.field == "eventSource"
	not selectors.admits(f, bedrock_source)
}

narrowed(s) if {
	some f in object.get(s, "fieldSelectors", [])
	some key, value in f
	key != "field"
	key != "equals"
	count(value) > 0
}

recorded contains data_type if {
	some t in trails
	logging(t)
	some s in supplementary(t).AdvancedEventSelectors
	some _, data_type in needed
	selects(s, data_type)
}

unrecorded := {d | some d in required; not d in recorded}

unsure := {d | some d, _ in unsure_reason; not d in recorded}

# A known gap is reported as a failure; only without one does an unknown scope leave the
# verdict open.
missing contains reason if {
	count(unrecorded) == 0
	some d in unsure
	reason := unsure_reason[d]
}

missing contains reason if {
	count(unrecorded) > 0
	reason := lib.uncollected_reason(trail_type, "CloudTrail trails")
}

missing contains reason if {
	count(unrecorded) > 0
	some t in trails
	not logging(t)
	not stopped(t)
	reason := unknown_reason(t, "TrailStatus", concat("", ["whether trail ", lib.text(trail_name(t)), " is logging"]), "is")
}

missing contains reason if {
	count(unrecorded) > 0
	some t in trails
	logging(t)
	not selectors_known(t)
	reason := unknown_reason(t, "EventSelectors", concat("", ["the event selectors of trail ", lib.text(trail_name(t))]), "are")
}

# Multi-region trails this region's DescribeTrails saw homed in a region that was not scanned.
elsewhere := object.get(object.get(lib.configuration, "cloudtrailMultiRegionTrailsFromOtherRegions", {}), "trails", [])

missing contains msg if {
	count(unrecorded) > 0
	some t in elsewhere
	arn := t.trailARN
	not lib.related(arn)
	msg := concat("", ["multi-region trail ", lib.text(object.get(t, "name", arn)), " (home region ", lib.text(object.get(t, "homeRegion", "unknown")), ") covers this region but is not in the inventory: scan its home region to judge it"])
}

unknown_reason(t, key, what, verb) := concat("", [lib.text(what), " could not be read: ", lib.text(t.collectionErrors[key])]) if {
	is_string(t.collectionErrors[key])
} else := concat("", [lib.text(what), " ", lib.text(verb), " not in the inventory (AWS Config does not record it; live collection does)"])

violations contains msg if {
	count(unrecorded) > 0
	lib.collected(trail_type)
	msg := concat("", [
		"No logging CloudTrail trail covering ", lib.label, " records the Bedrock data events of ", concat(", ", sort(unrecorded)), " (an advanced event selector with eventCategory Data and that resources.type, not narrowed further).",
	])
}
