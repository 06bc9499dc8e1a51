# METADATA
# title: SageMaker endpoint configurations run each production variant on more than one instance
# description: >-
#   Every instance-based production variant of the endpoint configuration starts with
#   InitialInstanceCount above one, so SageMaker spreads the variant's instances over
#   several Availability Zones and the endpoint keeps answering when one instance or zone
#   fails. Serverless variants are not counted; a configuration with only serverless
#   variants is not applicable.
# custom:
#   id: CAFAI-IP-05
#   capability: infrastructure-protection
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::EndpointConfig"]
#   caf_section: "Infrastructure protection"
#   rationale: >-
#     CAF-AI Infrastructure protection is about securing the services that operate AI
#     workloads, including the endpoints that serve models, and availability is part of that
#     security. A variant on a single instance is a single point of failure: an instance
#     fault, a zone outage or a flood of requests takes the model's output offline, and
#     applications that depend on it fail with it.
#   remediation:
#     console: >-
#       Endpoint configurations cannot be edited. SageMaker console > Inference > Endpoint
#       configurations > the configuration > Clone, set the instance count of each
#       production variant to 2 or more, create it, then Endpoints > the endpoint > Change
#       endpoint configuration to the new one. Add auto scaling with a minimum of 2.
#     cli: >-
#       aws sagemaker create-endpoint-config --endpoint-config-name NAME-v2
#       --production-variants VariantName=AllTraffic,ModelName=MODEL,InstanceType=ml.m5.large,InitialInstanceCount=2
#       && aws sagemaker update-endpoint --endpoint-name ENDPOINT --endpoint-config-name NAME-v2
#     terraform: |-
#       resource "aws_sagemaker_endpoint_configuration" "this" {
#         name = "classifier-v2"
#         production_variants {
#           variant_name           = "AllTraffic"
#           model_name             = aws_sagemaker_model.this.name
#           instance_type          = "ml.m5.large"
#           initial_instance_count = 2
#         }
#       }
package cafscan.controls.sagemaker_endpoint_config_multi_instance

import data.cafscan.lib

variants := v if {
	v := lib.configuration.ProductionVariants
	is_array(v)
	count(v) > 0
}

instance_variants := [v | some v in variants; not serverless(v)]

serverless(variant) if is_object(variant.ServerlessConfig)

variant_name(variant) := object.get(variant, "VariantName", "(unnamed)")

count_recorded(variant) if is_number(variant.InitialInstanceCount)

out_of_scope if {
	variants
	count(instance_variants) == 0
}

missing contains "the endpoint configuration's production variants are not in the inventory" if not variants

missing contains concat("", ["the initial instance count of production variant ", lib.text(variant_name(v)), " is not in the inventory"]) if {
	some v in instance_variants
	not count_recorded(v)
}

# A variant whose count is not a number is reported by missing, which wins over violations.
violations contains msg if {
	some v in instance_variants
	v.InitialInstanceCount <= 1
	msg := concat("", [
		"Endpoint configuration ", lib.label, " runs production variant ", lib.text(variant_name(v)), " on ", lib.text(v.InitialInstanceCount), " instance, so it has no redundancy.",
	])
}
