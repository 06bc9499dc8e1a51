# The benchmark's anchor (scripts/bench-anchor.mjs): native OPA evaluates the shipped router
# (policies/main.rego) over every routed resource of an inventory, each with the input the
# engine gives it (src/engine/evaluate.ts), and counts the outcomes by status. Not part of the
# policy bundle: it exists so that `npm run bench` can compare opa-wasm with OPA (Go).
package cafscan.bench

statuses := [f.status |
	some item in input.items
	fs := data.cafscan.main.findings with input as item
	some f in fs
]

totals[status] := count([1 | some s in statuses; s == status]) if some status in {"pass", "fail", "not_evaluated"}
