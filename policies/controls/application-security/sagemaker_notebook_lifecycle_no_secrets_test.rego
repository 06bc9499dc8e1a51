package cafscan.tests.sagemaker_notebook_lifecycle_no_secrets

import data.cafscan.testing

id := "CAFAI-AS-50"

notebook(configuration) := {
	"type": "AWS::SageMaker::NotebookInstance", "id": "research",
	"arn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/research",
	"name": "research", "accountId": "111122223333", "region": "us-east-1",
	"configuration": object.union({"NotebookInstanceName": "research", "DirectInternetAccess": "Disabled"}, configuration),
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

# As the collector records it: the configuration's name and each script's entries.
with_scripts(on_create, on_start) := {
	"NotebookInstanceLifecycleConfigName": "research-setup",
	"LifecycleConfig": {
		"NotebookInstanceLifecycleConfigName": "research-setup",
		"OnCreate": [{"Environment": e} | some e in on_create],
		"OnStart": [{"Environment": e} | some e in on_start],
	},
}

test_fails_on_a_secret_assignment_and_names_it_not_its_value if {
	r := notebook(with_scripts([], [{"DB_PASSWORD": "hunter2-but-longer", "PIP_INDEX_URL": "https://pypi.org/simple"}]))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research's lifecycle configuration research-setup holds values that look like credentials: DB_PASSWORD (OnStart)."]
}

test_fails_on_a_credential_shaped_word_and_names_the_script if {
	r := notebook(with_scripts([{"(word 1)": "git.example.com/ml/research.git", "(word 2)": "AKIAIOSFODNN7EXAMPLE"}], []))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Notebook instance research's lifecycle configuration research-setup holds values that look like credentials: a credential-shaped value (OnCreate)."]
}

test_fails_on_a_url_password_from_either_script if {
	r := notebook(with_scripts([{"url_password": "s3cr3t-Passw0rd"}], [{"aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}]))
	testing.messages(id, r) == ["Notebook instance research's lifecycle configuration research-setup holds values that look like credentials: aws_secret_access_key (OnStart), url_password (OnCreate)."]
}

test_passes_on_references_and_plain_settings if {
	r := notebook(with_scripts(
		[{"ENV_NAME": "python3", "(word 1)": "/home/ec2-user/SageMaker/custom-miniconda"}],
		[{"DB_PASSWORD_ARN": "arn:aws:secretsmanager:us-east-1:111122223333:secret:research/db", "HF_HOME": "/home/ec2-user/SageMaker/.cache"}],
	))
	testing.status(id, r) == "pass"
}

# The remediation's own fix: a value the shell expands at start-up is a reference, not a literal.
test_passes_on_shell_expansions if {
	r := notebook(with_scripts([], [{
		"DB_PASSWORD": "$(aws secretsmanager get-secret-value --secret-id research/db --query SecretString --output text)",
		"HF_TOKEN": "${HF_TOKEN_FROM_SSM}",
		"API_KEY": "`cat /run/secrets/api-key`",
	}]))
	testing.status(id, r) == "pass"
}

# Only a whole backtick substitution is one; a literal that merely opens with one is judged.
test_a_value_opening_with_a_backtick_is_a_literal if {
	testing.status(id, notebook(with_scripts([], [{"DB_PASSWORD": "`Tr0ub4dor-and-3"}]))) == "fail"
	testing.status(id, notebook(with_scripts([], [{"DB_PASSWORD": "``"}]))) == "fail"
	testing.status(id, notebook(with_scripts([], [{"DB_PASSWORD": "Tr0ub4dor`"}]))) == "fail"
}

# The settings the collector reads beyond shell assignments (flags, key/value lines, quoted keys).
test_fails_on_password_flags_and_key_value_lines if {
	r := notebook(with_scripts([], [{
		"mysql -p (password)": "CorrectHorseBattery9",
		"db_password": "Tr0ub4dor-and-3-horses",
		"OPENAI_API_KEY": "myInternalServiceKey123456",
	}]))
	testing.messages(id, r) == ["Notebook instance research's lifecycle configuration research-setup holds values that look like credentials: OPENAI_API_KEY (OnStart), db_password (OnStart), mysql -p (password) (OnStart)."]
}

test_an_empty_value_is_no_credential if {
	testing.status(id, notebook(with_scripts([], [{"DB_PASSWORD": "", "db_password": ""}]))) == "pass"
}

test_passes_on_empty_scripts if {
	testing.status(id, notebook(with_scripts([], []))) == "pass"
	testing.status(id, notebook(with_scripts([{}], [{}]))) == "pass"
}

# AWS Config's spelling of the name, with scripts a live scan read.
test_reads_the_config_spelling_of_the_name if {
	r := notebook({"LifecycleConfigName": "research-setup", "LifecycleConfig": {"OnStart": [{"Environment": {"API_TOKEN": "abcdef0123456789abcdef"}}]}})
	testing.status(id, r) == "fail"
}

# A word is judged by its value alone: a secret-sounding word that is not a credential passes.
test_a_word_is_judged_by_its_value_alone if {
	testing.status(id, notebook(with_scripts([{"(word 1)": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}], []))) == "fail"
	testing.status(id, notebook(with_scripts([{"(word 1)": "/opt/password-reset-tool/bin"}], []))) == "pass"
}

# What inventory.json keeps after redaction gives the same verdict and message.
test_a_redacted_inventory_gives_the_same_finding if {
	r := notebook(with_scripts([], [{"DB_PASSWORD": "[redacted by cafscan: looked like a credential]"}]))
	testing.messages(id, r) == ["Notebook instance research's lifecycle configuration research-setup holds values that look like credentials: DB_PASSWORD (OnStart)."]
}

test_entries_that_are_not_text_are_ignored if {
	testing.status(id, notebook(with_scripts([{"A_TOKEN": 7, "DB_PASSWORD": null, "X": {"a": "b"}}], []))) == "pass"
}

test_not_applicable_without_a_lifecycle_configuration if {
	testing.not_applicable(id, notebook({}))
	testing.not_applicable(id, notebook({"NotebookInstanceLifecycleConfigName": ""}))
	testing.not_applicable(id, notebook({"NotebookInstanceLifecycleConfigName": null, "LifecycleConfigName": ""}))
}

# AWS Config does not record the scripts.
test_not_evaluated_when_the_scripts_were_not_read if {
	r := notebook({"LifecycleConfigName": "research-setup"})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the lifecycle configuration research-setup's scripts are not in the inventory: AWS Config does not record them, and a live scan reads them only for notebook instances it lists through the SageMaker API (not when the account's AWS Config recorder supplies the notebook instances)"]
}

test_not_evaluated_when_describing_the_configuration_failed if {
	r := object.union(notebook({"NotebookInstanceLifecycleConfigName": "research-setup"}), {"collectionErrors": {"LifecycleConfig": "sagemaker:DescribeNotebookInstanceLifecycleConfig was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"

	# The collection error is the reason, not AWS Config's gap.
	testing.messages(id, r) == ["the lifecycle configuration research-setup could not be read: sagemaker:DescribeNotebookInstanceLifecycleConfig was denied (AccessDeniedException)"]

	# An error recorded in another shape is still shown, as text.
	odd := object.union(notebook({"NotebookInstanceLifecycleConfigName": "research-setup"}), {"collectionErrors": {"LifecycleConfig": {"code": "ThrottlingException"}}})
	testing.messages(id, odd) == [`the lifecycle configuration research-setup could not be read: {"code":"ThrottlingException"}`]
}

# Scripts that were read win over a stale error.
test_scripts_read_are_judged_even_with_an_error_recorded if {
	r := object.union(notebook(with_scripts([], [{"DB_PASSWORD": "hunter2-but-longer"}])), {"collectionErrors": {"LifecycleConfig": "x"}})
	testing.status(id, r) == "fail"
}

test_not_evaluated_without_configuration if {
	r := json.patch(notebook({}), [{"op": "replace", "path": "/configuration", "value": {}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the notebook instance's configuration is not in the inventory"]
}

# A configuration of one key is still a recorded one.
test_a_configuration_of_one_key_is_evaluated if {
	r := json.patch(notebook({}), [{"op": "replace", "path": "/configuration", "value": {"NotebookInstanceLifecycleConfigName": "x"}}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the lifecycle configuration x's scripts are not in the inventory: AWS Config does not record them, and a live scan reads them only for notebook instances it lists through the SageMaker API (not when the account's AWS Config recorder supplies the notebook instances)"]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(notebook(with_scripts([], [{"DB_PASSWORD": "hunter2-but-longer"}])), {"type": "AWS::SageMaker::Model"}))
}

# Only the two scripts a lifecycle configuration has are read.
test_other_keys_of_the_recorded_configuration_are_not_scripts if {
	r := notebook({
		"NotebookInstanceLifecycleConfigName": "research-setup",
		"LifecycleConfig": {"OnStart": [], "Notes": [{"Environment": {"DB_PASSWORD": "hunter2-but-longer"}}]},
	})
	testing.status(id, r) == "pass"
}

test_a_name_that_is_not_text_is_no_configuration if {
	testing.not_applicable(id, notebook({"LifecycleConfigName": 5}))
}

# Describe failed: the List summary lacks the setting, so the control is not evaluated, not "not applicable".
test_not_evaluated_not_out_of_scope_when_describe_failed if {
	r := object.union(notebook({}), {"collectionErrors": {"configuration": "sagemaker:Describe was denied (AccessDeniedException)"}})
	testing.status(id, r) == "not_evaluated"
}
