# METADATA
# title: SageMaker model package groups are not shared publicly by their resource policy
# description: >-
#   The model package group's resource policy (GetModelPackageGroupPolicy) has no Allow
#   statement whose principal is everyone ("*" or {"AWS": "*"}, or an Allow with NotPrincipal)
#   unless a condition pins the caller to fixed identities: aws:PrincipalOrgID,
#   aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount,
#   aws:SourceArn, aws:SourceVpce, aws:SourceIp and the like, tested with StringEquals,
#   StringLike, ArnEquals, ArnLike or IpAddress against values without wildcards or policy
#   variables. Negated operators (StringNotEquals: "everyone outside my organization"),
#   IfExists and Null tests, ForAllValues and unknown condition keys do not restrict the
#   principal set. A group without a policy passes; a policy that could not be read leaves the
#   result not evaluated.
# custom:
#   id: CAFAI-SG-05
#   capability: security-governance
#   component: model
#   severity: high
#   resource_types: ["AWS::SageMaker::ModelPackageGroup"]
#   caf_section: "Security governance"
#   rationale: >-
#     CAF-AI Security governance asks that policies be defined for how models are hosted and
#     used, internally and externally, and that model release follow an author, approver and
#     publisher approach with the risk of data exposure in mind. A model package group holds
#     the registered versions of a model, with their artifacts, images and approval state; a
#     resource policy open to every AWS account publishes them outside any governance, letting
#     strangers describe, copy or deploy the organization's models.
#   remediation:
#     console: >-
#       The policy of a model package group is managed through the API or AWS RAM: review it
#       with get-model-package-group-policy, then replace it with one that names the consumer
#       accounts (or adds an aws:PrincipalOrgID condition), or remove it with
#       delete-model-package-group-policy; for sharing across the organization prefer an AWS RAM
#       resource share (RAM console > Create resource share > SageMaker model package groups).
#     cli: >-
#       aws sagemaker get-model-package-group-policy --model-package-group-name GROUP
#       && aws sagemaker put-model-package-group-policy --model-package-group-name GROUP
#       --resource-policy '{"Version":"2012-10-17","Statement":[{"Sid":"OrgRead","Effect":"Allow","Principal":{"AWS":"*"},"Action":["sagemaker:DescribeModelPackage","sagemaker:ListModelPackages","sagemaker:DescribeModelPackageGroup"],"Resource":["GROUP_ARN","arn:aws:sagemaker:REGION:ACCOUNT:model-package/GROUP/*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-EXAMPLE"}}}]}'
#       (or aws sagemaker delete-model-package-group-policy --model-package-group-name GROUP)
#     cloudformation: |-
#       ChurnGroup:
#         Type: AWS::SageMaker::ModelPackageGroup
#         Properties:
#           ModelPackageGroupName: churn
#           ModelPackageGroupPolicy:
#             Version: "2012-10-17"
#             Statement:
#               - Sid: ConsumerAccountRead
#                 Effect: Allow
#                 Principal:
#                   AWS: arn:aws:iam::444455556666:root
#                 Action:
#                   - sagemaker:DescribeModelPackageGroup
#                   - sagemaker:DescribeModelPackage
#                   - sagemaker:ListModelPackages
#                 Resource:
#                   - !Sub arn:aws:sagemaker:${AWS::Region}:${AWS::AccountId}:model-package-group/churn
#                   - !Sub arn:aws:sagemaker:${AWS::Region}:${AWS::AccountId}:model-package/churn/*
#   references:
#     - id: Cross-account discoverability (model registry)
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-ram.html
package cafscan.controls.sagemaker_model_package_group_policy_not_public

import data.cafscan.lib
import data.cafscan.lib.policy as policies

policy_key := "ModelPackageGroupPolicy"

# The collector writes the key (null when the group has no policy) only when the call succeeded.
policy_recorded if policy_key in object.keys(lib.configuration)

raw_policy := lib.configuration[policy_key]

# Decoded by the collector; a source that keeps the JSON string is decoded here.
policy := raw_policy if is_object(raw_policy)

policy := json.unmarshal(raw_policy) if {
	is_string(raw_policy)
	json.is_valid(raw_policy)
}

decodable if is_object(policy)

decodable if raw_policy == null

missing contains reason if {
	not policy_recorded
	reason := read_failure
}

read_failure := concat("", ["the model package group's resource policy could not be read: ", lib.text(error)]) if {
	error := input.resource.collectionErrors[policy_key]
	is_string(error)
} else := "the model package group's resource policy is not in the inventory"

missing contains "the model package group's resource policy could not be decoded" if {
	policy_recorded
	not decodable
}

# --- public statements ---------------------------------------------------------------------------

# Allow statements for everyone (or everyone outside a negated set) that no condition pins to
# fixed identities; see policies/lib/policy.rego.
public_statements := policies.public_statements(policy)

violations contains concat("", ["Model package group ", lib.label, " has a resource policy statement (", name, ") that allows any AWS principal without restricting it to known accounts or an organization."]) if {
	some name in public_statements
}
