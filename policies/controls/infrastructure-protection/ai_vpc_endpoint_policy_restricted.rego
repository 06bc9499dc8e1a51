# METADATA
# title: VPC endpoints for Amazon Bedrock and SageMaker AI have a policy that is not fully open
# description: >-
#   An interface VPC endpoint for a Bedrock API (bedrock, bedrock-runtime, bedrock-agent,
#   bedrock-agent-runtime, bedrock-agentcore…) or a SageMaker AI API (sagemaker.api,
#   sagemaker.runtime…) has an endpoint policy that does not let every principal call every
#   action of the service on every resource. The policy fails when one of its Allow statements,
#   on its own, grants everyone (Principal "*" without a condition pinning the caller to known
#   accounts, an organization or a network) every action on every resource of the service, and
#   no unconditional Deny to every principal takes anything away: that is the default
#   full-access policy AWS attaches when none is given. A condition on the endpoint's own id
#   (aws:SourceVpce) or its own VPC (aws:SourceVpc) holds for every request through it and does
#   not count as a restriction; a Deny naming some principals leaves everyone else's access. A
#   Deny to everyone of every action whose only conditions exclude fixed callers
#   (StringNotEquals aws:PrincipalOrgID o-…) closes the policy to them and passes. Endpoints that are deleted, rejected, failed or expired are not
#   checked. When the policy is not in the inventory the result is not evaluated.
# custom:
#   id: CAFAI-IP-91
#   capability: infrastructure-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::EC2::VPCEndpoint"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for an explicit allow-list of the API calls made to
#     a model from outside its own VPC. For calls made through an interface endpoint that
#     allow-list is the endpoint policy; the default policy allows any principal, including
#     credentials from other accounts, to reach every Bedrock or SageMaker action through the
#     VPC, so the endpoint becomes a path for stolen keys and data exfiltration rather than a
#     boundary.
#   remediation:
#     console: >-
#       VPC console > Endpoints > the endpoint > Policy > Edit policy: choose Custom and allow
#       only the actions the workloads need (e.g. bedrock:InvokeModel on the model ARNs they
#       use) for principals of your organization (Condition StringEquals aws:PrincipalOrgID).
#     cli: >-
#       aws ec2 modify-vpc-endpoint --vpc-endpoint-id VPCE_ID --policy-document file://endpoint-policy.json
#     terraform: |-
#       resource "aws_vpc_endpoint_policy" "bedrock_runtime" {
#         vpc_endpoint_id = aws_vpc_endpoint.bedrock_runtime.id
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect    = "Allow"
#             Principal = "*"
#             Action    = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
#             Resource  = "arn:aws:bedrock:*::foundation-model/*"
#             Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-exampleorgid" } }
#           }]
#         })
#       }
#     cloudformation: |-
#       BedrockRuntimeEndpoint:
#         Type: AWS::EC2::VPCEndpoint
#         Properties:
#           VpcEndpointType: Interface
#           VpcId: !Ref Vpc
#           ServiceName: !Sub com.amazonaws.${AWS::Region}.bedrock-runtime
#           PolicyDocument:
#             Version: "2012-10-17"
#             Statement:
#               - Effect: Allow
#                 Principal: "*"
#                 Action: [bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream]
#                 Resource: arn:aws:bedrock:*::foundation-model/*
#                 Condition:
#                   StringEquals:
#                     aws:PrincipalOrgID: o-exampleorgid
#   references:
#     - id: Control access to VPC endpoints using endpoint policies
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
#     - id: Create an endpoint policy for your Amazon Bedrock interface endpoint
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html
package cafscan.controls.ai_vpc_endpoint_policy_restricted

import data.cafscan.lib
import data.cafscan.lib.policy as policies

conf := lib.configuration

service_name := conf.serviceName

# "com.amazonaws.us-east-1.bedrock-runtime" (China: "cn.com.amazonaws…", FIPS: "…-fips") →
# the endpoint service's last part, and the IAM prefix of its actions.
parts := split(service_name, ".")

# How many leading parts name the partition's domain and the region.
head := 3 if array.slice(parts, 0, 2) == ["com", "amazonaws"]

else := 4 if array.slice(parts, 0, 3) == ["cn", "com", "amazonaws"]

service_part := concat(".", array.slice(parts, head, count(parts)))

iam_prefix := "bedrock-agentcore" if startswith(service_part, "bedrock-agentcore")

else := "bedrock" if startswith(service_part, "bedrock")

