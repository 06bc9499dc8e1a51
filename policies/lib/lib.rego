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

# The ARNs of the resources of a type in the same account as the resource being evaluated: for
# loops that look at one or two fields of each, without building the list of resources first.
same_account_arns(type) := object.get(object.get(data.inventory.by_account, input.resource.accountId, {}), type, [])

# Those of `names` that one of the account's S3 buckets carries as its name or its id, whatever
# ARN form the inventory holds the bucket under. Only the names asked about are looked for,
# bucket by bucket: building the set of every bucket name of the account for each resource
# cost ~100 µs per training job with 550 buckets per account (the benchmark). A bucket whose
# name or id field is absent altogether counts for neither, as in the [name, id] array this
# replaces (undefined when one element is).
account_buckets_named(names) := {name |
	count(names) > 0
	some arn in same_account_arns("AWS::S3::Bucket")
	bucket := data.inventory.resources[arn]
	some name in names
	bucket_named(bucket, name)
}

bucket_named(bucket, name) if {
	bucket.name == name
	_ = bucket.id
} else if {
	bucket.id == name
	_ = bucket.name
}

# Whether the source collected every resource of `type` for this account resource's
# account and region; without it, "none found" means "unknown", not "none".
collected(type) if type in object.get(configuration, "collectedTypes", [])

collection_failure(type) := configuration.failedTypes[type]

# --- values -----------------------------------------------------------------------------------

# Any JSON value as message text, in native Rego: opa-wasm's JavaScript sprintf throws on %v of
# null and on %q (its verbs differ from OPA's Go ones), so messages use %s with this instead.
text(x) := x if is_string(x)

else := json.marshal(x)

# IAM allows a single value wherever a list is allowed ("Statement": {…}, "Action": "s3:*").
as_array(x) := x if is_array(x)

else := [x] if is_string(x)

else := [x] if is_object(x)

else := []

# Tag lookup that ignores the case of the key ("Owner", "owner"). AWS tag keys are
# case-sensitive, so "Owner" and "owner" can both be set: the function still gives one value
# (two would be a conflict at run time). Callers ask whether a tag has a value, so a non-blank
# value wins: the exact-case key's, else the first in sorted key order; when all are blank, the
# exact-case key's value, else the first in sorted key order.
tag(key) := value if {
	value := tag_map[key]
	nonblank(value)
} else := value if {
	value := [tag_map[k] | some k in tag_keys(key); nonblank(tag_map[k])][0]
} else := value if {
	value := tag_map[key]
} else := value if {
	value := tag_map[tag_keys(key)[0]]
}

tag_map := input.resource.tags if is_object(input.resource.tags)

else := {}

# The keys of the tag map equal to `key` but for case, sorted.
tag_keys(key) := sort([k | some k, _ in tag_map; is_string(k); lower(k) == lower(key)])

