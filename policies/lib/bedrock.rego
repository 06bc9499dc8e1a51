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
