# METADATA
# title: AWS Security Hub is enabled with a security standard in each account and region
# description: >-
#   The account's AWS Security Hub (CSPM) hub is enabled in this region and runs at least one
#   security standard whose subscription is READY or INCOMPLETE (some of its controls could not
#   be enabled, the rest run). Security Hub's standards include the checks of SageMaker AI and
#   Amazon Bedrock resources and aggregate GuardDuty, Macie, Inspector and IAM Access Analyzer
#   findings. A region that never enabled Security Hub answers DescribeHub with
#   InvalidAccessException (not subscribed), which is read as not enabled. AWS Config does not
#   record the hub: on Config-only input the result is not evaluated.
# custom:
#   id: CAFAI-SA-92
#   capability: security-assurance
#   component: model
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for continuous evaluation of AI workloads against the
#     security and compliance requirements that apply to them, with audit mechanisms that show
#     adherence to the control framework. Security Hub is the AWS service that evaluates
#     resources against such standards continuously and gathers the findings of the other
#     detection services in one place. Prowler's securityhub_enabled passes on an enabled hub
#     even when no standard is subscribed; a hub without a standard evaluates nothing, so this
#     control also requires a running standard.
#   remediation:
#     console: >-
#       Security Hub CSPM console (in this region) > Go to Security Hub > Enable Security Hub
#       with AWS Foundational Security Best Practices selected; for an enabled hub: Security
#       standards > enable a standard. In an organization, enable it from the delegated
#       administrator with central configuration for every account and region.
#     cli: >-
#       aws securityhub enable-security-hub --enable-default-standards --region REGION
#       (for an enabled hub: aws securityhub batch-enable-standards --standards-subscription-requests
#       StandardsArn=arn:aws:securityhub:REGION::standards/aws-foundational-security-best-practices/v/1.0.0)
#     terraform: |-
#       resource "aws_securityhub_account" "this" {
#         enable_default_standards = true
#       }
#     cloudformation: |-
#       Hub:
#         Type: AWS::SecurityHub::Hub
#         Properties:
#           EnableDefaultStandards: true
#   references:
#     - id: Security Hub API reference, DescribeHub
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DescribeHub.html
#     - id: Security Hub API reference, GetEnabledStandards
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_GetEnabledStandards.html
package cafscan.controls.securityhub_enabled

import data.cafscan.lib
import data.cafscan.lib.account_facts

fact_name := "securityHub"

hub := lib.configuration[fact_name]

has_fact if is_object(hub)

missing contains reason if {
	not has_fact
	reason := unknown_reason
}

unknown_reason := reason if {
	reason := account_facts.own_unknown_reason(fact_name, "whether AWS Security Hub is enabled")
} else := "whether AWS Security Hub is enabled is not in the inventory (configuration.securityHub)"

enabled if hub.enabled == true

disabled if hub.enabled == false

missing contains "whether AWS Security Hub is enabled is not in the inventory" if {
	has_fact
	not enabled
	not disabled
}

has_standards if is_array(hub.standards)

missing contains "the security standards of the AWS Security Hub hub are not in the inventory" if {
	enabled
	not has_standards
}

# READY: every control of the standard runs; INCOMPLETE: some could not be enabled, the others
# run. PENDING, DELETING and FAILED standards evaluate nothing.
running := {"READY", "INCOMPLETE"}

runs_a_standard if {
	some s in hub.standards
	s.status in running
}

violations contains concat("", ["AWS Security Hub is not enabled in ", lib.label, "."]) if disabled

violations contains concat("", ["AWS Security Hub in ", lib.label, " runs no security standard (none is READY), so it evaluates none of the AI resources."]) if {
	enabled
	has_standards
	not runs_a_standard
}
