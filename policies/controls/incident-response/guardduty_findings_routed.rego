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
import data.cafscan.lib.events

rule_type := events.rule_type

source := "aws.guardduty"

detail_type := "GuardDuty Finding"

# A GuardDuty rule whose targets could not be read might be the one that routes findings.
targets_unknown := events.targets_unknown(source, detail_type)

routed if events.routed(source, detail_type)

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
