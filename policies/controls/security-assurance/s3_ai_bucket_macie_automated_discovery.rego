# METADATA
# title: Amazon Macie automated sensitive data discovery covers the S3 buckets AI workloads use
# description: >-
#   For a bucket that holds training data, knowledge-base sources or other AI inputs, or that
#   receives AI outputs, Amazon Macie is enabled in the bucket's account and region, its
#   automated sensitive data discovery is ENABLED, and the bucket is not on the exclusion list
#   of the discovery's classification scope. Automated discovery samples every other bucket of
#   the account continuously, without a job to schedule. When Macie's status, the discovery
#   configuration or the classification scope is not in the inventory (a Config snapshot, a
#   denied call) the result is not evaluated.
# custom:
#   id: CAFAI-SA-90
#   capability: security-assurance
#   component: input
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::::Account"]
#   related_fields:
#     "AWS::::Account": [configuration.macie, configuration.macieAutomatedDiscovery, configuration.factErrors]
#   scope: linked
#   linked_components: ["input", "output"]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for audit mechanisms that show which data is ingested and
#     that it is processed lawfully, and for discovery that confirms outputs do not expose
#     sensitive or regulated data. Macie's automated discovery is the mechanism that keeps
#     finding personal data and credentials in the buckets models learn from and write to.
#     Prowler's macie_automated_sensitive_data_discovery_enabled checks the region's setting
#     only; a bucket excluded from the classification scope is never sampled, so this control
#     also checks the bucket against the scope's exclusion list.
#   remediation:
#     console: >-
#       Amazon Macie console (in the bucket's region) > Settings > Automated sensitive data
#       discovery > Enable; then under S3 buckets > Excluded, remove the bucket from the
#       exclusion list. Enable Macie first if it is not enabled.
#     cli: >-
#       aws macie2 update-automated-discovery-configuration --status ENABLED --region REGION
#       && aws macie2 update-classification-scope --id SCOPE_ID
#       --s3 '{"excludes":{"bucketNames":["BUCKET"],"operation":"REMOVE"}}' --region REGION
#     terraform: |-
#       resource "aws_macie2_account" "this" {
#         status = "ENABLED"
#       }
#
#       # Terraform's AWS provider has no automated-discovery resource yet:
#       resource "terraform_data" "macie_automated_discovery" {
#         provisioner "local-exec" {
#           command = "aws macie2 update-automated-discovery-configuration --status ENABLED"
#         }
#         depends_on = [aws_macie2_account.this]
#       }
#     cloudformation: |-
#       MacieSession:
#         Type: AWS::Macie::Session
#         Properties:
#           Status: ENABLED
#       # CloudFormation has no automated-discovery resource: run
#       # aws macie2 update-automated-discovery-configuration --status ENABLED after the stack.
#   references:
#     - id: Performing automated sensitive data discovery
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/macie/latest/user/discovery-asdd.html
#     - id: Macie API reference, automated discovery configuration
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/macie/latest/APIReference/automated-discovery-configuration.html
package cafscan.controls.s3_ai_bucket_macie_automated_discovery

import data.cafscan.lib

where := concat("", [lib.text(input.resource.accountId), " ", lib.text(input.resource.region)])

account := lib.related(concat("", ["arn:aws::", lib.text(input.resource.region), ":", lib.text(input.resource.accountId), ":account"]))

account_known if account

facts := object.get(account, "configuration", {})

macie_status := facts.macie.status

macie_known if is_string(macie_status)

macie_enabled if macie_status == "ENABLED"

discovery := facts.macieAutomatedDiscovery

discovery_status := discovery.status

discovery_known if is_string(discovery_status)

excluded := discovery.excludedBuckets

excluded_known if is_array(excluded)

# The bucket's name: Config and the live collector both use it as the resource id and name.
bucket_names := {n | some n in [input.resource.id, input.resource.name, lib.configuration.name]; is_string(n)}

on_exclusion_list if {
	some n in bucket_names
	n in excluded
}

missing contains concat("", ["the account resource for ", lib.text(where), " is not in the inventory"]) if not account_known

# A failure to read wins over a value recorded before it.
missing contains concat("", ["whether Amazon Macie is enabled in ", lib.text(where), " could not be read: ", lib.text(facts.factErrors.macie)])

missing contains concat("", ["whether Amazon Macie is enabled in ", lib.text(where), " is not in the inventory"]) if {
	account_known
	not macie_known
	not facts.factErrors.macie
}

missing contains concat("", ["Macie automated sensitive data discovery in ", lib.text(where), " could not be read: ", lib.text(facts.factErrors.macieAutomatedDiscovery)]) if {
	macie_enabled
}

missing contains concat("", ["whether Macie automated sensitive data discovery is enabled in ", lib.text(where), " is not in the inventory"]) if {
	macie_enabled
	not discovery_known
	not facts.factErrors.macieAutomatedDiscovery
}

missing contains concat("", ["the buckets excluded from Macie automated discovery in ", lib.text(where), " are not in the inventory"]) if {
	macie_enabled
	discovery_status == "ENABLED"
	not excluded_known
	not facts.factErrors.macieAutomatedDiscovery
}

# (A read that failed makes the result not evaluated whatever these say: `missing` wins.)
violations contains msg if {
	not macie_enabled
	msg := concat("", [
		"Amazon Macie is not enabled in ", lib.text(where), " (status ", lib.text(macie_status), "), so no automated sensitive data discovery samples bucket ", lib.label, ".",
	])
}

violations contains msg if {
	macie_enabled
	discovery_status != "ENABLED"
	msg := concat("", [
		"Macie automated sensitive data discovery is not enabled in ", lib.text(where), " (status ", lib.text(discovery_status), "), so bucket ", lib.label, " is not sampled for sensitive data.",
	])
}

violations contains msg if {
	macie_enabled
	discovery_status == "ENABLED"
	on_exclusion_list
	msg := concat("", ["Bucket ", lib.label, " is excluded from Macie automated sensitive data discovery (classification scope) in ", lib.text(where), "."])
}
