# METADATA
# title: Bedrock AgentCore custom code interpreters run in VPC network mode
# description: >-
#   The custom code interpreter's networkConfiguration.networkMode is VPC, so code an agent writes
#   and runs reaches only what the account's subnets and security groups allow. PUBLIC gives that
#   code the open internet; SANDBOX still lets it reach Amazon S3 (any bucket its role can use)
#   outside the account's network controls. The mode is required by CreateCodeInterpreter; where it is not
#   recorded the interpreter is not evaluated. The built-in aws.codeinterpreter.v1 is AWS's and is
#   not collected. An interpreter whose creation failed, or that is being deleted, is not checked.
# custom:
#   id: CAFAI-IP-62
#   capability: infrastructure-protection
#   component: output
#   severity: high
#   resource_types: ["AWS::BedrockAgentCore::CodeInterpreterCustom"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection asks that the systems through which AI acts sit inside
#     network boundaries the organisation controls. A code interpreter runs code the model
#     generated — the most direct form of model output — with the interpreter role's permissions;
#     a prompt injection that reaches it can run anything. Only in VPC mode do the account's
#     security groups, VPC endpoint policies and flow logs limit and record where that code can
#     send data; PUBLIC and SANDBOX leave paths out of the account that none of them govern.
#   remediation:
#     console: >-
#       A code interpreter's network mode cannot be changed. Amazon Bedrock AgentCore console >
#       Built-in tools > Code interpreters > Create code interpreter > Network settings: VPC, with
#       private subnets, security groups and the VPC endpoints the code needs; point the agents at
#       it and delete the old one.
#     cli: >-
#       aws bedrock-agentcore-control create-code-interpreter --name claims_ci_vpc
#       --execution-role-arn ROLE_ARN --network-configuration
#       'networkMode=VPC,vpcConfig={subnets=[subnet-0abc],securityGroups=[sg-0abc]}'
#     terraform: |-
#       resource "aws_bedrockagentcore_code_interpreter" "this" {
#         name               = "claims_ci"
#         execution_role_arn = aws_iam_role.code_interpreter.arn
#         network_configuration {
#           network_mode = "VPC"
#           vpc_config {
#             subnets         = [aws_subnet.private_a.id]
#             security_groups = [aws_security_group.code_interpreter.id]
#           }
#         }
#       }
#     cloudformation: |-
#       ClaimsCodeInterpreter:
#         Type: AWS::BedrockAgentCore::CodeInterpreterCustom
#         Properties:
#           Name: claims_ci
#           ExecutionRoleArn: !GetAtt CodeInterpreterRole.Arn
#           NetworkConfiguration:
#             NetworkMode: VPC
#             VpcConfig:
#               Subnets: [!Ref PrivateSubnetA]
#               SecurityGroups: [!Ref CodeInterpreterSecurityGroup]
#   references:
#     - id: CodeInterpreterNetworkConfiguration (networkMode PUBLIC, SANDBOX or VPC)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CodeInterpreterNetworkConfiguration.html
#     - id: Configure AgentCore Runtime and tools for VPC
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html
package cafscan.controls.agentcore_code_interpreter_vpc

import data.cafscan.lib
import data.cafscan.lib.agentcore

out_of_scope if lib.configuration.status in {"CREATE_FAILED", "DELETING", "DELETED"}

recorded if agentcore.recorded("codeInterpreterArn")

missing contains agentcore.not_recorded if not recorded

missing contains "the code interpreter's network mode (networkConfiguration.networkMode) is not recorded" if {
	recorded
	not agentcore.network_mode
}

missing contains concat("", ["the code interpreter's network mode ", agentcore.network_mode, " is not one cafscan knows (PUBLIC, SANDBOX or VPC)"]) if {
	recorded
	not agentcore.network_mode in {"PUBLIC", "SANDBOX", "VPC"}
}

violations contains concat("", ["Custom code interpreter ", lib.label, " runs in ", agentcore.network_mode, " network mode, not in a VPC."]) if {
	agentcore.network_mode in {"PUBLIC", "SANDBOX"}
}
