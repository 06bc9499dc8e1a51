# METADATA
# title: Amazon Macie is enabled where S3 buckets receive AI outputs
# description: >-
#   Amazon Macie is enabled (status ENABLED) in the account and region of a bucket that
#   receives captured requests and responses, inference results or model invocation logs, so
#   sensitive data in what models were asked and what they produced can be discovered and
#   reported. A suspended (PAUSED) or never enabled Macie fails. Whether automated sensitive
#   data discovery or a classification job actually covers this bucket is not in the
#   inventory and is not checked. When the region's Macie status is not in the inventory
#   (not collected, or the call failed) the result is not evaluated.
# custom:
#   id: CAFAI-SA-08
#   capability: security-assurance
#   component: output
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::::Account"]
#   related_fields:
#     "AWS::::Account": [configuration.macie, configuration.factErrors]
#   scope: linked
#   caf_section: "Security assurance"
#   rationale: >-
#     For the output component, CAF-AI Security assurance asks for discovery or audit
#     mechanisms that review output data, to confirm generated data cannot be used to infer
#     or recreate sensitive, regulated or de-identified data; CAF-AI Data protection asks to
#     monitor the sensitivity of model output and to alert on sensitive data where it should
#     not be. Macie is the AWS service that inspects S3 objects for personal data,
#     credentials and other sensitive content, and it can only do so for buckets in a region
#     where it is enabled.
#   remediation:
#     console: >-
#       Amazon Macie console (in the bucket's region) > Get started > Enable Macie; in an
#       organization, enable it from the delegated administrator for all member accounts.
#       Then turn on automated sensitive data discovery (or create a sensitive data discovery
#       job) that includes the buckets receiving AI outputs. If Macie is suspended: Settings
#       > Resume Macie.
#     cli: >-
#       aws macie2 enable-macie --region REGION
#       && aws macie2 update-automated-discovery-configuration --status ENABLED --region REGION
#       (for a suspended Macie: aws macie2 update-macie-session --status ENABLED --region REGION)
#     terraform: |-
#       resource "aws_macie2_account" "this" {
#         finding_publishing_frequency = "FIFTEEN_MINUTES"
#         status                       = "ENABLED"
#       }
#     cloudformation: |-
#       MacieSession:
#         Type: AWS::Macie::Session
#         Properties:
#           FindingPublishingFrequency: FIFTEEN_MINUTES
#           Status: ENABLED
#   references:
#     - id: What is Amazon Macie?
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/macie/latest/user/what-is-macie.html
package cafscan.controls.s3_ai_output_bucket_macie

import data.cafscan.lib

where := concat("", [lib.text(input.resource.accountId), " ", lib.text(input.resource.region)])

# The account resource of the bucket's account and region carries the `macie` fact.
account := lib.related(concat("", ["arn:aws::", lib.text(input.resource.region), ":", lib.text(input.resource.accountId), ":account"]))

account_known if account

facts := object.get(account, "configuration", {})

macie := facts.macie

status := macie.status

status_known if is_string(status)

fact_error := facts.factErrors.macie

missing contains concat("", ["the account resource for ", lib.text(where), " is not in the inventory"]) if not account_known

# A failure to read wins over a status recorded before it (as for every account fact:
# lib/account_facts.rego); without the account resource there is no fact_error.
missing contains concat("", ["whether Amazon Macie is enabled in ", lib.text(where), " could not be read: ", lib.text(fact_error)])

missing contains concat("", ["whether Amazon Macie is enabled in ", lib.text(where), " is not in the inventory"]) if {
	account_known
	not status_known
	not fact_error
}

violations contains msg if {
	status_known
	status != "ENABLED"
	msg := concat("", [
		"Amazon Macie is not enabled in ", lib.text(where), " (status ", lib.text(status), "), so sensitive data in the AI outputs written to bucket ", lib.label, " is not discovered.",
	])
}
