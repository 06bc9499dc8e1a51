# METADATA
# title: GuardDuty is enabled in each account and region
# description: >-
#   The account has an enabled Amazon GuardDuty detector in this region. GuardDuty analyses
#   CloudTrail management events, VPC flow logs and DNS logs (and, with its protection plans,
#   S3 data events, runtime activity and more) to flag credential misuse, reconnaissance,
#   crypto-mining and data exfiltration around the resources that AI workloads run on.
# custom:
#   id: CAFAI-TD-02
#   capability: threat-detection
#   component: input
#   severity: high
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::GuardDuty::Detector"]
#   related_fields:
#     "AWS::GuardDuty::Detector": [configuration.Enable, configuration.Status, configuration.Id]
#   caf_section: "Threat detection"
#   rationale: >-
#     CAF-AI Threat detection asks for threats to be detected from the moment a model is used,
#     for input data to be followed across sessions to catch misuse, and for threat
#     intelligence to sharpen detection. Stolen credentials calling Bedrock or SageMaker AI,
#     unusual access to training buckets and compromised notebook instances all surface first
#     as GuardDuty findings; without a detector in the region none of them is raised.
#   remediation:
#     console: >-
#       GuardDuty console (in this region) > Get started > Enable GuardDuty; in an
#       organization, enable it from the delegated administrator for all member accounts and
#       turn on auto-enable so new accounts are covered. If a detector exists but is
#       suspended: Settings > General > Resume GuardDuty.
#     cli: >-
#       aws guardduty create-detector --enable --region REGION
#       (for a suspended detector: aws guardduty update-detector --detector-id ID --enable)
#     terraform: |-
#       resource "aws_guardduty_detector" "this" {
#         enable = true
#       }
package cafscan.controls.guardduty_enabled

import data.cafscan.lib

detector_type := "AWS::GuardDuty::Detector"

detectors := lib.same_region_of_type(detector_type)

# Config records `Enable` (boolean); the GuardDuty API returns `Status`.
enabled(d) if d.configuration.Enable == true

enabled(d) if d.configuration.Status == "ENABLED"

disabled(d) if d.configuration.Enable == false

disabled(d) if d.configuration.Status == "DISABLED"

detector_name(d) := object.get(d.configuration, "Id", d.id)

any_enabled if {
	some d in detectors
	enabled(d)
}

# No detector here is enabled, so one that is not disabled has an unknown state.
missing contains concat("", ["whether GuardDuty detector ", lib.text(detector_name(d)), " is enabled is not in the inventory"]) if {
	not any_enabled
	some d in detectors
	not disabled(d)
}

missing contains reason if {
	count(detectors) == 0
	reason := lib.uncollected_reason(detector_type, "GuardDuty detectors")
}

violations contains concat("", ["GuardDuty is suspended in ", lib.label, " (detector ", lib.text(detector_name(d)), " is disabled)."]) if {
	not any_enabled
	some d in detectors
	disabled(d)
}

violations contains concat("", ["GuardDuty is not enabled in ", lib.label, ": there is no detector."]) if {
	count(detectors) == 0
	lib.collected(detector_type)
}
