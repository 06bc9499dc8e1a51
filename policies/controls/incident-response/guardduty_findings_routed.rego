# METADATA
# title: GuardDuty findings are routed to a responder by an EventBridge rule
# description: >-
#   The account has, in this region, an enabled EventBridge rule on the default event bus whose
#   event pattern matches events from GuardDuty (source aws.guardduty) and that has at least one
#   target (an SNS topic, a ticketing or chat integration, a Lambda or Step Functions
#   playbook), so findings about AI workloads reach someone who acts on them instead of
#   waiting in the console.
# custom:
#   id: CAFAI-IR-01
#   capability: incident-response
#   component: output
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::Events::Rule"]
#   related_fields:
#     "AWS::Events::Rule": [configuration.EventPattern, configuration.EventBusName, configuration.State, configuration.Targets, configuration.Name, collectionErrors]
#   caf_section: "Incident response"
#   rationale: >-
#     CAF-AI leaves Incident response as in the AWS CAF, which expects security events to be
#     routed to the people and automation that contain them. CAF-AI Vulnerability management
#     adds that remediation playbooks be tested in game days and table-top exercises, and a
#     playbook only runs if the alert reaches it. GuardDuty is where misuse of model
#     credentials, notebooks and training data first shows up; an EventBridge rule that sends
#     its findings to a target is the link between that detection and a response.
#   remediation:
#     console: >-
#       EventBridge console (in this region) > Rules > Create rule: event bus "default", rule
#       with an event pattern, AWS service "GuardDuty", event type "GuardDuty Finding" (or
#       source aws.guardduty), then add a target such as an SNS topic subscribed by the
#       on-call team, an incident-management integration or a Lambda/Step Functions playbook,
#       and create the rule enabled.
#     cli: >-
#       aws events put-rule --name guardduty-findings --event-pattern
#       '{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]}' --state ENABLED
#       && aws events put-targets --rule guardduty-findings --targets Id=oncall,Arn=SNS_TOPIC_ARN
#     terraform: |-
#       resource "aws_cloudwatch_event_rule" "guardduty" {
#         name = "guardduty-findings"
#         event_pattern = jsonencode({
#           source        = ["aws.guardduty"]
#           "detail-type" = ["GuardDuty Finding"]
#         })
#       }
#       resource "aws_cloudwatch_event_target" "oncall" {
#         rule = aws_cloudwatch_event_rule.guardduty.name
#         arn  = aws_sns_topic.oncall.arn
#       }
package cafscan.controls.guardduty_findings_routed

import data.cafscan.lib

rule_type := "AWS::Events::Rule"

enabled_states := {"ENABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"}

# The pattern is an object in Config's item, a JSON string in the EventBridge API.
pattern(rule) := rule.configuration.EventPattern if {
	is_object(rule.configuration.EventPattern)
} else := json.unmarshal(rule.configuration.EventPattern) if {
	is_string(rule.configuration.EventPattern)
}

# GuardDuty sends findings to the default bus only.
on_default_bus(rule) if not rule.configuration.EventBusName

on_default_bus(rule) if rule.configuration.EventBusName == "default"

on_default_bus(rule) if endswith(rule.configuration.EventBusName, ":event-bus/default")

listens_to_guardduty(rule) if {
	rule.configuration.State in enabled_states
	on_default_bus(rule)
	"aws.guardduty" in lib.as_array(pattern(rule).source)
	admits_findings(pattern(rule))
}

# GuardDuty also emits other detail types (malware scan results…); a pattern that names detail
# types must name "GuardDuty Finding" to match findings. No detail-type condition matches all.
admits_findings(p) if not has_detail_type(p)

admits_findings(p) if "GuardDuty Finding" in lib.as_array(p["detail-type"])

has_detail_type(p) if p["detail-type"]

# No Targets key and no collection error is a rule without targets: AWS Config, like
# CloudFormation, leaves an empty list out; the live collector records the key whenever
# ListTargetsByRule answered and an error otherwise.
routes_guardduty(rule) if {
	listens_to_guardduty(rule)
	is_array(rule.configuration.Targets)
	count(rule.configuration.Targets) > 0
}

# A GuardDuty rule whose targets could not be read might be the one that routes findings.
targets_unknown contains rule.configuration.Name if {
	some rule in lib.same_region_of_type(rule_type)
	listens_to_guardduty(rule)
	rule.collectionErrors.Targets
}

routed if {
	some rule in lib.same_region_of_type(rule_type)
	routes_guardduty(rule)
}

missing contains reason if {
	not routed
	reason := lib.uncollected_reason(rule_type, "EventBridge rules")
}

missing contains concat("", ["the targets of EventBridge rule ", lib.text(name), " could not be read"]) if {
	not routed
	some name in targets_unknown
}

violations contains concat("", ["No enabled EventBridge rule in ", lib.label, " sends GuardDuty findings to a target."]) if {
	not routed
	lib.collected(rule_type)
	count(targets_unknown) == 0
}
