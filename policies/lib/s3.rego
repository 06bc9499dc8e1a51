# What S3 bucket controls judge, once. The same bucket setting matters for several AI components
# (training data, model artifacts, captured outputs), but one gap must be one finding: each
# check is one control whose linked_components name every component it covers (CAFAI-DP-01
# encryption, CAFAI-AS-01 versioning, CAFAI-SG-02 classification), never one control per
# component (the retired CAFAI-DP-12, CAFAI-IR-04 and CAFAI-SG-07 were such copies).
package cafscan.lib.s3

import data.cafscan.lib

# --- default encryption -------------------------------------------------------------------------

encryption := lib.supplementary.ServerSideEncryptionConfiguration

encryption_recorded if is_object(encryption)

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

uses_kms if {
	some rule in lib.as_array(encryption.rules)
	rule.applyServerSideEncryptionByDefault.sseAlgorithm in kms_algorithms
}

# The algorithms the bucket does use, for messages ("none" when there is no rule).
algorithms_text := concat(", ", algorithms) if {
	algorithms := [a |
		some rule in lib.as_array(encryption.rules)
		a := rule.applyServerSideEncryptionByDefault.sseAlgorithm
		is_string(a)
	]
	count(algorithms) > 0
} else := "none"

# --- versioning ---------------------------------------------------------------------------------

versioning_status := lib.supplementary.BucketVersioningConfiguration.status

versioning_recorded if is_string(versioning_status)

versioning_enabled if versioning_status == "Enabled"

# --- data classification tag ----------------------------------------------------------------------

classification_keys := ["data-classification", "classification", "dataclassification", "sensitivity", "data-sensitivity"]

# null when the source carries no tags or they could not be read (collectionErrors.Tags).
tags_recorded if is_object(input.resource.tags)

has_classification if {
	some key in classification_keys
	trim_space(lib.tag(key)) != ""
}
