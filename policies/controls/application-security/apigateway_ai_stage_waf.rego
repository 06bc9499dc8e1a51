# METADATA
# title: API Gateway stages in front of AI models are protected by an AWS WAF web ACL
# description: >-
#   The REST API stage has an AWS WAF web ACL associated (WebAclArn), so requests are
#   filtered before they reach the model: managed rule groups block known exploit payloads,
#   malformed and oversized bodies, bad bots and known malicious IP addresses, and rate-based
#   rules stop single sources from flooding the endpoint. Checked on stages the AI asset
#   graph links as output. A web ACL on a CloudFront distribution placed in front of the API
#   is not visible on the stage and does not count.
# custom:
#   id: CAFAI-AS-06
#   capability: application-security
#   component: output
#   severity: medium
#   resource_types: ["AWS::ApiGateway::Stage"]
#   scope: linked
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for secure endpoints for AI models and for API
#     security best practices on every internal and external API they use, and CAF-AI
#     Vulnerability management asks for input validation against injection and misuse. A
#     web application firewall on the API stage is that first filter for a model's front
#     door: it drops exploit traffic, abusive clients and payloads no prompt should carry
#     (for example with size and pattern rules) before they cost an inference or reach the
#     application code around the model.
#   remediation:
#     console: >-
#       AWS WAF console > Web ACLs (in the API's region) > Create web ACL: resource type
#       "Regional resources", add the API Gateway stage as an associated resource, add the
#       AWS managed rule groups (Core rule set, Known bad inputs, Amazon IP reputation list)
#       and a rate-based rule, then create it. For an existing web ACL: the web ACL >
#       Associated AWS resources > Add AWS resources > API Gateway REST API > the stage.
#     cli: >-
#       aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN
#       --resource-arn arn:aws:apigateway:REGION::/restapis/API_ID/stages/STAGE
#     terraform: |-
#       resource "aws_wafv2_web_acl_association" "model_api" {
#         resource_arn = aws_api_gateway_stage.prod.arn
#         web_acl_arn  = aws_wafv2_web_acl.model_api.arn
#       }
#   references:
#     - id: Use AWS WAF to protect REST APIs in API Gateway
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
package cafscan.controls.apigateway_ai_stage_waf

import data.cafscan.lib

# AWS Config and CloudFormation spell the field WebAclArn, the GetStage API webAclArn; absent,
# null or "" is no web ACL.
protected if {
	some key in ["WebAclArn", "webAclArn"]
	arn := lib.configuration[key]
	is_string(arn)
	arn != ""
}

missing contains "the stage's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

# Missing data wins over violations (main.rego): no guard for an unrecorded stage is needed.
violations contains concat("", ["Stage ", lib.label, " has no AWS WAF web ACL associated."]) if not protected
