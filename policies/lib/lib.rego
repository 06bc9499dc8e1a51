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

# All resources of a type in the same account as the resource being evaluated.
same_account_of_type(type) := [r |
	some arn in object.get(data.inventory.by_type, type, [])
	r := data.inventory.resources[arn]
	r.accountId == input.resource.accountId
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

statements(doc) := as_array(doc.Statement) if is_object(doc)
else := []

allows(statement, action) if {
	statement.Effect == "Allow"
	some a in as_array(statement.Action)
	action_matches(a, action)
}

# "*" spans the service prefix too; otherwise ":" separates service and action ("iam:*").
action_matches(pattern, _) if pattern == "*"

action_matches(pattern, action) if glob.match(lower(pattern), [":"], lower(action))

# A statement that allows every action on every resource.
grants_full_admin(doc) if {
	some s in statements(doc)
	s.Effect == "Allow"
	"*" in as_array(s.Action)
	"*" in as_array(s.Resource)
}

# Services trusted to assume a role.
trusted_services(trust_doc) := {svc |
	some s in statements(trust_doc)
	s.Effect == "Allow"
	some svc in as_array(object.get(object.get(s, "Principal", {}), "Service", []))
}

# --- secrets ----------------------------------------------------------------------------------

secret_name_pattern := `(?i)(secret|passw(or)?d|passwd|api[_-]?key|access[_-]?key|private[_-]?key|token|credential)`

secret_value_patterns := [
	`(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`,
	`-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`,
	`(?i)(ghp|gho|ghu|ghs)_[A-Za-z0-9]{36}`,
	`xox[baprs]-[A-Za-z0-9-]{10,}`,
	`sk-[A-Za-z0-9]{32,}`,
]

# Names of environment variables whose value looks like a credential.
secret_like_variables(env) := {name |
	some name, value in env
	is_string(value)
	value != ""
	looks_secret(name, value)
}

looks_secret(name, value) if {
	regex.match(secret_name_pattern, name)
	not regex.match(`^(arn:|s3://|/|\$\{|\{\{resolve:)`, value)
}

looks_secret(_, value) if {
	some pattern in secret_value_patterns
	regex.match(pattern, value)
}
