# Stale access to an AI service from IAM service last-accessed data (access advisor), which the
# live IAM collector puts on roles and users as supplementaryConfiguration.ServiceLastAccessed:
# [{serviceNamespace, serviceName, lastAuthenticated}]. The report lists every service the
# principal's policies allow (AWS managed ones included), so a namespace it does not list is one
# the principal cannot use. Same package as lib.rego; call them as lib.iam_*.
package cafscan.lib

import data.cafscan.lib.policy

# Unused for longer than this many days is stale (IAM Access Analyzer's default unused-access age).
iam_stale_days := 90

# IAM keeps last-accessed data for this many days
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html).
iam_tracking_days := 400

# AWS managed policies (never in the inventory, known by name only) that grant actions of a namespace.
iam_managed_grants(name, namespace) if contains(lower(name), namespace)

iam_managed_grants(name, _) if name in {"AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "ViewOnlyAccess"}

# AWS managed policies not named for the service that still grant its actions; a policy that
# grants any of them counts, as in the rules above (the report, when there is one, says which).
# Kept in step with AI_MANAGED_BY_NAME in src/collect/services/iam-last-accessed.ts.
# job-function/DataScientist grants sagemaker:*
# (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/DataScientist.html); SecurityAudit
# grants the read-only Describe/List/Get actions of both services
# (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecurityAudit.html).
iam_managed_grants_by_name := {
	"DataScientist": {"sagemaker"},
	"SecurityAudit": {"bedrock", "sagemaker"},
}

iam_managed_grants(name, namespace) if namespace in iam_managed_grants_by_name[name]

# Whether the principal's recorded policies, groups included, may grant some action of the namespace.
iam_may_use(namespace) if {
	some [name, _] in iam_principal_managed
	iam_managed_grants(name, namespace)
}

iam_may_use(namespace) if policy.may_grant_service(iam_principal_document_list, namespace)

iam_usage_recorded if is_array(supplementary.ServiceLastAccessed)

# Rules, not function calls, for what every namespace question repeats: opa-wasm re-evaluates a
# function on each call, while a rule is evaluated once per resource.
iam_usage_namespaces := ["bedrock", "sagemaker"]

iam_may_use_set := {namespace | some namespace in iam_usage_namespaces; iam_may_use(namespace)}

iam_principal_gap_count := count(iam_principal_gaps)

iam_usage(namespace) := e if {
	some e in supplementary.ServiceLastAccessed
	is_object(e)
	e.serviceNamespace == namespace
}

iam_used_service(namespace) if iam_usage(namespace)

# The last use, or null when the report has none in the tracking period (LastAuthenticated is
# absent then: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ServiceLastAccessed.html).
iam_last_used(namespace) := object.get(iam_usage(namespace), "lastAuthenticated", null)

# Not applicable: the report does not list the service, or (without a report) policies that are
# fully known grant none of its actions.
iam_usage_out_of_scope(namespace) if {
	iam_usage_recorded
	not iam_used_service(namespace)
}

iam_usage_out_of_scope(namespace) if {
	not iam_usage_recorded
	iam_principal_gap_count == 0
	not namespace in iam_may_use_set
}

# Why the verdict cannot be given (a set of reasons; empty when it can).
iam_usage_missing(namespace) := (((iam_usage_unreported(namespace) | iam_usage_policy_gaps(namespace)) | iam_usage_unreadable(namespace)) | iam_usage_no_scan_time(namespace)) | iam_usage_no_creation_date(namespace)

iam_usage_unreported(namespace) := {iam_usage_unreported_reason |
	not iam_usage_recorded
	namespace in iam_may_use_set
}

# A live scan that asked for the report and failed says why (a denied
# GenerateServiceLastAccessedDetails, a report job that did not finish, the per-account limit).
iam_usage_unreported_reason := concat("", ["the principal's service last-accessed data could not be read: ", text(input.resource.collectionErrors.ServiceLastAccessed)]) if {
	is_string(input.resource.collectionErrors.ServiceLastAccessed)
} else := "the principal's service last-accessed data is not in the inventory (a live scan reads it; AWS Config does not record it)"

iam_usage_policy_gaps(namespace) := {gap |
	not iam_usage_recorded
	not namespace in iam_may_use_set
	some gap in iam_principal_gaps
}

iam_usage_unreadable(namespace) := {concat("", ["the last use of ", namespace, " could not be read: ", text(last)]) |
	last := iam_last_used(namespace)
	last != null
	not iso_seconds(last)
}

iam_usage_no_scan_time(namespace) := {"the scan time is unknown, so the last use cannot be compared with it" |
	iam_used_service(namespace)
	not scan_seconds
}

iam_usage_no_creation_date(namespace) := {"the principal's creation date is not in the inventory, so an unused permission cannot be told from a new one" |
	iam_last_used(namespace) == null
	not iso_seconds(object.get(configuration, "createDate", null))
}

# Why the access is stale, as the end of a sentence; undefined when it is not.
# No day counts in the text: a finding's message stays the same from one day's scan to the next.
iam_stale_reason(namespace, service) := concat("", ["last used ", service, " on ", last, ", more than ", format_int(iam_stale_days, 10), " days before the scan"]) if {
	last := iam_last_used(namespace)
	days_before_scan(last) > iam_stale_days
}

iam_stale_reason(namespace, service) := concat("", ["has not used ", service, " since it was created on ", created, ", more than ", format_int(iam_stale_days, 10), " days before the scan"]) if {
	iam_last_used(namespace) == null
	created := configuration.createDate
	days := days_before_scan(created)
	days > iam_stale_days
	days <= iam_tracking_days
}

iam_stale_reason(namespace, service) := concat("", ["has not used ", service, " in the last ", format_int(iam_tracking_days, 10), " days (IAM's tracking period)"]) if {
	iam_last_used(namespace) == null
	days_before_scan(configuration.createDate) > iam_tracking_days
}
