package cafscan.tests.ai_service_role_not_admin

import data.cafscan.testing

id := "CAFAI-IAM-01"

trust(service) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}

document(action, resource) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]}

scoped := document(["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::training-data", "arn:aws:s3:::training-data/*"])

admin := document("*", "*")

role(service, attached, inline) := {
	"type": "AWS::IAM::Role", "id": "AROAEXAMPLE", "arn": "arn:aws:iam::111122223333:role/sm-exec",
	"name": "sm-exec", "accountId": "111122223333", "region": "global",
	"configuration": {
		"roleName": "sm-exec", "path": "/", "arn": "arn:aws:iam::111122223333:role/sm-exec",
		"assumeRolePolicyDocument": trust(service),
		"attachedManagedPolicies": attached,
		"rolePolicyList": inline,
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

attachment(arn) := {"policyName": split(arn, "/")[count(split(arn, "/")) - 1], "policyArn": arn}

customer_policy_arn := "arn:aws:iam::111122223333:policy/ml-training"

customer_policy(default_document) := {
	"type": "AWS::IAM::Policy", "id": "ANPAEXAMPLE", "arn": customer_policy_arn,
	"name": "ml-training", "accountId": "111122223333", "region": "global",
	"configuration": {
		"policyName": "ml-training", "arn": customer_policy_arn, "defaultVersionId": "v2",
		"policyVersionList": [
			{"versionId": "v1", "isDefaultVersion": false, "document": admin},
			{"versionId": "v2", "isDefaultVersion": true, "document": default_document},
		],
	},
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

test_fails_with_administrator_access if {
	r := role("sagemaker.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AdministratorAccess")], [])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role sm-exec, assumable by sagemaker.amazonaws.com, has the AWS managed policy AdministratorAccess attached."]
}

test_fails_with_an_admin_inline_policy if {
	r := role(["bedrock.amazonaws.com", "lambda.amazonaws.com"], [], [{"policyName": "everything", "policyDocument": admin}])
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Role sm-exec, assumable by bedrock.amazonaws.com, has inline policy everything, which allows every action on every resource."]
}

test_fails_with_an_admin_customer_managed_policy if {
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	ctx := testing.context([customer_policy(admin)])
	testing.status(id, r) == "fail" with data.inventory as ctx
	testing.messages(id, r) == ["Role sm-exec, assumable by sagemaker.amazonaws.com, has customer managed policy ml-training, which allows every action on every resource."] with data.inventory as ctx
}

test_passes_with_scoped_policies if {
	r := role(
		"sagemaker.amazonaws.com", [
			attachment(customer_policy_arn),
			attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"),
		],
		[{"policyName": "read-data", "policyDocument": scoped}],
	)
	testing.status(id, r) == "pass" with data.inventory as testing.context([customer_policy(scoped)])
}

test_only_the_default_version_counts if {
	# v1 of the policy is admin, but v2 (the default) is scoped.
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	testing.status(id, r) == "pass" with data.inventory as testing.context([customer_policy(scoped)])
}

test_not_evaluated_when_an_attached_policy_is_not_in_the_inventory if {
	r := role("sagemaker.amazonaws.com", [attachment(customer_policy_arn)], [])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == [sprintf("the attached policy %s is not in the inventory", [customer_policy_arn])]
}

test_a_certain_violation_wins_over_missing_policies if {
	r := role(
		"sagemaker.amazonaws.com", [
			attachment(customer_policy_arn),
			attachment("arn:aws:iam::aws:policy/AdministratorAccess"),
		],
		[],
	)
	testing.status(id, r) == "fail"
}

test_not_evaluated_when_an_inline_policy_was_not_decoded if {
	r := role("sagemaker.amazonaws.com", [], [{"policyName": "garbled", "policyDocument": "%7Bbroken"}])
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the inline policy garbled could not be decoded"]
}

test_not_evaluated_without_the_trust_policy if {
	r := object.union(role("sagemaker.amazonaws.com", [], []), {"configuration": {"assumeRolePolicyDocument": null}})
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the role's trust policy is not in the inventory"]
}

test_not_applicable_to_roles_other_services_assume if {
	testing.not_applicable(id, role("ec2.amazonaws.com", [attachment("arn:aws:iam::aws:policy/AdministratorAccess")], []))
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(role("sagemaker.amazonaws.com", [], []), {"type": "AWS::IAM::User"}))
}
