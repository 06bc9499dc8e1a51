# METADATA
# title: No long-term Amazon Bedrock API key is active
# description: >-
#   A long-term Amazon Bedrock API key (an IAM service-specific credential for
#   bedrock.amazonaws.com, listed by ListServiceSpecificCredentials) is Inactive, Expired, or
#   past its expiration date at the scan time. An Active key without an ExpirationDate never
#   expires: the API reference documents the field as present only for keys created with an
#   expiration period
#   (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ServiceSpecificCredentialMetadata.html).
#   An Active key that expires after the scan time is still a long-lived bearer credential and
#   fails too. Short-term Bedrock API keys (valid for up to 12 hours, derived from a session)
#   are not IAM credentials and never appear here. Credentials of other services
#   (CodeCommit, Amazon Keyspaces) are not applicable. AWS Config does not record
#   service-specific credentials: only a live scan collects them, and other sources have none
#   to judge.
# custom:
#   id: CAFAI-IAM-82
#   capability: identity-and-access-management
#   component: input
#   severity: medium
#   resource_types: ["AWS::IAM::ServiceSpecificCredential"]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI's Security governance section asks for safeguards that protect the integrity and
#     confidentiality of the AI environment, and the base AWS CAF asks for temporary
#     credentials in place of long-lived ones. A long-term Bedrock API key is a static bearer
#     token: whoever copies it from a notebook, a repository or a log can call the models
#     with the owner's permissions until someone notices, with no MFA and no session to end.
#     AWS recommends short-term keys, and long-term keys only for exploration, with an
#     expiration date, deactivated when no longer needed.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials > API keys for Amazon Bedrock:
#       Actions > Deactivate (then Delete) each long-term key; have applications generate
#       short-term Bedrock API keys from their role session (aws-bedrock-token-generator)
#       instead.
#     cli: >-
#       aws iam list-service-specific-credentials --service-name bedrock.amazonaws.com
#       --all-users ; aws iam update-service-specific-credential --user-name USER
#       --service-specific-credential-id ID --status Inactive ; aws iam
#       delete-service-specific-credential --user-name USER --service-specific-credential-id ID
#     terraform: |-
#       # Long-term keys are IAM service-specific credentials; when one is really needed for
#       # exploration, give it an expiry (credential_age_days) and remove it afterwards.
#       resource "aws_iam_service_specific_credential" "bedrock_exploration" {
#         service_name        = "bedrock.amazonaws.com"
#         user_name           = aws_iam_user.sandbox.name
#         credential_age_days = 7
#         status              = "Active"
#       }
#     cloudformation: |-
#       # CloudFormation has no resource for service-specific credentials; prevent their
#       # creation instead, in an IAM policy or SCP:
#       DenyLongTermBedrockKeys:
#         Type: AWS::IAM::ManagedPolicy
#         Properties:
#           PolicyDocument:
#             Version: "2012-10-17"
#             Statement:
#               - Effect: Deny
#                 Action: iam:CreateServiceSpecificCredential
#                 Resource: "*"
#                 Condition:
#                   StringEquals: { "iam:ServiceSpecificCredentialServiceName": bedrock.amazonaws.com }
#   references:
#     - id: Generate Amazon Bedrock API keys
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html
#     - id: ListServiceSpecificCredentials
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListServiceSpecificCredentials.html
package cafscan.controls.bedrock_api_key_not_long_term

import data.cafscan.lib

service := lib.configuration.serviceName

out_of_scope if {
	is_string(service)
	lower(service) != "bedrock.amazonaws.com"
}

status := lib.configuration.status

# Absent or null: the key never expires (documented default, see the description).
expiration := object.get(lib.configuration, "expirationDate", null)

user := lib.text(lib.configuration.userName) if is_string(lib.configuration.userName)

else := "(unknown)"

has_service if is_string(service)

has_status if is_string(status)

missing contains "the credential's service name is not in the inventory" if not has_service

missing contains "the key's status is not in the inventory" if not has_status

missing contains concat("", ["the key's expiration date could not be read: ", lib.text(expiration)]) if {
	status == "Active"
	expiration != null
	not lib.iso_seconds(expiration)
}

missing contains "the scan time is unknown, so the key's expiration date cannot be compared with it" if {
	status == "Active"
	expiration != null
	not lib.scan_seconds
}

violations contains concat("", ["Bedrock API key ", lib.label, " of user ", user, " is active and never expires."]) if {
	status == "Active"
	expiration == null
}

violations contains concat("", ["Bedrock API key ", lib.label, " of user ", user, " is an active long-term key, valid until ", expiration, "."]) if {
	status == "Active"
	lib.iso_seconds(expiration) > lib.scan_seconds
}
