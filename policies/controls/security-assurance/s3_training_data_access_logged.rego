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
import data.cafscan.lib.s3_data_events as events

missing contains reason if {
	count(events.gaps) > 0
	not events.trails_collected
	reason := events.uncollected_reason
}

missing contains concat("", ["the event selectors of CloudTrail trail ", lib.text(events.trail_name(t)), " are not in the inventory"]) if {
	count(events.gaps) > 0
	some t in events.trails
	not events.selectors_known(t)
	not events.stopped(t)
}

missing contains concat("", ["whether CloudTrail trail ", lib.text(events.trail_name(t)), " is logging is not in the inventory"]) if {
	some kind in events.gaps
	some t in events.trails
	events.records(t, kind)
	not events.status_known(t)
}

stopped_note := concat("", [" (trail ", concat(", ", names), " would record them but is not logging)"]) if {
	names := sort({events.trail_name(t) |
		some t in events.trails
		events.stopped(t)
		some kind in events.gaps
		events.records(t, kind)
	})
	count(names) > 0
} else := ""

violations contains concat("", ["No CloudTrail trail records S3 data events for objects in bucket ", lib.label, ", so reads and writes of its training data leave no audit trail", lib.text(stopped_note), "."]) if {
	count(events.gaps) == 2
}

violations contains concat("", ["CloudTrail records only write data events for objects in bucket ", lib.label, ", so reads of its training data leave no audit trail", lib.text(stopped_note), "."]) if {
	events.gaps == ["read"]
}

violations contains concat("", ["CloudTrail records only read data events for objects in bucket ", lib.label, ", so writes to its training data leave no audit trail", lib.text(stopped_note), "."]) if {
	events.gaps == ["write"]
}
