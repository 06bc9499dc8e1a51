package cafscan.tests.lib

import data.cafscan.lib

test_label_falls_back_to_id_when_name_is_null if {
	lib.label == "key-1" with input.resource as {"id": "key-1", "name": null}
	lib.label == "key-1" with input.resource as {"id": "key-1", "name": ""}
	lib.label == "bucket" with input.resource as {"id": "b-1", "name": "bucket"}
}

# Statement walking (single statements, trusted services, action wildcards) is tested in
# policy_test.rego with the library that does it (policies/lib/policy.rego).

test_secret_like_variables if {
	env := {"AWS_SECRET_ACCESS_KEY": "abc123abc123", "MODEL_NAME": "xgb", "DB_PASSWORD": "arn:aws:secretsmanager:us-east-1:1:secret:x", "X": "AKIAABCDEFGHIJKLMNOP"}
	lib.secret_like_variables(env) == {"AWS_SECRET_ACCESS_KEY", "X"}
}

test_collected_reads_account_coverage if {
	lib.collected("AWS::CloudTrail::Trail") with input.resource as {"configuration": {"collectedTypes": ["AWS::CloudTrail::Trail"]}}
	not lib.collected("AWS::CloudTrail::Trail") with input.resource as {"configuration": {"collectedTypes": []}}
}

test_secret_detection_by_name_and_by_value if {
	lib.looks_secret("OPENAI_API_KEY", "abc")
	lib.looks_secret("db-Password", "hunter2")
	not lib.looks_secret("DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:db")
	not lib.looks_secret("TOKENIZER", "{{resolve:secretsmanager:x}}")
	lib.looks_secret("X", "-----BEGIN RSA PRIVATE KEY-----\nMIIE")
	lib.looks_secret("X", "xoxb-1234567890-abcdef")
	lib.looks_secret("X", concat("", ["ghp_", "abcdefghijklmnopqrstuvwxyz0123456789"]))
	not lib.looks_secret("MODEL_NAME", "AKIA-is-not-a-key")
	not lib.looks_secret("SAGEMAKER_PROGRAM", "inference.py")
	lib.looks_secret("HF_TOKEN", "hf_abcdef")
	not lib.looks_secret("HF_TOKENIZER", "bert-base-uncased")
	not lib.looks_secret("MAX_NEW_TOKENS", "512")
}

# A password inside a URL (RFC 3986 userinfo) is a credential whatever the variable is called;
# a placeholder, a user without a password and ordinary URLs are not.
test_a_password_inside_a_url_is_a_secret if {
	lib.looks_secret("DATABASE_URL", "postgresql://admin:S3cretPw@db.internal:5432/features")
	lib.looks_secret("BROKER", "amqps://svc:p%40ss@mq.example.com")
	lib.looks_secret("REDIS_URL", "redis://:hunter2@cache:6379/0")
	not lib.looks_secret("DATABASE_URL", "postgresql://admin:${DB_PASSWORD}@db.internal/features")
	not lib.looks_secret("DATABASE_URL", "postgresql://admin:<password>@db.internal/features")
	not lib.looks_secret("DATABASE_URL", "mysql://admin:{{password}}@db/x")
	not lib.looks_secret("DATABASE_URL", "postgresql://admin@db.internal/features")
	not lib.looks_secret("ARTIFACTS", "s3://bucket/a:b@c")
	not lib.looks_secret("ENDPOINT", "http://[::1]:8080/invocations")
	not lib.looks_secret("REPO", "git+ssh://git@github.com/org/repo.git")
}

test_as_array_wraps_a_single_value_and_drops_other_kinds if {
	lib.as_array(["a"]) == ["a"]
	lib.as_array("a") == ["a"]
	lib.as_array({"Effect": "Allow"}) == [{"Effect": "Allow"}]
	lib.as_array(5) == []
	lib.as_array(null) == []
	lib.as_array(true) == []
}

test_has_tag_needs_one_of_the_keys_with_a_value if {
	lib.has_tag(["owner", "team"]) with input.resource as {"tags": {"Owner": "alice"}}
	not lib.has_tag(["owner", "team"]) with input.resource as {"tags": {"Owner": ""}}
	not lib.has_tag(["owner"]) with input.resource as {"tags": {"Team": "ml"}}
	not lib.has_tag(["owner"]) with input.resource as {}
}

