# EventBridge rules that route an AWS service's findings to a responder. Shared by CAFAI-IR-01
# (GuardDuty findings) and CAFAI-IR-97 (Macie findings): both services publish their findings to
# the default event bus of the region, and a rule routes them only when it is enabled, matches
# the service's source and finding detail type, and has a target.
package cafscan.lib.events

import data.cafscan.lib

rule_type := "AWS::Events::Rule"

enabled_states := {"ENABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"}

# The pattern is an object in Config's item, a JSON string in the EventBridge API.
pattern(rule) := rule.configuration.EventPattern if {
	is_object(rule.configuration.EventPattern)
} else := json.unmarshal(rule.configuration.EventPattern) if {
	is_string(rule.configuration.EventPattern)
}

# AWS services send findings to the default bus only.
on_default_bus(rule) if not rule.configuration.EventBusName

on_default_bus(rule) if rule.configuration.EventBusName == "default"

on_default_bus(rule) if endswith(rule.configuration.EventBusName, ":event-bus/default")

# Whether the rule, enabled on the default bus, matches findings of `source` whose detail type is
# `detail_type`.
listens(rule, source, detail_type) if {
	rule.configuration.State in enabled_states
	on_default_bus(rule)
	source in lib.as_array(pattern(rule).source)
	admits(pattern(rule), detail_type)
}

# Services also emit other detail types (GuardDuty malware scan results, Macie alerts…); a
# pattern that names detail types must name the finding's. No detail-type condition matches all.
admits(p, _) if not has_detail_type(p)

admits(p, detail_type) if detail_type in lib.as_array(p["detail-type"])

has_detail_type(p) if p["detail-type"]

# No Targets key and no collection error is a rule without targets: AWS Config, like
# CloudFormation, leaves an empty list out; the live collector records the key whenever
# ListTargetsByRule answered and an error otherwise.
routes(rule, source, detail_type) if {
	listens(rule, source, detail_type)
	is_array(rule.configuration.Targets)
	count(rule.configuration.Targets) > 0
}

# Rules matching the findings whose targets could not be read: any of them might route them.
targets_unknown(source, detail_type) := {rule.configuration.Name |
	some rule in lib.same_region_of_type(rule_type)
	listens(rule, source, detail_type)
	rule.collectionErrors.Targets
}

# Whether some rule in the region of the account under evaluation routes the findings.
routed(source, detail_type) if {
	some rule in lib.same_region_of_type(rule_type)
	routes(rule, source, detail_type)
}
