package cafscan.tests.lib_iam_aws_managed

import data.cafscan.lib

all := {"administrator", "pass_every_role", "all_sagemaker", "all_bedrock", "privileged"}

# What each known AWS managed policy grants and which questions it answers, stated once more
# here so that a change to the table is a change to this test too (read from the AWS managed
# policy reference; see lib/iam_aws_managed.rego).
expected := {
	"AdministratorAccess": {"grants": all, "answers": all},
	"IAMFullAccess": {"grants": {"administrator", "pass_every_role", "privileged"}, "answers": all},
	"PowerUserAccess": {"grants": {"all_sagemaker", "all_bedrock", "privileged"}, "answers": all},
	"AmazonSageMakerFullAccess": {"grants": {"all_sagemaker", "pass_every_role"}, "answers": all},
	"AmazonBedrockFullAccess": {"grants": {"all_bedrock"}, "answers": all},
	"AmazonBedrockLimitedAccess": {"grants": set(), "answers": {"administrator", "all_sagemaker", "all_bedrock", "privileged"}},
	"AmazonSSMFullAccess": {"grants": {"privileged"}, "answers": {"privileged", "all_sagemaker", "all_bedrock"}},
	"AWSLambda_FullAccess": {"grants": {"privileged"}, "answers": {"privileged", "all_sagemaker", "all_bedrock"}},
	"AWSLambdaFullAccess": {"grants": {"privileged"}, "answers": {"privileged", "all_sagemaker", "all_bedrock"}},
	"AmazonEC2FullAccess": {"grants": {"privileged"}, "answers": {"privileged", "all_sagemaker", "all_bedrock"}},
	"DataScientist": {"grants": {"all_sagemaker"}, "answers": {"all_sagemaker"}},
	"ReadOnlyAccess": {"grants": set(), "answers": all},
	"ViewOnlyAccess": {"grants": set(), "answers": all},
	"SecurityAudit": {"grants": set(), "answers": all},
	"AmazonSageMakerReadOnly": {"grants": set(), "answers": all},
	"AmazonBedrockReadOnly": {"grants": set(), "answers": all},
	"AmazonS3ReadOnlyAccess": {"grants": set(), "answers": all},
	"CloudWatchLogsReadOnlyAccess": {"grants": set(), "answers": all},
	"AWSLambdaBasicExecutionRole": {"grants": set(), "answers": all},
	"AmazonSSMManagedInstanceCore": {"grants": set(), "answers": all},
	"AWS_ConfigRole": {"grants": set(), "answers": all},
}

test_the_questions if lib.iam_questions == all

test_every_known_policy_grants_and_answers_what_the_reference_says if {
	count(mismatches) == 0
}

mismatches contains ["grants too little", name, q] if {
	some name, e in expected
	some q in e.grants
	not lib.iam_aws_managed_grants(name, q)
}

mismatches contains ["grants too much", name, q] if {
	some name, e in expected
	some q in all
	not q in e.grants
	lib.iam_aws_managed_grants(name, q)
}

mismatches contains ["answers too little", name, q] if {
	some name, e in expected
	some q in e.answers
	not lib.iam_aws_managed_answers(name, q)
}

mismatches contains ["answers too much", name, q] if {
	some name, e in expected
	some q in all
	not q in e.answers
	lib.iam_aws_managed_answers(name, q)
}

# A policy the table does not know answers nothing and grants nothing.
test_an_unknown_policy_answers_nothing if {
	every q in all {
		not lib.iam_aws_managed_answers("AdministratorAccess-Amplify", q)
		not lib.iam_aws_managed_grants("AdministratorAccess-Amplify", q)
	}
}
