# METADATA
# title: Bedrock AgentCore custom browsers run in VPC network mode
# description: >-
#   The custom browser's networkConfiguration.networkMode is VPC, so the sessions agents open in it
#   browse through the account's subnets and security groups. In PUBLIC mode the browser reaches
#   any site on the internet outside the account's network controls. The mode is required by
#   CreateBrowser; where it is not recorded the browser is not evaluated. The built-in
#   aws.browser.v1 is AWS's and always public; it is not collected. A browser whose creation
#   failed, or that is being deleted, is not checked.
# custom:
#   id: CAFAI-IP-61
#   capability: infrastructure-protection
#   component: output
#   severity: high
#   resource_types: ["AWS::BedrockAgentCore::BrowserCustom"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the systems through which AI acts sit inside
#     network boundaries the organisation controls. A browser tool is how an agent's decisions
#     reach the web — filling forms, following links, posting data — so it carries the agent's
#     output out of the account. In VPC mode the account's security groups, DNS firewall, proxies
#     and flow logs decide and record where it may go, and a prompt-injected page cannot send the
#     agent anywhere the network does not allow.
#   remediation:
#     console: >-
#       A browser's network mode cannot be changed. Amazon Bedrock AgentCore console > Built-in
#       tools > Browser tools > Create browser tool > Network settings: VPC, with private subnets and
#       security groups (and a NAT or proxy for the sites it must reach); point the agents at the
#       new browser and delete the public one.
#     cli: >-
#       aws bedrock-agentcore-control create-browser --name claims_browser_vpc
#       --execution-role-arn ROLE_ARN --network-configuration
#       'networkMode=VPC,vpcConfig={subnets=[subnet-0abc],securityGroups=[sg-0abc]}'
#     terraform: |-
#       resource "aws_bedrockagentcore_browser" "this" {
#         name               = "claims_browser"
#         execution_role_arn = aws_iam_role.browser.arn
#         network_configuration {
#           network_mode = "VPC"
#           vpc_config {
#             subnets         = [aws_subnet.private_a.id]
#             security_groups = [aws_security_group.browser.id]
#           }
#         }
#       }
#     cloudformation: |-
#       ClaimsBrowser:
#         Type: AWS::BedrockAgentCore::BrowserCustom
#         Properties:
#           Name: claims_browser
#           ExecutionRoleArn: !GetAtt BrowserRole.Arn
#           NetworkConfiguration:
#             NetworkMode: VPC
#             VpcConfig:
#               Subnets: [!Ref PrivateSubnetA]
#               SecurityGroups: [!Ref BrowserSecurityGroup]
#   references:
#     - id: BrowserNetworkConfiguration (networkMode PUBLIC or VPC)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_BrowserNetworkConfiguration.html
#     - id: Configure AgentCore Runtime and tools for VPC
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html
package cafscan.controls.agentcore_browser_not_public

import data.cafscan.lib
import data.cafscan.lib.agentcore

out_of_scope if lib.configuration.status in {"CREATE_FAILED", "DELETING", "DELETED"}

recorded if agentcore.recorded("browserArn")

missing contains agentcore.not_recorded if not recorded

missing contains "the browser's network mode (networkConfiguration.networkMode) is not recorded" if {
	recorded
	not agentcore.network_mode
}

missing contains concat("", ["the browser's network mode ", agentcore.network_mode, " is not one cafscan knows (PUBLIC or VPC)"]) if {
	recorded
	not agentcore.network_mode in {"PUBLIC", "VPC"}
}

violations contains concat("", ["Custom browser ", lib.label, " runs in PUBLIC network mode, not in a VPC."]) if {
	agentcore.network_mode == "PUBLIC"
}
