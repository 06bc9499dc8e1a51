# The single entrypoint the scanner evaluates, once per resource.
#
# input: {"resource": <inventory resource>, "scan": {"time": ISO-8601, "time_ns": number}}
# data.cafscan_catalog.routing: resource type -> [{"package", "id"}], generated from each
#   control's METADATA (custom.resource_types) so only the controls for a type are evaluated
#   (opa-wasm has no rule indexing; routing halves evaluation time, see docs/engine.md).
# data.inventory: the resources controls look up by ARN (custom.related_resource_types).
package cafscan.main

findings contains finding if {
	some route in data.cafscan_catalog.routing[input.resource.type]
	control := data.cafscan.controls[route["package"]]
	not control.out_of_scope
	finding := outcome(route.id, control)
}

# A control says what it needs but could not find ("missing": not_evaluated), what is wrong
# ("violations": fail), or nothing (pass). Missing data wins over violations so that an
# incomplete resource is never reported as a confident failure or pass.
outcome(id, control) := {"controlId": id, "status": "not_evaluated", "messages": sort(missing)} if {
	missing := object.get(control, "missing", set())
	count(missing) > 0
} else := {"controlId": id, "status": "fail", "messages": sort(violations)} if {
	violations := object.get(control, "violations", set())
	count(violations) > 0
} else := {"controlId": id, "status": "pass", "messages": []}
