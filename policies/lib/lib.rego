# Helpers shared by controls. Keys follow the inventory model (docs/inventory.md).
package cafscan.lib

resource := input.resource

configuration := object.get(input.resource, "configuration", {})

supplementary := object.get(input.resource, "supplementaryConfiguration", {})

# The resource's display name, for messages.
label := input.resource.name if {
	is_string(input.resource.name)
	input.resource.name != ""
} else := input.resource.id

# --- lookups into the context the engine loads once (data.inventory) -----------------------

# The resource with this ARN, if it is in the inventory and of a related type.
related(arn) := data.inventory.resources[arn]

# All resources of a type in the same account as the resource being evaluated. The context is
# indexed by account so this stays linear in the account's resources, not the inventory's.
same_account_of_type(type) := [r |
	some arn in object.get(object.get(data.inventory.by_account, input.resource.accountId, {}), type, [])
	r := data.inventory.resources[arn]
]

# Whether the source collected every resource of `type` for this account resource's
# account and region; without it, "none found" means "unknown", not "none".
collected(type) if type in object.get(configuration, "collectedTypes", [])

collection_failure(type) := configuration.failedTypes[type]

# --- values -----------------------------------------------------------------------------------

# IAM allows a single value wherever a list is allowed ("Statement": {…}, "Action": "s3:*").
as_array(x) := x if is_array(x)

else := [x] if is_string(x)

else := [x] if is_object(x)

else := []

# Tag lookup that ignores the case of the key ("Owner", "owner").
tag(key) := value if {
	some k, value in object.get(input.resource, "tags", {})
	lower(k) == lower(key)
}

has_tag(keys) if {
	some key in keys
	tag(key) != ""
}

# --- IAM policy documents ---------------------------------------------------------------------
# Policy semantics live in policies/lib/policy.rego (package cafscan.lib.policy), the only place
# that walks statements.

# --- secrets ----------------------------------------------------------------------------------
# Regexes are compiled on every call in opa-wasm (measured ~300 µs per model with five
# patterns), so cheap substring checks decide first and a regex only confirms a likely hit.

secret_name_words := [
	"secret", "password", "passwd", "api_key", "api-key", "apikey", "access_key", "access-key",
	"accesskey", "private_key", "private-key", "privatekey", "credential",
]

# Values that point at a secret rather than hold one.
reference_prefixes := ["arn:", "s3://", "/", "${", "{{resolve:"]

secret_value_markers := ["AKIA", "ASIA", "ABIA", "ACCA", "A3T", "PRIVATE KEY-----", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xox", "sk-"]

# AWS access key ids, PEM private keys, GitHub, Slack and OpenAI-style tokens.
secret_value_pattern := concat("|", [
	`(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`,
	`-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`,
	`gh[pousr]_[A-Za-z0-9]{36}`,
	`xox[baprs]-[A-Za-z0-9-]{10,}`,
	`sk-[A-Za-z0-9]{32,}`,
])

# Names of environment variables whose value looks like a credential.
secret_like_variables(env) := {name |
	some name, value in env
	is_string(value)
	value != ""
	looks_secret(name, value)
}

looks_secret(name, value) if {
	secret_name(lower(name))
	not is_reference(value)
}

secret_name(lowered) if {
	some word in secret_name_words
	contains(lowered, word)
}

# HF_TOKEN, AUTH_TOKEN — but not TOKENIZER or MAX_NEW_TOKENS, everyday LLM settings.
secret_name(lowered) if {
	contains(lowered, "token")
	not contains(lowered, "tokens")
	not contains(lowered, "tokeniz")
}

# What cafscan writes in place of a credential-looking value in inventory.json; re-scanning a
# redacted inventory still reports the variable.
redaction_marker := "[redacted by cafscan: looked like a credential]"

looks_secret(_, value) if value == redaction_marker

looks_secret(_, value) if {
	some marker in secret_value_markers
	contains(value, marker)
	regex.match(secret_value_pattern, value)
}

is_reference(value) if {
	some prefix in reference_prefixes
	startswith(value, prefix)
}
