# Whether an S3 bucket (the resource under evaluation) can be made or is public: S3 Block Public
# Access at the bucket and account level, and bucket policy statements that grant to everyone.
# The block logic is the one of controls/data-protection/s3_bucket_public_access_blocked.rego
# (CAFAI-DP-02), kept here so other bucket controls can share it.
package cafscan.lib.s3_public

import data.cafscan.lib

account_block_type := "AWS::S3::AccountPublicAccessBlock"

settings := ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"]

# --- S3 Block Public Access ------------------------------------------------------------------

bucket_block := object.get(lib.supplementary, "PublicAccessBlockConfiguration", {})

account_blocks := lib.same_account_of_type(account_block_type)

on_for_bucket(setting) if bucket_block[setting] == true

# The account-level block applies to every bucket of the account; if it was recorded more
# than once (several regions), a setting counts only when every record has it on.
on_for_account(setting) if {
	count(account_blocks) > 0
	every block in account_blocks {
		object.get(block, "configuration", {})[setting] == true
	}
}

# Settings the bucket's own block leaves off, and those neither level turns on.
bucket_off := [s | some s in settings; not on_for_bucket(s)]

off := [s | some s in bucket_off; not on_for_account(s)]

# No account-level block recorded: known to be none only if the source collected that type.
account_has_none if {
	count(account_blocks) == 0
	lib.account_collected(account_block_type)
}

# The bucket's own block is incomplete and whether the account-level block fills the gap is
# unknown.
block_unknown if {
	count(bucket_off) > 0
	count(account_blocks) == 0
	not account_has_none
}

block_violations contains msg if {
	account_has_none
	count(bucket_off) > 0
	msg := sprintf(
		"Bucket %s does not block public access: %s %s off at the bucket level and the account has no public access block.",
		[lib.label, concat(", ", bucket_off), verb_for(bucket_off)],
	)
}

block_violations contains msg if {
	count(account_blocks) > 0
	count(off) > 0
	msg := sprintf(
		"Bucket %s does not block public access: %s %s off at both the bucket and the account level.",
		[lib.label, concat(", ", off), verb_for(off)],
	)
}

verb_for(list) := "is" if count(list) == 1

else := "are"

# --- bucket policy ----------------------------------------------------------------------------

bucket_policy := lib.supplementary.BucketPolicy

# Recorded: policyText is a document, or null for "the bucket has no policy".
policy_recorded if "policyText" in object.keys(bucket_policy)

policy_document := bucket_policy.policyText

policy_decoded if is_object(policy_document)

policy_undecodable if {
	policy_recorded
	policy_document != null
	not policy_decoded
}

# Allow statements that grant to every principal ("*", {"AWS": "*"}, or everyone but the
# NotPrincipal list) with no Condition to narrow them, named by Sid or position.
public_statements := [name |
	some i, statement in lib.statements(policy_document)
	statement.Effect == "Allow"
	grants_everyone(statement)
	not conditioned(statement)
	name := statement_name(statement, i)
]

grants_everyone(statement) if everyone(statement.Principal)

grants_everyone(statement) if "NotPrincipal" in object.keys(statement)

everyone(principal) if principal == "*"

everyone(principal) if "*" in lib.as_array(principal.AWS)

conditioned(statement) if {
	is_object(statement.Condition)
	count(statement.Condition) > 0
}

statement_name(statement, i) := sprintf("%q", [statement.Sid]) if {
	is_string(statement.Sid)
	statement.Sid != ""
} else := sprintf("#%d", [i + 1])
