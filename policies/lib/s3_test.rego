package cafscan.tests.lib_s3

import data.cafscan.lib.s3

bucket(encryption) := {"resource": {
	"type": "AWS::S3::Bucket", "arn": "arn:aws:s3:::training-data", "name": "training-data",
	"configuration": {}, "supplementaryConfiguration": {"ServerSideEncryptionConfiguration": encryption},
}}

rule(algorithm) := {"applyServerSideEncryptionByDefault": {"sseAlgorithm": algorithm}, "bucketKeyEnabled": false}

# What a message says the bucket uses: every algorithm of its rules, or "none".
test_algorithms_text_names_every_algorithm if {
	s3.algorithms_text == "AES256, aws:kms" with input as bucket({"rules": [rule("AES256"), rule("aws:kms")]})
	s3.algorithms_text == "AES256" with input as bucket({"rules": rule("AES256")})
	s3.algorithms_text == "aws:kms:dsse" with input as bucket({"rules": [rule(null), rule("aws:kms:dsse")]})
}

test_algorithms_text_is_none_without_an_algorithm if {
	s3.algorithms_text == "none" with input as bucket({"rules": []})
	s3.algorithms_text == "none" with input as bucket({"rules": [rule(null)]})
	s3.algorithms_text == "none" with input as bucket(null)
}
