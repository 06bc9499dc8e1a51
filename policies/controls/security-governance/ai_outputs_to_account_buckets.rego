# METADATA
# title: AI workloads write their outputs only to the account's own or approved S3 buckets
# description: >-
#   Every S3 destination an AI workload writes to is a bucket of the workload's own account, or
#   a bucket of another account that carries the tag output-destination-approved=true (key and
#   value case-insensitive): endpoint data capture and asynchronous inference results and
#   failures (endpoint configurations: DataCaptureConfig DestinationS3Uri, AsyncInferenceConfig
#   OutputConfig S3OutputPath/S3FailurePath), batch transform results and captured data
#   (TransformOutput S3OutputPath, DataCaptureConfig DestinationS3Uri), processing job outputs
#   (ProcessingOutputConfig Outputs S3Uri), shadow-test captures (InferenceExperiment
#   DataStorageConfig Destination), Bedrock customization job outputs (outputDataConfig s3Uri)
#   and Bedrock model invocation logs (the account's bedrockInvocationLogging s3Config and
#   largeDataDeliveryS3Config bucketName). As in CAFAI-SG-03, a bucket of another account is
#   recognised when the scan collected it, and a bucket found in no collected account is
#   "outside" only when the workload's account had its S3 buckets collected completely, and
#   unknown otherwise. A destination that is not an s3:// URI naming a bucket, an access point
#   alias, and Bedrock invocation logging that could not be read leave the result not evaluated.
#   Workloads without S3 destinations, and accounts without S3 invocation logging, are not
#   checked. AWS Config records endpoint configurations and the SageMaker jobs but not Bedrock
#   customization jobs or the invocation logging setting: on Config-only input those are judged
#   only when cafscan's account facts are added, and an account without the setting is not
#   evaluated.
# custom:
#   id: CAFAI-SG-95
#   capability: security-governance
#   component: output
#   severity: medium
#   resource_types: ["AWS::SageMaker::EndpointConfig", "AWS::SageMaker::TransformJob", "AWS::SageMaker::ProcessingJob", "AWS::SageMaker::InferenceExperiment", "AWS::Bedrock::ModelCustomizationJob", "AWS::::Account"]
#   related_resource_types: ["AWS::S3::Bucket", "AWS::::Account"]
#   related_fields:
#     "AWS::S3::Bucket": [tags]
#     "AWS::::Account": [configuration.collectedTypes]
#   caf_section: "Security governance"
#   rationale: >-
#     For the output component, CAF-AI Security governance asks for lifecycle management and
#     ownership of what AI creates: generated data is classified and governed like any other
#     data the organization owns. Outputs an AI workload writes straight into a bucket someone
#     else controls (a partner's, a former project account's, a typo's) leave that governance
#     the moment they are written: retention, encryption, access and deletion are then the
#     other owner's decisions. It is the output analogue of CAFAI-SG-03 and reuses its
#     approach: the own account is approved by default, another account's bucket only when its
#     owner tags it after the review. The tag is a separate one (output-destination-approved),
#     because approving a bucket as a source to read training data from is not approving it as
#     a place to send prompts, predictions and logs. A bucket in no collected account is
#     treated as SG-03 treats it: outside when the account's buckets were all collected (it is
#     then not the account's), unknown otherwise, never a pass.
#   remediation:
#     console: >-
#       Point the workload's output at a bucket of its own account: SageMaker console >
#       Inference > Endpoint configurations > Create endpoint configuration (data capture and
#       async output locations) then update the endpoint to it; batch transform and processing
#       jobs take the output location when they are started; Bedrock console > Settings >
#       Model invocation logging > S3 bucket. Where another account must receive outputs, have
#       its owner review the destination and tag the bucket output-destination-approved=true
#       (S3 console > the bucket > Properties > Tags), or replicate from an own bucket instead.
#     cli: >-
#       aws bedrock put-model-invocation-logging-configuration --logging-config
#       '{"s3Config":{"bucketName":"OWN_BUCKET","keyPrefix":"invocations/"},"textDataDeliveryEnabled":true}'
#       (for SageMaker, create an endpoint config with --data-capture-config
#       DestinationS3Uri=s3://OWN_BUCKET/capture and run aws sagemaker update-endpoint; or, in
#       the reviewed other account: aws s3api put-bucket-tagging --bucket BUCKET --tagging
#       'TagSet=[{Key=output-destination-approved,Value=true}]')
#     terraform: |-
#       resource "aws_sagemaker_endpoint_configuration" "fraud" {
#         name = "fraud-v2"
#         production_variants {
#           variant_name           = "primary"
#           model_name             = aws_sagemaker_model.fraud.name
#           initial_instance_count = 2
#           instance_type          = "ml.m5.large"
#         }
#         data_capture_config {
#           enable_capture              = true
#           initial_sampling_percentage = 100
#           destination_s3_uri          = "s3://${aws_s3_bucket.own_capture.bucket}/capture"
#           capture_options {
#             capture_mode = "InputAndOutput"
#           }
#         }
#       }
#     cloudformation: |-
#       FraudEndpointConfig:
#         Type: AWS::SageMaker::EndpointConfig
#         Properties:
#           ProductionVariants:
#             - VariantName: primary
#               ModelName: !GetAtt FraudModel.ModelName
#               InitialInstanceCount: 2
#               InstanceType: ml.m5.large
#           DataCaptureConfig:
#             EnableCapture: true
#             InitialSamplingPercentage: 100
#             DestinationS3Uri: !Sub s3://${OwnCaptureBucket}/capture
#             CaptureOptions:
#               - CaptureMode: Input
#               - CaptureMode: Output
#   references:
#     - id: Capture data from real-time endpoint
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html
#     - id: Monitor model invocation using CloudWatch Logs and Amazon S3
#       source: AWS documentation
#       url: https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html
package cafscan.controls.ai_outputs_to_account_buckets

