# The single entrypoint the scanner evaluates, once per resource.
#
# input: {"resource": <inventory resource>, "scan": {"time": ISO-8601, "time_ns": number},
#         "links": ["input" | "model" | "output", …], "all_resources": bool}
#   links: the components in which the AI asset graph (src/graph) links this resource to an AI
#   workload; all_resources: the user asked to check every resource of a linked control's type.
#   control (optional): evaluate only the control with this id. The engine re-evaluates a
#   resource control by control when evaluating all of them fails at run time, so that one
#   control's error leaves the other verdicts standing (src/engine/evaluate.ts).
# data.cafscan_catalog.routing: resource type -> [{"package", "id"}], generated from each
#   control's METADATA (custom.resource_types) so only the controls for a type are evaluated
#   (opa-wasm has no rule indexing; routing halves evaluation time, see docs/engine.md).
# data.inventory: the resources controls look up by ARN (custom.related_resource_types).
package cafscan.main

findings contains finding if {
	some route in data.cafscan_catalog.routing[input.resource.type]
	selected(route)
	in_scope(route)
	applies(route["package"])
	finding := outcome(route.id, route["package"])
}

# A control's out_of_scope reads the configuration; when that could not be read (only a listing's
# summary is there), "out of scope" would be a guess from absent fields, so every routed control
# reports not_evaluated instead of silently not applying.
applies(_) if input.resource.collectionErrors.configuration

applies(pkg) if {
	not input.resource.collectionErrors.configuration
	not data.cafscan.controls[pkg].out_of_scope
}

selected(_) if not input.control

selected(route) if route.id == input.control

# A control on an AI resource (a notebook, a guardrail, an account) always applies. A control on a
# generic resource ("linked": the components that bring it in scope) applies where the graph links the resource to an AI
# workload in that component — a bucket of training data, not the web team's logs bucket.
in_scope(route) if not route.linked

in_scope(_) if input.all_resources == true

in_scope(route) if {
	some component in route.linked
	component in input.links
}

# A control says what it needs but could not find ("missing": not_evaluated), what is wrong
# ("violations": fail), or nothing (pass). Missing data wins over violations so that an
# incomplete resource is never reported as a confident failure or pass.
# Rules are referenced one by one (not the package as a whole) so that an out-of-scope or
# incomplete resource never pays for evaluating the control's other rules: measured 2-3x faster.
# A live collector that could not read a resource's configuration (its Describe call failed)
# leaves only what the listing said: no control may judge that as pass or fail.
outcome(id, pkg) := {"controlId": id, "status": "not_evaluated", "messages": ["the resource's configuration could not be read"]} if {
	input.resource.collectionErrors.configuration
} else := {"controlId": id, "status": "not_evaluated", "messages": sort(missing)} if {
	missing := data.cafscan.controls[pkg].missing
	count(missing) > 0
} else := {"controlId": id, "status": "fail", "messages": sort(violations)} if {
	violations := data.cafscan.controls[pkg].violations
	count(violations) > 0
} else := {"controlId": id, "status": "pass", "messages": []}
