# Helpers on the KMS key references that resources record (a key id, key ARN, alias name or
# alias ARN, wherever a service accepts a key).
package cafscan.lib.kms

# AWS KMS reserves the alias prefix alias/aws/ for AWS managed keys
# (https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html): a customer cannot
# create an alias under it. Alias names are case-sensitive and the prefix is lower-case, so it is
# matched exactly ("alias/AWS/…" is a customer's alias).
aws_managed_prefix := "alias/aws/"

# v names an AWS managed key by its alias: the alias name ("alias/aws/s3") or the alias ARN
# ("arn:aws:kms:us-east-1:111122223333:alias/aws/s3", in any partition). A key id or key ARN
# does not say who manages the key and is not matched.
aws_managed_alias(v) if {
	is_string(v)
	startswith(v, aws_managed_prefix)
}

aws_managed_alias(v) if {
	is_string(v)
	startswith(v, "arn:")
	parts := split(v, ":")
	count(parts) >= 6
	parts[2] == "kms"

	# The resource part is the sixth field onward (an alias name holds no colon, but rejoin anyway).
	startswith(concat(":", array.slice(parts, 5, count(parts))), aws_managed_prefix)
}

# v names a key that can be a customer managed one: a non-empty string that is not an AWS
# managed key's alias. (A key id or key ARN is taken at its word: which keys AWS manages is not
# in the reference itself.)
customer_key_ref(v) if {
	is_string(v)
	v != ""
	not aws_managed_alias(v)
}
