# METADATA
# title: KMS key policies of customer managed keys protecting AI data admit no one outside the account
# description: >-
#   The key policy (GetKeyPolicy, supplementaryConfiguration.Policy) of a customer managed key
#   has no Allow statement open to everyone ("*", {"AWS": "*"}, or an Allow with NotPrincipal)
#   unless a condition pins the caller to fixed identities, and no Allow statement that grants
#   to another account: an AWS principal of another account, or an everyone-principal whose
#   conditions do not pin the caller to the key's own account (kms:CallerAccount,
#   aws:PrincipalAccount, aws:PrincipalArn …), so a grant to the whole organization or through
#   a VPC endpoint counts as reaching other accounts. AWS managed keys (whose policies AWS
#   writes and pins with kms:CallerAccount) and keys pending deletion are not applicable; a
#   policy that could not be read leaves the result not evaluated.
# custom:
#   id: CAFAI-DP-20
#   capability: data-protection
#   component: model
#   severity: high
#   resource_types: ["AWS::KMS::Key"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for continuing control over who can read the data used to
#     build and run AI. Whoever the key policy admits can decrypt the training data, model
#     artifacts and inference outputs the key protects, whatever the bucket or volume
#     permissions say; a key policy open to everyone or to other accounts moves that control
#     outside the account. The peers' public-key check only looks for "*" principals; a grant to
#     a named foreign account or to every account of the organization hands out the same
#     decryption power, so it fails here too and is named as such.
#   remediation:
#     console: >-
#       KMS console > Customer managed keys > the key > Key policy > Edit: remove the statements
#       that name other accounts or "*" without a condition pinning kms:CallerAccount (or
#       aws:PrincipalAccount) to this account; share encrypted data with another account through
#       a copy under that account's own key, or a scoped grant, instead.
#     cli: >-
#       aws kms get-key-policy --key-id KEY_ID --policy-name default --output text > policy.json
#       && (edit policy.json) && aws kms put-key-policy --key-id KEY_ID --policy-name default
#       --policy file://policy.json
#     terraform: |-
#       data "aws_caller_identity" "current" {}
#       resource "aws_kms_key" "ml_data" {
#         description         = "ML data"
#         enable_key_rotation = true
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Sid       = "AccountAdministration"
#             Effect    = "Allow"
#             Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
#             Action    = "kms:*"
#             Resource  = "*"
#           }]
#         })
#       }
#     cloudformation: |-
#       MlDataKey:
#         Type: AWS::KMS::Key
#         Properties:
#           EnableKeyRotation: true
#           KeyPolicy:
#             Version: "2012-10-17"
#             Statement:
#               - Sid: AccountAdministration
#                 Effect: Allow
#                 Principal:
#                   AWS: !Sub arn:aws:iam::${AWS::AccountId}:root
#                 Action: kms:*
#                 Resource: "*"
#   references:
#     - id: Key policies in AWS KMS
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
#     - id: Allowing users in other accounts to use a KMS key
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
package cafscan.controls.kms_key_policy_no_outside_access

import data.cafscan.lib
import data.cafscan.lib.policy as policies

out_of_scope if lib.configuration.keyManager == "AWS"

out_of_scope if lib.configuration.keyState in {"PendingDeletion", "PendingReplicaDeletion"}

manager_recorded if is_string(lib.configuration.keyManager)

missing contains "the key's manager (AWS or customer) is not in the inventory" if not manager_recorded

# Decoded by the collector and the Config normalizer; a source that keeps the JSON string is
# decoded here.
raw_policy := lib.supplementary.Policy

policy := raw_policy if is_object(raw_policy)

# json.is_valid is false for anything but a valid JSON string.
policy := json.unmarshal(raw_policy) if json.is_valid(raw_policy)

decoded if is_object(policy)

policy_present if "Policy" in object.keys(lib.supplementary)

# A failed GetKeyPolicy is named in the finding's reason from collectionErrors.
missing contains "the key policy is not in the inventory" if not policy_present

# Every KMS key has a key policy; a null or undecodable one is not "no grants".
missing contains "the key policy could not be decoded" if {
	policy_present
	not decoded
}

account := input.resource.accountId

account_recorded if policies.account_id(account)

missing contains "the key's account is not in the inventory" if not account_recorded

public_statements := policies.public_statements(policy)

other_account_statements := [name |
	some name in policies.other_account_statements(policy, account)
	not name in public_statements
]

statement_word(names) := "statement" if count(names) == 1

else := "statements"

violations contains concat("", [
	"KMS key ", lib.label, "'s key policy allows any AWS principal to use the key (", statement_word(public_statements), " ",
	concat(", ", public_statements), ") without restricting it to known accounts or an organization.",
]) if count(public_statements) > 0

violations contains concat("", [
	"KMS key ", lib.label, "'s key policy grants principals outside account ", account, " (", statement_word(other_account_statements), " ",
	concat(", ", other_account_statements), ").",
]) if count(other_account_statements) > 0
