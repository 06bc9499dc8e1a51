package cafscan.tests.lib_policy

import data.cafscan.lib.policy

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

allow(action, resource) := {"Effect": "Allow", "Action": action, "Resource": resource}

deny(action, resource) := {"Effect": "Deny", "Action": action, "Resource": resource}

role_arn := "arn:aws:iam::111122223333:role/sm-exec"

# --- matching ----------------------------------------------------------------------------------

# [pattern, action, matches]
action_cases := [
	["*", "iam:CreateUser", true],
	["*:*", "iam:CreateUser", true],
	["iam:*", "iam:CreateUser", true],
	["IAM:*", "iam:createuser", true],
	["iam:Create*", "iam:CreateUser", true],
	["iam:Create*", "iam:DeleteUser", false],
	["iam:?reateUser", "iam:CreateUser", true],
	["iam:?reateUser", "iam:ReCreateUser", false],
	["s3:GetObject", "s3:GetObjectAcl", false],
	["s3:Get*", "sagemaker:GetRecord", false],
	["s3*", "s3:GetObject", true],
	# regex metacharacters are literal in IAM
	["s3:Get.bject", "s3:GetObject", false],
	["s3:(Get|Put)Object", "s3:GetObject", false],
	["s3:[GP]etObject", "s3:GetObject", false],
	# ... also next to a wildcard, where the pattern becomes a regular expression
	["s3:a.b*", "s3:a.bx", true],
	["s3:a.b*", "s3:axbx", false],
	["s3:a+b*", "s3:a+bx", true],
	["s3:a+b*", "s3:aabx", false],
	["s3:a^b*", "s3:a^bx", true],
	["s3:a$b*", "s3:a$bx", true],
	["s3:a(b*", "s3:a(bx", true],
	["s3:a)b*", "s3:a)bx", true],
	["s3:a|b*", "s3:a|bx", true],
	["s3:a|b*", "s3:a", false],
	["s3:a{2}*", "s3:a{2}x", true],
	["s3:a{2}*", "s3:aax", false],
	["s3:a}b*", "s3:a}bx", true],
	["s3:a[b]*", "s3:a[b]x", true],
	["s3:a[b]*", "s3:abx", false],
	["s3:a\\b*", "s3:a\\bx", true],
	["s3:a?b", "s3:a.b", true],
	["s3:a?b", "s3:ab", false],
	# the text before the first wildcard decides before the regex (policy.glob_prefix)
	["s3:Get?bj*", "s3:GetObject", true],
	["s3:Get*bj?ct", "s3:GetObject", true],
	["s3:Get?bj*", "s3:PutObject", false],
	["s3:Get*bj?ct", "s3:GetObjec", false],
	["*Object", "s3:GetObject", true],
	["?3:*", "s3:GetObject", true],
	["*", "s3:Get\nObject", true],
]

test_glob_prefix if {
	policy.glob_prefix("s3:Get*") == "s3:Get"
	policy.glob_prefix("s3:G?t*") == "s3:G"
	policy.glob_prefix("s3:G*t?") == "s3:G"
	policy.glob_prefix("*") == ""
	policy.glob_prefix("?3:*") == ""
}

# Each table's expected value is compared with a total answer (true or false), so a case whose
# question is undefined counts as false instead of silently dropping out of the comparison.
action_match(p, a) if policy.action_matches(p, a)

else := false

may(p, arn) if policy.resource_may_match(p, arn)

else := false

sure(p, arn) if policy.resource_sure_match(p, arn)

else := false

allowed(docs, a, r) if policy.allowed(docs, a, r)

else := false

administrator(docs) if policy.administrator(docs, role_arn)

else := false

all_of_sagemaker(docs) if policy.allows_all_of_service(docs, "sagemaker", "aws")

else := false

tls_only(statement) if policy.deny_for_everyone(doc([statement]), "s3", bucket_and_objects, tls)

else := false

test_action_matching if {
	wrong := [c | some c in action_cases; c[2] != action_match(c[0], c[1])]
	wrong == []
}

