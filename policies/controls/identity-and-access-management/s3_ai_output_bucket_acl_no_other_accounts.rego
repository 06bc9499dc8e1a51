# METADATA
# title: ACLs of S3 buckets receiving AI outputs grant nothing to another account
# description: >-
#   The access control list (GetBucketAcl, supplementaryConfiguration.AccessControlList) of a
#   bucket that receives captured requests and responses, batch inference results, processing
#   outputs, monitoring reports or model invocation logs grants no permission to a canonical
#   user other than the bucket owner, and none to the AllUsers or AuthenticatedUsers groups
#   (every AWS account) unless S3 Block Public Access ignores public ACLs (IgnorePublicAcls on
#   at the bucket or account level). The LogDelivery group is S3's own server-access-log
#   delivery, not another account, and is not counted. When Object Ownership is
#   BucketOwnerEnforced, S3 disables ACLs and no grant takes effect
#   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html), so the
#   bucket passes whatever the ACL says. Otherwise an ACL that is not in the inventory, could
#   not be read or is recorded without its grant list, a user grant while the owner's id is
#   unknown, a grantee named only by email or of an unknown kind, or a public group grant while
#   IgnorePublicAcls is unknown, leaves the result not evaluated. Object ACLs are not in the inventory and are not judged. AWS Config
#   snapshots record the ACL but not Object Ownership: there the ACL as recorded decides (an
#   ACL that grants only the owner passes whatever the ownership setting).
# custom:
#   id: CAFAI-IAM-94
#   capability: identity-and-access-management
#   component: output
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   related_resource_types: ["AWS::S3::AccountPublicAccessBlock", "AWS::::Account"]
#   related_fields:
#     "AWS::S3::AccountPublicAccessBlock": [configuration.blockPublicAcls, configuration.ignorePublicAcls, configuration.blockPublicPolicy, configuration.restrictPublicBuckets]
#     "AWS::::Account": [configuration.collectedTypes]
#   scope: linked
#   caf_section: "Identity and access management"
#   rationale: >-
#     For the output component, CAF-AI Identity and access management asks that only the roles
#     and people who need a model's outputs can read them. A bucket ACL grant to another
#     account's canonical user bypasses IAM entirely: it is invisible in the account's IAM and
#     bucket policies, and lets that account list, read or rewrite captured prompts, answers
#     and invocation logs. CAFAI-DP-22 asks that ACLs be disabled on every AI bucket; this
#     control says whether an enabled ACL actually lets another account in, which is the
#     exposure to fix first. CAFAI-DP-09 reports the everyone grants as public access; they are
#     named here too because every other account is among "everyone".
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Access control list (ACL) > Edit: remove the
#       grantees other than the bucket owner (move any access still needed into the bucket
#       policy for principals of this account), then Object Ownership > Edit > "ACLs disabled
#       (recommended)".
#     cli: >-
#       aws s3api put-bucket-acl --bucket BUCKET --acl private && aws s3api
#       put-bucket-ownership-controls --bucket BUCKET --ownership-controls
#       'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'
#     terraform: |-
#       resource "aws_s3_bucket_ownership_controls" "ai_output" {
#         bucket = aws_s3_bucket.ai_output.id
#         rule {
#           object_ownership = "BucketOwnerEnforced"
#         }
#       }
#     cloudformation: |-
#       AiOutputBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           OwnershipControls:
#             Rules:
#               - ObjectOwnership: BucketOwnerEnforced
#   references:
#     - id: Access control list (ACL) overview
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
#     - id: GetBucketAcl
#       source: AWS API reference
#       url: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html
package cafscan.controls.s3_ai_output_bucket_acl_no_other_accounts

import data.cafscan.lib
import data.cafscan.lib.s3_public

# --- Object Ownership: BucketOwnerEnforced disables ACLs -----------------------------------------

ownership_raw := lib.supplementary.BucketOwnershipControls

ownership := ownership_raw if is_object(ownership_raw)

# json.is_valid is false for anything but a valid JSON string.
ownership := json.unmarshal(ownership_raw) if json.is_valid(ownership_raw)

acls_disabled if {
	some rule in lib.as_array(ownership.rules)
	rule.objectOwnership == "BucketOwnerEnforced"
}

# --- the ACL -------------------------------------------------------------------------------------

