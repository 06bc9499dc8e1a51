# IAM policy semantics: the only place that walks policy statements. Controls ask questions
# ("is this action allowed?", "does this grant to everyone?", "does a Deny cover the bucket?")
# and never read Statement/Effect/Action themselves.
#
# It follows AWS's policy evaluation logic
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
# a request is allowed only when some Allow statement applies and no Deny statement does; a
# statement applies when its Action/NotAction, Resource/NotResource, Principal/NotPrincipal and
# Condition all match. Every element may be a single value or a list.
#
# Two kinds of answer, because a scanner must never pass what it cannot prove:
#   - "may" questions (an Allow that might apply) over-approximate: a condition on an Allow does
#     not remove it, a policy variable matches anything after its prefix;
#   - "sure" questions (a Deny that certainly applies) under-approximate: only unconditional
#     Deny statements subtract from what is allowed, and a policy variable matches nothing.
#
# Matching uses regex.match on patterns escaped with strings.replace_n, both native in
# opa-wasm (glob.match treats {}, [] and \ specially; IAM does not).
package cafscan.lib.policy

# --- values ------------------------------------------------------------------------------------

# A single value is allowed wherever a list is ("Statement": {…}, "Action": "s3:*").
values(x) := x if is_array(x)

else := [x] if is_string(x)

else := [x] if is_object(x)

else := []

# The statements of a document; anything that is not an object is ignored (AWS rejects it).
statements(doc) := [s | some s in values(doc.Statement); is_object(s)] if is_object(doc)

else := []

# A lookup rather than object.keys, which builds the set of every key on each call (this is
# asked several times per statement); any value, null and false included, is there.
has(s, key) if {
	_ = s[key]
}

allow(s) if s.Effect == "Allow"

deny(s) if s.Effect == "Deny"

conditioned(s) if {
	is_object(s.Condition)
	count(s.Condition) > 0
}

# A non-object, non-null Condition cannot be judged: treat it as present (never "unconditional").
conditioned(s) if {
	has(s, "Condition")

	# lint-rego: allow not-call-on-field — guarded by has(s, "Condition") on the line above
	not is_object(s.Condition)
	s.Condition != null
}

unconditional(s) if not conditioned(s)

# How a statement is named in messages: its Sid in quotes, else its position. Native concat and
# format_int: opa-wasm's JavaScript sprintf throws on %q.
statement_name(s, i) := concat("", ["\"", s.Sid, "\""]) if {
	is_string(s.Sid)
	s.Sid != ""
} else := concat("", ["#", format_int(i + 1, 10)])

# --- wildcard matching -------------------------------------------------------------------------

# IAM wildcards: * (any run of characters, ":" and "/" included) and ? (one character).
regex_escapes := {
	"\\": "\\\\", ".": "\\.", "+": "\\+", "^": "\\^", "$": "\\$", "(": "\\(", ")": "\\)",
	"|": "\\|", "{": "\\{", "}": "\\}", "[": "\\[", "]": "\\]", "*": ".*", "?": ".",
}

wildcard(p) if contains(p, "*")

wildcard(p) if contains(p, "?")

glob_regex(p) := concat("", ["(?s)^", strings.replace_n(regex_escapes, p), "$"])

# One chain of else, cheapest test first: opa-wasm evaluates every body of a function, and
# compiles the regex on every call. A pattern matches only a value that starts with the text
# before its first wildcard, so that prefix test decides most pairs ("s3:Get*" against an iam:
# action) without the regex; "*" matches every value ((?s) lets . match a newline too).
matches(p, v) if {
	p == v
} else if {
	p == "*"
} else if {
	wildcard(p)
	startswith(v, glob_prefix(p))
	regex.match(glob_regex(p), v)
}

# The text before the first * or ? of a pattern that has one (wildcard(p)).
glob_prefix(p) := substring(p, 0, indexof(p, "*")) if {
	not contains(p, "?")
} else := substring(p, 0, indexof(p, "?")) if {
	not contains(p, "*")
} else := substring(p, 0, min([indexof(p, "*"), indexof(p, "?")]))

# Actions are case-insensitive ("S3:getobject" is "s3:GetObject").
action_matches(p, action) if {
	is_string(p)
	matches(lower(p), lower(action))
}