# AWS tag keys are case-sensitive: keys equal but for case give one value, not a conflict.
test_tag_with_keys_equal_but_for_case_is_one_value if {
	lib.tag("owner") == "bob" with input.resource as {"tags": {"Owner": "alice", "owner": "bob"}}
	lib.tag("Owner") == "alice" with input.resource as {"tags": {"Owner": "alice", "owner": "bob"}}
	lib.tag("OWNER") == "alice" with input.resource as {"tags": {"owner": "bob", "Owner": "alice"}}
	lib.tag("owner") == "alice" with input.resource as {"tags": {"Owner": "alice", "owner": " "}}
	lib.tag("owner") == "bob" with input.resource as {"tags": {"OWNER": "", "owner": "bob"}}
	lib.tag("owner") == "" with input.resource as {"tags": {"OWNER": " ", "owner": ""}}
	lib.tag("team") == " " with input.resource as {"tags": {"TEAM": " ", "Team": ""}}
	lib.has_tag(["owner"]) with input.resource as {"tags": {"Owner": "alice", "owner": ""}}
	not lib.tag("owner") with input.resource as {"tags": {"team": "ml"}}
	not lib.tag("owner") with input.resource as {"tags": null}
}

# Each word of lib.secret_name_words on its own (no name below contains a second word).
test_every_secret_name_word_is_detected if {
	every name in [
		"MY_SECRET", "DB_PASSWORD", "DB_PASSWD", "OPENAI_API_KEY", "OPENAI-API-KEY", "OPENAIAPIKEY",
		"AWS_ACCESS_KEY", "AWS-ACCESS-KEY", "AWSACCESSKEY", "SSH_PRIVATE_KEY", "SSH-PRIVATE-KEY",
		"SSHPRIVATEKEY", "DB_CREDENTIAL",
	] {
		lib.looks_secret(name, "value-1")
	}
}

# A value that points at a secret (ARN, S3 URI, path, placeholder, dynamic reference) is not one.
test_references_are_not_secrets if {
	every value in ["arn:aws:secretsmanager:us-east-1:1:secret:db", "s3://bucket/key", "/run/secrets/db", "${DB_PASSWORD}", "{{resolve:ssm:db}}"] {
		not lib.looks_secret("DB_PASSWORD", value)
	}
	lib.looks_secret("DB_PASSWORD", "hunter2")
}

# Each credential shape lib.secret_value_pattern recognises, under a harmless name.
test_every_secret_value_shape_is_detected if {
	every value in [
		"AKIAABCDEFGHIJKLMNOP", "ASIAABCDEFGHIJKLMNOP", "ABIAABCDEFGHIJKLMNOP", "ACCAABCDEFGHIJKLMNOP",
		"A3TXABCDEFGHIJKLMNOP", "-----BEGIN PRIVATE KEY-----",
		concat("", ["ghp_", "abcdefghijklmnopqrstuvwxyz0123456789"]), concat("", ["gho_", "abcdefghijklmnopqrstuvwxyz0123456789"]),
		concat("", ["ghu_", "abcdefghijklmnopqrstuvwxyz0123456789"]), concat("", ["ghs_", "abcdefghijklmnopqrstuvwxyz0123456789"]),
		concat("", ["ghr_", "abcdefghijklmnopqrstuvwxyz0123456789"]), "xoxp-1234567890-abc",
		concat("", ["sk-", "abcdefghijklmnopqrstuvwxyz012345"]),
	] {
		lib.looks_secret("SETTING", value)
	}
	not lib.looks_secret("SETTING", concat("", ["sk-", "abcdefghijklmnopqrstuvwxyz01234"]))
}

test_secret_like_variables_only_judges_non_empty_strings if {
	lib.secret_like_variables({"DB_PASSWORD": "", "API_KEY": 12345, "SECRET": null, "TOKEN": "t-1"}) == {"TOKEN"}
}

# Fake keys of the shapes providers issue today, built with concat so that no secret scanner
# takes this file for a leak. Each is looked for in a variable whose name says nothing.
r20 := "Ab3dEf6hIj9lMn2pQr5t"

