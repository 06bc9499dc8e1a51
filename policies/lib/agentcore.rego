# Helpers for the Amazon Bedrock AgentCore controls. Keys are the AgentCore control plane API's
# own (camelCase), as src/collect/services/bedrock-agentcore.ts records them (docs/inventory.md).
package cafscan.lib.agentcore

import data.cafscan.lib

# The Get call's output is in the inventory: it always carries the resource's ARN under this key
# (a List summary standing in, or an item in another shape, does not).
recorded(arn_key) if {
	arn := object.get(lib.configuration, arn_key, null)
	is_string(arn)
	arn != ""
}

not_recorded := "the resource's configuration (its Get call's output) is not in the inventory"

# A value as an object, or an empty one when absent, null or of another type, so that a sparse
# or odd configuration never makes a rule silently undefined.
obj(x) := x if is_object(x)

else := {}

# A network configuration's mode, where the resource states one as a string.
network_mode := mode if {
	mode := object.get(obj(object.get(lib.configuration, "networkConfiguration", null)), "networkMode", null)
	is_string(mode)
}

# A KMS key ARN the resource names under key, where it names one.
key_arn(key) := arn if {
	arn := object.get(lib.configuration, key, null)
	is_string(arn)
	trim_space(arn) != ""
}