# Resources are case-sensitive. A policy variable (${aws:username}) is known only at request
# time: it may match anything after its prefix, and surely matches nothing.
resource_may_match(p, arn) if {
	is_string(p)
	not contains(p, "${")
	matches(p, arn)
}

resource_may_match(p, arn) if {
	is_string(p)
	contains(p, "${")
	matches(concat("", [substring(p, 0, indexof(p, "${")), "*"]), arn)
}

resource_sure_match(p, arn) if {
	is_string(p)
	not contains(p, "${")
	matches(p, arn)
}

# --- which requests a statement applies to -----------------------------------------------------

covers_action(s, action) if {
	has(s, "Action")
	some p in values(s.Action)
	action_matches(p, action)
}

covers_action(s, action) if {
	not has(s, "Action")
	has(s, "NotAction")
	not action_excluded(s, action)
}

action_excluded(s, action) if {
	some p in values(s.NotAction)
	action_matches(p, action)
}

# Resource omitted (a trust policy, or an invalid document): may apply to anything, surely to
# nothing.
may_cover_resource(s, _) if {
	not has(s, "Resource")
	not has(s, "NotResource")
}

may_cover_resource(s, arn) if {
	has(s, "Resource")
	some p in values(s.Resource)
	resource_may_match(p, arn)
}

may_cover_resource(s, arn) if {
	not has(s, "Resource")
	has(s, "NotResource")
	not resource_surely_excluded(s, arn)
}

resource_surely_excluded(s, arn) if {
	some p in values(s.NotResource)
	resource_sure_match(p, arn)
}

sure_cover_resource(s, arn) if {
	has(s, "Resource")
	some p in values(s.Resource)
	resource_sure_match(p, arn)
}

sure_cover_resource(s, arn) if {
	not has(s, "Resource")
	has(s, "NotResource")
	not resource_maybe_excluded(s, arn)
}

resource_maybe_excluded(s, arn) if {
	some p in values(s.NotResource)
	resource_may_match(p, arn)
}

# Services an Allow statement of a trust policy names as principals ("Service").
trusted_services(trust_doc) := {svc |
	some s in statements(trust_doc)
	allow(s)
	is_object(s.Principal)
	some svc in values(s.Principal.Service)
	is_string(svc)
}

# --- identity-based questions (a set of documents that apply to one principal) -----------------

# An unconditional Deny in any of the documents that certainly covers the request.
denied(docs, action, arn) if {
	some doc in docs
	some s in statements(doc)
	deny(s)
	unconditional(s)
	denies_every_principal(s)
	covers_action(s, action)
	sure_cover_resource(s, arn)
}

# A Deny surely applies to the caller only when it names no principal (identity policies: the
# principal the policy is attached to) or names everyone. In a resource policy (an endpoint,
# bucket or key policy), "Deny" to one role or with NotPrincipal leaves every other caller's
# Allow standing, so it does not take the grant away from "everyone".
denies_every_principal(s) if {
	not has(s, "Principal")
	not has(s, "NotPrincipal")
}

denies_every_principal(s) if {
	everyone_principal(s.Principal)
	not has(s, "NotPrincipal")
}

# Some Allow may apply to the request (its conditions are not assumed false).
allow_applies(docs, action, arn) if {
	some doc in docs
	some s in statements(doc)
	allow(s)
	covers_action(s, action)
	may_cover_resource(s, arn)
}

# Whether the documents allow `action` on `arn`: an Allow applies and no Deny certainly does.
allowed(docs, action, arn) if {
	allow_applies(docs, action, arn)
	not denied(docs, action, arn)
}

# Whether `action` is allowed on some resource: any Allow of it, unless an unconditional Deny
# removes it from every resource.
allowed_somewhere(docs, action) if {
	some doc in docs
	some s in statements(doc)
	allow(s)
	covers_action(s, action)
	not denied(docs, action, any_resource)
}

# A resource ARN no real pattern names: only patterns that cover every resource match it.
any_resource := "arn:\u0001:\u0001:\u0001:\u0001:\u0001\u0002\u0001\u0002\u0001\u0002\u0001\u0002"

# An action of a service that no real pattern names: only patterns that cover every action of
# the service ("svc:*", "*", "*:*", or NotAction without the service) match it.
any_action_of(service) := concat("", [service, ":\u0001\u0002\u0001\u0002\u0001\u0002\u0001\u0002"])