# [pattern, arn, may match, surely matches]
resource_cases := [
	["*", "arn:aws:s3:::b", true, true],
	["arn:aws:s3:::b", "arn:aws:s3:::b", true, true],
	["arn:aws:s3:::b/*", "arn:aws:s3:::b", false, false],
	["arn:aws:s3:::b*", "arn:aws:s3:::b", true, true],
	["arn:aws:s3:::b*", "arn:aws:s3:::bucket-of-someone-else", true, true],
	# ARNs are case-sensitive
	["arn:aws:s3:::B", "arn:aws:s3:::b", false, false],
	# policy variables: anything after the prefix may match, nothing surely does
	["arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/alice/x", true, false],
	["arn:aws:s3:::other/${aws:username}", "arn:aws:s3:::b/alice", false, false],
]

test_resource_matching if {
	wrong_may := [c | some c in resource_cases; c[2] != may(c[0], c[1])]
	wrong_may == []
	wrong_sure := [c | some c in resource_cases; c[3] != sure(c[0], c[1])]
	wrong_sure == []
}

test_object_probe_needs_a_whole_bucket_pattern if {
	probe := policy.any_object_of("arn:aws:s3:::b")
	policy.resource_sure_match("arn:aws:s3:::b/*", probe)
	policy.resource_sure_match("*", probe)
	not policy.resource_sure_match("arn:aws:s3:::b/?", probe)
	not policy.resource_sure_match("arn:aws:s3:::b/public/*", probe)
	not policy.resource_sure_match("arn:aws:s3:::other/*", probe)
}

# --- statements and documents ------------------------------------------------------------------

test_single_statement_and_non_object_statements if {
	count(policy.statements({"Statement": allow("*", "*")})) == 1
	count(policy.statements({"Statement": [allow("*", "*"), "junk", 3]})) == 1
	count(policy.statements("not a document")) == 0
	count(policy.statements({})) == 0
}

test_statement_names_without_sprintf if {
	policy.statement_name({"Sid": "PublicRead"}, 0) == "\"PublicRead\""
	policy.statement_name({"Sid": ""}, 1) == "#2"
	policy.statement_name({}, 11) == "#12"
}

