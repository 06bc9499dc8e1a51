# Where a resource holds values that look like credentials, so the scanner can redact them in
# inventory.json. Detection is lib.looks_secret — the same as the secret controls use — so what
# is flagged and what is hidden never drift apart. Evaluated as its own entrypoint, only for
# resources that have environment-like maps (the engine pre-filters on the JSON text).
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

environment_maps[path] := env if {
	walk(input.resource.configuration, [path, env])
	environment_key(path)
	is_object(env)
}

environment_lists[path] := env if {
	walk(input.resource.configuration, [path, env])
	environment_key(path)
	is_array(env)
}

environment_key(path) if {
	count(path) > 0
	key := path[count(path) - 1]
	is_string(key)
	lower(key) in {"environment", "variables", "environmentvariables"}
}
