# Which values of a resource's environment-like maps look like credentials, so the scanner can
# redact them in inventory.json. Detection is lib.looks_secret — the same as the secret controls
# use — so what is flagged and what is hidden never drift apart.
#
# input.candidates: [{"path": [...], "env": {…} or [{"name", "value"}…]}], the environment-like
# maps the engine found in the resource's configuration ("Environment", "environment",
# "Variables", "EnvironmentVariables", "HyperParameters" holding an object or a list). Finding them in TypeScript
# is a plain traversal; walking every configuration in Rego was measured at ~120 µs a resource.
package cafscan.redaction

import data.cafscan.lib

# Paths from the resource root ("configuration", …, variable name) to values to redact.
paths contains array.concat(["configuration"], array.concat(path, [name])) if {
	some path, env in environment_maps
	some name, value in env
	is_string(value)
	lib.looks_secret(name, value)
}

# ECS-style lists: [{"name": "DB_PASSWORD", "value": "…"}].
paths contains array.concat(["configuration"], array.concat(path, [i, value_key])) if {
	some path, env in environment_lists
	some i, entry in env
	name := object.get(entry, "name", object.get(entry, "Name", ""))
	value_key := [key | some key in ["value", "Value"]; is_string(entry[key])][0]
	lib.looks_secret(name, entry[value_key])
}

environment_maps[candidate.path] := candidate.env if {
	some candidate in input.candidates
	is_object(candidate.env)
}

environment_lists[candidate.path] := candidate.env if {
	some candidate in input.candidates
	is_array(candidate.env)
}
