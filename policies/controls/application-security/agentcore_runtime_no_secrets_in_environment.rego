# METADATA
# title: Bedrock AgentCore runtimes keep credentials out of environment variables
# description: >-
#   No environment variable of the agent runtime holds a value that looks like a credential: a
#   secret-sounding name with a literal value, or a value shaped like an access key, private key
#   or API token. References such as ARNs, S3 URIs and paths are not flagged. Environment
#   variables are optional: a runtime without any sets none. Findings name the variables, never
#   values. A runtime whose creation failed, or that is being deleted, is not checked. Every
#   version the runtime's endpoints serve is judged, not only the latest one (GetAgentRuntime
#   without a version, which the DEFAULT endpoint follows): a version keeps the environment it was
#   created with, so an endpoint left on an older version still hands its credential to the agent
#   code; the runtime fails if any served version sets one and is not evaluated while a served
#   version is unknown. Live scans list the endpoints (ListAgentRuntimeEndpoints: liveVersion,
#   targetVersion) and read each served version (GetAgentRuntime with agentRuntimeVersion). AWS
#   Config records only the latest version and no endpoints, so from Config alone a runtime whose
#   latest version is not 1 (versions are numbered from 1, one more at every update) is not
#   evaluated unless that version already sets a credential.
# custom:
#   id: CAFAI-AS-60
#   capability: application-security
#   component: model
#   severity: high
#   resource_types: ["AWS::BedrockAgentCore::Runtime"]
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks that the code around models be built and deployed with
#     security checks, secrets included. An agent runtime's environment is returned in clear text
#     by GetAgentRuntime to anyone allowed to read the runtime, recorded by AWS Config and copied
#     into every version; and the agent code that reads it runs model-driven tool calls, so a
#     prompt injection that makes the agent print its environment hands the credential over.
#     AgentCore Identity and Secrets Manager give the agent credentials without putting them in
#     its definition.
#   remediation:
#     console: >-
#       Store the credential in AgentCore Identity (an API key or OAuth2 credential provider) or in
#       AWS Secrets Manager, let the runtime role read it, and have the agent fetch it at run time.
#       Amazon Bedrock AgentCore console > Runtime > the agent runtime > Update hosting >
#       Environment variables: remove the secret (keep only its ARN if the code needs a pointer) >
#       Save, then rotate the exposed credential.
#     cli: >-
#       aws secretsmanager create-secret --name agents/NAME/api-key --secret-string VALUE &&
#       aws bedrock-agentcore-control update-agent-runtime --agent-runtime-id RUNTIME_ID
#       --agent-runtime-artifact file://artifact.json --role-arn ROLE_ARN
#       --network-configuration networkMode=VPC,networkModeConfig={subnets=[subnet-0abc],securityGroups=[sg-0abc]}
#       --environment-variables API_KEY_SECRET_ARN=SECRET_ARN
#     terraform: |-
#       resource "aws_bedrockagentcore_agent_runtime" "this" {
#         # ...
#         environment_variables = {
#           API_KEY_SECRET_ARN = aws_secretsmanager_secret.agent_api_key.arn
#         }
#       }
#     cloudformation: |-
#       ClaimsAgentRuntime:
#         Type: AWS::BedrockAgentCore::Runtime
#         Properties:
#           AgentRuntimeName: claims_agent
#           RoleArn: !GetAtt AgentRuntimeRole.Arn
#           AgentRuntimeArtifact:
#             ContainerConfiguration:
#               ContainerUri: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/claims-agent:1
#           NetworkConfiguration:
#             NetworkMode: VPC
#           EnvironmentVariables:
#             API_KEY_SECRET_ARN: !Ref AgentApiKeySecret
#   references:
#     - id: GetAgentRuntime (environmentVariables)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_GetAgentRuntime.html
#     - id: ListAgentRuntimeEndpoints (liveVersion, targetVersion)
#       source: Amazon Bedrock AgentCore Control Plane API Reference
#       url: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_ListAgentRuntimeEndpoints.html
#     - id: AgentCore Identity credential providers
#       source: Amazon Bedrock AgentCore Developer Guide
#       url: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/identity.html
package cafscan.controls.agentcore_runtime_no_secrets_in_environment

import data.cafscan.lib
import data.cafscan.lib.agentcore

out_of_scope if lib.configuration.status in {"CREATE_FAILED", "DELETING"}

recorded if agentcore.recorded("agentRuntimeArn")

secret_names := lib.secret_like_variables(agentcore.obj(object.get(lib.configuration, "environmentVariables", null)))

missing contains agentcore.not_recorded if not recorded

violations contains concat("", ["Agent runtime ", lib.label, " sets environment variables that look like credentials: ", concat(", ", sort(secret_names)), "."]) if {
	count(secret_names) > 0
}

# Served versions other than the latest whose environment looks like it holds credentials, as
# {"version 2 (endpoint prod)": [variable names]}.
version_secrets[label] := names if {
	some v, _ in agentcore.other_served_versions
	names := {name |
		some record in agentcore.version_records(v)
		some name in lib.secret_like_variables(agentcore.obj(object.get(record, "environmentVariables", null)))
	}
	count(names) > 0
	label := agentcore.version_label(v)
}

violations contains concat("", ["Agent runtime ", lib.label, " serves runtime ", label, " with environment variables that look like credentials: ", concat(", ", sort(names)), "."]) if {
	some label, names in version_secrets
}

# What keeps a served version from being judged matters only while none is known to leak.
missing contains reason if {
	recorded
	count(violations) == 0
	some reason in agentcore.served_missing
}
