# Test-only helpers (the _test suffix keeps them out of the shipped bundle).
# Helpers for control tests: evaluate the real router (main.rego) on one resource, so a test
# proves routing, scoping and outcome together, exactly as the scanner runs them.
package cafscan.testing

scan := {"time": "2026-11-01T00:00:00Z", "time_ns": 1793491200000000000}

# By default a resource is linked to an AI workload in every component, so a control on a
# generic resource (custom.scope: linked) applies; scoping itself is tested with the helpers
# below (unlinked_not_applicable, linked_status).
all_components := ["input", "model", "output"]

findings_for(id, resource) := findings_linked(id, resource, all_components, false)

findings_linked(id, resource, links, all_resources) := [f |
	some f in data.cafscan.main.findings with input as {"resource": resource, "scan": scan, "links": links, "all_resources": all_resources}
	f.controlId == id
]

# The control's status when the graph links the resource only in these components.
linked_status(id, resource, links) := f.status if {
	some f in findings_linked(id, resource, links, false)
}

# A linked control does not apply to a resource no AI workload uses (unless --all-resources).
unlinked_not_applicable(id, resource) if {
	count(findings_linked(id, resource, [], false)) == 0
	count(findings_linked(id, resource, [], true)) == 1
}

status(id, resource) := f.status if {
	some f in findings_for(id, resource)
}

# Message(s) of the finding, for asserting what the user is told.
messages(id, resource) := f.messages if {
	some f in findings_for(id, resource)
}

not_applicable(id, resource) if count(findings_for(id, resource)) == 0

# Context (data.inventory) holding these resources, for controls that look others up.
context(resources) := {
	"resources": {r.arn: r | some r in resources},
	"by_account": {a: {t: [r.arn | some r in resources; r.accountId == a; r.type == t] |
		some r1 in resources
		r1.accountId == a
		t := r1.type
	} |
		some r0 in resources
		a := r0.accountId
	},
}
