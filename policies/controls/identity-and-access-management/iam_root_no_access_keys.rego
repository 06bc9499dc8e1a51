# METADATA
# title: The root user has no active access keys
# description: >-
#   Neither access key of the account's root user is active (credential report row
#   <root_account>: access_key_1_active and access_key_2_active false), so no long-lived
#   credential with unrestricted, unconditionally allowed access to every AI resource of the
#   account exists. The root user is account-wide while live collection puts the fact
#   (rootUser) on every region's account resource: the control reports once per account, on
#   the alphabetically first region, and is not applicable to the others. Without the fact
#   (an AWS Config source, or an unreadable credential report) it is not evaluated.
# custom:
#   id: CAFAI-IAM-04
#   capability: identity-and-access-management
#   component: model
#   severity: critical
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::::Account"]
#   related_fields:
#     "AWS::::Account": []
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI leaves Identity and access management to the base AWS CAF, and its Security
#     governance section asks for clear roles and responsibilities and for safeguards such
#     as multi-factor authentication to protect the integrity and confidentiality of an AI
#     environment. A root access key defeats all of it: it is not bound to a role or a
#     person, it cannot be limited by IAM policies or permissions boundaries, and an API call
#     signed with it needs no MFA, so whoever holds it can take, poison or delete every
#     model, data set and log in the account.
#   remediation:
#     console: >-
#       Sign in as the root user > account menu > Security credentials > Access keys: make
#       sure nothing still uses the key (its last used date), then Actions > Deactivate and
#       Delete for each key. Use IAM roles (or IAM Identity Center) for automation and people
#       instead; in an organization, remove root credentials of member accounts centrally
#       (IAM console > Root access management).
#     cli: >-
#       (signed in with the root user's own credentials) aws iam list-access-keys ;
#       aws iam update-access-key --access-key-id KEY_ID --status Inactive ;
#       aws iam delete-access-key --access-key-id KEY_ID
#     terraform: |-
#       # Root keys cannot be deleted by Terraform; block root use in member accounts
#       # with a service control policy (SCPs never apply to the management account).
#       resource "aws_organizations_policy" "deny_root" {
#         name = "deny-root-user"
#         content = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect    = "Deny"
#             Action    = "*"
#             Resource  = "*"
#             Condition = { StringLike = { "aws:PrincipalArn" = "arn:aws:iam::*:root" } }
#           }]
#         })
#       }
#   references:
#     - id: Root user best practices for your AWS account
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html
package cafscan.controls.iam_root_no_access_keys

import data.cafscan.lib
import data.cafscan.lib.account_facts

fact := "rootUser"

root := lib.configuration[fact]

has_root if is_object(root)

# The credential report is CSV: "true" / "false" strings (booleans accepted too).
yes(value) if value == true

yes(value) if value == "true"

no(value) if value == false

no(value) if value == "false"

keys := {1: "access_key_1_active", 2: "access_key_2_active"}

known(column) if yes(root[column])

known(column) if no(root[column])

active_keys := [concat("", ["access key ", format_int(n, 10)]) | some n, column in keys; yes(root[column])]

# Account-wide: one finding per account.
out_of_scope if account_facts.not_reporting_region

missing contains reason if {
	not has_root
	reason := root_unknown_reason
}

root_unknown_reason := reason if {
	reason := account_facts.own_unknown_reason(fact, "the root user's credential report row")
} else := "the root user's credential report row is not in the inventory (configuration.rootUser)"

missing contains concat("", ["whether the root user's ", replace(column, "_active", ""), " is active is not in the credential report"]) if {
	has_root
	count(active_keys) == 0
	some column in keys
	not known(column)
}

violations contains msg if {
	count(active_keys) > 0
	msg := concat("", ["The root user of account ", lib.text(lib.resource.accountId), " has an active access key (", concat(" and ", active_keys), ")."])
}
