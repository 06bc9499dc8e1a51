# METADATA
# title: Bedrock AgentCore gateways authorize inbound requests
# description: >-
#   The gateway's authorizerType is CUSTOM_JWT or AWS_IAM, so every caller of the gateway's tools
#   is authenticated and authorized. NONE lets anyone who can reach the gateway URL invoke every
#   tool behind it. AUTHENTICATE_ONLY checks who the caller is but makes no authorization decision
#   itself; it passes only when the gateway hands that decision to a policy engine in ENFORCE mode
#   or to an interceptor run on each REQUEST. The authorizer type is required by CreateGateway;
#   where it is not recorded the gateway is not evaluated.
# custom:
#   id: CAFAI-IAM-60
#   capability: identity-and-access-management
#   component: model
#   severity: high
#   resource_types: ["AWS::BedrockAgentCore::Gateway"]
#   caf_section: "Identity and access management"
#   rationale: >-
#     The AWS CAF Identity and access management capability, which CAF-AI refers to, asks that
#     every access to a workload be authenticated and authorized with least privilege. A gateway
#     turns APIs, Lambda functions and MCP servers into tools an agent can call, using the
#     gateway's own outbound credentials; whoever can call the gateway therefore acts with those
#     credentials. Security Hub's check fails only NONE. cafscan also fails AUTHENTICATE_ONLY when
#     nothing on the gateway decides what an authenticated caller may do, because then any
#     identity the token issuer or IAM accepts can call every tool, which is no authorization at all.
#   remediation:
#     console: >-
#       Amazon Bedrock AgentCore console > Gateways > the gateway > Edit > Inbound auth: choose
#       "Use JSON Web Tokens (JWT)" with your identity provider's discovery URL and allowed
#       audiences or clients, or "Use IAM permissions" > Save. For authenticate-only gateways,
#       attach a policy engine in Enforce mode or a REQUEST interceptor instead.
#     cli: >-
#       aws bedrock-agentcore-control update-gateway --gateway-identifier GATEWAY_ID --name NAME
#       --role-arn ROLE_ARN --protocol-type MCP --authorizer-type CUSTOM_JWT
#       --authorizer-configuration
#       'customJWTAuthorizer={discoveryUrl=https://idp.example.com/.well-known/openid-configuration,allowedAudience=[gateway-api]}'
#     terraform: |-
#       resource "aws_bedrockagentcore_gateway" "this" {
#         name            = "claims-tools"
#         role_arn        = aws_iam_role.gateway.arn
#         protocol_type   = "MCP"
#         authorizer_type = "CUSTOM_JWT"
#         authorizer_configuration {
#           custom_jwt_authorizer {
#             discovery_url    = "https://idp.example.com/.well-known/openid-configuration"
#             allowed_audience = ["gateway-api"]
#           }
#         }
#       }
#     cloudformation: |-
#       ClaimsToolsGateway:
#         Type: AWS::BedrockAgentCore::Gateway
#         Properties:
#           Name: claims-tools
#           RoleArn: !GetAtt GatewayRole.Arn
#           ProtocolType: MCP
#           AuthorizerType: CUSTOM_JWT
#           AuthorizerConfiguration:
#             CustomJWTAuthorizer:
#               DiscoveryUrl: https://idp.example.com/.well-known/openid-configuration
#               AllowedAudience: [gateway-api]
#   references:
#     - id: Set up inbound authorization for your gateway
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-inbound-auth.html
#     - id: GetGateway (authorizerType, policyEngineConfiguration, interceptorConfigurations)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_GetGateway.html
package cafscan.controls.agentcore_gateway_inbound_authorization

import data.cafscan.lib
import data.cafscan.lib.agentcore

out_of_scope if lib.configuration.status in {"FAILED", "DELETING"}

recorded if agentcore.recorded("gatewayArn")

authorizer := a if {
	a := lib.configuration.authorizerType
	is_string(a)
}

# The gateway hands the authorization decision to something that enforces it on every request.
policy_engine_enforced if agentcore.obj(lib.configuration.policyEngineConfiguration).mode == "ENFORCE"

request_interceptor if {
	some interceptor in lib.configuration.interceptorConfigurations
	"REQUEST" in agentcore.obj(interceptor).interceptionPoints
}

decides_elsewhere if policy_engine_enforced

decides_elsewhere if request_interceptor

missing contains agentcore.not_recorded if not recorded

missing contains "the gateway's inbound authorizer type (authorizerType) is not recorded" if {
	recorded
	not authorizer
}

missing contains concat("", ["the gateway's authorizer type ", authorizer, " is not one cafscan knows"]) if {
	recorded
	not authorizer in {"NONE", "AUTHENTICATE_ONLY", "AWS_IAM", "CUSTOM_JWT"}
}

violations contains concat("", ["Gateway ", lib.label, " accepts inbound requests without authorization (authorizerType NONE): anyone who reaches it can call its tools."]) if {
	authorizer == "NONE"
}

violations contains concat("", ["Gateway ", lib.label, " only authenticates callers (authorizerType AUTHENTICATE_ONLY) and neither an enforcing policy engine nor a REQUEST interceptor authorizes them."]) if {
	authorizer == "AUTHENTICATE_ONLY"
	not decides_elsewhere
}
