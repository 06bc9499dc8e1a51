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

# A network configuration's mode in a record of the runtime (the latest version, or another
# version its endpoints serve); compared with strings only, so any other type is no known mode.
record_network_mode(record) := object.get(obj(object.get(record, "networkConfiguration", null)), "networkMode", null)

# --- the runtime versions an agent runtime serves (its endpoints; supplementaryConfiguration) ---
# The configuration is GetAgentRuntime's latest version, which the DEFAULT endpoint follows. Any
# endpoint can stay on an older version (liveVersion) or be moving to another (targetVersion), and
# each version keeps the network mode and environment variables it was created with; the live
# collector lists the endpoints (RuntimeEndpoints) and reads those versions (RuntimeVersions).
# Versions are numbered from 1, one more at every update: a runtime whose latest version is 1 has
# never had another, so it serves nothing else whatever its endpoints say.

# Compared with the endpoints' version strings only: any other type matches none of them.
latest_version := lib.configuration.agentRuntimeVersion

only_one_version if latest_version == "1"

is_latest(v) if v == latest_version

endpoints := e if {
	e := lib.supplementary.RuntimeEndpoints
	is_array(e)
}

# An endpoint whose creation failed, or that is being deleted, serves nothing.
endpoint_idle(e) if e.status in {"CREATE_FAILED", "DELETING"}

endpoint_name(e) := e.name if is_string(e.name)

else := e.id if is_string(e.id)

else := "?"

endpoint_version(e, key) := v if {
	v := e[key]
	is_string(v)
	v != ""
}

endpoint_versioned(e) if endpoint_version(e, "liveVersion")

endpoint_versioned(e) if endpoint_version(e, "targetVersion")

# Versions other than the latest that a serving endpoint names, as {version: [endpoint names]}.
other_served_versions[v] := names if {
	some e in endpoints
	not endpoint_idle(e)
	some key in ["liveVersion", "targetVersion"]
	v := endpoint_version(e, key)
	not is_latest(v)
	names := sort({endpoint_name(f) |
		some f in endpoints
		not endpoint_idle(f)
		some k in ["liveVersion", "targetVersion"]
		endpoint_version(f, k) == v
	})
}

# GetAgentRuntime's output for version v, as the collector read it (usually one record). (Entries
# of another type than object have no agentRuntimeVersion and match nothing; an endpoint entry of
# another type names no version, so it is unknown below.)
version_records(v) := [r |
	some r in lib.supplementary.RuntimeVersions
	r.agentRuntimeVersion == v
]

# "version 2 (endpoint prod)" for messages.
version_label(v) := concat("", ["version ", v, " (endpoint ", concat(", ", other_served_versions[v]), ")"])

# Why the versions the runtime serves besides the latest are unknown (undefined when known).
served_unknown_reason := concat("", ["the runtime's endpoints, or a version they serve, could not be read, so the versions it serves are unknown: ", lib.text(error)]) if {
	not only_one_version
	error := lib.resource.collectionErrors.RuntimeEndpoints
} else := "the runtime's endpoints are not in the inventory (supplementaryConfiguration.RuntimeEndpoints; AWS Config does not record them, a live scan lists them), so the versions it serves besides the latest are unknown" if {
	not only_one_version
	not endpoints
}

# Everything that keeps the served versions from being judged in full.
served_missing contains served_unknown_reason

served_missing contains concat("", ["runtime ", version_label(v), " is not in the inventory"]) if {
	some v, _ in other_served_versions
	count(version_records(v)) == 0
}

served_missing contains concat("", ["endpoint ", endpoint_name(e), " names no live or target version"]) if {
	not only_one_version
	some e in endpoints
	not endpoint_idle(e)
	not endpoint_versioned(e)
}
