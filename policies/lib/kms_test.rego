package cafscan.tests.lib_kms

import data.cafscan.lib.kms

aws_managed := [
	"alias/aws/s3",
	"alias/aws/sagemaker",
	"alias/aws/ebs",
	"arn:aws:kms:us-east-1:111122223333:alias/aws/s3",
	"arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/s3",
	"arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/sagemaker",
]

customer := [
	"alias/ml-data",
	"alias/awsome-key",
	"alias/my/aws/key",
	"alias/AWS/s3",
	"alias/aws",
	"1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn:aws:kms:us-east-1:111122223333:alias/ml-data",
	"arn:aws-cn:kms:cn-north-1:111122223333:alias/awsome-key",
	"mrk-1234abcd12ab34cd56ef1234567890ab",
	# Not an ARN, though its fields fall in the same places.
	"urn:aws:kms:us-east-1:111122223333:alias/aws/s3",
]

test_aws_managed_aliases_by_name_and_arn if {
	every v in aws_managed {
		kms.aws_managed_alias(v)
		not kms.customer_key_ref(v)
	}
}

test_customer_aliases_key_ids_and_key_arns_are_not_aws_managed if {
	every v in customer {
		not kms.aws_managed_alias(v)
		kms.customer_key_ref(v)
	}
}

# Only an ARN of KMS carries a key's alias: another service's resource named alias/aws/… is not one.
test_an_arn_of_another_service_is_not_a_kms_alias if {
	not kms.aws_managed_alias("arn:aws:s3:::alias/aws/s3")
	not kms.aws_managed_alias("arn:aws:kms:us-east-1:111122223333:key/alias/aws/s3")
	not kms.aws_managed_alias("arn:aws:kms")
}

# The prefix is matched at the start only and case-sensitively.
test_the_prefix_only_at_the_start if {
	not kms.aws_managed_alias(" alias/aws/s3")
	not kms.aws_managed_alias("xalias/aws/s3")
	not kms.aws_managed_alias("ALIAS/AWS/S3")
}

test_no_key_is_no_customer_key if {
	every v in ["", null, 3, true, {}, [], ["alias/ml-data"]] {
		not kms.customer_key_ref(v)
		not kms.aws_managed_alias(v)
	}
}
