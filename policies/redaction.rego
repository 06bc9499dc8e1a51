# Which values of a resource look like credentials, so the scanner can redact them in
# inventory.json: in its environment-like maps by name or value, anywhere else by shape.
# Detection is lib.looks_secret — the same as the secret controls use — so what is flagged and
# what is hidden never drift apart.
#
# input.candidates: [{"path": [...], "env": {…}, [{"name", "value"}…] or ["NAME=value"…]}], the environment-like
# maps the engine found in the resource's configuration or supplementaryConfiguration (an
# AgentCore runtime's served versions carry their environment there), each path from the
# resource root ("configuration", … or "supplementaryConfiguration", …) ("Environment", "environment",
# "Variables", "EnvironmentVariables", "HyperParameters" holding an object or a list). Finding them in TypeScript
# is a plain traversal; walking every configuration in Rego was measured at ~120 µs a resource.
package cafscan.redaction

import data.cafscan.lib

# Paths from the resource root (the candidate's path, then the variable name) to values to redact.
paths contains array.concat(path, [name]) if {
	some path, env in environment_maps
	some name, value in env
	is_string(value)
	lib.looks_secret(name, value)
}

# ECS-style lists: [{"name": "DB_PASSWORD", "value": "…"}].
paths contains array.concat(path, [i, value_key]) if {
	some path, env in environment_lists
	some i, entry in env
	name := object.get(entry, "name", object.get(entry, "Name", ""))
	value_key := [key | some key in ["value", "Value"]; is_string(entry[key])][0]
	lib.looks_secret(name, entry[value_key])
}

# Docker-style lists of strings, "NAME=value" or a bare value: no AWS API returns one for the keys
# the engine looks at (Lambda, SageMaker AI and AgentCore give string maps, ECS, Batch and
# CodeBuild lists of {name, value}), but a hand-written or converted inventory can, and a
# credential written back to inventory.json is worse than a redacted setting. The whole entry
# is redacted: name and value are one string.
paths contains array.concat(path, [i]) if {
	some path, env in environment_lists
	some i, entry in env
	is_string(entry)
	assignment_secret(entry)
}

# Anywhere else in the resource — a tag, a description, a URL, a Bedrock flow's code in a Config
# snapshot — a value whose shape is a credential's. input.values: [{"path": [...], "value": "…"}],
# the string values of the resource's tags, configuration and supplementaryConfiguration that
# the engine's copy of the shapes picked (src/inventory/credential-shapes.ts). The shape alone
# decides: outside an environment a key such as "secret-rotation" or "TokenizerConfig" names a
# setting, not a credential, and its value is kept.
paths contains candidate.path if {
	some candidate in input.values
	is_string(candidate.value)
	lib.looks_secret("", candidate.value)
}

assignment_secret(entry) if {
	parts := split(entry, "=")
	count(parts) > 1
	lib.looks_secret(parts[0], trim_prefix(entry, concat("", [parts[0], "="])))
}

assignment_secret(entry) if lib.looks_secret("", entry)

# A map whose values are objects (Lambda's Environment: {"Variables": {…}}, CodeBuild's
# environment: {"environmentVariables": […]}) is not judged here: in every AWS shape the strings
# sit under a nested environment-like key, which the engine reports as a candidate of its own.
environment_maps[candidate.path] := candidate.env if {
	some candidate in input.candidates
	is_object(candidate.env)
}

environment_lists[candidate.path] := candidate.env if {
	some candidate in input.candidates
	is_array(candidate.env)
}
