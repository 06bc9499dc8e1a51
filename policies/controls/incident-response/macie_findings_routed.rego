# METADATA
# title: Amazon Macie findings are routed to a responder by an EventBridge rule
# description: >-
#   Where Amazon Macie is enabled (status ENABLED) in the region, the account has there an
#   enabled EventBridge rule on the default event bus whose event pattern matches Macie
#   findings (source aws.macie, detail type "Macie Finding" or no detail-type condition) and
#   that has at least one target (an SNS topic, a ticketing or chat integration, a Lambda or
#   Step Functions playbook), so sensitive data discovered in training data, feature stores or
#   knowledge-base sources reaches someone who quarantines it. Regions where Macie is not
#   enabled are not applicable: there are no findings to route, and CAFAI-SA-08 and
#   CAFAI-SA-90 report the missing Macie. When the region's Macie status is not in the
#   inventory (AWS Config does not record it: Config-only input) the result is not evaluated.
# custom:
#   id: CAFAI-IR-97
#   capability: incident-response
#   component: input
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::Events::Rule"]
#   related_fields:
#     "AWS::Events::Rule": [configuration.EventPattern, configuration.EventBusName, configuration.State, configuration.Targets, configuration.Name, collectionErrors]
#   caf_section: "Incident response"
#   rationale: >-
#     CAF-AI leaves Incident response as in the AWS CAF, which expects security events to be
#     routed to the people and automation that contain them; for AI inputs the incident is
#     sensitive, regulated or unexpected data landing in a training set or retrieval source,
#     which CAF-AI Data protection asks to detect and alert on before a model learns or
#     repeats it. Macie is what detects it in S3, but its findings wait in the Macie console
#     unless an EventBridge rule sends them to a responder: the input-data counterpart of
#     routing GuardDuty findings (CAFAI-IR-01).
#   remediation:
#     console: >-
#       EventBridge console (in this region) > Rules > Create rule: event bus "default", rule
#       with an event pattern, AWS service "Macie", event type "Macie Finding" (or source
#       aws.macie), then add a target such as an SNS topic subscribed by the data owners or
#       on-call team, an incident-management integration or a Lambda/Step Functions
#       quarantine playbook, and create the rule enabled.
#     cli: >-
#       aws events put-rule --name macie-findings --event-pattern
#       '{"source":["aws.macie"],"detail-type":["Macie Finding"]}' --state ENABLED
#       && aws events put-targets --rule macie-findings --targets Id=oncall,Arn=SNS_TOPIC_ARN
#     terraform: |-
#       resource "aws_cloudwatch_event_rule" "macie" {
#         name = "macie-findings"
#         event_pattern = jsonencode({
#           source        = ["aws.macie"]
#           "detail-type" = ["Macie Finding"]
#         })
#       }
#       resource "aws_cloudwatch_event_target" "oncall" {
#         rule = aws_cloudwatch_event_rule.macie.name
#         arn  = aws_sns_topic.oncall.arn
#       }
#     cloudformation: |-
#       MacieFindingsRule:
#         Type: AWS::Events::Rule
#         Properties:
#           Name: macie-findings
#           State: ENABLED
#           EventPattern:
#             source: [aws.macie]
#             detail-type: [Macie Finding]
#           Targets:
#             - Id: oncall
#               Arn: !Ref OnCallTopic
#   references:
#     - id: Amazon EventBridge event schema for Macie findings
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/macie/latest/user/findings-publish-event-schemas.html
#     - id: Monitoring Macie findings with Amazon EventBridge
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/macie/latest/user/findings-monitor-events-eventbridge.html
package cafscan.controls.macie_findings_routed

import data.cafscan.lib
import data.cafscan.lib.events

rule_type := events.rule_type

source := "aws.macie"

detail_type := "Macie Finding"

status := lib.configuration.macie.status

fact_error := lib.configuration.factErrors.macie

# Without Macie there is nothing to route (CAFAI-SA-08 and CAFAI-SA-90 fail on that). Only a
# recorded status that is not ENABLED rules the region out; an unknown one is missing below.
out_of_scope if {
	not fact_error
	status_known
	status != "ENABLED"
}

status_known if is_string(status)

missing contains concat("", ["whether Amazon Macie is enabled in ", lib.label, " could not be read: ", lib.text(fact_error)])

missing contains concat("", ["whether Amazon Macie is enabled in ", lib.label, " is not in the inventory"]) if {
	not fact_error
	not status_known
}

# A Macie rule whose targets could not be read might be the one that routes findings.
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

# Rules not collected, or a Macie rule whose targets are unknown, are reported by missing, which
# wins over violations (main.rego).
violations contains concat("", ["Amazon Macie is enabled in ", lib.label, " but no enabled EventBridge rule sends its findings to a target, so sensitive data it finds in AI input data reaches no responder."]) if {
	not routed
}
