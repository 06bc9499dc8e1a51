# METADATA
# title: GuardDuty S3 Protection monitors S3 data events in each account and region
# description: >-
#   The region's enabled GuardDuty detector has S3 Protection on (feature S3_DATA_EVENTS
#   ENABLED, or the older DataSources.S3Logs ENABLED), so GuardDuty analyses S3 data events
#   (GetObject, PutObject, DeleteObject…) on the region's buckets and flags anomalous access
#   to training data, knowledge-base documents and model artifacts: exfiltration from an
#   unusual location or by unusual principals, discovery by a known malicious IP, or
#   sudden deletion. No detector, or a suspended one, fails; detectors that were not
#   collected, or whose status or features could not be read, give not evaluated.
# custom:
#   id: CAFAI-TD-03
#   capability: threat-detection
#   component: input
#   severity: high
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::GuardDuty::Detector"]
#   related_fields:
#     "AWS::GuardDuty::Detector": [configuration.Enable, configuration.Status, configuration.Id, configuration.Features, configuration.DataSources.S3Logs]
#   caf_section: "Threat detection"
#   rationale: >-
#     CAF-AI Threat detection asks to update monitoring for AI-specific threats such as the
#     poisoning of data sets used for training, data tampering and privacy breaches, and to
#     correlate the data a model uses to detect anomalous or malicious activity. Those
#     threats play out as reads, writes and deletions of objects in the buckets that feed
#     training and retrieval; CloudTrail management events do not show them, S3 Protection
#     analyses exactly those data events and raises a finding when their pattern turns
#     suspicious.
#   remediation:
#     console: >-
#       GuardDuty console (in this region) > Protection plans > S3 Protection > Edit > Enable
#       > Save. In an organization, enable it from the delegated administrator (S3
#       Protection > Enable for all accounts, with auto-enable for new accounts). If
#       GuardDuty itself is off or suspended, enable or resume it first.
#     cli: >-
#       aws guardduty update-detector --detector-id DETECTOR_ID
#       --features '[{"Name":"S3_DATA_EVENTS","Status":"ENABLED"}]'
#       (no detector yet: aws guardduty create-detector --enable --features '[{"Name":"S3_DATA_EVENTS","Status":"ENABLED"}]')
#     terraform: |-
#       resource "aws_guardduty_detector_feature" "s3" {
#         detector_id = aws_guardduty_detector.this.id
#         name        = "S3_DATA_EVENTS"
#         status      = "ENABLED"
#       }
package cafscan.controls.guardduty_s3_protection

import data.cafscan.lib

detector_type := "AWS::GuardDuty::Detector"

detectors := lib.same_region_of_type(detector_type)

# Config records `Enable` (boolean); the GuardDuty API returns `Status`.
enabled(d) if d.configuration.Enable == true

enabled(d) if d.configuration.Status == "ENABLED"

disabled(d) if d.configuration.Enable == false

disabled(d) if d.configuration.Status == "DISABLED"

detector_name(d) := object.get(d.configuration, "Id", d.id)

# S3 Protection: the S3_DATA_EVENTS feature (API, CloudFormation) or the older S3Logs data
# source (API `Status`, CloudFormation and Config `Enable`).
s3_feature_status(d, status) if {
	some f in lib.as_array(object.get(d.configuration, "Features", []))
	f.Name == "S3_DATA_EVENTS"
	f.Status == status
}

s3_on(d) if s3_feature_status(d, "ENABLED")

s3_on(d) if d.configuration.DataSources.S3Logs.Status == "ENABLED"

s3_on(d) if d.configuration.DataSources.S3Logs.Enable == true

s3_off(d) if s3_feature_status(d, "DISABLED")

s3_off(d) if d.configuration.DataSources.S3Logs.Status == "DISABLED"

s3_off(d) if d.configuration.DataSources.S3Logs.Enable == false

s3_known(d) if s3_on(d)

s3_known(d) if s3_off(d)

enabled_known(d) if enabled(d)

enabled_known(d) if disabled(d)

any_enabled if {
	some d in detectors
	enabled(d)
}

protected if {
	some d in detectors
	enabled(d)
	s3_on(d)
}

missing contains reason if {
	count(detectors) == 0
	reason := lib.uncollected_reason(detector_type, "GuardDuty detectors")
}

missing contains concat("", ["whether GuardDuty detector ", lib.text(detector_name(d)), " is enabled is not in the inventory"]) if {
	not any_enabled
	some d in detectors
	not enabled_known(d)
}

missing contains concat("", ["whether S3 Protection is on for GuardDuty detector ", lib.text(detector_name(d)), " is not in the inventory"]) if {
	not protected
	some d in detectors
	enabled(d)
	not s3_known(d)
}

violations contains concat("", ["GuardDuty is not enabled in ", lib.label, " (there is no detector), so S3 data events are not monitored."]) if {
	count(detectors) == 0
	lib.collected(detector_type)
}

violations contains concat("", ["GuardDuty is suspended in ", lib.label, " (detector ", lib.text(detector_name(d)), " is disabled), so S3 data events are not monitored."]) if {
	not any_enabled
	some d in detectors
	disabled(d)
}

# An enabled detector with S3 Protection on makes `protected` hold, so here s3_on(d) is false.
violations contains concat("", ["GuardDuty detector ", lib.text(detector_name(d)), " in ", lib.label, " does not have S3 Protection (S3 data events) enabled."]) if {
	not protected
	some d in detectors
	enabled(d)
	s3_off(d)
}