current_key_shapes := [
	concat("", ["sk-", "proj-", r20, r20, "_x-", r20]),
	concat("", ["sk-", "svcacct-", r20, r20]),
	concat("", ["sk-", "admin-", r20, r20]),
	concat("", ["sk-", "ant-api03-", r20, r20, r20, "-AA"]),
	concat("", ["sk-", "ant-admin01-", r20, r20]),
	concat("", ["sk-", r20, r20]),
	concat("", ["hf", "_", "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh"]),
	concat("", ["AI", "za", "SyA1b2C3d4E5f6G7h8I9j0K-L_M2n3O4p5Q"]),
	concat("", ["github", "_pat_", "11ABCDEFG0", r20, "_", r20, r20]),
	concat("", ["wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY"]),
	concat("", ["aws_secret_access_key = ", "wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY"]),
	concat(".", ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"]),
	concat("", ["Authorization: Bearer sk-", "proj-", r20, r20]),
	concat("", ["sk", "_live_", r20, r20]),
	concat("", ["\"", "wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY", "\""]),
	concat("", ["gsk", "_", r20, r20, r20]),
	concat("", ["r8", "_", r20, r20]),
	concat("", ["xai", "-", r20, r20, r20]),
	concat("", ["pplx", "-", r20, r20]),
	concat("", ["nvapi", "-", r20, r20, r20]),
	concat("", ["glpat", "-", r20]),
	concat("", ["GOCSPX", "-", r20, "abcdefgh"]),
	concat("", ["npm", "_", r20, r20]),
	# A key whose first character is one a wider trim would also strip.
	concat("", ["nJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY"]),
]

test_current_key_shapes_are_secrets if {
	every value in current_key_shapes {
		lib.looks_secret("SETTING", value)
	}
}

# Everyday values of model and training settings that share a prefix or a length with a key.
ordinary_values := [
	"mask-generation-pipeline-for-segment-anything-model",
	"task-sk-classification-of-long-documents-with-bert",
	"hf_transfer",
	"HF_HUB_ENABLE_HF_TRANSFER",
	"meta-llama/Llama-3.1-8B-Instruct",
	"3f786850e387550fdab836ed7e6dc881de23001b",
	"opt/ml/model/code/inference_handler_v2.py",
	"/opt/ml/model/checkpoints/epoch-0001/weights",
	"s3://training-data/AIzaProject/datasets",
	"eyJ-not-a-token",
	"sk-learn",
	"sklearn.ensemble.RandomForestClassifier",
	"huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04",
	"\"3f786850e387550fdab836ed7e6dc881de23001b\"",
	"xai-grok-2-vision-latest",
	# 40 characters with all three cases but a character no AWS secret key has, or of only two
	# of the three classes.
	"ModelPackageGroup-LlamaFineTune-Version2",
	"ABCDEF0123456789ABCDEF0123456789ABCDEF01",
	"MaskGenerationPipelineForSegmentAnything",
	"xai-grok-2-vision-latest-for-the-customer-support-assistant",
	"npm_config_cache",
	"nvapi-endpoint-for-llama-inference",
	"pplx-70b-online",
	"r8_cache",
	"gsk_",
]

test_ordinary_values_are_not_secrets if {
	every value in ordinary_values {
		not lib.looks_secret("SETTING", value)
	}
}

# lib.looks_secret runs only the pattern of a marker the value contains; on every sample it
# decides as the whole alternation would (each pattern contains one of its markers).
shape_hit(value) if {
	some shape in lib.secret_value_patterns
	lib.contains_any(value, shape.markers)
	regex.match(shape.pattern, value)
}

test_shapes_decide_as_the_whole_pattern if {
	samples := array.concat(current_key_shapes, ordinary_values)
	hits := {v | some v in samples; shape_hit(v)}
	hits == {v | some v in samples; regex.match(lib.secret_value_pattern, v)}
	count(hits) > 10
	count(hits) < count(samples)
}

# A shell expansion is a reference: `$(…)` and `${…}` by their opening, `…` only whole.
test_shell_expansions_are_references if {
	not lib.looks_secret("DB_PASSWORD", "$(aws secretsmanager get-secret-value --secret-id db --output text)")
	not lib.looks_secret("HF_TOKEN", "${HF_TOKEN_FROM_SSM}")
	not lib.looks_secret("API_KEY", "`cat /run/secrets/api-key`")
	not lib.looks_secret("API_KEY", "`w`")
	lib.looks_secret("API_KEY", "`Tr0ub4dor-and-3")
	lib.looks_secret("API_KEY", "Tr0ub4dor-and-3`")
	lib.looks_secret("API_KEY", "``")
	lib.looks_secret("API_KEY", "$Tr0ub4dor")
}

# An AWS secret key after its name, in any case, is found in a value under any name; a value
# that names a secret without "access" never reaches that regex (lib.aws_secret_key).
test_aws_secret_key_after_its_name if {
	key := concat("", ["wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY"])
	lib.looks_secret("SETTING", concat("", ["--aws_secret_access_key=", key, " --region eu-west-1"]))
	lib.looks_secret("SETTING", concat("", ["{\"AWS_SECRET_ACCESS_KEY\": \"", key, "\"}"]))
	lib.looks_secret("SETTING", concat("", ["AwsSecretAccessKey: ", key]))
	not lib.looks_secret("SETTING", concat("", ["aws_secret_access_key=", key, "0"]))
	not lib.looks_secret("SETTING", "arn:aws:secretsmanager:us-east-1:123456789012:secret:fraud/agents/case-api-key-Q1w2E3")
	not lib.looks_secret("SETTING", "aws_secret_access_key=from-the-instance-profile")
}
