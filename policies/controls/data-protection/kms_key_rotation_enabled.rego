# METADATA
# title: Customer managed KMS keys protecting AI data rotate their key material automatically
# description: >-
#   Automatic rotation is on for customer managed symmetric encryption keys whose key
#   material AWS KMS generated (supplementaryConfiguration.KeyRotationStatus). AWS managed
#   keys rotate on their own; asymmetric and HMAC keys, keys with imported material or in
#   custom key stores cannot rotate automatically, and keys pending deletion are on their
#   way out, so all of these are not applicable.
# custom:
#   id: CAFAI-DP-05
#   capability: data-protection
#   component: model
#   severity: medium
#   resource_types: ["AWS::KMS::Key"]
#   scope: linked
#   linked_components: ["input", "model", "output"]
#   caf_section: "Data protection"
#   rationale: >-
#     CAF-AI Data protection asks for continuing control over the data used to build and
#     run AI, secured at rest throughout its life. The keys protecting training data, model
#     artifacts and endpoint volumes are long-lived; rotating their material regularly
#     limits how much data any single key version protects and how long a leaked or
#     misused version stays useful, without re-encrypting anything or breaking consumers.
#   remediation:
#     console: >-
#       KMS console > Customer managed keys > the key > Key rotation > check "Automatically
#       rotate this KMS key every year" (or set a rotation period) > Save.
#     cli: aws kms enable-key-rotation --key-id KEY_ID --rotation-period-in-days 365
#     terraform: |-
#       resource "aws_kms_key" "this" {
#         description         = "ML data"
#         enable_key_rotation = true
#       }
package cafscan.controls.kms_key_rotation_enabled

import data.cafscan.lib

key_spec := spec if {
	spec := lib.configuration.keySpec
	is_string(spec)
} else := spec if {
	spec := lib.configuration.customerMasterKeySpec
	is_string(spec)
}

out_of_scope if lib.configuration.keyManager == "AWS"

# key_spec is a string by construction.
out_of_scope if key_spec != "SYMMETRIC_DEFAULT"

out_of_scope if lib.configuration.keyState in {"PendingDeletion", "PendingReplicaDeletion"}

# Imported key material (EXTERNAL) and custom key stores (AWS_CLOUDHSM,
# EXTERNAL_KEY_STORE) do not support automatic rotation.
out_of_scope if {
	origin := lib.configuration.origin
	is_string(origin)
	origin != "AWS_KMS"
}

rotation := lib.supplementary.KeyRotationStatus

rotation_on if rotation == true

rotation_on if {
	is_string(rotation)
	lower(rotation) == "true"
}

rotation_off if rotation == false

rotation_off if {
	is_string(rotation)
	lower(rotation) == "false"
}

manager_recorded if is_string(lib.configuration.keyManager)

missing contains "the key's manager (AWS or customer) is not in the inventory" if not manager_recorded

missing contains "the key's spec is not in the inventory" if not key_spec

missing contains "the key's rotation status is not in the inventory" if {
	not rotation_on
	not rotation_off
}

violations contains concat("", ["KMS key ", lib.label, " does not have automatic key rotation enabled."]) if rotation_off
