# METADATA
# title: IAM users who can sign in to the console have MFA enabled
# description: >-
#   An IAM user with a console password (credential report password_enabled true) has an
#   MFA device (mfa_active true), so a leaked or guessed password alone does not open the
#   console, from which SageMaker notebooks, training data, model artifacts and Bedrock
#   playgrounds are one click away. Users without a console password are not applicable.
#   The credential report is read by live collection
#   (supplementaryConfiguration.CredentialReport); without it, as from an AWS Config source,
#   the result is not evaluated.
# custom:
#   id: CAFAI-IAM-03
#   capability: identity-and-access-management
#   component: input
#   severity: high
#   resource_types: ["AWS::IAM::User"]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI leaves Identity and access management to the base AWS CAF, and its Security
#     governance section names multi-factor authentication, with encryption and continuous
#     monitoring, among the safeguards that keep an AI environment's integrity and
#     confidentiality. Console users can open notebooks, read training and fine-tuning data
#     and change models and guardrails; a password without a second factor is the easiest
#     way for someone else to do all of that with their permissions.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials > Multi-factor authentication
#       (MFA) > Assign MFA device: register a passkey/security key or an authenticator app
#       (the user can do this themselves when allowed to manage their own MFA). Better still,
#       move human access to IAM Identity Center with MFA enforced and remove the user's
#       console password (Security credentials > Console sign-in > Manage console access >
#       Disable).
#     cli: >-
#       aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile qr.png
#       --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name USER
#       --serial-number arn:aws:iam::ACCOUNT_ID:mfa/USER --authentication-code1 CODE1
#       --authentication-code2 CODE2 (or remove console access: aws iam delete-login-profile --user-name USER)
#     terraform: |-
#       # Require MFA for everything but managing one's own MFA device (attach to the users' group).
#       data "aws_iam_policy_document" "require_mfa" {
#         statement {
#           sid         = "DenyWithoutMFA"
#           effect      = "Deny"
#           not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:GetUser", "sts:GetSessionToken"]
#           resources   = ["*"]
#           condition {
#             test     = "BoolIfExists"
#             variable = "aws:MultiFactorAuthPresent"
#             values   = ["false"]
#           }
#         }
#       }
#       resource "aws_iam_group_policy" "require_mfa" {
#         group  = aws_iam_group.console_users.name
#         policy = data.aws_iam_policy_document.require_mfa.json
#       }
#   references:
#     - id: AWS Multi-factor authentication in IAM
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html
package cafscan.controls.iam_console_user_mfa

import data.cafscan.lib

report := lib.supplementary.CredentialReport

has_report if is_object(report)

# The credential report is CSV: "true" / "false" strings (booleans accepted too).
yes(value) if value == true

yes(value) if value == "true"

no(value) if value == false

no(value) if value == "false"

password_enabled if yes(report.password_enabled)

password_disabled if no(report.password_enabled)

password_known if password_enabled

password_known if password_disabled

mfa_known if yes(report.mfa_active)

mfa_known if no(report.mfa_active)

out_of_scope if password_disabled

missing contains "the user's IAM credential report row is not in the inventory" if not has_report

missing contains "whether the user has a console password is not in the credential report (password_enabled)" if {
	has_report
	not password_known
}

missing contains "whether the user has an MFA device is not in the credential report (mfa_active)" if {
	password_enabled
	not mfa_known
}

violations contains concat("", ["IAM user ", lib.label, " can sign in to the console with a password but has no MFA device."]) if {
	password_enabled
	no(report.mfa_active)
}
