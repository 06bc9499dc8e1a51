# METADATA
# title: AWS Config records the AI resources of each region
# description: >-
#   The region has an AWS Config configuration recorder that is recording, whose last
#   recording attempt did not fail, and that records the resource types holding AI workloads
#   and their data which cafscan checks from Config: S3 buckets and SageMaker notebook
#   instances, models and endpoint configurations (all supported types, all but a list of
#   exclusions that spares them, or an inclusion list that names them). Read from the
#   configRecorder fact of live collection; without it (an AWS Config snapshot source, or a
#   denied DescribeConfigurationRecorders or DescribeConfigurationRecorderStatus) the result
#   is not evaluated.
# custom:
#   id: CAFAI-SA-03
#   capability: security-assurance
#   component: input
#   severity: medium
#   resource_types: ["AWS::::Account"]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks to monitor and evaluate AI workloads continuously and to
#     establish audit mechanisms that show adherence to the control framework, for the input
#     data as much as for the model. AWS Config is that mechanism for configuration: it keeps
#     the history of every change to the buckets of training data and to notebooks, models and
#     endpoint configurations, feeds Config rules and conformance packs, and lets an auditor
#     show what a resource looked like when a model was trained or an incident happened.
#   remediation:
#     console: >-
#       AWS Config console (in this region) > Settings (or Get started) > Recording strategy:
#       "All resource types with customizable overrides" (or at least S3 buckets and the
#       SageMaker types) > choose the delivery S3 bucket and the service-linked role > Save,
#       and make sure recording is on (Settings > Recorder > Turn on recording). Investigate
#       the recorder's last error if it reports a failure.
#     cli: >-
#       aws configservice put-configuration-recorder --configuration-recorder
#       name=default,roleARN=arn:aws:iam::ACCOUNT_ID:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig
#       --recording-group allSupported=true,includeGlobalResourceTypes=false
#       && aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=BUCKET
#       && aws configservice start-configuration-recorder --configuration-recorder-name default
#     terraform: |-
#       resource "aws_config_configuration_recorder" "this" {
#         name     = "default"
#         role_arn = aws_iam_service_linked_role.config.arn
#         recording_group {
#           all_supported = true
#         }
#       }
#       resource "aws_config_delivery_channel" "this" {
#         name           = "default"
#         s3_bucket_name = aws_s3_bucket.config.id
#         depends_on     = [aws_config_configuration_recorder.this]
#       }
#       resource "aws_config_configuration_recorder_status" "this" {
#         name       = aws_config_configuration_recorder.this.name
#         is_enabled = true
#         depends_on = [aws_config_delivery_channel.this]
#       }
#   references:
#     - id: Recording AWS resources with AWS Config
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html
package cafscan.controls.config_recorder_ai_coverage

import data.cafscan.lib
import data.cafscan.lib.account_facts

fact := "configRecorder"

# The Config-recordable types of AI workloads and their data that cafscan's controls check.
ai_types := [
	"AWS::S3::Bucket",
	"AWS::SageMaker::NotebookInstance",
	"AWS::SageMaker::Model",
	"AWS::SageMaker::EndpointConfig",
]

recorder := lib.configuration[fact]

has_recorder if is_object(recorder)

# Recorded as null (and no error): the region has no recorder.
no_recorder if {
	account_facts.recorded(lib.configuration, fact)
	recorder == null
	not lib.configuration.factErrors[fact]
}

recorder_name := object.get(recorder, "name", "(unnamed)")

exclusions := lib.as_array(object.get(recorder, "exclusionResourceTypes", []))

records(type) if {
	recorder.allSupported == true
	not type in exclusions
}

records(type) if {
	recorder.recordingStrategy == "EXCLUSION_BY_RESOURCE_TYPES"
	not type in exclusions
}

records(type) if type in lib.as_array(object.get(recorder, "resourceTypes", []))

unrecorded := [type | some type in ai_types; not records(type)]

recording_known if is_boolean(recorder.recording)

missing contains reason if {
	reason := account_facts.own_unknown_reason(fact, "the region's AWS Config recorder")
}

missing contains concat("", ["whether the AWS Config recorder ", lib.text(recorder_name), " is recording is not in the inventory"]) if {
	has_recorder
	not recording_known
}

violations contains concat("", ["No AWS Config configuration recorder exists in ", lib.label, "."]) if no_recorder

violations contains concat("", ["The AWS Config recorder ", lib.text(recorder_name), " in ", lib.label, " is not recording."]) if {
	recorder.recording == false
}

violations contains msg if {
	recorder.recording == true
	is_string(recorder.lastStatus)
	lower(recorder.lastStatus) == "failure"
	msg := concat("", ["The AWS Config recorder ", lib.text(recorder_name), " in ", lib.label, " failed its last recording attempt (", lib.text(object.get(recorder, "lastErrorCode", null)), ")."])
}

violations contains msg if {
	has_recorder
	count(unrecorded) > 0
	msg := concat("", ["The AWS Config recorder ", lib.text(recorder_name), " in ", lib.label, " does not record ", concat(", ", unrecorded), "."])
}