# Whether the documents allow every action of `service` ("sagemaker") on every resource of it,
# after unconditional Denies.
allows_all_of_service(docs, service, partition) if {
	allowed(docs, any_action_of(service), any_resource_of(service, partition))
}

# Every object of a bucket: only patterns that cover the whole bucket ("bucket/*", "*") match it.
any_object_of(bucket_arn) := concat("", [bucket_arn, "/\u0001\u0002\u0001\u0002"])

any_resource_of(service, partition) := concat("", ["arn:", partition, ":", service, ":\u0001:\u0001:\u0001\u0002\u0001\u0002"])

# IAM actions that let a principal give itself (or a role it uses) any permission.
escalation_actions := [
	"iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:AttachUserPolicy", "iam:PutUserPolicy",
	"iam:AttachGroupPolicy", "iam:PutGroupPolicy", "iam:CreatePolicyVersion",
]

# Administrator-equivalent: every action on every resource ("*", "*:*", NotAction,
# NotResource …), or an IAM action on `self_arn` (the principal itself) that grants any
# permission — iam:* on "*" is administrator access one call away.
administrator(docs, _) if allowed(docs, any_action_of("iam"), any_resource)

administrator(docs, self_arn) if {
	some action in escalation_actions
	allowed(docs, action, self_arn)
}

# What an administrator-equivalent grant looks like, for messages.
administrator_reason(docs, self_arn) := "it allows every action on every resource" if {
	every_action_everywhere(docs)
} else := reason if {
	granted := [a | some a in escalation_actions; allowed(docs, a, self_arn)]
	count(granted) > 0
	reason := concat("", ["it allows ", concat(", ", granted), " on the role itself, so the role can grant itself any permission"])
} else := "it allows every IAM action on every resource, so it can grant itself any permission"

# "Every action" is claimed only when probes of unrelated services all pass: NotAction "s3:*"
# is administrator-equivalent but does not allow every action.
every_action_everywhere(docs) if {
	every service in ["\u0003", "iam", "s3", "sagemaker", "bedrock", "ec2", "kms", "lambda", "sts"] {
		allowed(docs, any_action_of(service), any_resource)
	}
}

# The Action entries (as written) of the Allow statements in `doc` that cover `action`, or
# "every action except …" for NotAction statements; for messages.
allow_entries(doc, action) := {shown(p) |
	some s in statements(doc)
	allow(s)
	has(s, "Action")
	some p in values(s.Action)
	action_matches(p, action)
} | {concat("", ["every action except ", concat(", ", sort([p | some p in values(s.NotAction); is_string(p)]))]) |
	some s in statements(doc)
	allow(s)
	not has(s, "Action")
	has(s, "NotAction")
	not action_excluded(s, action)
}

shown(p) := "* (every action)" if p == "*"

else := p

# --- resource-based questions (bucket policies, model package group policies …) -----------------

# The principals of a statement: "*" is everyone, anonymous callers included; {"AWS": "*"} is
# the same (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous);
# "*" under any other principal type is taken as everyone too.
everyone_principal(p) if p == "*"

everyone_principal(p) if {
	is_object(p)
	some key, _ in p
	some v in values(p[key])
	v == "*"
}

statement_everyone(s) if everyone_principal(s.Principal)

# Allow with NotPrincipal grants to every principal except the listed ones.
statement_everyone(s) if {
	allow(s)
	has(s, "NotPrincipal")
}

# Allow statements that grant to a principal set the policy does not fix: everyone, or everyone
# but a negated set ("outside my organisation"). A statement counts unless a Condition pins the
# caller to fixed identities (see restricting_condition).
public_statements(doc) := [statement_name(s, i) |
	some i, s in statements(doc)
	allow(s)
	statement_everyone(s)
	not principal_restricted(s)
]

principal_restricted(s) if {
	some operator, block in s.Condition
	is_string(operator)
	is_object(block)
	some key, value in block
	restricting_condition(operator, key, value)
}