nonblank(x) if {
	is_string(x)
	trim_space(x) != ""
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

# Values that point at a secret rather than hold one. "${NAME}" and "$(command)" are what a
# shell expands (a lifecycle script's `export DB_PASSWORD="$(aws secretsmanager …)"`, the
# remediation the secret controls recommend); in an environment map that no shell reads
# (Lambda, SageMaker AI, ECS), a value that literally starts with them is a command line, not a
# credential either — a generated password would have to open with those two characters.
reference_prefixes := ["arn:", "s3://", "/", "${", "$(", "{{resolve:"]

# The shapes providers document for their keys, each anchored on its prefix so that ordinary
# kebab-case or snake_case values ("mask-generation-…", "hf_transfer") stay clear:
# - AWS access key ids; PEM private keys;
# - GitHub classic (ghp_/gho_/ghu_/ghs_/ghr_) and fine-grained (github_pat_) tokens; Slack tokens;
# - OpenAI project, service-account and admin keys (sk-proj-, sk-svcacct-, sk-admin-, sk-None-)
#   and legacy keys (sk- and 32+ letters and digits); Anthropic API and admin keys
#   (sk-ant-api03-, sk-ant-admin01-); Stripe live secret/restricted keys;
# - Hugging Face user access tokens (hf_ and 30+ letters and digits); Google API keys (AIza and
#   35 characters);
# - other AI inference providers' API keys: Groq (gsk_), Replicate (r8_), xAI (xai-),
#   Perplexity (pplx-), NVIDIA (nvapi-); GitLab personal access tokens (glpat-), Google OAuth
#   client secrets (GOCSPX-), npm tokens (npm_);
# - signed JWTs (three base64url parts, header and payload JSON objects: "eyJ"), bearer
#   credentials wherever they are stored;
# - a password inside a URL (scheme://user:password@host, RFC 3986's userinfo: a database or
#   broker connection string such as DATABASE_URL), unless the password is a placeholder
#   ("${DB_PASSWORD}", "<password>", "{{…}}", "%(password)s"). Character classes are spelt out
#   (no \s): RE2's \s is ASCII only, JavaScript's is not, and src/inventory/credential-shapes.ts
#   runs the same patterns.
#
# Each pattern with the substrings ("markers") one of which every match of it contains: a cheap
# contains() decides first, and only the pattern of a marker found is run. A regex is compiled
# on every call in opa-wasm, and the cost grows with the pattern: the whole alternation took
# ~1 ms per value, one shape ~60 µs — and markers such as "sk-" occur in everyday values
# ("task-…"), so one pattern per shape keeps such values cheap.
secret_value_patterns := [
	{"markers": ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"], "pattern": `(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`},
	{"markers": ["PRIVATE KEY-----"], "pattern": `-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`},
	{"markers": ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], "pattern": `gh[pousr]_[A-Za-z0-9]{36}`},
	{"markers": ["github_pat_"], "pattern": `github_pat_[A-Za-z0-9_]{22,}`},
	{"markers": ["xox"], "pattern": `xox[baprs]-[A-Za-z0-9-]{10,}`},
	{"markers": ["sk-"], "pattern": concat("|", [
		`(^|[^A-Za-z0-9_-])sk-(proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}`,
		`(^|[^A-Za-z0-9_-])sk-ant-(api|admin)[0-9]{2}-[A-Za-z0-9_-]{20,}`,
		`(^|[^A-Za-z0-9_-])sk-[A-Za-z0-9]{32,}`,
	])},
	{"markers": ["_live_"], "pattern": `(^|[^A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{20,}`},
	{"markers": ["hf_"], "pattern": `(^|[^A-Za-z0-9])hf_[A-Za-z0-9]{30,}`},
	{"markers": ["AIza"], "pattern": `(^|[^A-Za-z0-9])AIza[A-Za-z0-9_-]{35}`},
	{"markers": ["gsk_", "r8_", "npm_"], "pattern": `(^|[^A-Za-z0-9])(gsk|r8|npm)_[A-Za-z0-9]{30,}`},
	{"markers": ["xai-", "pplx-"], "pattern": `(^|[^A-Za-z0-9_-])(xai|pplx)-[A-Za-z0-9]{40,}`},
	{"markers": ["nvapi-"], "pattern": `(^|[^A-Za-z0-9_-])nvapi-[A-Za-z0-9_-]{60,}`},
	{"markers": ["glpat-"], "pattern": `(^|[^A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}`},
	{"markers": ["GOCSPX-"], "pattern": `(^|[^A-Za-z0-9])GOCSPX-[A-Za-z0-9_-]{24,}`},
	{"markers": ["eyJ"], "pattern": `(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`},
	{"markers": ["://"], "pattern": `[A-Za-z][A-Za-z0-9+.-]*://[^ \t\r\n/@:]*:[^ \t\r\n/@$<{%][^ \t\r\n/@]*@[^ \t\r\n/@]`},
]

# All the shapes as one pattern (what the tests state the shapes with).
secret_value_pattern := concat("|", [p.pattern | some p in secret_value_patterns])

# An AWS secret access key has no prefix: 40 characters of base64. Only a whole value of that
# shape (quotes and spaces around it aside: JSON-encoded hyperparameters) or one after
# "aws_secret_access_key=" counts, with upper case, lower case and a digit, so a 40-digit hex
# hash (a git commit, a SHA-1) or a path is not taken for one.
aws_secret_key_pattern := `^[A-Za-z0-9/+]{40}$`

aws_secret_key(value) if {
	bare := trim(value, "\"' ")

	# The pattern matches 40 ASCII characters only: checking the length first spares the regex
	# (compiled on every call in wasm) for almost every value.
	count(bare) == 40
	regex.match(aws_secret_key_pattern, bare)
	regex.match(`[A-Z]`, bare)
	regex.match(`[a-z]`, bare)
	regex.match(`[0-9]`, bare)
} else if {
	# The regex (~170 µs to compile in wasm) only where its "secret" and "access" can be: the
	# reference to a secret ("arn:aws:secretsmanager:…:secret:…") names no "access". ("acce":
	# a, c and e have no other case forms under (?i), unlike s and k.)
	lowered := lower(value)
	contains(lowered, "secret")
	contains(lowered, "acce")
	regex.match(`(?i)aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}([^A-Za-z0-9/+]|$)`, value)
}

# Names of environment variables whose value looks like a credential.
secret_like_variables(env) := {name |
	some name, value in env
	is_string(value)
	value != ""
	looks_secret(name, value)
}

# One chain of else: opa-wasm evaluates every body of a function with several (measured: a
# function true by its first body still paid 1.2 ms for a regex in its second), while an else
# is evaluated only when what precedes it is undefined. Cheapest tests first.
looks_secret(name, value) if {
	secret_name(lower(name))
	not is_reference(value)
} else if {
	value == redaction_marker
} else if {
	some shape in secret_value_patterns
	contains_any(value, shape.markers)
	regex.match(shape.pattern, value)
} else if {
	aws_secret_key(value)
}

secret_name(lowered) if {
	some word in secret_name_words
	contains(lowered, word)
} else if {
	# HF_TOKEN, AUTH_TOKEN — but not TOKENIZER or MAX_NEW_TOKENS, everyday LLM settings.
	contains(lowered, "token")
	not contains(lowered, "tokens")
	not contains(lowered, "tokeniz")
}

# What cafscan writes in place of a credential-looking value in inventory.json; re-scanning a
# redacted inventory still reports the variable.
redaction_marker := "[redacted by cafscan: looked like a credential]"

contains_any(value, markers) if {
	some marker in markers
	contains(value, marker)
}

is_reference(value) if {
	some prefix in reference_prefixes
	startswith(value, prefix)
}

# `command`: the shell's older command substitution, whole (one opening backtick alone could
# start a generated password).
is_reference(value) if {
	count(value) > 2
	startswith(value, "`")
	endswith(value, "`")
}
