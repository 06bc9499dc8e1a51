package cafscan.tests.redaction

import data.cafscan.redaction

# The candidates as the engine finds them: every environment-like key holding an object or list.
paths_for(configuration) := paths if {
	candidates := [{"path": path, "env": env} |
		walk({"configuration": configuration}, [path, env])
		count(path) > 1
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

# Docker-style "NAME=value" strings are judged by name and by value; a bare value by its value
# alone. Plain settings and references stay.
test_finds_secrets_in_lists_of_strings if {
	paths_for({"Environment": [
		"DB_PASSWORD=hunter2",
		"AKIAABCDEFGHIJKLMNOP",
		"STAGE=prod",
		"API_KEY=arn:aws:secretsmanager:us-east-1:111122223333:secret:api",
		"=AKIAABCDEFGHIJKLMNOP",
		"MODEL_URL=https://example.com/a=b",
	]}) == {
		["configuration", "Environment", 0],
		["configuration", "Environment", 1],
		["configuration", "Environment", 4],
	}
}

# The name is what precedes the first "=" and the value all that follows it; a bare entry has
# no name, so a variable name on its own is not taken for a credential.
test_splits_list_entries_at_the_first_equals_sign if {
	paths_for({"Environment": [
		"HF_TOKEN=abc=def",
		"NOTE=ghp_abcdefghijklmnopqrstuvwxyz0123456789",
		"DB_PASSWORD",
		"MAX_NEW_TOKENS=512",
		"SECRET_ARN=arn:aws:secretsmanager:us-east-1:111122223333:secret:a=b",
	]}) == {
		["configuration", "Environment", 0],
		["configuration", "Environment", 1],
	}
}

# Lambda's Environment holds its variables under a nested key: the outer map (values are
# objects) contributes nothing itself, the nested Variables map is judged.
test_nested_environment_maps_are_judged_at_the_string_level if {
	paths_for({"Environment": {"Variables": {"OPENAI_API_KEY": "sk-abcdefghijklmnopqrstuvwxyz012345", "STAGE": "prod"}, "Error": {"ErrorCode": "x", "Message": "y"}}}) == {["configuration", "Environment", "Variables", "OPENAI_API_KEY"]}
}

# Only strings can be redacted: a number or a nested map under a secret-looking name is no path.
test_reports_only_string_values if {
	paths_for({"Environment": {"API_KEY_ROTATION_DAYS": 30, "PASSWORD_REQUIRED": true, "DB_PASSWORD": "hunter2"}}) == {["configuration", "Environment", "DB_PASSWORD"]}
}

# A string map is judged by key and whole value, as the secret controls judge it: a value that
# reads like an assignment is not split into a name and a value there.
test_map_values_are_not_split_at_equals_signs if {
	paths_for({"Variables": {"AWS_PROFILE_SETTING": "credential_process=fetch-creds --profile ml"}}) == set()
}

# Values outside environment maps, as the engine picks them: judged by shape alone.
values_paths(values) := paths if {
	paths := redaction.paths with input as {"candidates": [], "values": values}
}

test_finds_credential_shaped_values_anywhere if {
	values_paths([
		{"path": ["tags", "deploy"], "value": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"},
		{"path": ["configuration", "Url"], "value": "https://u:AKIAABCDEFGHIJKLMNOP@example.com/x"},
		{"path": ["configuration", "Notes", 0], "value": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
		{"path": ["supplementaryConfiguration", "Code"], "value": "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"},
		{"path": ["configuration", "Dsn"], "value": "postgresql://admin:S3cretPw@db.internal/features"},
	]) == {
		["configuration", "Dsn"],
		["tags", "deploy"],
		["configuration", "Url"],
		["configuration", "Notes", 0],
		["supplementaryConfiguration", "Code"],
	}
}

# The name is not read outside an environment: a key that says "secret" or "token" holds a
# setting there, and a value not shaped like a credential stays, whatever the engine sent.
test_keeps_values_not_shaped_like_credentials if {
	values_paths([
		{"path": ["tags", "secret-rotation"], "value": "enabled"},
		{"path": ["configuration", "TokenizerConfig"], "value": "sk-short"},
		{"path": ["configuration", "Hash"], "value": "0123456789abcdef0123456789abcdef01234567"},
		{"path": ["configuration", "SecretArn"], "value": "arn:aws:secretsmanager:us-east-1:111122223333:secret:db"},
		{"path": ["configuration", "Count"], "value": 40},
	]) == set()
}

# A value cafscan redacted before stays redacted when that inventory is scanned again.
test_keeps_a_redacted_value_redacted if {
	values_paths([{"path": ["tags", "t"], "value": "[redacted by cafscan: looked like a credential]"}]) == {["tags", "t"]}
}

# Without input.values (an older engine, or no value shaped like a credential) nothing is added.
test_no_values_no_paths if {
	paths := redaction.paths with input as {"candidates": []}
	paths == set()
}