acl := s3_public.acl

owner_id := acl.owner.id

owner_known if {
	is_string(owner_id)
	owner_id != ""
}

# GetBucketAcl's Grants as the collector and Config write them (grantList). An ACL recorded
# without a grant list (the key absent, null or not a list) says nothing about its grants: unknown,
# not "no grants".
grants_recorded if is_array(acl.grantList)

grants := acl.grantList if grants_recorded

else := []

# The collector and Config write a canonical user as {id, displayName} and an email grantee as
# {emailAddress}; object.get is undefined on anything but an object. An id that is not a
# non-empty string names no one the owner can be compared with: the grantee is of unknown kind.
user_id(grantee) := id if {
	id := object.get(grantee, "id", null)
	is_string(id)
	id != ""
}

email(grantee) := grantee.emailAddress

public_groups := {"allusers", "authenticatedusers"}

known_groups := public_groups | {"logdelivery"}

permission(grant) := p if {
	p := grant.permission
	is_string(p)
} else := "unknown permission"

foreign_users := {concat("", [id, " (", permission(grant), ")"]) |
	owner_known
	some grant in grants
	id := user_id(grant.grantee)
	id != owner_id
}

user_grants if {
	some grant in grants
	user_id(grant.grantee)
}

# A group grantee: Config's name ("AllUsers") or the API's URI.
public_grants := {g |
	some grant in grants
	g := s3_public.grantee_group(grant.grantee)
	lower(g) in public_groups
}

# A grant without a grantee is one of unknown kind too (object.get keeps `not` from failing on
# an absent field).
unknown_grantees := {text |
	some grant in grants
	grantee := object.get(grant, "grantee", null)
	not user_id(grantee)
	not email(grantee)
	not known_group(grantee)
	text := json.marshal(grantee)
}

known_group(grantee) if lower(s3_public.grantee_group(grantee)) in known_groups

emails := {lib.text(e) | some grant in grants; e := email(grant.grantee)}

public_effective if {
	count(public_grants) > 0
	s3_public.effective_off("ignorePublicAcls")
}

# --- verdict -------------------------------------------------------------------------------------

# With ACLs disabled no grant takes effect: nothing is missing and nothing is wrong.
judged if not acls_disabled

missing := {reason | judged; count(problems) == 0; some reason in unknowns}

violations := {msg | judged; some msg in problems}

acl_error := input.resource.collectionErrors.AccessControlList

unknowns contains reason if {
	not s3_public.acl_recorded
	reason := unrecorded_reason
}

unrecorded_reason := concat("", ["the bucket ACL could not be read: ", lib.text(acl_error)]) if {
	acl_error
} else := "the bucket ACL is not in the inventory and Object Ownership is not BucketOwnerEnforced, so an ACL grant to another account cannot be ruled out"

unknowns contains "the bucket ACL is in the inventory without its grant list, so an ACL grant to another account cannot be ruled out" if {
	s3_public.acl_recorded
	not grants_recorded
}

unknowns contains "the bucket ACL grants to canonical users but its owner's id is not in the inventory" if {
	user_grants
	not owner_known
}

unknowns contains concat("", ["the bucket ACL grants to ", e, ", an email address whose account cannot be matched to the owner"]) if {
	some e in emails
}

unknowns contains concat("", ["the bucket ACL grants to a grantee of unknown kind: ", g]) if {
	some g in unknown_grantees
}

# Off at both levels is a problem (below): only "on" remains to rule out.
unknowns contains "the bucket ACL grants access to everyone and whether IgnorePublicAcls blocks it is unknown (the account-level public access block is not in the inventory or the bucket's could not be read)" if {
	count(public_grants) > 0
	not s3_public.effective_on("ignorePublicAcls")
}

problems contains msg if {
	count(foreign_users) > 0
	msg := concat("", [
		"Bucket ", lib.label, "'s ACL grants AI outputs to canonical users other than the bucket owner: ",
		concat(", ", sort(foreign_users)), ".",
	])
}

problems contains msg if {
	public_effective
	msg := concat("", [
		"Bucket ", lib.label, "'s ACL grants AI outputs to ", concat(" and ", sort(public_grants)),
		" (every AWS account) and IgnorePublicAcls is off at both the bucket and the account level.",
	])
}
