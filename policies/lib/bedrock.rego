# Helpers for the Amazon Bedrock controls (guardrails, agents). Keys are the Bedrock API's own
# (camelCase), as src/collect/services/bedrock.ts records them (docs/inventory.md).
package cafscan.lib.bedrock

import data.cafscan.lib

# A value as an object or a list, or an empty one when absent, null or of another type, so that
# a sparse or odd configuration never makes a rule silently undefined.
obj(x) := x if is_object(x)

else := {}

list(x) := x if is_array(x)

else := []

field(o, key) := object.get(obj(o), key, null)

# The resource's configuration was recorded at all. Optional settings the Get call leaves out
# are off, as in the API; a configuration the Get call could not read is handled by the router
# (collectionErrors.configuration).
known if count(lib.configuration) > 0

configuration_missing := "the resource's configuration is not in the inventory"

# --- guardrails (GetGuardrail of the draft, or of a published version an agent applies) -------

policy(name) := obj(field(lib.configuration, name))

content_filters := [f | some f in list(field(policy("contentPolicy"), "filters")); is_object(f)]

content_filters_of(type) := [f | some f in content_filters; f.type == type]

# The newer per-direction fields: absent on guardrails created before they existed, which
# means the filter is on and blocks.
input_off(f) if f.inputEnabled == false

input_detect_only(f) if f.inputAction == "NONE"

output_off(f) if f.outputEnabled == false

output_detect_only(f) if f.outputAction == "NONE"

# A filter limited to modalities that leave text out (inputModalities ["IMAGE"]).
misses_text(modalities) if {
	is_array(modalities)
	not "TEXT" in modalities
}

# --- agents (GetAgent's agent, DRAFT) ---------------------------------------------------------

agent_guardrail := obj(field(lib.configuration, "guardrailConfiguration"))

agent_guardrail_id := id if {
	id := agent_guardrail.guardrailIdentifier
	is_string(id)
	id != ""
}

agent_has_guardrail if agent_guardrail_id

# The display name of another resource found in the inventory.
name_of(r) := r.name if {
	is_string(r.name)
	r.name != ""
} else := r.id

# --- the agent versions an agent serves (its aliases; supplementaryConfiguration) ---------------
# GetAgent reads the DRAFT, which the test alias serves; a deployed agent runs the versions its
# aliases route to, each with its own guardrailConfiguration (GetAgentVersion). Versions served
# through an alias that is failed, being deleted, dissociated or rejecting invocations do not run.

aliases_recorded if is_array(lib.supplementary.AgentAliases)

aliases_error := lib.resource.collectionErrors.AgentAliases

# Why the versions the agent serves are unknown (undefined when they are known).
aliases_unknown_reason := concat("", ["the agent's aliases could not be read, so the versions it serves are unknown: ", lib.text(error)]) if {
	error := aliases_error
} else := "the agent's aliases are not in the inventory, so the versions it serves are unknown (supplementaryConfiguration.AgentAliases)" if {
	not aliases_recorded
}

# (Helper rules: `not a.agentAliasStatus in {…}` would be undefined, not true, when absent.)
alias_broken(a) if a.agentAliasStatus in {"FAILED", "DELETING", "DISSOCIATED"}

alias_rejecting(a) if a.aliasInvocationState == "REJECT_INVOCATIONS"

alias_serves(a) if {
	not alias_broken(a)
	not alias_rejecting(a)
}

# Published agent versions served by an alias, as {version: [alias names]}.
served_versions[v] := names if {
	some a in list(lib.supplementary.AgentAliases)
	some r in list(field(a, "routingConfiguration"))
	v := r.agentVersion
	is_string(v)
	v != "DRAFT"
	names := sort({name |
		some b in list(lib.supplementary.AgentAliases)
		alias_serves(b)
		some q in list(field(b, "routingConfiguration"))
		q.agentVersion == v
		name := alias_name(b)
	})
	count(names) > 0
}

# An alias's name for messages: its name, else its id, else "?". Always a string: a null or odd
# name would make the concat of the names undefined and drop the version from every message.
alias_name(a) := a.agentAliasName if {
	is_string(a.agentAliasName)
	a.agentAliasName != ""
} else := a.agentAliasId if {
	is_string(a.agentAliasId)
	a.agentAliasId != ""
} else := "?"

agent_version(v) := r if {
	some r in list(lib.supplementary.AgentVersions)
	r.version == v
}

version_guardrail(v) := obj(field(agent_version(v), "guardrailConfiguration"))

version_guardrail_id(v) := id if {
	id := version_guardrail(v).guardrailIdentifier
	is_string(id)
	id != ""
}

version_has_guardrail(v) if version_guardrail_id(v)

# Served versions whose record is missing (GetAgentVersion failed or was not made).
unrecorded_versions := sort([v |
	some v, _ in served_versions
	not agent_version(v)
])

# "version 3 (alias live)" for messages.
version_label(v) := concat("", ["version ", lib.text(v), " (alias ", concat(", ", served_versions[v]), ")"])