import data.cafscan.lib

bucket_type := "AWS::S3::Bucket"

approval_tag := "output-destination-approved"

conf := lib.configuration

type := input.resource.type

account_id := input.resource.accountId

partition := split(input.resource.arn, ":")[1]

# --- where each workload writes: {"where": text, "uri": s3 URI} or {"where", "bucket": name} ----

uri_destination(where, uri) := {"where": where, "uri": uri} if {
	is_string(uri)
	uri != ""
}

destinations contains d if {
	type == "AWS::SageMaker::EndpointConfig"
	some where, uri in {
		"data capture (DataCaptureConfig DestinationS3Uri)": object.get(conf, ["DataCaptureConfig", "DestinationS3Uri"], null),
		"asynchronous inference results (S3OutputPath)": object.get(conf, ["AsyncInferenceConfig", "OutputConfig", "S3OutputPath"], null),
		"asynchronous inference failures (S3FailurePath)": object.get(conf, ["AsyncInferenceConfig", "OutputConfig", "S3FailurePath"], null),
	}
	d := uri_destination(where, uri)
}

destinations contains d if {
	type == "AWS::SageMaker::TransformJob"
	some where, uri in {
		"batch inference results (TransformOutput S3OutputPath)": object.get(conf, ["TransformOutput", "S3OutputPath"], null),
		"captured batch inference data (DataCaptureConfig DestinationS3Uri)": object.get(conf, ["DataCaptureConfig", "DestinationS3Uri"], null),
	}
	d := uri_destination(where, uri)
}

# A processing output's S3Uri is required: one that is absent or null is reported unknown.
destinations contains {"where": where, "uri": object.get(s3, "S3Uri", null)} if {
	type == "AWS::SageMaker::ProcessingJob"
	some i, output in lib.as_array(object.get(conf, ["ProcessingOutputConfig", "Outputs"], []))

	# Outputs to a feature group have no S3Output; object.get is undefined on a non-object.
	s3 := output.S3Output
	where := concat("", ["processing output ", lib.text(object.get(output, "OutputName", i + 1)), " (S3Output S3Uri)"])
}

destinations contains d if {
	type == "AWS::SageMaker::InferenceExperiment"
	d := uri_destination("captured shadow-test data (DataStorageConfig Destination)", object.get(conf, ["DataStorageConfig", "Destination"], null))
}

destinations contains d if {
	type == "AWS::Bedrock::ModelCustomizationJob"
	d := uri_destination("customization output (outputDataConfig s3Uri)", object.get(conf, ["outputDataConfig", "s3Uri"], null))
}