test_trusted_services_with_single_statement_and_single_service if {
	d := {"Statement": {"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}}
	policy.trusted_services(d) == {"sagemaker.amazonaws.com"}
	policy.trusted_services(doc([{"Effect": "Allow", "Principal": {"Service": ["a.amazonaws.com", "b.amazonaws.com"]}}, {"Effect": "Deny", "Principal": {"Service": "c.amazonaws.com"}}, {"Effect": "Allow", "Principal": "*"}])) == {"a.amazonaws.com", "b.amazonaws.com"}
}

# Cases after AWS's documentation: policy evaluation logic (an explicit Deny in any policy
# overrides an Allow; no Allow is an implicit deny),
# https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html;
# NotAction, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html;
# NotResource, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html.
# [name, documents, action, resource, allowed]
allowed_cases := [
	["literal admin", [doc([allow("*", "*")])], "iam:PassRole", role_arn, true],
	["action list", [doc([allow(["s3:GetObject", "iam:PassRole"], "*")])], "iam:PassRole", role_arn, true],
	["other service", [doc([allow("s3:*", "*")])], "iam:PassRole", role_arn, false],
	["other resource", [doc([allow("iam:*", "arn:aws:iam::111122223333:role/other")])], "iam:PassRole", role_arn, false],
	# AWS docs (NotAction): everything except IAM
	["NotAction iam:*", [doc([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])], "sagemaker:CreateTrainingJob", "*", true],
	["NotAction iam:* excludes IAM", [doc([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])], "iam:PassRole", role_arn, false],
	# AWS docs (NotAction): all S3 actions on S3 resources except DeleteBucket
	["NotAction scoped to S3 resources", [doc([{"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"}])], "s3:PutObject", "arn:aws:s3:::b/k", true],
	["NotAction scoped to S3 resources, not IAM", [doc([{"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"}])], "iam:PassRole", role_arn, false],
	["NotResource", [doc([{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::secret/*"}])], "iam:PassRole", role_arn, true],
	["NotResource excludes", [doc([{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::secret/*"}])], "s3:GetObject", "arn:aws:s3:::secret/k", false],
	# explicit Deny wins, across documents
	["deny in the same document", [doc([allow("*", "*"), deny("iam:*", "*")])], "iam:PassRole", role_arn, false],
	["deny in another document", [doc([allow("*", "*")]), doc([deny("iam:PassRole", "*")])], "iam:PassRole", role_arn, false],
	# AWS docs (NotResource): Deny s3:* on everything but the payroll folder
	["Deny with NotResource", [doc([allow("s3:*", "*"), {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}])], "s3:GetObject", "arn:aws:s3:::other/k", false],
	["Deny with NotResource leaves the payroll folder", [doc([allow("s3:*", "*"), {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}])], "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/k", true],
	# a conditional Deny may not apply: it does not remove the grant
	["conditional deny", [doc([allow("*", "*"), object.union(deny("iam:*", "*"), {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})])], "iam:PassRole", role_arn, true],
	# a Condition that cannot be read may hold: the Deny is not sure; a null or empty one is none
	["deny with an unreadable condition", [doc([allow("*", "*"), object.union(deny("iam:*", "*"), {"Condition": "aws:MultiFactorAuthPresent"})])], "iam:PassRole", role_arn, true],
	["deny with a null condition", [doc([allow("*", "*"), object.union(deny("iam:*", "*"), {"Condition": null})])], "iam:PassRole", role_arn, false],
	["deny with an empty condition", [doc([allow("*", "*"), object.union(deny("iam:*", "*"), {"Condition": {}})])], "iam:PassRole", role_arn, false],
	# a conditional Allow may apply: it still grants
	["conditional allow", [doc([object.union(allow("iam:PassRole", "*"), {"Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}})])], "iam:PassRole", role_arn, true],
	# a Deny whose resource is a policy variable does not surely apply
	["deny on a variable resource", [doc([allow("s3:*", "*"), deny("s3:*", "arn:aws:s3:::b/${aws:username}")])], "s3:GetObject", "arn:aws:s3:::b/alice", true],
	# a resource policy's Deny applies to the principals it names: one role's Deny, or a Deny to
	# everyone but some (NotPrincipal), leaves the Allow for every other caller
	["resource policy: deny to one principal", [doc([everyone(allow("*", "*")), object.union(deny("*", "*"), {"Principal": {"AWS": "arn:aws:iam::111122223333:role/intern"}})])], "iam:PassRole", role_arn, true],
	["resource policy: deny with NotPrincipal", [doc([everyone(allow("*", "*")), object.union(deny("*", "*"), {"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}})])], "iam:PassRole", role_arn, true],
	["resource policy: deny to everyone", [doc([everyone(allow("*", "*")), object.union(deny("*", "*"), {"Principal": "*"})])], "iam:PassRole", role_arn, false],
	["resource policy: deny to AWS *", [doc([everyone(allow("*", "*")), object.union(deny("*", "*"), {"Principal": {"AWS": ["*"]}})])], "iam:PassRole", role_arn, false],
	["not a document", ["junk"], "iam:PassRole", role_arn, false],
	["no statement applies: implicit deny", [doc([allow("s3:GetObject", "arn:aws:s3:::b/*")])], "s3:PutObject", "arn:aws:s3:::b/k", false],
	["Statement as a single object, Action as a string", [{"Statement": {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}}], "s3:PutObject", "arn:aws:s3:::b/k", true],
]

test_allowed if {
	wrong := [c[0] | some c in allowed_cases; c[4] != allowed(c[1], c[2], c[3])]
	wrong == []
}

# [name, documents, administrator-equivalent]
admin_cases := [
	["Action * Resource *", [doc([allow("*", "*")])], true],
	["Action *:*", [doc([allow("*:*", "*")])], true],
	["Action list with *", [doc([allow(["s3:GetObject", "*"], ["*"])])], true],
	["iam:* on *", [doc([allow("iam:*", "*")])], true],
	["IAM:* upper case", [doc([allow("IAM:*", "*")])], true],
	["NotAction s3:*", [doc([{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}])], true],
	["NotResource", [doc([{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::secret"}])], true],
	["PutRolePolicy on the role itself", [doc([allow("iam:PutRolePolicy", role_arn)])], true],
	["AttachRolePolicy on every role", [doc([allow("iam:AttachRolePolicy", "arn:aws:iam::111122223333:role/*")])], true],
	["Statement as a single object", [{"Statement": allow("*", "*")}], true],
	["split over two documents stays admin", [doc([allow("s3:*", "*")]), doc([allow("iam:*", "*")])], true],
	# not administrator-equivalent
	["scoped", [doc([allow(["s3:GetObject"], "arn:aws:s3:::b/*")])], false],
	["* on one bucket", [doc([allow("*", ["arn:aws:s3:::b", "arn:aws:s3:::b/*"])])], false],
	["NotAction iam:* (PowerUser)", [doc([{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"}])], false],
	["* with IAM denied", [doc([allow("*", "*"), deny("iam:*", "*")])], false],
	["iam read only", [doc([allow(["iam:Get*", "iam:List*"], "*")])], false],
	["Deny *", [doc([{"Effect": "Deny", "Action": "*", "Resource": "*"}])], false],
	["PutRolePolicy on another role", [doc([allow("iam:PutRolePolicy", "arn:aws:iam::111122223333:role/other")])], false],
]

test_administrator if {
	wrong := [c[0] | some c in admin_cases; c[2] != administrator(c[1])]
	wrong == []
}

test_administrator_reason if {
	policy.administrator_reason([doc([allow("*", "*")])], role_arn) == "it allows every action on every resource"
	policy.administrator_reason([doc([allow("iam:PutRolePolicy", role_arn)])], role_arn) == "it allows iam:PutRolePolicy on the role itself, so the role can grant itself any permission"
	policy.administrator_reason([doc([allow("*:*", "*")])], role_arn) == "it allows every action on every resource"
	policy.administrator_reason([doc([{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}])], role_arn) == "it allows iam:AttachRolePolicy, iam:PutRolePolicy, iam:AttachUserPolicy, iam:PutUserPolicy, iam:AttachGroupPolicy, iam:PutGroupPolicy, iam:CreatePolicyVersion on the role itself, so the role can grant itself any permission"
}

# [name, documents, allows all of sagemaker]
service_cases := [
	["sagemaker:*", [doc([allow("sagemaker:*", "*")])], true],
	["SageMaker:* on every sagemaker resource", [doc([allow("SageMaker:*", "arn:aws:sagemaker:*:*:*")])], true],
	["*", [doc([allow("*", "*")])], true],
	["NotAction iam:*", [doc([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])], true],
	["sagemaker:* denied", [doc([allow("*", "*"), deny("sagemaker:*", "*")])], false],
	["some actions", [doc([allow(["sagemaker:Describe*", "sagemaker:List*"], "*")])], false],
	["one model", [doc([allow("sagemaker:*", "arn:aws:sagemaker:us-east-1:111122223333:model/m")])], false],
	["NotAction sagemaker:*", [doc([{"Effect": "Allow", "NotAction": "sagemaker:*", "Resource": "*"}])], false],
]

test_allows_all_of_service if {
	wrong := [c[0] | some c in service_cases; c[2] != all_of_sagemaker(c[1])]
	wrong == []
}

test_allowed_somewhere if {
	policy.allowed_somewhere([doc([allow("ssm:SendCommand", "arn:aws:ec2:us-east-1:111122223333:instance/i-1")])], "ssm:SendCommand")
	not policy.allowed_somewhere([doc([allow("ssm:*", "*"), deny("ssm:SendCommand", "*")])], "ssm:SendCommand")
	policy.allowed_somewhere([doc([allow("ssm:*", "*"), deny("ssm:SendCommand", "arn:aws:ec2:*:*:instance/i-1")])], "ssm:SendCommand")
}

test_allow_entries if {
	d := doc([allow(["iam:*", "s3:GetObject"], "*"), allow("*", "*"), {"Effect": "Allow", "NotAction": ["s3:*"], "Resource": "*"}, deny("iam:*", "*")])
	policy.allow_entries(d, "iam:CreateUser") == {"iam:*", "* (every action)", "every action except s3:*"}

	# Deny statements grant nothing; a NotAction that excludes the action does not grant it
	n := doc([
		{"Effect": "Allow", "NotAction": ["s3:*", "ec2:*"], "Resource": "*"},
		{"Effect": "Deny", "NotAction": "kms:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "*"},
	])
	policy.allow_entries(n, "iam:CreateUser") == {"every action except ec2:*, s3:*"}
	policy.allow_entries(n, "s3:GetObject") == set()
}

# --- resource policies: who is granted ---------------------------------------------------------

public(statement) := policy.public_statements(doc([statement]))

# A total answer, as for the other tables (opa fmt drops the parentheses that
# `c[2] != (count(…) > 0)` needs, and without them the comparison is never true).
is_public(statement) if count(public(statement)) > 0

else := false

everyone(extra) := object.union({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}, extra)

# [name, statement, public]
public_cases := [
	["Principal *", everyone({}), true],
	["Principal AWS *", everyone({"Principal": {"AWS": "*"}}), true],
	["Principal AWS list with *", everyone({"Principal": {"AWS": ["arn:aws:iam::444455556666:root", "*"]}}), true],
	["NotPrincipal", object.remove(everyone({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}), ["Principal"]), true],
	["fixed account", everyone({"Principal": {"AWS": "arn:aws:iam::444455556666:root"}}), false],
	["service principal", everyone({"Principal": {"Service": "logging.s3.amazonaws.com"}}), false],
	["Deny to everyone", everyone({"Effect": "Deny"}), false],
	# restricting conditions on identity keys with fixed values
	["PrincipalOrgID", everyone({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}), false],
	["PrincipalAccount list", everyone({"Condition": {"StringEquals": {"aws:PrincipalAccount": ["111122223333", "444455556666"]}}}), false],
	["SourceVpce", everyone({"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}), false],
	["SourceArn ArnLike fixed", everyone({"Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/t"}}}), false],
	["SourceIp narrow", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}), false],
	["SourceIp single address and IPv6 range", everyone({"Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.7", "2001:db8::/48"]}}}), false],
	["SourceIp ::/0", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "::/0"}}}), true],
	["SourceIp not an address", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "office"}}}), true],
	["key case-insensitive", everyone({"Condition": {"StringEquals": {"AWS:PRINCIPALORGID": "o-abc123"}}}), false],
	# not restricting
	["StringNotEquals PrincipalOrgID (everyone outside the org)", everyone({"Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}}), true],
	["StringNotLike PrincipalArn", everyone({"Condition": {"StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:*"}}}), true],
	["ArnNotEquals SourceArn", everyone({"Condition": {"ArnNotEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t"}}}), true],
	["ArnNotLike SourceArn", everyone({"Condition": {"ArnNotLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}}), true],
	["StringNotEqualsIfExists PrincipalAccount", everyone({"Condition": {"StringNotEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}}}), true],
	["StringEqualsIfExists PrincipalOrgID", everyone({"Condition": {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}}), true],
	["Null PrincipalOrgID false", everyone({"Condition": {"Null": {"aws:PrincipalOrgID": "false"}}}), true],
	["Null PrincipalOrgID true", everyone({"Condition": {"Null": {"aws:PrincipalOrgID": "true"}}}), true],
	["StringLike wildcard", everyone({"Condition": {"StringLike": {"aws:PrincipalOrgID": "*"}}}), true],
	["StringLike partial wildcard", everyone({"Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/x"}}}), true],
	["SourceIp 0.0.0.0/0", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}}), true],
	["SourceIp one wide range among narrow", everyone({"Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "0.0.0.0/1"]}}}), true],
	["NotIpAddress", everyone({"Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}), true],
	["non-identity key", everyone({"Condition": {"StringEquals": {"s3:prefix": "public/"}}}), true],
	["SecureTransport", everyone({"Condition": {"Bool": {"aws:SecureTransport": "true"}}}), true],
	["unknown key", everyone({"Condition": {"StringEquals": {"example:Team": "ml"}}}), true],
	["ForAllValues", everyone({"Condition": {"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": "o-a/r-b/ou-c/"}}}), true],
	["policy variable", everyone({"Condition": {"StringEquals": {"aws:PrincipalAccount": "${aws:ResourceAccount}"}}}), true],
	["empty value list", everyone({"Condition": {"StringEquals": {"aws:PrincipalAccount": []}}}), true],
	# every caller-identifying key and every equality operator restricts with a fixed value
	["StringEqualsIgnoreCase PrincipalOrgID", everyone({"Condition": {"StringEqualsIgnoreCase": {"aws:PrincipalOrgID": "o-abc123"}}}), false],
	["StringLike PrincipalArn fixed", everyone({"Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/r"}}}), false],
	["ArnEquals SourceArn", everyone({"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t"}}}), false],
	["ForAnyValue:StringEquals PrincipalOrgPaths", everyone({"Condition": {"ForAnyValue:StringEquals": {"aws:PrincipalOrgPaths": "o-a/r-b/ou-c/"}}}), false],
	["ForAnyValue:StringEqualsIgnoreCase PrincipalOrgPaths", everyone({"Condition": {"ForAnyValue:StringEqualsIgnoreCase": {"aws:PrincipalOrgPaths": "o-a/r-b/ou-c/"}}}), false],
	["ForAnyValue:StringLike PrincipalOrgPaths", everyone({"Condition": {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a/r-b/ou-c/"}}}), false],
	["SourceIp /8", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}), false],
	["SourceIp /7", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/7"}}}), true],
	["SourceIp IPv6 /16", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "2001:db8::/16"}}}), false],
	["SourceIp IPv6 /15", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "2000::/15"}}}), true],
	["SourceIp IPv6 address", everyone({"Condition": {"IpAddress": {"aws:SourceIp": "2001:db8::1"}}}), false],
	# one restricting condition among others is enough (conditions are ANDed)
	["negated plus restricting", everyone({"Condition": {"StringNotEquals": {"aws:PrincipalAccount": "111122223333"}, "StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}), false],
]

test_public_statements if {
	wrong := [c[0] | some c in public_cases; c[2] != is_public(c[1])]
	wrong == []
}

test_public_statements_are_named if {
	d := doc([
		everyone({"Sid": "PublicRead"}),
		everyone({"Principal": {"AWS": "arn:aws:iam::444455556666:root"}}),
		everyone({}),
	])
	policy.public_statements(d) == ["\"PublicRead\"", "#3"]
}

# kms:CallerAccount identifies the caller (AWS managed keys' own policies pin it).
test_kms_caller_account_restricts if {
	not is_public(everyone({"Condition": {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "sagemaker.us-east-1.amazonaws.com"}}}))
	is_public(everyone({"Condition": {"StringEquals": {"kms:ViaService": "sagemaker.us-east-1.amazonaws.com"}}}))
}

# --- resource policies: grants to other accounts -------------------------------------------

outside(statement) if count(policy.other_account_statements(doc([statement]), "111122223333")) > 0

else := false

# [name, statement, grants outside 111122223333]
other_account_cases := [
	["own root", everyone({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}), false],
	["own bare id", everyone({"Principal": {"AWS": "111122223333"}}), false],
	["own role", everyone({"Principal": {"AWS": ["arn:aws:iam::111122223333:role/ml"]}}), false],
	["other root", everyone({"Principal": {"AWS": "arn:aws:iam::444455556666:root"}}), true],
	["other bare id", everyone({"Principal": {"AWS": "444455556666"}}), true],
	["other among own", everyone({"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:sts::444455556666:assumed-role/r/s"]}}), true],
	["other account denied", everyone({"Effect": "Deny", "Principal": {"AWS": "444455556666"}}), false],
	["service principal", everyone({"Principal": {"Service": "logs.amazonaws.com"}}), false],
	["unique id of a deleted role", everyone({"Principal": {"AWS": "AROAEXAMPLEID"}}), false],
	["everyone", everyone({}), true],
	["NotPrincipal", object.remove(everyone({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}), ["Principal"]), true],
	["everyone pinned by kms:CallerAccount", everyone({"Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"}}}), false],
	["everyone pinned by aws:PrincipalAccount", everyone({"Condition": {"StringEquals": {"aws:PrincipalAccount": ["111122223333"]}}}), false],
	["everyone pinned by aws:PrincipalArn", everyone({"Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml"}}}), false],
	["everyone, CallerAccount of another account", everyone({"Condition": {"StringEquals": {"kms:CallerAccount": "444455556666"}}}), true],
	["everyone, CallerAccount own and another", everyone({"Condition": {"StringEquals": {"kms:CallerAccount": ["111122223333", "444455556666"]}}}), true],
	["everyone in the organization", everyone({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}), true],
	["everyone through a VPC endpoint", everyone({"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}), true],
	["everyone, negated own account", everyone({"Condition": {"StringNotEquals": {"kms:CallerAccount": "111122223333"}}}), true],
	["everyone, IfExists own account", everyone({"Condition": {"StringEqualsIfExists": {"kms:CallerAccount": "111122223333"}}}), true],
]

test_other_account_statements if {
	wrong := [c[0] | some c in other_account_cases; c[2] != outside(c[1])]
	wrong == []
}

test_other_account_statements_are_named if {
	d := doc([
		everyone({"Sid": "Own", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}),
		everyone({"Sid": "Partner", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}}),
		everyone({}),
	])
	policy.other_account_statements(d, "111122223333") == ["\"Partner\"", "#3"]
}

test_canonical_user_statements if {
	owner := "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
	other := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	d := doc([
		everyone({"Sid": "Owner", "Principal": {"CanonicalUser": owner}}),
		everyone({"Sid": "Other", "Principal": {"CanonicalUser": [upper(owner), other]}}),
		everyone({"Sid": "Denied", "Effect": "Deny", "Principal": {"CanonicalUser": other}}),
		everyone({"Sid": "Account", "Principal": {"AWS": "444455556666"}}),
	])
	policy.canonical_user_statements(d, owner) == ["\"Other\""]
	policy.canonical_user_statements(d, upper(owner)) == ["\"Other\""]
	policy.canonical_user_statements(d, null) == ["\"Owner\"", "\"Other\""]

	# Account ids and canonical users are told apart.
	policy.other_account_statements(d, "111122223333") == ["\"Account\""]
}

# --- resource policies: the TLS-only Deny ----------------------------------------------------

tls := {"bool": {"aws:securetransport": ["false"]}, "boolifexists": {"aws:securetransport": ["false"]}}

bucket := "arn:aws:s3:::b"

bucket_and_objects := [bucket, policy.any_object_of(bucket)]

# extra replaces whole elements (object.union alone would merge Condition blocks).
tls_deny(extra) := object.union(object.remove(tls_base, object.keys(extra)), extra)

tls_base := object.union(
	{
		"Effect": "Deny", "Principal": "*", "Action": "s3:*",
		"Resource": [bucket, "arn:aws:s3:::b/*"],
		"Condition": {"Bool": {"aws:SecureTransport": "false"}},
	},
	{},
)

# [name, statement, counts as the TLS-only Deny]
tls_cases := [
	["the documented statement", tls_deny({}), true],
	["Action *", tls_deny({"Action": "*"}), true],
	["Principal AWS *", tls_deny({"Principal": {"AWS": "*"}}), true],
	["Resource *", tls_deny({"Resource": "*"}), true],
	["Resource b*", tls_deny({"Resource": "arn:aws:s3:::b*"}), true],
	["boolean false", tls_deny({"Condition": {"Bool": {"aws:SecureTransport": false}}}), true],
	["BoolIfExists", tls_deny({"Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}}), true],
	["NotAction of another service", object.remove(tls_deny({"NotAction": "iam:*"}), ["Action"]), true],
	["key case", tls_deny({"Condition": {"Bool": {"AWS:SecureTransport": "False"}}}), true],
	# does not cover the bucket
	["another bucket", tls_deny({"Resource": ["arn:aws:s3:::other", "arn:aws:s3:::other/*"]}), false],
	["objects only", tls_deny({"Resource": "arn:aws:s3:::b/*"}), false],
	["bucket only", tls_deny({"Resource": bucket}), false],
	["a prefix only", tls_deny({"Resource": [bucket, "arn:aws:s3:::b/private/*"]}), false],
	["NotResource naming the bucket", object.remove(tls_deny({"NotResource": "arn:aws:s3:::b/*"}), ["Resource"]), false],
	# does not cover every principal
	["one principal", tls_deny({"Principal": {"AWS": "arn:aws:iam::111122223333:role/r"}}), false],
	["NotPrincipal", object.remove(tls_deny({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}), ["Principal"]), false],
	# does not cover every action
	["GetObject only", tls_deny({"Action": "s3:GetObject"}), false],
	["NotAction s3:GetObject", object.remove(tls_deny({"NotAction": "s3:GetObject"}), ["Action"]), false],
	# narrowed by other conditions, or the wrong test
	["extra condition", tls_deny({"Condition": {"Bool": {"aws:SecureTransport": "false"}, "StringEquals": {"aws:PrincipalAccount": "444455556666"}}}), false],
	["extra key", tls_deny({"Condition": {"Bool": {"aws:SecureTransport": "false", "aws:ViaAWSService": "false"}}}), false],
	["true instead of false", tls_deny({"Condition": {"Bool": {"aws:SecureTransport": "true"}}}), false],
	["false or true", tls_deny({"Condition": {"Bool": {"aws:SecureTransport": ["false", "true"]}}}), false],
	["TLS version only", tls_deny({"Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}}), false],
	["no condition key", tls_deny({"Condition": {}}), false],
	["Allow", tls_deny({"Effect": "Allow"}), false],
]

test_tls_deny_split_over_statements if {
	policy.deny_for_everyone(doc([tls_deny({"Resource": bucket}), tls_deny({"Resource": "arn:aws:s3:::b/*"})]), "s3", bucket_and_objects, tls)
	not policy.deny_for_everyone(doc([tls_deny({"Resource": bucket}), tls_deny({"Resource": "arn:aws:s3:::b/*", "Action": "s3:GetObject"})]), "s3", bucket_and_objects, tls)
}

test_tls_deny if {
	wrong := [c[0] | some c in tls_cases; c[2] != tls_only(c[1])]
	wrong == []
}

# Each key that identifies the caller or its network restricts the principal set when it is
# tested for equality with fixed values.
test_every_identity_key_restricts if {
	wrong := [key |
		some key in [
			"aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
			"aws:PrincipalServiceName", "aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner",
			"aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceVpc", "aws:SourceVpce", "aws:userid",
			"s3:DataAccessPointAccount", "s3:DataAccessPointArn",
		]
		count(public(everyone({"Condition": {"StringEquals": {key: "fixed-value-1"}}}))) > 0
	]
	wrong == []
}

# A user name is unique only within an account: any account can create a user "deploy", so a
# grant to everyone named "deploy" is still public.
test_a_user_name_does_not_restrict if {
	count(public(everyone({"Condition": {"StringEquals": {"aws:username": "deploy"}}}))) == 1
	count(public(everyone({"Condition": {"StringEquals": {"aws:username": "deploy", "aws:PrincipalAccount": "111122223333"}}}))) == 0
}

# NotAction of one service grants administrator access but not every action: the reason must
# not claim "every action" whichever service is left out.
test_administrator_reason_does_not_claim_every_action_under_not_action if {
	wrong := [svc |
		some svc in ["s3", "sagemaker", "bedrock", "ec2", "kms", "lambda", "sts"]
		d := doc([{"Effect": "Allow", "NotAction": concat("", [svc, ":*"]), "Resource": "*"}])
		policy.administrator_reason([d], role_arn) == "it allows every action on every resource"
	]
	wrong == []
	policy.administrator_reason([doc([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])], role_arn) != "it allows every action on every resource"
}

# policy.account_id decides as ^[0-9]{12}$.
test_account_id_is_the_pattern if {
	samples := ["111122223333", "000000000000", "11112222333", "1111222233334", "11112222333a", " 11122223333", "111122223333\n", "١١١١٢٢٢٢٣٣٣٣", "", 111122223333, null]
	ids := {v | some v in samples; policy.account_id(v)}
	ids == {v | some v in samples; is_string(v); regex.match(`^[0-9]{12}$`, v)}
	count(ids) == 2
}
