# METADATA
# title: API Gateway stages in front of AI models throttle requests
# description: >-
#   The REST API stage sets stage-wide throttling: its default method settings (resource path
#   /*, HTTP method *) have a rate limit and a burst limit above zero, and no method override
#   turns throttling off with a negative limit. Checked on stages the AI asset graph links as
#   output (the API in front of a model endpoint or a Bedrock-backed application). Limits set
#   only per method cannot be proven to cover every method (the API's resources are not
#   collected), and usage-plan limits apply only to callers that present an API key, so
#   neither counts as stage-wide throttling.
# custom:
#   id: CAFAI-IP-13
#   capability: infrastructure-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::ApiGateway::Stage"]
#   scope: linked
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks for secure endpoints for models and names Amazon
#     API Gateway rate limiting as the way to control access to them. Without a stage limit a
#     single caller can flood the model with requests: inference costs and quotas are
#     exhausted for everyone (denial of wallet and of service), and the volume of queries
#     that model extraction or inference attacks on the output component need is never
#     slowed down.
#   remediation:
#     console: >-
#       API Gateway console > APIs > the API > Stages > the stage > Stage details > Edit (or
#       the "Settings" tab in the older console) > Additional settings > Throttling: turn on
#       throttling and set a rate (requests per second) and a burst sized for the model
#       behind it > Save. Check method overrides under the stage's methods and remove any
#       that disable throttling.
#     cli: >-
#       aws apigateway update-stage --rest-api-id API_ID --stage-name STAGE --patch-operations
#       op=replace,path=/*/*/throttling/rateLimit,value=50
#       op=replace,path=/*/*/throttling/burstLimit,value=100
#     terraform: |-
#       resource "aws_api_gateway_method_settings" "all" {
#         rest_api_id = aws_api_gateway_rest_api.model.id
#         stage_name  = aws_api_gateway_stage.prod.stage_name
#         method_path = "*/*"
#         settings {
#           throttling_rate_limit  = 50
#           throttling_burst_limit = 100
#         }
#       }
#   references:
#     - id: API Gateway request throttling
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
package cafscan.controls.apigateway_ai_stage_throttling

import data.cafscan.lib

# CloudFormation's MethodSettings list (apigateway.ts turns the API's map into it); null or
# absent in a recorded stage means no method settings at all.
listed := [s | some s in lib.as_array(object.get(lib.configuration, "MethodSettings", [])); is_object(s)]

# The API's own shape, a {"<resource path>/<METHOD>": settings} map ("*/*" is every method,
# "/" in paths escaped as "~1"), read the way apigateway.ts converts it.
mapped := [s |
	some key, m in object.get(lib.configuration, "methodSettings", {})
	is_object(m)
	parts := split(key, "/")
	path := replace(concat("/", array.slice(parts, 0, count(parts) - 1)), "~1", "/")
	s := {
		"ResourcePath": with_slash(path),
		"HttpMethod": parts[count(parts) - 1],
		"ThrottlingRateLimit": object.get(m, "throttlingRateLimit", null),
		"ThrottlingBurstLimit": object.get(m, "throttlingBurstLimit", null),
	}
]

with_slash(path) := path if {
	startswith(path, "/")
} else := concat("", ["/", path])

settings := array.concat(listed, mapped)

stage_wide(s) if {
	s.ResourcePath == "/*"
	s.HttpMethod == "*"
}

positive(x) if {
	is_number(x)
	x > 0
}

throttled(s) if {
	positive(s.ThrottlingRateLimit)
	positive(s.ThrottlingBurstLimit)
}

stage_throttled if {
	some s in settings
	stage_wide(s)
	throttled(s)
}

# A method override with a negative limit switches throttling off for that method (0 blocks
# every request, the opposite of off; null inherits the stage's limits).
unthrottled_overrides contains concat("", [lib.text(s.HttpMethod), " ", lib.text(s.ResourcePath)]) if {
	some s in settings
	not stage_wide(s)
	some limit in [object.get(s, "ThrottlingRateLimit", null), object.get(s, "ThrottlingBurstLimit", null)]
	is_number(limit)
	limit < 0
}

missing contains "the stage's configuration is not in the inventory" if {
	count(lib.configuration) == 0
}

# An empty configuration is reported by missing, which wins over violations.
violations contains concat("", ["Stage ", lib.label, " does not throttle requests: its default method settings (*/*) have no positive rate and burst limits."]) if {
	not stage_throttled
}

violations contains concat("", ["Stage ", lib.label, " turns throttling off for ", concat(", ", sort(unthrottled_overrides)), "."]) if {
	count(unthrottled_overrides) > 0
}
