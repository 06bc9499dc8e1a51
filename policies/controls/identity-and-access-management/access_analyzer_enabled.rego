# METADATA
# title: IAM Access Analyzer has an active external access analyzer in each account and region
# description: >-
#   The account has an IAM Access Analyzer analyzer of type ACCOUNT or ORGANIZATION (external
#   access) with status ACTIVE in this region, so S3 buckets, KMS keys, IAM roles and the other
#   supported resources that AI workloads use are continuously analysed for access granted
#   outside the zone of trust. Unused-access and internal-access analyzers do not count: they
#   do not find external access. An ORGANIZATION analyzer created in the delegated
#   administrator account is not listed in member accounts; there this check fails unless the
#   member has its own analyzer. AWS Config does not record analyzers: on Config-only input
#   the result is not evaluated.
# custom:
#   id: CAFAI-IAM-90
#   capability: identity-and-access-management
#   component: input
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   caf_section: "Identity and access management"
#   rationale: >-
#     CAF-AI refers Identity and access management to the AWS CAF capability, which asks for
#     access to be granted by least privilege and reviewed continuously. Training data buckets,
#     the KMS keys that protect them and the roles AI services assume are shared across accounts
#     by resource policies; an external access analyzer is how AWS reports every such grant
#     outside the account or organization. Prowler's accessanalyzer_enabled passes on any active
#     analyzer; an unused-access analyzer does not look for external access, so this control
#     counts only external access analyzers.
#   remediation:
#     console: >-
#       IAM console (in this region) > Access analyzer > Analyzer settings > Create analyzer:
#       Finding type "External access analysis", zone of trust the account (or, from the
#       management or delegated administrator account, the organization).
#     cli: >-
#       aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region REGION
#     terraform: |-
#       resource "aws_accessanalyzer_analyzer" "external" {
#         analyzer_name = "external-access"
#         type          = "ACCOUNT"
#       }
#     cloudformation: |-
#       ExternalAccessAnalyzer:
#         Type: AWS::AccessAnalyzer::Analyzer
#         Properties:
#           AnalyzerName: external-access
#           Type: ACCOUNT
#   references:
#     - id: Using IAM Access Analyzer
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
#     - id: IAM Access Analyzer API reference, ListAnalyzers
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListAnalyzers.html
package cafscan.controls.access_analyzer_enabled

import data.cafscan.lib
import data.cafscan.lib.account_facts

fact_name := "accessAnalyzer"

fact := lib.configuration[fact_name]

has_analyzers if is_array(fact.analyzers)

missing contains reason if {
	not has_analyzers
	reason := unknown_reason
}

unknown_reason := reason if {
	reason := account_facts.own_unknown_reason(fact_name, "the list of IAM Access Analyzer analyzers")
} else := "the list of IAM Access Analyzer analyzers is not in the inventory (configuration.accessAnalyzer)"

external_types := {"ACCOUNT", "ORGANIZATION"}

analyzers := [a | some a in fact.analyzers; is_object(a)]

external(a) if a.type in external_types

active_external if {
	some a in analyzers
	external(a)
	a.status == "ACTIVE"
}

describe(a) := concat("", [lib.text(object.get(a, "name", "unnamed")), " (", lib.text(object.get(a, "type", "unknown type")), ", ", lib.text(object.get(a, "status", "unknown status")), ")"])

violations contains concat("", ["IAM Access Analyzer has no analyzer in ", lib.label, "."]) if {
	has_analyzers
	count(analyzers) == 0
}

violations contains msg if {
	has_analyzers
	count(analyzers) > 0
	not active_external
	msg := concat("", [
		"IAM Access Analyzer has no active external access analyzer in ", lib.label, " (found: ", concat(", ", sort([describe(a) | some a in analyzers])), ").",
	])
}
