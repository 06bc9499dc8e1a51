#!/bin/sh
# cafscan --org as an AWS Batch array job: 4 shards (AWS_BATCH_JOB_ARRAY_INDEX 0…3 with
# CAFSCAN_SHARD_COUNT=4 in the job definition; keep SHARDS equal to it), then a merge job that
# starts once every child has succeeded. See docs/organizations.md#aws-batch.
#
# Before: a Fargate job queue, an EFS file system both job definitions mount (replace
# fs-0123456789abcdef0), the scanner role as job role (docs/iam-policy-management.json and
# docs/iam-policy.json; its trust must allow ecs-tasks.amazonaws.com), and the audit role in every
# member account (examples/cloudformation/cafscan-member-role.yaml).
set -eu
QUEUE=${QUEUE:?set QUEUE to your Batch job queue}
SHARDS=4

aws batch register-job-definition --cli-input-json file://cafscan-org-scan.json >/dev/null
aws batch register-job-definition --cli-input-json file://cafscan-org-merge.json >/dev/null

scan=$(aws batch submit-job --job-name cafscan-org-scan --job-queue "$QUEUE" \
  --job-definition cafscan-org-scan --array-properties size=$SHARDS --query jobId --output text)
merge=$(aws batch submit-job --job-name cafscan-org-merge --job-queue "$QUEUE" \
  --job-definition cafscan-org-merge --depends-on jobId="$scan" --query jobId --output text)
echo "scan: $scan  merge: $merge"
