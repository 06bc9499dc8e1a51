package cafscan.tests.lib

import data.cafscan.lib

test_label_falls_back_to_id_when_name_is_null if {
	lib.label == "key-1" with input.resource as {"id": "key-1", "name": null}
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
