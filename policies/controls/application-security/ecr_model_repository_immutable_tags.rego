# METADATA
# title: ECR repositories of model and training images have immutable image tags
# description: >-
#   The repository's ImageTagMutability is IMMUTABLE, so a tag that a SageMaker model,
#   endpoint or training job references always names the same image digest and cannot be
#   pushed over. IMMUTABLE_WITH_EXCLUSION passes too: every tag is immutable except those
#   its exclusion filters name (typically latest or dev-*), a deliberate per-tag choice;
#   it fails when a filter excludes every tag (`*`), and is not evaluated when the
#   exclusion filters (ImageTagMutabilityExclusionFilters) are not in the inventory.
#   MUTABLE and MUTABLE_WITH_EXCLUSION fail; a recorded repository without the setting is
#   MUTABLE, the default. Checked on repositories the AI asset graph links as model.
# custom:
#   id: CAFAI-AS-04
#   capability: application-security
#   component: model
#   severity: medium
#   resource_types: ["AWS::ECR::Repository"]
#   scope: linked
#   caf_section: "Application security"
#   rationale: >-
#     CAF-AI Application security asks to keep model artifacts in secure repositories, to
#     track provenance so output can be trusted, and to be able to roll a compromised model
#     back to a known good state. With mutable tags anyone who can push to the repository can
#     silently replace the image behind a tag a model or endpoint uses, so the next scale-out
#     or redeployment runs code nobody reviewed, and "roll back to v1.4" may not restore what
#     v1.4 was. Immutable tags make a tag a fixed, auditable name for one image.
#   remediation:
#     console: >-
#       ECR console > Private registry > Repositories > select the repository > Actions >
#       Edit > Image tag mutability: choose Immutable (or Immutable with exclusions for a
#       tag such as latest that must move) > Save. Existing tags are unaffected; new pushes
#       of an existing tag are rejected from then on, so build pipelines must push a new tag
#       (for example the commit id) per image.
#     cli: >-
#       aws ecr put-image-tag-mutability --repository-name REPOSITORY --image-tag-mutability IMMUTABLE
#     terraform: |-
#       resource "aws_ecr_repository" "inference" {
#         name                 = "ml/llama-inference"
#         image_tag_mutability = "IMMUTABLE"
#         image_scanning_configuration {
#           scan_on_push = true
#         }
#       }
#   references:
#     - id: Preventing image tags from being overwritten in Amazon ECR
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
package cafscan.controls.ecr_model_repository_immutable_tags

import data.cafscan.lib

# Missing data wins over violations (main.rego), and an empty configuration reads as MUTABLE
# (a known setting, without exclusions), so only the first `missing` rule needs this.
recorded := count(lib.configuration) > 0

# Absent in a recorded repository means MUTABLE (the CreateRepository and CloudFormation default).
mutability := m if {
	m := lib.configuration.ImageTagMutability
	is_string(m)
} else := "MUTABLE"

# CloudFormation's (and Config's) filter list; the API's field names are accepted too.
filters_recorded if is_array(lib.configuration.ImageTagMutabilityExclusionFilters)

filter_values contains value if {
	some f in lib.configuration.ImageTagMutabilityExclusionFilters
	value := object.get(f, "ImageTagMutabilityExclusionFilterValue", object.get(f, "filter", null))
	is_string(value)
}

# A filter made only of wildcards excludes every tag.
excludes_every_tag if {
	some value in filter_values
	replace(value, "*", "") == ""
}

missing contains "the repository's configuration is not in the inventory" if not recorded

missing contains "the repository's tag immutability exclusion filters are not in the inventory (ImageTagMutabilityExclusionFilters)" if {
	mutability == "IMMUTABLE_WITH_EXCLUSION"
	not filters_recorded
}

violations contains concat("", ["Repository ", lib.label, " has mutable image tags, so the image behind a tag a model uses can be replaced."]) if {
	mutability == "MUTABLE"
}

violations contains concat("", ["Repository ", lib.label, " has mutable image tags (only the tags its exclusion filters name are immutable)."]) if {
	mutability == "MUTABLE_WITH_EXCLUSION"
}

violations contains concat("", ["Repository ", lib.label, " excludes every tag from tag immutability (exclusion filter matching all tags)."]) if {
	mutability == "IMMUTABLE_WITH_EXCLUSION"
	excludes_every_tag
}

known_setting if mutability in {"MUTABLE", "IMMUTABLE", "MUTABLE_WITH_EXCLUSION", "IMMUTABLE_WITH_EXCLUSION"}

missing contains concat("", ["the repository's image tag mutability setting ", lib.text(mutability), " is not one cafscan knows"]) if {
	not known_setting
}
