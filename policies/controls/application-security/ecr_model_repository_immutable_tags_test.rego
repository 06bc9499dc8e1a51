package cafscan.tests.ecr_model_repository_immutable_tags

import data.cafscan.testing

id := "CAFAI-AS-04"

repository(configuration) := {
	"type": "AWS::ECR::Repository", "id": "ml/llama-inference",
	"arn": "arn:aws:ecr:us-east-1:111122223333:repository/ml/llama-inference",
	"name": "ml/llama-inference", "accountId": "111122223333", "region": "us-east-1",
	"configuration": configuration,
	"supplementaryConfiguration": {}, "tags": {}, "relationships": [],
}

base := {"RepositoryName": "ml/llama-inference", "RegistryId": "111122223333", "ImageScanningConfiguration": {"ScanOnPush": true}}

with_mutability(setting) := repository(object.union(base, {"ImageTagMutability": setting}))

exclusions(values) := {"ImageTagMutabilityExclusionFilters": [f |
	some v in values
	f := {"ImageTagMutabilityExclusionFilterType": "WILDCARD", "ImageTagMutabilityExclusionFilterValue": v}
]}

test_fails_with_mutable_tags if {
	testing.status(id, with_mutability("MUTABLE")) == "fail"
	testing.messages(id, with_mutability("MUTABLE")) == ["Repository ml/llama-inference has mutable image tags, so the image behind a tag a model uses can be replaced."]
}

test_fails_when_a_recorded_repository_has_no_setting if testing.status(id, repository(base)) == "fail"

test_fails_with_mutable_tags_and_immutable_exceptions if {
	r := repository(object.union(object.union(base, {"ImageTagMutability": "MUTABLE_WITH_EXCLUSION"}), exclusions(["v*"])))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Repository ml/llama-inference has mutable image tags (only the tags its exclusion filters name are immutable)."]
}

test_passes_with_immutable_tags if testing.status(id, with_mutability("IMMUTABLE")) == "pass"

test_passes_with_immutable_tags_and_named_exclusions if {
	r := repository(object.union(object.union(base, {"ImageTagMutability": "IMMUTABLE_WITH_EXCLUSION"}), exclusions(["latest", "dev-*"])))
	testing.status(id, r) == "pass"
}

test_passes_with_exclusions_in_the_api_shape if {
	r := repository(object.union(base, {"ImageTagMutability": "IMMUTABLE_WITH_EXCLUSION", "ImageTagMutabilityExclusionFilters": [{"filter": "latest", "filterType": "WILDCARD"}]}))
	testing.status(id, r) == "pass"
}

test_fails_when_an_exclusion_matches_every_tag if {
	r := repository(object.union(object.union(base, {"ImageTagMutability": "IMMUTABLE_WITH_EXCLUSION"}), exclusions(["latest", "*"])))
	testing.status(id, r) == "fail"
	testing.messages(id, r) == ["Repository ml/llama-inference excludes every tag from tag immutability (exclusion filter matching all tags)."]
}

# The live collector does not record the exclusion filters: the result is not a guess.
test_not_evaluated_when_exclusions_are_not_recorded if {
	r := with_mutability("IMMUTABLE_WITH_EXCLUSION")
	testing.status(id, r) == "not_evaluated"
	testing.messages(id, r) == ["the repository's tag immutability exclusion filters are not in the inventory (ImageTagMutabilityExclusionFilters)"]
}

test_not_evaluated_with_an_unknown_setting if {
	testing.status(id, with_mutability("SOMETIMES")) == "not_evaluated"
	testing.messages(id, with_mutability("SOMETIMES")) == ["the repository's image tag mutability setting SOMETIMES is not one cafscan knows"]
}

test_not_evaluated_without_configuration if {
	testing.status(id, repository({})) == "not_evaluated"
	testing.messages(id, repository({})) == ["the repository's configuration is not in the inventory"]
}

# A sparse record is still a record: its one field decides.
test_fails_with_a_configuration_of_only_the_setting if {
	testing.status(id, repository({"ImageTagMutability": "MUTABLE"})) == "fail"
}

# AWS Config records an absent setting as null: the CreateRepository default, MUTABLE.
test_fails_when_the_setting_is_null if {
	testing.status(id, with_mutability(null)) == "fail"
}

test_fails_when_an_api_shaped_exclusion_matches_every_tag if {
	r := repository(object.union(base, {"ImageTagMutability": "IMMUTABLE_WITH_EXCLUSION", "ImageTagMutabilityExclusionFilters": [{"filter": "*", "filterType": "WILDCARD"}]}))
	testing.status(id, r) == "fail"
}

# Exclusion filters only matter with IMMUTABLE_WITH_EXCLUSION: a leftover "*" filter does not
# make an immutable repository fail, nor add a second finding to a mutable one.
test_a_catch_all_exclusion_only_counts_with_immutable_with_exclusion if {
	immutable := repository(object.union(object.union(base, {"ImageTagMutability": "IMMUTABLE"}), exclusions(["*"])))
	testing.status(id, immutable) == "pass"
	mutable := repository(object.union(object.union(base, {"ImageTagMutability": "MUTABLE_WITH_EXCLUSION"}), exclusions(["*"])))
	testing.messages(id, mutable) == ["Repository ml/llama-inference has mutable image tags (only the tags its exclusion filters name are immutable)."]
}

test_not_applicable_to_other_types if {
	testing.not_applicable(id, object.union(with_mutability("MUTABLE"), {"type": "AWS::Logs::LogGroup"}))
}

test_not_applicable_when_no_ai_workload_uses_it if testing.unlinked_not_applicable(id, with_mutability("MUTABLE"))

test_applies_only_where_linked_as_model if {
	testing.linked_status(id, with_mutability("MUTABLE"), ["model"]) == "fail"
	not testing.linked_status(id, with_mutability("MUTABLE"), ["input"])
}
