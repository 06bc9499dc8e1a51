# How one field selector of a CloudTrail advanced event selector treats a known value: shared by
# the controls that ask whether a trail records some data events (CAFAI-TD-06, SA-04, IR-98,
# SA-91), so every field the API accepts is read, not only the ones a control thinks of.
#
# A field selector sets conditions with equals / startsWith / endsWith (the value must match one
# of each that is set) and notEquals / notStartsWith / notEndsWith (it must match none); all
# conditions of all field selectors of one selector must hold.
#
# A control judges a field whose value it knows (eventSource, eventType, resources.ARN) with
# admits(). A field whose value depends on the caller or the call (userIdentity.arn,
# sessionCredentialFromConsole, eventName for a control that needs every call) records some
# events and drops others as soon as it sets a condition: only unconditioned() admits them all.
# https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html
package cafscan.lib.trail_selectors

import data.cafscan.lib

operators := ["equals", "startsWith", "endsWith", "notEquals", "notStartsWith", "notEndsWith"]

# The field selector sets no condition at all (a source could record one without operators).
unconditioned(f) if {
	every operator in operators {
		count(lib.as_array(object.get(f, operator, []))) == 0
	}
}

# Whether an event whose field has this value passes the field selector's conditions.
admits(f, value) if {
	positive(f, "equals", value)
	positive(f, "startsWith", value)
	positive(f, "endsWith", value)
	not negative(f, "notEquals", value)
	not negative(f, "notStartsWith", value)
	not negative(f, "notEndsWith", value)
}

# An operator the field selector does not use sets no condition.
positive(f, operator, _) if count(lib.as_array(object.get(f, operator, []))) == 0

positive(f, "equals", value) if value in lib.as_array(f.equals)

positive(f, "startsWith", value) if {
	some prefix in lib.as_array(f.startsWith)
	is_string(prefix)
	startswith(value, prefix)
}

positive(f, "endsWith", value) if {
	some suffix in lib.as_array(f.endsWith)
	is_string(suffix)
	endswith(value, suffix)
}

negative(f, "notEquals", value) if value in lib.as_array(object.get(f, "notEquals", []))

negative(f, "notStartsWith", value) if {
	some prefix in lib.as_array(object.get(f, "notStartsWith", []))
	is_string(prefix)
	startswith(value, prefix)
}

negative(f, "notEndsWith", value) if {
	some suffix in lib.as_array(object.get(f, "notEndsWith", []))
	is_string(suffix)
	endswith(value, suffix)
}