logging := conf.bedrockInvocationLogging

destinations contains {"where": where, "bucket": name} if {
	type == "AWS::::Account"
	some where, name in {
		"Bedrock model invocation logs (s3Config bucketName)": object.get(logging, ["s3Config", "bucketName"], null),
		"large Bedrock invocation payloads (largeDataDeliveryS3Config bucketName)": object.get(logging, ["cloudWatchConfig", "largeDataDeliveryS3Config", "bucketName"], null),
	}
	is_string(name)
	name != ""
}

# --- scope ---------------------------------------------------------------------------------------

recorded if count(conf) > 0

# Only account resources carry facts: the Bedrock invocation logging read failed.
logging_error := conf.factErrors.bedrockInvocationLogging

logging_recorded if is_object(logging)

# What keeps the destinations from being known: then the workload is not ruled out of scope.
scope_unknown contains "the workload's configuration is not in the inventory" if not recorded

scope_unknown contains concat("", ["Bedrock model invocation logging could not be read: ", lib.text(logging_error)])

scope_unknown contains "the Bedrock model invocation logging setting is not in the inventory" if {
	type == "AWS::::Account"
	not logging_error
	not logging_recorded
}

out_of_scope if {
	count(destinations) == 0
	count(scope_unknown) == 0
}

missing contains reason if some reason in scope_unknown

# --- which bucket, whose ---------------------------------------------------------------------------

bucket_of(d) := d.bucket

# "s3://bucket/key" splits into ["s3:", "", "bucket", "key"].
bucket_of(d) := name if {
	uri := d.uri
	startswith(lower(uri), "s3://")
	name := split(uri, "/")[2]
	name != ""
}

buckets := {name | some d in destinations; name := bucket_of(d)}

missing contains concat("", [d.where, " ", lib.text(d.uri), " is not an s3:// URI whose bucket can be read"]) if {
	some d in destinations
	not bucket_of(d)
}

# Access point and Object Lambda aliases stand in for a bucket whose owner they do not name.
alias(name) if endswith(name, "-s3alias")

alias(name) if endswith(name, "--ol-s3")

known(name) := lib.related(concat("", ["arn:", lib.text(partition), ":s3:::", lib.text(name)]))

# Only the names the inventory does not hold under their ARN are looked for (all are strings).
own_bucket_names := lib.account_buckets_named({name | some name in buckets; not known(name)})

foreign(name) if known(name).accountId != account_id

approved(name) if {
	some key, value in object.get(known(name), "tags", {})
	lower(key) == approval_tag
	lower(value) == "true"
}

tags_unknown(name) if {
	bucket := known(name)
	not is_object(object.get(bucket, "tags", null))
}

# Buckets of other accounts without the approval tag: known to be in another account, or in
# none that was collected. Where that cannot be decided (the tags of a foreign bucket, an
# incompletely collected account, an alias) a missing reason below makes the result not
# evaluated: missing data wins over violations in the router.
outside contains name if {
	some name in buckets
	foreign(name)
	not approved(name)
}

outside contains name if {
	some name in buckets
	not known(name)
	not name in own_bucket_names
}

missing contains concat("", ["S3 buckets were not collected completely for account ", lib.text(account_id), ", so whether output bucket ", name, " belongs to it is unknown"]) if {
	some name in buckets
	not known(name)
	not name in own_bucket_names
	not alias(name)
	not lib.account_collected(bucket_type)
}

missing contains concat("", ["the tags of bucket ", name, " (account ", lib.text(known(name).accountId), ") are not in the inventory, so whether it is an approved output destination is unknown"]) if {
	some name in buckets
	foreign(name)
	tags_unknown(name)
}

missing contains concat("", ["output location ", name, " is an S3 access point alias, whose bucket and owner are not in the inventory"]) if {
	some name in buckets
	alias(name)
}

noun := "Account " if type == "AWS::::Account"

else := ""

violations contains msg if {
	count(outside) > 0
	places := sort({concat("", [name, " (", d.where, ")"]) | some d in destinations; name := bucket_of(d); name in outside})
	msg := concat("", [
		noun, lib.label, " writes AI outputs to buckets outside account ", lib.text(account_id), " that are not tagged ", approval_tag, "=true: ", concat(", ", places), ".",
	])
}
