# Whether an S3 bucket (the resource under evaluation) can be made or is public: S3 Block Public
# Access at the bucket and account level (CAFAI-DP-02: is it fully on?), and whether the bucket
# policy or ACL actually grants to everyone with Block Public Access not neutralising the grant
# (CAFAI-DP-09: is it public?). Policy semantics come from policies/lib/policy.rego.
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
package cafscan.lib.s3_public

import data.cafscan.lib
import data.cafscan.lib.policy

account_block_type := "AWS::S3::AccountPublicAccessBlock"

settings := ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"]

# --- S3 Block Public Access ------------------------------------------------------------------

# Config leaves PublicAccessBlockConfiguration out when the bucket has no block of its own (AWS's
# default: every setting off); a live collector that could not read it records the failure in
# collectionErrors instead, and then the bucket's own block is unknown.
bucket_block := object.get(lib.supplementary, "PublicAccessBlockConfiguration", {})

bucket_block_failed if input.resource.collectionErrors.PublicAccessBlockConfiguration

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

# S3 applies the most restrictive combination of the two levels.
effective_on(setting) if on_for_bucket(setting)

effective_on(setting) if on_for_account(setting)

# Known to be off at both levels (the bucket's own block was read and the account's is known).
effective_off(setting) if {
	not bucket_block_failed
	not on_for_bucket(setting)
	account_level_known
	not on_for_account(setting)
}

account_level_known if count(account_blocks) > 0

account_level_known if account_has_none

# Settings the bucket's own block leaves off, and those neither level turns on.
bucket_off := [s | some s in settings; not on_for_bucket(s)]

off := [s | some s in bucket_off; not on_for_account(s)]

# No account-level block recorded: known to be none only if the source collected that type.
account_has_none if {
	count(account_blocks) == 0
	lib.account_collected(account_block_type)
}

# Whether the gap is real cannot be told: the bucket's own block is incomplete and the
# account-level block is unknown, or the bucket's block is unreadable and the account-level block
# does not turn every setting on.
block_unknown_reasons contains "the account-level public access block is not in the inventory" if {
	count(bucket_off) > 0
	count(account_blocks) == 0
	not account_has_none
}

block_unknown_reasons contains concat("", ["the bucket's public access block could not be read: ", format_error(input.resource.collectionErrors.PublicAccessBlockConfiguration)]) if {
	bucket_block_failed
	count(off) > 0
}

format_error(e) := e if is_string(e)

else := "unknown error"

block_violations contains msg if {
	not bucket_block_failed
	account_has_none
	count(bucket_off) > 0
	msg := concat("", [
		"Bucket ", lib.label, " does not block public access: ", concat(", ", bucket_off), " ", verb_for(bucket_off),
		" off at the bucket level and the account has no public access block.",
	])
}

block_violations contains msg if {
	not bucket_block_failed
	count(account_blocks) > 0
	count(off) > 0
	msg := concat("", [
		"Bucket ", lib.label, " does not block public access: ", concat(", ", off), " ", verb_for(off),
		" off at both the bucket and the account level.",
	])
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

policy_read_error := e if {
	e := input.resource.collectionErrors.BucketPolicy
	is_string(e)
}

# Allow statements that grant to everyone or to everyone outside a negated set (see
# policy.public_statements), named by Sid or position.
public_statements := policy.public_statements(policy_document) if policy_decoded

else := []

# A public policy is public access unless RestrictPublicBuckets is on at either level: then only
# AWS service principals and users of the bucket owner's account get through.
policy_public if {
	count(public_statements) > 0
	effective_off("restrictPublicBuckets")
}

policy_public_unknown if {
	count(public_statements) > 0
	not effective_on("restrictPublicBuckets")
	not effective_off("restrictPublicBuckets")
}

# --- bucket ACL --------------------------------------------------------------------------------

# Config records the ACL (supplementaryConfiguration.AccessControlList, string-encoded by the
# API, decoded by the inventory); the live collector does not read ACLs.
acl_raw := lib.supplementary.AccessControlList

acl := decode(acl_raw)

decode(x) := x if is_object(x)

else := decode_string(x)

decode_string(x) := y if {
	is_string(x)
	json.is_valid(x)
	once := json.unmarshal(x)
	y := once_more(once)
}

once_more(v) := v if is_object(v)

once_more(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
}

acl_recorded if is_object(acl)

# Members of the AllUsers or AuthenticatedUsers groups (anyone, or anyone with an AWS account):
# S3 calls such an ACL public. Config writes the group as "AllUsers"; the API as a URI.
public_groups := {"allusers", "authenticatedusers"}

public_acl_grants := [g |
	some grant in lib.as_array(acl.grantList)
	g := grantee_group(grant.grantee)
	lower(g) in public_groups
]

grantee_group(g) := g if is_string(g)

grantee_group(g) := name if {
	is_object(g)
	uri := object.get(g, "uri", object.get(g, "URI", ""))
	is_string(uri)
	parts := split(uri, "/")
	name := parts[count(parts) - 1]
}

acl_public if {
	count(public_acl_grants) > 0
	effective_off("ignorePublicAcls")
}

acl_public_unknown if {
	count(public_acl_grants) > 0
	not effective_on("ignorePublicAcls")
	not effective_off("ignorePublicAcls")
}

# Not recorded and not ignored: a public ACL grant cannot be ruled out.
acl_unknown if {
	not acl_recorded
	not effective_on("ignorePublicAcls")
}

# Recorded without its grant list (absent or null): the grants are unknown, not "none".
acl_grants_unknown if {
	acl_recorded
	not is_array(object.get(acl, "grantList", null))
	not effective_on("ignorePublicAcls")
}