else := "sagemaker" if startswith(service_part, "sagemaker.")

ai_endpoint if iam_prefix

gone := {"deleted", "deleting", "rejected", "failed", "expired"}

gone_state if lower(conf.state) in gone

has_service if is_string(service_name)

out_of_scope if {
	has_service
	not ai_endpoint
}

out_of_scope if gone_state

missing contains concat("", ["the service of VPC endpoint ", lib.label, " is not in the inventory"]) if not has_service

raw := conf.policyDocument

# Decoded by the live collector; AWS Config records the policy as JSON text.
document := raw if is_object(raw)

document := json.unmarshal(raw) if {
	is_string(raw)
	json.is_valid(raw)
}

has_document if is_object(document)

# (Endpoints of other services are out of scope, which wins over this.)
missing contains concat("", ["the endpoint policy of VPC endpoint ", lib.label, " is not in the inventory"]) if not has_document

partition := split(lib.text(input.resource.arn), ":")[1]

# An endpoint policy is evaluated only for requests through the endpoint, so a condition that the
# request traverses this endpoint (aws:SourceVpce = its own id) or its own VPC (aws:SourceVpc)
# holds for every caller and restricts nothing; in a bucket policy the same keys do restrict.
# https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcevpce
own_network := {v | some v in [conf.vpcEndpointId, conf.vpcId, input.resource.id]; is_string(v)}

network_keys := {"aws:sourcevpce", "aws:sourcevpc"}

# The values name this endpoint or its VPC. One is enough: a request through the endpoint
# carries its own id and VPC, so "equals [me, other]" always holds and "not equals [me, other]"
# never does.
own_test(key, value) if {
	lower(key) in network_keys
	some v in policies.values(value)
	v in own_network
}

positive_operators := {
	"stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike",
	"foranyvalue:stringequals", "foranyvalue:stringequalsignorecase", "foranyvalue:stringlike",
}

negated_operators := {"stringnotequals", "stringnotequalsignorecase", "stringnotlike", "arnnotequals", "arnnotlike"}

# The key is always present for a request through the endpoint, so …IfExists changes nothing.
base_operator(operator) := trim_suffix(lower(operator), "ifexists")

# A condition entry that holds for every request through this endpoint ("aws:SourceVpce equals
# me"), and one that holds for none ("aws:SourceVpce does not equal me").
always_true(operator, key, value) if {
	base_operator(operator) in positive_operators
	own_test(key, value)
}

always_false(operator, key, value) if {
	base_operator(operator) in negated_operators
	own_test(key, value)
}

# The condition entries of a statement that test this endpoint's own id or VPC.
own_network_conditions(s) := [[operator, key, value] |
	some operator, block in s.Condition
	is_string(operator)
	is_object(block)
	some key, value in block
	own_test(key, value)
]

# A statement as it acts in this endpoint's policy: one with a condition that never holds
# applies to nothing (its Effect is replaced, so it neither allows nor denies, and the
# statements keep their numbers for messages); conditions that always hold are left out.
effective(s) := object.union(s, {"Effect": "(never applies through this endpoint)"}) if {
	some [operator, key, value] in own_network_conditions(s)
	always_false(operator, key, value)
} else := object.union(object.remove(s, ["Condition"]), {"Condition": kept_conditions(s.Condition)}) if {
	some [operator, key, value] in own_network_conditions(s)
	always_true(operator, key, value)
} else := s

kept_conditions(condition) := {operator: kept |
	some operator, block in condition
	kept := kept_block(operator, block)
	kept != {}
}

kept_block(operator, block) := {key: value | some key, value in block; not always_true(operator, key, value)} if is_object(block)

else := block

effective_document := {"Statement": [effective(s) | some s in policies.statements(document)]}

# Statements that, on their own, let everyone call every action of the service anywhere.
open_statements := [policies.statement_name(s, i) |
	some i, s in policies.statements(effective_document)
	single := {"Statement": [s]}
	count(policies.public_statements(single)) > 0
	policies.allows_all_of_service([single], iam_prefix, partition)
]

violations contains msg if {
	count(open_statements) > 0
	policies.allows_all_of_service([effective_document], iam_prefix, partition)
	not policies.denies_all_but_fixed_callers(effective_document, iam_prefix, partition)
	msg := concat("", [
		"VPC endpoint ", lib.label, " for ", lib.text(service_name), " has a policy that lets any principal call every ", iam_prefix, " action on every resource (statement ", concat(", ", open_statements), ").",
	])
}
