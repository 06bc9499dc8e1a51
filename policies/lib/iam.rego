# IAM helpers shared by controls (kept apart from lib.rego; same package, so call them as
# lib.iam_*). Keys follow the inventory model: IAM documents are already decoded to objects.
package cafscan.lib

# AWS managed policies (arn:<partition>:iam::aws:policy/...) are never recorded as
# AWS::IAM::Policy resources, so they can only be judged by their ARN.
iam_aws_managed_policy(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/`, arn)

# The policy's name: the last segment of its ARN ("AdministratorAccess").
iam_policy_name(arn) := name if {
	parts := split(arn, "/")
	name := parts[count(parts) - 1]
}

# The document of the default version of a customer managed policy resource
# (configuration.policyVersionList[isDefaultVersion]); undefined when it is not recorded.
iam_default_policy_document(policy) := docs[0] if {
	versions := object.get(object.get(policy, "configuration", {}), "policyVersionList", [])
	docs := [v.document | some v in versions; v.isDefaultVersion == true]
	count(docs) > 0
}
