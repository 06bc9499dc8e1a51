package cafscan.tests.redaction

import data.cafscan.redaction

# The candidates as the engine finds them: every environment-like key holding an object or list.
paths_for(configuration) := paths if {
	candidates := [{"path": path, "env": env} |
		walk(configuration, [path, env])
		count(path) > 0
		lower(path[count(path) - 1]) in {"environment", "variables", "environmentvariables"}
		not is_string(env)
	]
	paths := redaction.paths with input as {"candidates": candidates}
}

test_finds_secrets_in_sagemaker_container_environments if {
	paths_for({
		"PrimaryContainer": {"Environment": {"AWS_SECRET_ACCESS_KEY": "abc", "MODEL_NAME": "xgb"}},
		"Containers": [{"Environment": {"API_TOKEN": "t0k3n"}}],
	}) == {
		["configuration", "PrimaryContainer", "Environment", "AWS_SECRET_ACCESS_KEY"],
		["configuration", "Containers", 0, "Environment", "API_TOKEN"],
	}
}

test_finds_secrets_in_lambda_variables_and_ecs_lists if {
	paths_for({
		"environment": {"variables": {"DB_PASSWORD": "hunter2", "STAGE": "prod"}},
		"containerDefinitions": [{"environment": [{"name": "X", "value": "AKIAABCDEFGHIJKLMNOP"}, {"name": "Y", "value": "1"}]}],
	}) == {
		["configuration", "environment", "variables", "DB_PASSWORD"],
		["configuration", "containerDefinitions", 0, "environment", 0, "value"],
	}
}

test_leaves_references_and_plain_settings_alone if {
	paths_for({"Environment": {"DB_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:1:secret:x", "MAX_NEW_TOKENS": "512"}}) == set()
}

# Entries are judged by their name as well as their value, in either key casing
# (ECS "name"/"value", CloudFormation-style "Name"/"Value"); only the value is redacted.
test_finds_secrets_by_entry_name_in_either_casing if {
	paths_for({"containerDefinitions": [{"environment": [
		{"name": "DB_PASSWORD", "value": "hunter2"},
		{"Name": "API_TOKEN", "Value": "t0k3n"},
		{"name": "STAGE", "value": "prod"},
	]}]}) == {
		["configuration", "containerDefinitions", 0, "environment", 0, "value"],
		["configuration", "containerDefinitions", 0, "environment", 1, "Value"],
	}
}