# Condition keys that identify the caller or its network (AWS's list of keys that make a bucket
# policy non-public, https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status,
# plus the organisation, principal and source keys documented in
# https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
# Any other key (s3:prefix, aws:SecureTransport, aws:CurrentTime, unknown keys) does not say
# who the caller is, so it is conservatively taken not to restrict the principal set.
# aws:username is not one: a user's friendly name is unique only within its account, so any
# account can create a user "deploy" (S3 does not count it either).
identity_keys := {
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:principalservicename", "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner",
	"aws:sourceorgid", "aws:sourceorgpaths", "aws:sourcevpc", "aws:sourcevpce", "aws:userid",
	"aws:sourceip", "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
	# The account of the caller of a KMS operation (AWS managed keys' own policies use it):
	# https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
	"kms:calleraccount",
}

# A Deny to everyone whose only conditions are negated tests of who the caller is, with fixed
# values ("StringNotEquals aws:PrincipalOrgID o-…": deny everyone outside the organization),
# covering every action of `service` on every resource: whatever the document allows, it allows
# only to those callers. The usual way to close an endpoint or bucket policy to an organization
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid).
# A negated operator holds when the key is absent, so callers without it (anonymous) are denied too.
denies_all_but_fixed_callers(doc, service, partition) if {
	some s in statements(doc)
	deny(s)
	everyone_principal(s.Principal)
	not has(s, "NotPrincipal")
	covers_every_action_of(s, service)
	sure_cover_resource(s, any_resource_of(service, partition))
	conditioned(s)
	only_negated_identity_conditions(s.Condition)
}

negated_identity_operators := {
	"stringnotequals", "stringnotequalsignorecase", "arnnotequals", "arnnotlike", "stringnotlike", "notipaddress",
	"stringnotequalsifexists", "stringnotequalsignorecaseifexists", "arnnotequalsifexists", "arnnotlikeifexists",
	"stringnotlikeifexists", "notipaddressifexists",
}

only_negated_identity_conditions(condition) if {
	is_object(condition)
	every operator, block in condition {
		is_string(operator)
		lower(operator) in negated_identity_operators
		is_object(block)
		count(block) > 0
		every key, value in block {
			is_string(key)
			lower(key) in identity_keys
			vals := values(value)
			count(vals) > 0
			every v in vals {
				fixed_value(lower(key), v)
			}
		}
	}
}

# Operators that test that the key equals one of the values. Negated operators
# (StringNotEquals, ArnNotLike, NotIpAddress …) admit everyone else; …IfExists admits callers
# without the key (anonymous callers have no aws:PrincipalOrgID); Null only tests presence;
# ForAllValues is true when the key is absent. None of them restricts.
restricting_operators := {
	"stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress",
	"foranyvalue:stringequals", "foranyvalue:stringequalsignorecase", "foranyvalue:stringlike",
}

restricting_condition(operator, key, value) if {
	lower(operator) in restricting_operators
	is_string(key)
	lower(key) in identity_keys
	vals := values(value)
	count(vals) > 0
	every v in vals {
		fixed_value(lower(key), v)
	}
}

# A fixed value: a non-empty string without wildcards or policy variables. A source IP range
# counts only when it is narrower than /8 (IPv4) or /16 (IPv6): 0.0.0.0/0 is the internet.
fixed_value(key, v) if {
	key != "aws:sourceip"
	is_string(v)
	v != ""
	not wildcard(v)
	not contains(v, "${")
}

fixed_value("aws:sourceip", v) if {
	is_string(v)
	ip_range(v)
	not wide_cidr(v)
}

