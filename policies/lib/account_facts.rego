# Helpers for controls that read the account- and region-level facts live collection puts on
# AWS::::Account resources (configuration.<fact>, with configuration.factErrors.<fact> saying
# why one is unknown), and for account-wide settings reported once per account. Call them as
# account_facts.<name> after `import data.cafscan.lib.account_facts`.
package cafscan.lib.account_facts

import data.cafscan.lib

account_type := "AWS::::Account"

# Whether the account configuration `conf` records the fact `name` (its value may be null:
# "none", e.g. no Config recorder).
recorded(conf, name) if {
	_ := conf[name]
}

# Why the fact `name` is unknown in the account configuration `conf`, naming it as `noun`; the
# collection failure wins over a value recorded before the failure. Undefined when the fact is
# known.
unknown_reason(conf, name, noun) := reason if {
	error := conf.factErrors[name]
	reason := concat("", [lib.text(noun), " could not be read: ", lib.text(error)])
} else := reason if {
	not recorded(conf, name)
	reason := concat("", [lib.text(noun), " is not in the inventory (configuration.", lib.text(name), ")"])
}

# --- the account resource under evaluation ----------------------------------------------------

own_unknown_reason(name, noun) := unknown_reason(lib.configuration, name, noun)

# --- the account resource of the region of another resource (a repository, a stage…) ----------

region_accounts := lib.same_region_of_type(account_type)

# The configuration of the region's account resource; undefined when it is not in the context.
region_account_configuration := object.get(region_accounts[0], "configuration", {}) if {
	count(region_accounts) > 0
}

region_unknown_reason(name, noun) := reason if {
	count(region_accounts) > 0
	reason := unknown_reason(region_account_configuration, name, noun)
}

region_unknown_reason(name, noun) := reason if {
	count(region_accounts) == 0
	reason := concat("", [lib.text(noun), " is not in the inventory (configuration.", lib.text(name), ": no account resource for ", lib.text(lib.resource.accountId), " ", lib.text(lib.resource.region), ")"])
}

# --- account-wide settings ---------------------------------------------------------------------
# Some settings belong to the account, not to a region (the root user, the S3 account-level
# public access block), yet every region's account resource carries them. Controls on them
# report once per account: on the alphabetically first region among the account's account
# resources, so the choice is the same in every scan of the same regions.

reporting_region := min({a.region | some a in lib.same_account_of_type(account_type)} | {lib.resource.region})

not_reporting_region if lib.resource.region != reporting_region
