# METADATA
# title: A multi-region CloudTrail trail records API activity in the account
# description: >-
#   The account has at least one CloudTrail trail that applies to all regions, so every
#   management API call made to SageMaker AI, Bedrock, S3, IAM and the other services behind
#   an AI workload is recorded and kept beyond the 90-day event history, whatever region it is
#   made in. Whether the trail is currently logging is not part of the recorded configuration
#   and is not checked.
# custom:
#   id: CAFAI-SA-01
#   capability: security-assurance
#   component: model
#   severity: high
#   resource_types: ["AWS::::Account"]
#   related_resource_types: ["AWS::CloudTrail::Trail"]
#   caf_section: "Security assurance"
#   rationale: >-
#     CAF-AI Security assurance asks for audit mechanisms that show adherence to the control
#     framework and, for the model component, reveal where AI capabilities are used in the
#     organization and how models use data. The API record CloudTrail keeps (who created,
#     trained, deployed or invoked a model, who changed its role or its data) is the
#     foundation of that audit, and it is only complete when it covers every region, including
#     the ones where nobody expected an AI workload to appear.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > Create trail: name it, choose an S3 bucket and a KMS key,
#       enable log file validation (and, from the management account, "Enable for all accounts
#       in my organization"), create it. Trails created in the console apply to all regions;
#       a single-region trail made with the CLI or API can be switched with update-trail.
#     cli: >-
#       aws cloudtrail create-trail --name management-events --s3-bucket-name BUCKET
#       --is-multi-region-trail --enable-log-file-validation --kms-key-id KEY_ARN
#       && aws cloudtrail start-logging --name management-events
#       (or aws cloudtrail update-trail --name TRAIL --is-multi-region-trail)
#     terraform: |-
#       resource "aws_cloudtrail" "management" {
#         name                          = "management-events"
#         s3_bucket_name                = aws_s3_bucket.trail.id
#         is_multi_region_trail         = true
#         include_global_service_events = true
#         enable_log_file_validation    = true
#         kms_key_id                    = aws_kms_key.trail.arn
#       }
#   references:
#     - id: GENSEC03-BP01
#       source: AWS Well-Architected Generative AI Lens
package cafscan.controls.cloudtrail_multi_region_trail

import data.cafscan.lib

trail_type := "AWS::CloudTrail::Trail"

# A multi-region trail covers every region, so a trail of this account in any region counts.
has_multi_region_trail if {
	some trail in lib.same_account_of_type(trail_type)
	trail.configuration.isMultiRegionTrail == true
}

missing contains reason if {
	not has_multi_region_trail
	reason := lib.uncollected_reason(trail_type, "CloudTrail trails")
}

violations contains sprintf("No multi-region CloudTrail trail records API activity for %s.", [lib.label]) if {
	not has_multi_region_trail
	lib.collected(trail_type)
}