# An IPv4 or IPv6 address or CIDR range, by shape. Native regex, not net.cidr_is_valid: that one
# is not built into opa-wasm and would throw when a policy reaches it.
ip_range(v) if regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}(/[0-9]{1,2})?$`, v)

ip_range(v) if {
	contains(v, ":")
	regex.match(`^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$`, v)
}

wide_cidr(v) if {
	parts := split(v, "/")
	count(parts) == 2
	bits := to_number(parts[1])
	not contains(v, ":")
	bits < 8
}

wide_cidr(v) if {
	parts := split(v, "/")
	count(parts) == 2
	bits := to_number(parts[1])
	contains(v, ":")
	bits < 16
}

# --- other accounts ------------------------------------------------------------------------------

# Allow statements of a resource policy that may grant to a principal outside `account`: an AWS
# principal of another account ("444455556666", "arn:aws:iam::444455556666:role/x"), or a
# principal set open to everyone (public or not) unless a condition pins the caller to
# `account` itself. A grant to the whole organization (aws:PrincipalOrgID) or through a VPC
# endpoint counts: other accounts can use it. Service principals act for AWS, not an account,
# and are left out; a principal whose account cannot be read (a unique id such as AROA… left
# by a deleted role) names no live principal.
other_account_statements(doc, account) := [statement_name(s, i) |
	some i, s in statements(doc)
	allow(s)
	grants_outside(s, account)
]

grants_outside(s, account) if {
	some acct in named_accounts(s)
	acct != account
}

grants_outside(s, account) if {
	statement_everyone(s)
	not pinned_to_account(s, account)
}

# Account ids an AWS principal entry names: a bare id or the account field of an ARN.
named_accounts(s) := {acct |
	is_object(s.Principal)
	some p in values(object.get(s.Principal, "AWS", []))
	is_string(p)
	acct := principal_account(p)
}

# Canonical user ids a principal entry names ({"CanonicalUser": "79a59df9…"}): S3 bucket
# policies accept them, and each stands for one AWS account, compared by id, not account number
# (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-bucket-user-policy-specifying-principal-intro.html).
# Ids are lower-cased (hex); an id that is not a string is kept as JSON text, never the owner's.
named_canonical_users(s) := {canonical_id(id) |
	is_object(s.Principal)
	some id in values(object.get(s.Principal, "CanonicalUser", []))
}

canonical_id(id) := lower(id) if is_string(id)

else := json.marshal(id)

# Allow statements of a bucket policy naming a canonical user other than `owner`, the bucket
# owner's canonical id; with `owner` null (unknown), every Allow statement naming one.
canonical_user_statements(doc, owner) := [statement_name(s, i) |
	some i, s in statements(doc)
	allow(s)
	names_other_canonical_user(s, owner)
]

names_other_canonical_user(s, owner) if {
	some id in named_canonical_users(s)
	not same_canonical_user(id, owner)
}

same_canonical_user(id, owner) if {
	is_string(owner)
	owner != ""
	id == lower(owner)
}

# An AWS account id: ^[0-9]{12}$ in string tests (a regex is compiled on every call in opa-wasm,
# and this is asked for every principal and account condition of every policy read).
account_id(v) if {
	is_string(v)
	count(v) == 12
	trim_left(v, "0123456789") == ""
}

principal_account(p) := p if account_id(p)

principal_account(p) := acct if {
	startswith(p, "arn:")
	parts := split(p, ":")
	count(parts) >= 6
	acct := parts[4]
	account_id(acct)
}

# A condition that holds only for callers of `account`: an account key equal to it, or an ARN
# key whose every value is an ARN of it (tested with a restricting operator, fixed values).
account_keys := {"aws:principalaccount", "kms:calleraccount", "aws:sourceaccount"}

arn_keys := {"aws:principalarn", "aws:sourcearn"}

pinned_to_account(s, account) if {
	some operator, block in s.Condition
	is_string(operator)
	is_object(block)
	some key, value in block
	restricting_condition(operator, key, value)
	lower(key) in account_keys
	every v in values(value) {
		v == account
	}
}

pinned_to_account(s, account) if {
	some operator, block in s.Condition
	is_string(operator)
	is_object(block)
	some key, value in block
	restricting_condition(operator, key, value)
	lower(key) in arn_keys
	every v in values(value) {
		principal_account(v) == account
	}
}

# Whether a statement certainly applies to every action of the service. A probe action is not
# enough under NotAction ("every action but s3:GetObject" matches the probe), so NotAction
# counts only when none of its patterns could name an action of the service.
covers_every_action_of(s, service) if {
	has(s, "Action")
	some p in values(s.Action)
	action_matches(p, any_action_of(service))
}

covers_every_action_of(s, service) if {
	not has(s, "Action")
	has(s, "NotAction")
	not excludes_some_action_of(s, service)
}

excludes_some_action_of(s, service) if {
	some p in values(s.NotAction)
	could_name_action_of(p, service)
}

# "svc:…" names actions of svc when its service part matches; a pattern without ":" can only
# name actions through wildcards ("*", "s3*"), so any wildcard counts.
could_name_action_of(p, service) if {
	is_string(p)
	contains(p, ":")
	action_matches(split(p, ":")[0], service)
}

could_name_action_of(p, _) if {
	is_string(p)
	not contains(p, ":")
	wildcard(p)
}

could_name_action_of(p, _) if not is_string(p)

# Whether the Deny statements of a resource policy certainly apply, for every principal, to
# every action of `service` on each of `arns` (one statement may cover the bucket and another its
# objects), with no condition other than the ones `allowed_conditions` accepts
# ({operator_lower: {key_lower: [accepted values, lower case]}}): e.g. the TLS-only statement of
# a bucket policy.
deny_for_everyone(doc, service, arns, allowed_conditions) if {
	qualifying := [s |
		some s in statements(doc)
		deny(s)
		everyone_principal(s.Principal)
		covers_every_action_of(s, service)
		conditioned(s)
		only_conditions(s.Condition, allowed_conditions)
	]
	count(qualifying) > 0
	every arn in arns {
		some s in qualifying
		sure_cover_resource(s, arn)
	}
}

# Every condition of the statement is one of the accepted tests (all conditions must hold for
# a Deny to apply, so any other condition could leave requests undenied).
only_conditions(condition, allowed_conditions) if {
	is_object(condition)
	every operator, block in condition {
		is_string(operator)
		is_object(block)
		count(block) > 0
		every key, value in block {
			is_string(key)
			accepted := allowed_conditions[lower(operator)][lower(key)]
			vals := values_as_text(value)
			count(vals) > 0
			every v in vals {
				v in accepted
			}
		}
	}
}

# Condition values are strings in JSON policies, but Config and hand-written policies also
# carry booleans ("aws:SecureTransport": false).
values_as_text(value) := [text(v) | some v in scalars(value)]

scalars(x) := x if is_array(x)

else := [x]

text(v) := lower(v) if is_string(v)

else := json.marshal(v) if is_boolean(v)

# --- trust policies: confused-deputy conditions -------------------------------------------------

# Allow statements of a trust policy that let one of `services` (lower case) assume the role
# without a condition that pins the calling resource to fixed accounts or an organization
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html): aws:SourceAccount
# equal to account ids, aws:SourceArn whose every value names a fixed account (a wildcard after
# the account, "arn:aws:bedrock:us-east-1:111122223333:agent/*", is what AWS recommends), or
# aws:SourceOrgID equal to organization ids. A negated or …IfExists operator admits a request
# without the key, so it pins nothing.
unpinned_service_statements(doc, services) := sort({statement_name(s, i) |
	some i, s in statements(doc)
	allow(s)
	is_object(s.Principal)
	some svc in values(s.Principal.Service)
	is_string(svc)
	lower(svc) in services
	not source_pinned(s)
})

source_pinned(s) if {
	some operator, block in s.Condition
	is_string(operator)
	lower(operator) in source_operators
	is_object(block)
	some key, value in block
	is_string(key)
	vals := values(value)
	count(vals) > 0
	every v in vals {
		source_value_pins(lower(key), v)
	}
}

source_operators := {"stringequals", "stringlike", "arnequals", "arnlike"}

source_value_pins("aws:sourceaccount", v) if account_id(v)

# principal_account is defined only for an ARN whose account field is twelve digits.
source_value_pins("aws:sourcearn", v) if {
	is_string(v)
	principal_account(v)
}

source_value_pins("aws:sourceorgid", v) if {
	is_string(v)
	regex.match(`^o-[a-z0-9]{10,32}$`, v)
}

# --- whether a principal may use a service at all ------------------------------------------------

# Some Allow statement of the documents may grant some action of `service` ("bedrock"): an Action
# pattern whose service part could name it ("bedrock:InvokeModel", "bed*:*", "*"), or a NotAction
# that does not exclude every action of the service. Over-approximates (Denies and conditions are
# not subtracted): it decides whether usage data is needed, not whether access is granted.
may_grant_service(docs, service) if {
	some doc in docs
	some s in statements(doc)
	allow(s)
	some p in values(s.Action)
	could_name_action_of(p, service)
}

may_grant_service(docs, service) if {
	some doc in docs
	some s in statements(doc)
	allow(s)
	not has(s, "Action")
	has(s, "NotAction")
	not action_excluded(s, any_action_of(service))
}
