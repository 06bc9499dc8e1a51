package cafscan.tests.lib_trail_selectors

import data.cafscan.lib.trail_selectors as selectors

# Any operator with a value sets a condition; none, or only empty lists, sets none.
test_unconditioned_only_without_any_operator_value if {
	selectors.unconditioned({"field": "userIdentity.arn"})
	selectors.unconditioned({"field": "userIdentity.arn", "equals": [], "notEndsWith": []})
	every operator in ["equals", "startsWith", "endsWith", "notEquals", "notStartsWith", "notEndsWith"] {
		not selectors.unconditioned({"field": "userIdentity.arn", operator: ["x"]})
	}
}

test_admits_with_each_operator if {
	value := "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn"
	selectors.admits({"field": "resources.ARN"}, value)
	selectors.admits({"field": "resources.ARN", "equals": [value]}, value)
	not selectors.admits({"field": "resources.ARN", "equals": ["other"]}, value)
	selectors.admits({"field": "resources.ARN", "startsWith": ["arn:aws:sagemaker:"]}, value)
	not selectors.admits({"field": "resources.ARN", "startsWith": ["arn:aws:s3:"]}, value)
	selectors.admits({"field": "resources.ARN", "endsWith": ["/churn"]}, value)
	not selectors.admits({"field": "resources.ARN", "endsWith": ["/fraud"]}, value)
	not selectors.admits({"field": "resources.ARN", "notEquals": [value]}, value)
	not selectors.admits({"field": "resources.ARN", "notStartsWith": ["arn:aws:sagemaker:"]}, value)
	not selectors.admits({"field": "resources.ARN", "notEndsWith": ["/churn"]}, value)
	selectors.admits({"field": "resources.ARN", "notEndsWith": ["/fraud"], "startsWith": ["arn:"]}, value)

	# A single value where the API has a list is read as one.
	selectors.admits({"field": "resources.ARN", "equals": value}, value)
}
