# METADATA
# title: SageMaker model package groups are not shared publicly by their resource policy
# description: >-
#   The model package group's resource policy (GetModelPackageGroupPolicy) has no Allow
#   statement whose principal is everyone ("*" or {"AWS": "*"}, or an Allow with NotPrincipal)
#   unless a condition ties the caller to known accounts or the organization: aws:PrincipalOrgID,
#   aws:PrincipalOrgPaths, aws:PrincipalAccount or aws:SourceAccount, with a concrete value (not
#   "*" under a Like operator, not an IfExists or Null test). A group without a policy passes; a
#   policy that could not be read leaves the result not evaluated.
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

read_failure := sprintf("the model package group's resource policy could not be read: %s", [error]) if {
	error := input.resource.collectionErrors[policy_key]
	is_string(error)
} else := "the model package group's resource policy is not in the inventory"

missing contains "the model package group's resource policy could not be decoded" if {
	policy_recorded
	not decodable
}

# --- public statements ---------------------------------------------------------------------------

everyone(s) if s.Principal == "*"

everyone(s) if "*" in lib.as_array(s.Principal.AWS)

# Allow with NotPrincipal grants every principal but the ones listed.
everyone(s) if s.NotPrincipal

restricting_keys := {"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:sourceaccount"}

# A condition that limits the callers to known accounts or the organization. IfExists and Null
# tests let callers without the key through; "*" under a Like operator matches anyone.
restricted(s) if {
	some operator, conditions in s.Condition
	not contains(lower(operator), "ifexists")
	not startswith(lower(operator), "null")
	some key, value in conditions
	lower(key) in restricting_keys
	not matches_anything(operator, value)
}

matches_anything(operator, value) if {
	contains(lower(operator), "like")
	"*" in lib.as_array(value)
}

statement_label(s, i) := sprintf("\"%s\"", [s.Sid]) if {
	is_string(s.Sid)
	s.Sid != ""
} else := sprintf("#%d", [i + 1])

violations contains sprintf("Model package group %s has a resource policy statement (%s) that allows any AWS principal without restricting it to known accounts or an organization.", [lib.label, statement_label(s, i)]) if {
	some i, s in lib.statements(policy)
	s.Effect == "Allow"
	everyone(s)
	not restricted(s)
}
