#!/usr/bin/env node
// Generates the bundled demo account for `cafscan scan --demo`:
//   fixtures/demo/config-snapshot.json — the resources, as an AWS Config snapshot;
//   fixtures/demo/account-facts.json   — account- and region-level facts (a cafscan inventory).
// Written by hand beside them: cafscan.config.json (maps the tagged API stages into the asset
// graph) and cafscan.ignore.yaml (one accepted risk, so the reports show a suppressed finding).
// (fixtures/demo/cafscan.config.json, written by hand, maps the API stages into the asset graph.)
//
// The snapshot is an AWS Config snapshot exactly as Config delivers it to S3
// ({fileVersion, configSnapshotId, configurationItems}), with configuration items in the
// modern 1.3 shape: `ARN`/`awsAccountId`, `configuration` and `supplementaryConfiguration`
// as objects, tags as a map, IAM policy documents URL-encoded (encodeURIComponent), the S3
// AccessControlList as a JSON string and S3 bucket policies as plain JSON text. Types Config
// does not record (training jobs, endpoints, the model registry, monitoring schedules, Bedrock)
// and the parts of recorded types only live collection reads (CloudTrail status and event
// selectors, IAM credential report rows) are in the same envelope with exactly the
// `configuration` / `supplementaryConfiguration` the live collectors (src/collect/services)
// emit — as if `cafscan collect` had been merged into the snapshot.
// Account facts (Bedrock invocation logging, Macie, the Config recorder, the root user…) cannot
// be Config items; account-facts.json holds them on AWS::::Account resources for us-east-1 and
// eu-west-1, without collectedTypes/failedTypes (the scanner derives those from the snapshot).
// Deterministic: fixed timestamps, ids derived from fixed seeds, no randomness, no dependencies.
//
// THE STORY
// Account 123456789012 belongs to "fraud-detection", a small ML team that trains an XGBoost
// fraud scorer and an LLM that explains its decisions. us-east-1 is the main region; eu-west-1
// holds a smaller EU feature store. The platform team set the production path up carefully;
// the research/scratch side grew by hand. Every control has a good twin and a bad twin.
// Generic resources (buckets, keys, log groups, repositories, API stages) are checked where the
// AI asset graph links them to a workload; the "links" column says through what.
//
//   S3 buckets (us-east-1 unless noted)      links                                   results
//   fraud-detection-training-data-…          input: good training job, playbooks KB,  KMS, PAB, TLS-only, classification
//                                            both Bedrock custom models               tag, versioning, access logging,
//                                                                                     CloudTrail data events: all PASS
//   fraud-detection-model-artifacts-…        model: XGB models + packages, good job   not public, KMS, versioning,
//                                            output, good custom model output         classification tag PASS
//   fraud-detection-inference-capture-…      output: prod (and explainer) data        KMS, 90-day lifecycle, classification
//                                            capture, Bedrock invocation logs         tag, Macie PASS; object lock and
//                                                                                     versioning (Suspended) FAIL
//   fraud-xgb-canary-capture-…               output: v8 canary data capture           object lock (governance 30 d),
//                                                                                     versioning, Macie PASS; SSE-S3, no
//                                                                                     lifecycle, no
//                                                                                     classification tag FAIL
//   fraud-scratch-exports-…                  input: bad job, scratch KB;              everything FAIL (SSE-S3, no PAB,
//                                            model: LLM weights, bad job / bad        no policy, versioning Off, no tags,
//                                            custom model output, LLM package         no access logs, no data events)
//   fraud-detection-eu-features-… (eu-w-1)   input + model: EU training job           KMS, versioning, classification,
//                                                                                     data events (basic selector) PASS;
//                                                                                     partial PAB, no TLS-only, no access
//                                                                                     logs FAIL
//   fraud-detection-cloudtrail-logs-…        none (not AI data: no findings)
//   Account public access block: blockPublicAcls/ignorePublicAcls on, blockPublicPolicy and
//   restrictPublicBuckets off (account-level check FAIL), so the bucket-level settings decide.
//   No output bucket is outside us-east-1, where Macie is on: the Macie check cannot fail here.
//
//   IAM (global)
//   fraud-sagemaker-training-role      sagemaker trust; scoped inline policy      -> least privilege PASS
//   fraud-sagemaker-notebook-admin     sagemaker trust; AdministratorAccess +
//                                      inline ssm:SendCommand on *                -> FAIL (admin, remote exec)
//   fraud-bedrock-kb-role              bedrock trust (SourceAccount-scoped)       -> PASS
//   fraud-bedrock-agent-case-explainer / fraud-bedrock-agents-shared /
//   fraud-bedrock-invocation-logging   bedrock trust; no admin, no privileged
//                                      actions (the shared one may invoke any model) -> PASS
//   fraud-feature-pipeline-ec2 / fraud-feature-refresh-lambda /
//   fraud-cloudtrail-cloudwatch-logs   ec2 / lambda / cloudtrail trust            -> out of scope (not AI)
//   user priya.raman                   AmazonSageMakerFullAccess attached; console
//                                      password without MFA                       -> FAIL, FAIL
//   user marco.bianchi                 group fraud-data-scientists; password+MFA  -> PASS, PASS
//   user fraud-dashboard-reader        customer-managed fraud-detection-readonly,
//                                      access key, no password                    -> PASS
//   group fraud-data-scientists, policy fraud-detection-readonly (v2 default)  -> context
//   Root user (account-facts.json): MFA, no access keys.
//
//   KMS: fraud-detection data key (rotation on; linked everywhere) PASS; EU feature-store key in
//   eu-west-1 (rotation off; linked by the EU training job) FAIL; CloudTrail key not linked;
//   aws/sagemaker (keyManager AWS) not applicable.
//   CloudTrail: fraud-detection-audit (us-east-1, multi-region, log validation, KMS, CloudWatch
//   Logs; advanced selectors: S3 object events of the training data, SageMaker endpoint
//   invocations) PASS; fraud-eu-data-events (eu-west-1, single region, no validation, no KMS, no
//   CWL; basic selector for the EU bucket's objects) FAIL. (The multi-region trail covers both
//   regions, so an account-level "has a multi-region trail" check passes in both, and endpoint
//   invocations are logged account-wide: this one-account demo cannot fail those.)
//   GuardDuty: us-east-1 detector enabled with S3 Protection PASS; eu-west-1 detector disabled FAIL.
//   EventBridge: us-east-1 has an ENABLED aws.guardduty -> SNS rule PASS; eu-west-1 only an
//   aws.ec2 rule FAIL (GuardDuty findings there go nowhere).
//
//   SageMaker notebooks: fraud-feature-eng-notebook (VPC subnet, KMS, no internet, no root,
//   notebook-al2023-v1, IMDSv2, Owner tag) PASS everywhere; fraud-scratch-notebook (internet,
//   root, no KMS, no subnet, notebook-al2-v1 (support ended 2025-06-30, before the capture
//   time), IMDSv1, no Owner tag, admin role) FAIL everywhere.
//   SageMaker models: fraud-xgb-v7 / fraud-xgb-v8 (network isolation, VPC, harmless env, Owner
//   tag, image from fraud-models, deployed from Approved packages fraud-xgb/1 and /2) PASS;
//   fraud-llm-explainer (no isolation, no VPC, AWS_SECRET_ACCESS_KEY and API_TOKEN in the
//   container environment with obviously fake values, no Owner tag, Hugging Face TGI image from
//   ghcr.io, no model package, weights in the scratch bucket) FAIL.
//   Endpoint configs: fraud-xgb-v7-prod-config (KMS, 2 instances, capture Input+Output with
//   KMS) PASS; fraud-llm-explainer-config (ml.p3, no KMS, 1 instance, capture off) FAIL;
//   fraud-xgb-v8-canary-config (KMS, 2 instances, capture enabled but Input only, into the
//   canary capture bucket) partly FAIL.
//   Endpoints (InService): fraud-xgb-v7-prod (captures; DataQuality, ModelQuality and ModelBias
//   schedules; logs /aws/sagemaker/Endpoints/fraud-xgb-v7-prod with KMS, 365 days) PASS;
//   fraud-llm-explainer (no capture, no monitoring; log group without KMS, 14 days) FAIL.
//   Training jobs (last 90 days): fraud-xgb-train-2025-09-28 (isolation, 2 instances with
//   inter-container encryption, VPC, KMS volume + output, fraud-models image, harmless env,
//   reads training-data, writes model-artifacts) PASS; fraud-llm-finetune-scratch (none of
//   that, Docker Hub image, fake HF_TOKEN in the environment, reads scratch plus another
//   account's public bucket; on ml.g5, whose NVMe storage AWS encrypts in hardware, so only its
//   output lacks a KMS key) FAIL; fraud-eu-features-baseline-2025-09 (eu-west-1, good settings,
//   AWS's XGBoost image, EU key) PASS.
//   Model registry: group fraud-xgb (policy limited to the organization, two Approved versions)
//   PASS; fraud-llm (policy Principal "*", one PendingManualApproval version) FAIL.
//   Studio domains: fraud-ml-studio (VpcOnly, KMS) PASS; fraud-scratch-studio
//   (PublicInternetOnly, admin role) FAIL.
//   ECR: fraud-models (scan on push, IMMUTABLE; XGB images) PASS; fraud-llm-images (no scan,
//   MUTABLE; the pending LLM package's image) FAIL. Registry scanning BASIC in both regions.
//   Log groups: besides the endpoint ones, /aws/bedrock/invocations (no KMS, never expires) FAIL;
//   aws-cloudtrail-logs-fraud-detection not linked.
//   API Gateway (tagged ai:component=output, mapped to output by cafscan.config.json):
//   fraud-scoring/prod (*/* throttled 100 rps / burst 200, AWS WAF) PASS; fraud-explain/dev
//   (neither) FAIL.
//   VPC endpoints: us-east-1 has sagemaker.api, sagemaker.runtime and an S3 gateway but no
//   bedrock-runtime FAIL; eu-west-1 has all three interface endpoints it needs PASS.
//
//   Bedrock (us-east-1 unless noted)
//   guardrail fraud-explainer-strict   PROMPT_ATTACK HIGH, output filters HIGH, PII BLOCK /
//                                      ANONYMIZE, grounding + relevance, KMS         -> PASS
//   guardrail fraud-support-lax        prompt attack LOW, weak/missing output filters,
//                                      no PII policy, no grounding                   -> FAIL
//   guardrail fraud-eu-assistant (eu-w-1) filters HIGH/MEDIUM, PII detect-only (NONE),
//                                      no grounding                                  -> partly FAIL
//   agent fraud-case-explainer         own role, KMS, strict guardrail version "1"   -> PASS
//   agent fraud-analyst-helper         no guardrail, role shared with ops-triage     -> FAIL
//   agent fraud-ops-triage             lax guardrail as DRAFT, shared role           -> FAIL
//   knowledge base fraud-playbooks     training-data/playbooks/, data source CMK     -> PASS
//   knowledge base fraud-scratch-notes scratch bucket, data source without CMK       -> FAIL
//   custom model fraud-explainer-titan-v2      modelKmsKeyArn                        -> PASS
//   custom model fraud-explainer-titan-scratch no CMK, output to scratch             -> FAIL
//
//   Account facts (account-facts.json)      us-east-1                eu-west-1
//   bedrockInvocationLogging               S3 + CloudWatch, text    {"enabled": false} (has a
//                                                                   guardrail: FAIL)
//   macie                                  ENABLED                  DISABLED
//   configRecorder                         all types + global PASS  listed types, no SageMaker FAIL
//   guardDuty / ecrRegistryScanning        enabled / BASIC          disabled / BASIC
//   rootUser, iamPasswordPolicy, iamAccountSummary (global, on both)
//
//   ap-southeast-2: a data scientist's experiment in a region the team's Config recorder only
//   records SageMaker in (one notebook). No detector, rule, VPC endpoint or account fact is known
//   there, and the snapshot cannot say whether none exist: the region-level checks come out
//   not_evaluated, which is the honest answer, rather than a pass or an invented failure.
//   Not covered by any control (the scanner must keep and ignore them): AWS::EC2::VPC,
//   AWS::EC2::Subnet, AWS::Lambda::Function.
//
// Usage: node scripts/make-demo-snapshot.mjs   (writes both files in fixtures/demo/)

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ACCOUNT = '123456789012';
const MAIN = 'us-east-1';
const EU = 'eu-west-1';
const SNAPSHOT_ID = '5d8f2c3a-71e4-4b9d-a6c2-3e0f9b8d1a47';
const CAPTURE_BASE = Date.parse('2025-10-06T04:10:00.000Z');

const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'demo');
const OUT = join(DEMO_DIR, 'config-snapshot.json');
const FACTS_OUT = join(DEMO_DIR, 'account-facts.json');

// ---------------------------------------------------------------------------------------------
// deterministic ids

const hex = (seed) => createHash('sha256').update(`cafscan-demo:${seed}`).digest('hex');
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** An IAM unique id (AROA…, AIDA…, AGPA…, ANPA…, AIPA…): prefix + 17 base32 characters. */
const iamId = (prefix, seed) => {
  const h = hex(seed);
  let out = prefix;
  for (let i = 0; out.length < 21; i += 2) out += B32[parseInt(h.slice(i, i + 2), 16) % 32];
  return out;
};
const uuid = (seed) => {
  const h = hex(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const CANONICAL_OWNER = hex('s3-canonical-owner');
/** `n` characters of `alphabet` derived from a seed: Bedrock ids (10 upper-case), guardrail ids (12 lower-case)… */
const idFrom = (seed, n, alphabet) => {
  const h = hex(seed);
  let out = '';
  for (let i = 0; out.length < n; i += 2) out += alphabet[parseInt(h.slice(i % 64, (i % 64) + 2), 16) % alphabet.length];
  return out;
};
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

// ---------------------------------------------------------------------------------------------
// configuration-item builder

const items = [];

/** Adds one configuration item; capture times step by a fixed amount so they are distinct. */
function ci({ type, id, name = id, arn, region, az, created, tags = {}, relationships = [], configuration, supplementary = {} }) {
  const captured = CAPTURE_BASE + items.length * 4_731;
  items.push({
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: new Date(captured).toISOString(),
    configurationStateId: captured,
    awsAccountId: ACCOUNT,
    configurationItemStatus: 'OK',
    resourceType: type,
    resourceId: id,
    resourceName: name,
    ARN: arn,
    awsRegion: region,
    availabilityZone: az ?? (region === 'global' ? 'Not Applicable' : 'Regional'),
    configurationStateMd5Hash: '',
    resourceCreationTime: created,
    tags,
    relatedEvents: [],
    relationships,
    configuration,
    supplementaryConfiguration: supplementary,
  });
}

const rel = (resourceType, resourceId, resourceName, relName) => ({ resourceId, resourceName, resourceType, name: relName });
/** IAM policy documents are recorded URL-encoded. */
const urlDoc = (doc) => encodeURIComponent(JSON.stringify(doc));
const policy = (...Statement) => ({ Version: '2012-10-17', Statement });
const trust = (service, extra = {}) => policy({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...extra });
const tagList = (tags) => Object.entries(tags).map(([key, value]) => ({ key, value }));

// ---------------------------------------------------------------------------------------------
// names shared between resources

const bucket = {
  training: `fraud-detection-training-data-${ACCOUNT}`,
  artifacts: `fraud-detection-model-artifacts-${ACCOUNT}`,
  capture: `fraud-detection-inference-capture-${ACCOUNT}`,
  trail: `fraud-detection-cloudtrail-logs-${ACCOUNT}`,
  scratch: `fraud-scratch-exports-${ACCOUNT}`,
  eu: `fraud-detection-eu-features-${ACCOUNT}`,
  canary: `fraud-xgb-canary-capture-${ACCOUNT}`,
};
const s3Arn = (b, path) => `arn:aws:s3:::${b}${path === undefined ? '' : `/${path}`}`;

const keyIds = {
  data: uuid('kms-data'),
  trail: uuid('kms-cloudtrail'),
  sagemakerManaged: uuid('kms-aws-sagemaker'),
  eu: uuid('kms-eu'),
};
const keyArn = (region, id) => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;
const DATA_KEY = keyArn(MAIN, keyIds.data);
const TRAIL_KEY = keyArn(MAIN, keyIds.trail);
const EU_KEY = keyArn(EU, keyIds.eu);

const roleArn = (name, path = '/') => `arn:aws:iam::${ACCOUNT}:role${path}${name}`;
const ROLE = {
  training: { name: 'fraud-sagemaker-training-role', path: '/service-role/' },
  notebookAdmin: { name: 'fraud-sagemaker-notebook-admin', path: '/' },
  bedrock: { name: 'fraud-bedrock-kb-role', path: '/service-role/' },
  agentExplainer: { name: 'fraud-bedrock-agent-case-explainer', path: '/service-role/' },
  agentsShared: { name: 'fraud-bedrock-agents-shared', path: '/service-role/' },
  invocationLogging: { name: 'fraud-bedrock-invocation-logging', path: '/service-role/' },
  ec2: { name: 'fraud-feature-pipeline-ec2', path: '/' },
  lambda: { name: 'fraud-feature-refresh-lambda', path: '/service-role/' },
  cwl: { name: 'fraud-cloudtrail-cloudwatch-logs', path: '/service-role/' },
};
for (const r of Object.values(ROLE)) {
  r.arn = roleArn(r.name, r.path);
  r.id = iamId('AROA', `role:${r.name}`);
}

const READONLY_POLICY = {
  name: 'fraud-detection-readonly',
  arn: `arn:aws:iam::${ACCOUNT}:policy/fraud-detection-readonly`,
  id: iamId('ANPA', 'policy:fraud-detection-readonly'),
};
const GROUP = { name: 'fraud-data-scientists', id: iamId('AGPA', 'group:fraud-data-scientists') };

const vpc = { main: 'vpc-0c4e8a2f19b7d3e05', eu: 'vpc-07b1d95e3a2c4f680' };
const subnet = { a: 'subnet-0f3a9c1e7b2d45a61', b: 'subnet-02d7e6b8c91a3f4c5', eu: 'subnet-0a9e4c2b7d15f3e86' };
const SG_SAGEMAKER = 'sg-0a1b2c3d4e5f60718';
const LOG_GROUP = `arn:aws:logs:${MAIN}:${ACCOUNT}:log-group:aws-cloudtrail-logs-fraud-detection:*`;

const TEAM_TAGS = { Project: 'fraud-detection', CostCenter: 'ml-4410' };
const OWNER = 'ml-platform@fraud-detection.example.com';

// ---------------------------------------------------------------------------------------------
// S3

const denyInsecureTransport = (b) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [s3Arn(b), s3Arn(b, '*')],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

function s3Bucket({
  name,
  region = MAIN,
  created,
  tags = {},
  sse,
  pab,
  policyDoc,
  versioning,
  logging = null,
  lifecycle,
  objectLock,
}) {
  const supplementary = {
    AccessControlList: JSON.stringify({
      grantSet: null,
      grantList: [{ grantee: { id: CANONICAL_OWNER, displayName: null }, permission: 'FullControl' }],
      owner: { displayName: null, id: CANONICAL_OWNER },
      isRequesterCharged: false,
    }),
    BucketAccelerateConfiguration: { status: null },
    BucketLoggingConfiguration: { destinationBucketName: logging?.bucket ?? null, logFilePrefix: logging?.prefix ?? null },
    BucketNotificationConfiguration: { configurations: {} },
    BucketPolicy: { policyText: policyDoc ? JSON.stringify(policyDoc) : null },
    BucketVersioningConfiguration: { status: versioning, isMfaDeleteEnabled: null },
    IsRequesterPaysEnabled: false,
    ServerSideEncryptionConfiguration: {
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: sse.algorithm, kmsMasterKeyID: sse.key ?? null },
          bucketKeyEnabled: sse.algorithm === 'aws:kms',
        },
      ],
    },
  };
  if (Object.keys(tags).length) supplementary.BucketTaggingConfiguration = { tagSets: [{ tags }] };
  if (lifecycle) supplementary.BucketLifecycleConfiguration = { rules: lifecycle };
  if (pab) supplementary.PublicAccessBlockConfiguration = pab;
  // Config (and the live collector) record object lock only when it is on.
  if (objectLock) {
    supplementary.ObjectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { days: objectLock.days, mode: objectLock.mode, years: null } },
    };
  }
  ci({
    type: 'AWS::S3::Bucket',
    id: name,
    arn: s3Arn(name),
    region,
    created,
    tags,
    configuration: { name, owner: { displayName: null, id: CANONICAL_OWNER }, creationDate: created },
    supplementary,
  });
}

const PAB_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const accessLogs = (b) => ({ bucket: bucket.trail, prefix: `s3-access-logs/${b}/` });

// Good: KMS, full public access block, TLS-only policy, versioning, classification tag.
s3Bucket({
  name: bucket.training,
  created: '2023-09-12T14:03:51.000Z',
  tags: { ...TEAM_TAGS, 'data-classification': 'confidential', Owner: OWNER },
  sse: { algorithm: 'aws:kms', key: DATA_KEY },
  pab: PAB_ON,
  policyDoc: policy(denyInsecureTransport(bucket.training)),
  versioning: 'Enabled',
  logging: accessLogs(bucket.training),
});

s3Bucket({
  name: bucket.artifacts,
  created: '2023-09-12T14:05:10.000Z',
  tags: { ...TEAM_TAGS, 'data-classification': 'internal', Owner: OWNER },
  sse: { algorithm: 'aws:kms', key: DATA_KEY },
  pab: PAB_ON,
  policyDoc: policy(denyInsecureTransport(bucket.artifacts)),
  versioning: 'Enabled',
  logging: accessLogs(bucket.artifacts),
});

// Output: the prod endpoint's data capture and the Bedrock model invocation logs land here.
// Mostly good (KMS, 90-day lifecycle, classification tag), but versioning was suspended to save
// storage on high-volume capture files, so object lock (which needs versioning) is off.
s3Bucket({
  name: bucket.capture,
  created: '2024-02-20T09:41:27.000Z',
  tags: { ...TEAM_TAGS, 'data-classification': 'confidential' },
  sse: { algorithm: 'aws:kms', key: DATA_KEY },
  pab: PAB_ON,
  policyDoc: policy(
    {
      Sid: 'AllowBedrockInvocationLogs',
      Effect: 'Allow',
      Principal: { Service: 'bedrock.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: s3Arn(bucket.capture, `bedrock-invocations/AWSLogs/${ACCOUNT}/BedrockModelInvocationLogs/*`),
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${MAIN}:${ACCOUNT}:*` } },
    },
    denyInsecureTransport(bucket.capture),
  ),
  versioning: 'Suspended',
  lifecycle: [
    {
      id: 'expire-capture-after-90-days',
      status: 'Enabled',
      prefix: null,
      expirationInDays: 90,
      expirationDate: null,
      expiredObjectDeleteMarker: false,
      noncurrentVersionExpirationInDays: 30,
      transitions: [],
      noncurrentVersionTransitions: [],
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      filter: { predicate: { type: 'LifecyclePrefixPredicate', prefix: '' } },
    },
  ],
});

// Output: the v8 canary's data capture. Created from the compliance team's WORM template
// (versioning + object lock in governance mode), but with SSE-S3 only, no lifecycle rule
// (captured requests are kept forever) and no data-classification tag.
s3Bucket({
  name: bucket.canary,
  created: '2025-05-27T09:26:40.000Z',
  tags: { ...TEAM_TAGS, Owner: OWNER },
  sse: { algorithm: 'AES256' },
  pab: PAB_ON,
  policyDoc: policy(denyInsecureTransport(bucket.canary)),
  versioning: 'Enabled',
  objectLock: { mode: 'GOVERNANCE', days: 30 },
});

// CloudTrail log bucket: SSE-S3 default encryption (the trail itself encrypts with KMS),
// no data-classification tag.
s3Bucket({
  name: bucket.trail,
  created: '2023-08-30T17:22:04.000Z',
  tags: { ...TEAM_TAGS, Purpose: 'audit-logs' },
  sse: { algorithm: 'AES256' },
  pab: PAB_ON,
  policyDoc: policy(
    {
      Sid: 'AWSCloudTrailAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: s3Arn(bucket.trail),
    },
    {
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: s3Arn(bucket.trail, `AWSLogs/${ACCOUNT}/*`),
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
    {
      Sid: 'S3ServerAccessLogsPolicy',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: s3Arn(bucket.trail, 's3-access-logs/*'),
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    },
    denyInsecureTransport(bucket.trail),
  ),
  versioning: 'Enabled',
});

// Bad twin: created by hand for ad-hoc exports. SSE-S3, no bucket-level public access block,
// no bucket policy at all, versioning never enabled, no tags.
s3Bucket({
  name: bucket.scratch,
  created: '2024-11-05T21:48:33.000Z',
  tags: {},
  sse: { algorithm: 'AES256' },
  pab: undefined,
  policyDoc: null,
  versioning: 'Off',
});

// EU feature store: KMS (with the unrotated EU key) and versioning, but only a partial public
// access block and a bucket policy that grants the training role read access without
// requiring TLS.
s3Bucket({
  name: bucket.eu,
  region: EU,
  created: '2024-06-18T08:15:42.000Z',
  tags: { ...TEAM_TAGS, 'data-classification': 'confidential', Owner: OWNER },
  sse: { algorithm: 'aws:kms', key: EU_KEY },
  pab: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
  policyDoc: policy({
    Sid: 'AllowTrainingRoleRead',
    Effect: 'Allow',
    Principal: { AWS: ROLE.training.arn },
    Action: ['s3:GetObject', 's3:ListBucket'],
    Resource: [s3Arn(bucket.eu), s3Arn(bucket.eu, 'features/*')],
  }),
  versioning: 'Enabled',
});

// Account-level block: ACLs are blocked, public policies are not, so bucket settings decide.
ci({
  type: 'AWS::S3::AccountPublicAccessBlock',
  id: ACCOUNT,
  name: ACCOUNT,
  arn: null,
  region: MAIN,
  created: null,
  configuration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false },
});

// ---------------------------------------------------------------------------------------------
// IAM (global)

function iamRole({ role, created, description, trustDoc, inline = [], managed = [], lastUsed = null, instanceProfiles = [], tags = {}, relationships = [] }) {
  const assumeRolePolicyDocument = urlDoc(trustDoc);
  ci({
    type: 'AWS::IAM::Role',
    id: role.id,
    name: role.name,
    arn: role.arn,
    region: 'global',
    created,
    tags,
    relationships,
    configuration: {
      path: role.path,
      roleName: role.name,
      roleId: role.id,
      arn: role.arn,
      createDate: created,
      assumeRolePolicyDocument,
      instanceProfileList: instanceProfiles.map((p) => ({
        path: '/',
        instanceProfileName: p,
        instanceProfileId: iamId('AIPA', `instance-profile:${p}`),
        arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${p}`,
        createDate: created,
        roles: [
          {
            path: role.path,
            roleName: role.name,
            roleId: role.id,
            arn: role.arn,
            createDate: created,
            assumeRolePolicyDocument,
            description: null,
            maxSessionDuration: null,
            permissionsBoundary: null,
            tags: [],
            roleLastUsed: null,
          },
        ],
      })),
      rolePolicyList: inline.map(([policyName, doc]) => ({ policyName, policyDocument: urlDoc(doc) })),
      attachedManagedPolicies: managed.map(([policyName, policyArn]) => ({ policyName, policyArn })),
      permissionsBoundary: null,
      tags: tagList(tags),
      roleLastUsed: lastUsed,
      description,
      maxSessionDuration: 3600,
    },
  });
}

// Least-privilege SageMaker execution role: reads the training data, writes model artifacts.
iamRole({
  role: ROLE.training,
  created: '2023-09-12T14:20:16.000Z',
  description: 'SageMaker execution role for fraud-detection training jobs, hardened notebooks and models',
  trustDoc: trust('sagemaker.amazonaws.com'),
  inline: [
    [
      'fraud-training-data-access',
      policy(
        { Sid: 'ReadTrainingData', Effect: 'Allow', Action: 's3:GetObject', Resource: s3Arn(bucket.training, '*') },
        { Sid: 'ListTrainingData', Effect: 'Allow', Action: 's3:ListBucket', Resource: s3Arn(bucket.training) },
        { Sid: 'WriteModelArtifacts', Effect: 'Allow', Action: 's3:PutObject', Resource: s3Arn(bucket.artifacts, 'fraud-xgb/*') },
        { Sid: 'UseDataKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: DATA_KEY },
        { Sid: 'ReadEuFeatures', Effect: 'Allow', Action: 's3:GetObject', Resource: s3Arn(bucket.eu, 'features/*') },
        { Sid: 'WriteEuModels', Effect: 'Allow', Action: 's3:PutObject', Resource: s3Arn(bucket.eu, 'models/*') },
        { Sid: 'UseEuKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: EU_KEY },
        {
          Sid: 'TrainingLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `arn:aws:logs:${MAIN}:${ACCOUNT}:log-group:/aws/sagemaker/*`,
        },
      ),
    ],
  ],
  lastUsed: { lastUsedDate: '2025-10-05T22:14:09.000Z', region: MAIN },
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// Over-privileged twin: someone attached AdministratorAccess "to get the notebook working" and
// added remote command execution on every instance.
iamRole({
  role: ROLE.notebookAdmin,
  created: '2024-11-05T21:30:02.000Z',
  description: 'temporary - scratch notebook',
  trustDoc: trust('sagemaker.amazonaws.com'),
  inline: [
    [
      'notebook-fleet-ops',
      policy({ Effect: 'Allow', Action: ['ssm:SendCommand', 'ssm:GetCommandInvocation'], Resource: '*' }),
    ],
  ],
  managed: [['AdministratorAccess', 'arn:aws:iam::aws:policy/AdministratorAccess']],
  lastUsed: { lastUsedDate: '2025-10-03T16:52:44.000Z', region: MAIN },
});

// Bedrock knowledge-base role, scoped to this account's knowledge bases.
iamRole({
  role: ROLE.bedrock,
  created: '2025-01-22T11:07:39.000Z',
  description: 'Bedrock knowledge base over the fraud-case playbooks',
  trustDoc: trust('bedrock.amazonaws.com', {
    Condition: {
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${MAIN}:${ACCOUNT}:knowledge-base/*` },
    },
  }),
  inline: [
    [
      'fraud-kb-access',
      policy(
        {
          Sid: 'InvokeEmbeddingModel',
          Effect: 'Allow',
          Action: 'bedrock:InvokeModel',
          Resource: `arn:aws:bedrock:${MAIN}::foundation-model/amazon.titan-embed-text-v2:0`,
        },
        { Sid: 'ReadPlaybooks', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [s3Arn(bucket.training), s3Arn(bucket.training, 'playbooks/*')] },
        { Sid: 'UseDataKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: DATA_KEY },
      ),
    ],
  ],
  lastUsed: { lastUsedDate: '2025-10-01T07:31:12.000Z', region: MAIN },
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// Bedrock agent roles. The case-explainer agent has its own role; the analyst-helper and
// ops-triage agents were both created with one "shared" role (CAFAI-IAM-05 fails for both).
const agentTrust = trust('bedrock.amazonaws.com', {
  Condition: {
    StringEquals: { 'aws:SourceAccount': ACCOUNT },
    ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${MAIN}:${ACCOUNT}:agent/*` },
  },
});
iamRole({
  role: ROLE.agentExplainer,
  created: '2025-06-03T10:12:44.000Z',
  description: 'Bedrock agent: fraud-case-explainer',
  trustDoc: agentTrust,
  inline: [
    [
      'invoke-claude-and-kb',
      policy(
        {
          Sid: 'InvokeModel',
          Effect: 'Allow',
          Action: 'bedrock:InvokeModel',
          Resource: `arn:aws:bedrock:${MAIN}::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0`,
        },
        { Sid: 'ApplyGuardrail', Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', Resource: `arn:aws:bedrock:${MAIN}:${ACCOUNT}:guardrail/*` },
        { Sid: 'QueryPlaybooks', Effect: 'Allow', Action: 'bedrock:Retrieve', Resource: `arn:aws:bedrock:${MAIN}:${ACCOUNT}:knowledge-base/*` },
      ),
    ],
  ],
  lastUsed: { lastUsedDate: '2025-10-05T19:44:02.000Z', region: MAIN },
  tags: { ...TEAM_TAGS, Owner: OWNER },
});
iamRole({
  role: ROLE.agentsShared,
  created: '2025-07-14T15:20:09.000Z',
  description: 'Shared role for Bedrock experiments (agents, knowledge bases)',
  trustDoc: trust('bedrock.amazonaws.com'),
  inline: [
    [
      'bedrock-experiments',
      policy(
        { Sid: 'InvokeAnyModel', Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:Retrieve'], Resource: '*' },
        { Sid: 'ReadScratch', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [s3Arn(bucket.scratch), s3Arn(bucket.scratch, '*')] },
      ),
    ],
  ],
  lastUsed: { lastUsedDate: '2025-10-02T13:05:51.000Z', region: MAIN },
  tags: { Project: 'fraud-detection' },
});
// Lets Bedrock deliver model invocation logs to CloudWatch Logs.
iamRole({
  role: ROLE.invocationLogging,
  created: '2025-06-02T08:40:17.000Z',
  description: 'Bedrock model invocation logging to CloudWatch Logs',
  trustDoc: trust('bedrock.amazonaws.com', {
    Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${MAIN}:${ACCOUNT}:*` } },
  }),
  inline: [
    [
      'deliver-invocation-logs',
      policy({
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `arn:aws:logs:${MAIN}:${ACCOUNT}:log-group:/aws/bedrock/invocations:log-stream:aws/bedrock/modelinvocations`,
      }),
    ],
  ],
  lastUsed: { lastUsedDate: '2025-10-06T04:02:13.000Z', region: MAIN },
  tags: TEAM_TAGS,
});

// Out of scope for the AI controls: EC2, Lambda and CloudTrail service roles.
iamRole({
  role: ROLE.ec2,
  created: '2023-10-03T12:44:58.000Z',
  description: 'Feature pipeline workers (EC2)',
  trustDoc: trust('ec2.amazonaws.com'),
  inline: [
    [
      'write-features',
      policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: s3Arn(bucket.training, 'features/*') }),
    ],
  ],
  managed: [['AmazonSSMManagedInstanceCore', 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']],
  instanceProfiles: ['fraud-feature-pipeline-ec2'],
  lastUsed: { lastUsedDate: '2025-10-06T01:00:31.000Z', region: MAIN },
  tags: TEAM_TAGS,
});

iamRole({
  role: ROLE.lambda,
  created: '2024-03-14T10:02:19.000Z',
  description: 'Daily feature refresh function',
  trustDoc: trust('lambda.amazonaws.com'),
  inline: [
    [
      'read-features',
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: s3Arn(bucket.training, 'features/*') }),
    ],
  ],
  managed: [['AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']],
  lastUsed: { lastUsedDate: '2025-10-06T03:00:07.000Z', region: MAIN },
  tags: TEAM_TAGS,
});

iamRole({
  role: ROLE.cwl,
  created: '2023-08-30T17:25:40.000Z',
  description: 'CloudTrail delivery to CloudWatch Logs',
  trustDoc: trust('cloudtrail.amazonaws.com'),
  inline: [
    [
      'cloudtrail-to-cloudwatch-logs',
      policy({
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: LOG_GROUP.replace(/:\*$/, ':log-stream:*'),
      }),
    ],
  ],
  lastUsed: { lastUsedDate: '2025-10-06T04:05:55.000Z', region: MAIN },
});

// Customer-managed read-only policy; v2 is the default version.
const readonlyV1 = policy({
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: [s3Arn(bucket.artifacts), s3Arn(bucket.artifacts, '*')],
});
const readonlyV2 = policy(
  { Sid: 'ReadModelArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [s3Arn(bucket.artifacts), s3Arn(bucket.artifacts, '*')] },
  { Sid: 'DescribeSageMaker', Effect: 'Allow', Action: ['sagemaker:Describe*', 'sagemaker:List*'], Resource: '*' },
  { Sid: 'ReadMetrics', Effect: 'Allow', Action: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'], Resource: '*' },
);
ci({
  type: 'AWS::IAM::Policy',
  id: READONLY_POLICY.id,
  name: READONLY_POLICY.name,
  arn: READONLY_POLICY.arn,
  region: 'global',
  created: '2023-09-14T08:12:30.000Z',
  relationships: [
    rel('AWS::IAM::Group', GROUP.id, GROUP.name, 'Is attached to Group'),
    rel('AWS::IAM::User', iamId('AIDA', 'user:fraud-dashboard-reader'), 'fraud-dashboard-reader', 'Is attached to User'),
  ],
  configuration: {
    policyName: READONLY_POLICY.name,
    policyId: READONLY_POLICY.id,
    arn: READONLY_POLICY.arn,
    path: '/',
    defaultVersionId: 'v2',
    attachmentCount: 2,
    permissionsBoundaryUsageCount: 0,
    isAttachable: true,
    description: 'Read-only access to fraud-detection model artifacts and SageMaker metadata',
    createDate: '2023-09-14T08:12:30.000Z',
    updateDate: '2024-04-09T15:37:02.000Z',
    policyVersionList: [
      { document: urlDoc(readonlyV1), versionId: 'v1', isDefaultVersion: false, createDate: '2023-09-14T08:12:30.000Z' },
      { document: urlDoc(readonlyV2), versionId: 'v2', isDefaultVersion: true, createDate: '2024-04-09T15:37:02.000Z' },
    ],
  },
});

ci({
  type: 'AWS::IAM::Group',
  id: GROUP.id,
  name: GROUP.name,
  arn: `arn:aws:iam::${ACCOUNT}:group/${GROUP.name}`,
  region: 'global',
  created: '2023-09-14T08:15:11.000Z',
  relationships: [rel('AWS::IAM::Policy', READONLY_POLICY.id, READONLY_POLICY.name, 'Is attached to CustomerManagedPolicy')],
  configuration: {
    path: '/',
    groupName: GROUP.name,
    groupId: GROUP.id,
    arn: `arn:aws:iam::${ACCOUNT}:group/${GROUP.name}`,
    createDate: '2023-09-14T08:15:11.000Z',
    groupPolicyList: [
      {
        policyName: 'open-feature-eng-notebook',
        policyDocument: urlDoc(
          policy({
            Effect: 'Allow',
            Action: 'sagemaker:CreatePresignedNotebookInstanceUrl',
            Resource: `arn:aws:sagemaker:${MAIN}:${ACCOUNT}:notebook-instance/fraud-feature-eng-notebook`,
          }),
        ),
      },
    ],
    attachedManagedPolicies: [{ policyName: READONLY_POLICY.name, policyArn: READONLY_POLICY.arn }],
  },
});

/**
 * A row of the IAM credential report (CSV cells, all strings) as the live IAM collector
 * attaches it to a user (supplementaryConfiguration.CredentialReport) and, for
 * "<root_account>", as the `rootUser` account fact. Config records neither.
 */
function credentialReportRow({ user, arn, created, password = null, mfa = false, key1 = null }) {
  const at = (iso) => iso.replace('.000Z', '+00:00');
  return {
    user,
    arn,
    user_creation_time: at(created),
    password_enabled: password === 'not_supported' ? 'not_supported' : String(password !== null),
    password_last_used: password && password !== 'not_supported' ? at(password.lastUsed) : password === 'not_supported' ? 'no_information' : 'N/A',
    password_last_changed: password === 'not_supported' ? 'not_supported' : password ? at(password.changed) : 'N/A',
    password_next_rotation: password === 'not_supported' ? 'not_supported' : 'N/A',
    mfa_active: String(mfa),
    access_key_1_active: String(key1 !== null),
    access_key_1_last_rotated: key1 ? at(key1.rotated) : 'N/A',
    access_key_1_last_used_date: key1 ? at(key1.used) : 'N/A',
    access_key_1_last_used_region: key1 ? MAIN : 'N/A',
    access_key_1_last_used_service: key1 ? key1.service : 'N/A',
    access_key_2_active: 'false',
    access_key_2_last_rotated: 'N/A',
    access_key_2_last_used_date: 'N/A',
    access_key_2_last_used_region: 'N/A',
    access_key_2_last_used_service: 'N/A',
    cert_1_active: 'false',
    cert_1_last_rotated: 'N/A',
    cert_2_active: 'false',
    cert_2_last_rotated: 'N/A',
  };
}

function iamUser({ name, created, groups = [], managed = [], tags = {}, relationships = [], report }) {
  const id = iamId('AIDA', `user:${name}`);
  const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
  ci({
    type: 'AWS::IAM::User',
    id,
    name,
    arn,
    region: 'global',
    created,
    tags,
    relationships,
    configuration: {
      path: '/',
      userName: name,
      userId: id,
      arn,
      createDate: created,
      userPolicyList: [],
      groupList: groups,
      attachedManagedPolicies: managed.map(([policyName, policyArn]) => ({ policyName, policyArn })),
      permissionsBoundary: null,
      tags: tagList(tags),
    },
    supplementary: { CredentialReport: credentialReportRow({ user: name, arn, created, ...report }) },
  });
}

// Bad: a data scientist with SageMaker full access attached directly, who signs in to the
// console with a password and no MFA device.
iamUser({
  name: 'priya.raman',
  created: '2023-09-18T09:02:47.000Z',
  groups: [GROUP.name],
  managed: [['AmazonSageMakerFullAccess', 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess']],
  tags: { Team: 'fraud-detection' },
  report: { password: { changed: '2025-07-01T08:12:40.000Z', lastUsed: '2025-10-05T16:20:11.000Z' }, mfa: false },
});

// Good: a data scientist who works through the group's read-only policy and signs in with MFA.
iamUser({
  name: 'marco.bianchi',
  created: '2024-01-15T10:31:09.000Z',
  groups: [GROUP.name],
  tags: { Team: 'fraud-detection' },
  report: { password: { changed: '2025-08-19T07:55:02.000Z', lastUsed: '2025-10-03T09:12:45.000Z' }, mfa: true },
});

// Good: a dashboard service user with only the customer-managed read-only policy; no console
// password, one access key.
iamUser({
  name: 'fraud-dashboard-reader',
  created: '2024-04-09T15:40:26.000Z',
  managed: [[READONLY_POLICY.name, READONLY_POLICY.arn]],
  tags: { ...TEAM_TAGS, Owner: OWNER },
  relationships: [rel('AWS::IAM::Policy', READONLY_POLICY.id, READONLY_POLICY.name, 'Is attached to CustomerManagedPolicy')],
  report: { key1: { rotated: '2025-08-12T09:30:00.000Z', used: '2025-10-06T03:55:00.000Z', service: 'sagemaker' } },
});

// ---------------------------------------------------------------------------------------------
// KMS

function kmsKey({ id, region, created, description, manager = 'CUSTOMER', rotation, tags = {} }) {
  const arn = keyArn(region, id);
  const keyPolicy =
    manager === 'AWS'
      ? policy({
          Sid: 'Allow access through Amazon SageMaker for all principals in the account that are authorized to use Amazon SageMaker',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': `sagemaker.${region}.amazonaws.com` } },
        })
      : policy({
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*',
        });
  ci({
    type: 'AWS::KMS::Key',
    id,
    arn,
    region,
    created,
    tags,
    configuration: {
      keyId: id,
      arn,
      awsaccountId: ACCOUNT,
      creationDate: created,
      enabled: true,
      description,
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      deletionDate: null,
      origin: 'AWS_KMS',
      keyManager: manager,
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      keySpec: 'SYMMETRIC_DEFAULT',
      encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      signingAlgorithms: [],
      multiRegion: false,
    },
    supplementary: { KeyRotationStatus: rotation, Policy: JSON.stringify(keyPolicy) },
  });
}

kmsKey({
  id: keyIds.data,
  region: MAIN,
  created: '2023-09-12T13:58:02.000Z',
  description: 'fraud-detection training data, model artifacts and inference capture',
  rotation: true,
  tags: { ...TEAM_TAGS, Owner: OWNER },
});
kmsKey({
  id: keyIds.trail,
  region: MAIN,
  created: '2023-08-30T17:20:45.000Z',
  description: 'fraud-detection CloudTrail log encryption',
  rotation: true,
  tags: TEAM_TAGS,
});
kmsKey({
  id: keyIds.sagemakerManaged,
  region: MAIN,
  created: '2023-09-12T15:01:36.000Z',
  description: 'Default key that protects my SageMaker data when no other key is defined',
  manager: 'AWS',
  rotation: true,
});
kmsKey({
  id: keyIds.eu,
  region: EU,
  created: '2024-06-18T08:11:09.000Z',
  description: 'fraud-detection EU feature store',
  rotation: false,
  tags: TEAM_TAGS,
});

// ---------------------------------------------------------------------------------------------
// CloudTrail

/**
 * Config records neither a trail's logging status nor its event selectors; the live CloudTrail
 * collector adds them (GetTrailStatus / GetEventSelectors output, keys in Config's camelCase) as
 * supplementaryConfiguration.TrailStatus and EventSelectors or AdvancedEventSelectors.
 */
function trailStatus(startedAt) {
  return {
    isLogging: true,
    latestDeliveryTime: '2025-10-06T04:06:31.000Z',
    startLoggingTime: startedAt,
    latestDigestDeliveryTime: '2025-10-06T03:31:18.000Z',
    latestDeliveryAttemptTime: '2025-10-06T04:06:31Z',
    latestNotificationAttemptTime: '',
    latestNotificationAttemptSucceeded: '',
    latestDeliveryAttemptSucceeded: '2025-10-06T04:06:31Z',
    timeLoggingStarted: startedAt.replace('.000Z', 'Z'),
    timeLoggingStopped: '',
  };
}

function trail({ name, region, created, multiRegion, validation, kms = null, cwl = null, prefix = null, customSelectors = false, supplementary = {} }) {
  const arn = `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
  ci({
    type: 'AWS::CloudTrail::Trail',
    id: name,
    arn,
    region,
    created,
    tags: TEAM_TAGS,
    configuration: {
      name,
      s3BucketName: bucket.trail,
      s3KeyPrefix: prefix,
      snsTopicName: null,
      snsTopicARN: null,
      includeGlobalServiceEvents: multiRegion,
      isMultiRegionTrail: multiRegion,
      homeRegion: region,
      trailARN: arn,
      logFileValidationEnabled: validation,
      cloudWatchLogsLogGroupArn: cwl?.logGroup ?? null,
      cloudWatchLogsRoleArn: cwl?.role ?? null,
      kmsKeyId: kms,
      hasCustomEventSelectors: customSelectors,
      hasInsightSelectors: false,
      isOrganizationTrail: false,
    },
    supplementary: { TrailStatus: trailStatus(created), ...supplementary },
  });
}

trail({
  name: 'fraud-detection-audit',
  region: MAIN,
  created: '2023-08-30T17:31:18.000Z',
  multiRegion: true,
  validation: true,
  kms: TRAIL_KEY,
  cwl: { logGroup: LOG_GROUP, role: ROLE.cwl.arn },
  // Management events, plus data events for the training data (object reads and writes) and for
  // SageMaker endpoint invocations. The other buckets' object access is not logged.
  customSelectors: true,
  supplementary: {
    AdvancedEventSelectors: [
      { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
      {
        name: 'Training data object access',
        fieldSelectors: [
          { field: 'eventCategory', equals: ['Data'] },
          { field: 'resources.type', equals: ['AWS::S3::Object'] },
          { field: 'resources.ARN', startsWith: [s3Arn(bucket.training, '')] },
        ],
      },
      {
        name: 'SageMaker endpoint invocations',
        fieldSelectors: [
          { field: 'eventCategory', equals: ['Data'] },
          { field: 'resources.type', equals: ['AWS::SageMaker::Endpoint'] },
        ],
      },
    ],
  },
});
trail({
  name: 'fraud-eu-data-events',
  region: EU,
  created: '2024-06-18T09:02:55.000Z',
  multiRegion: false,
  validation: false,
  prefix: 'eu-data-events',
  customSelectors: true,
  // Basic event selectors: object-level events of the EU feature store.
  supplementary: {
    EventSelectors: [
      {
        readWriteType: 'All',
        includeManagementEvents: true,
        dataResources: [{ type: 'AWS::S3::Object', values: [s3Arn(bucket.eu, '')] }],
        excludeManagementEventSources: [],
      },
    ],
  },
});

// ---------------------------------------------------------------------------------------------
// GuardDuty

function detector({ seed, region, created, enable, frequency, s3Logs }) {
  const id = hex(seed).slice(0, 32);
  ci({
    type: 'AWS::GuardDuty::Detector',
    id,
    arn: `arn:aws:guardduty:${region}:${ACCOUNT}:detector/${id}`,
    region,
    created,
    configuration: {
      Id: id,
      Enable: enable,
      FindingPublishingFrequency: frequency,
      DataSources: { S3Logs: { Enable: s3Logs }, Kubernetes: { AuditLogs: { Enable: false } } },
      // Protection plans as CloudFormation (and so Config) name them; S3_DATA_EVENTS is S3 Protection.
      Features: [
        { Name: 'S3_DATA_EVENTS', Status: s3Logs ? 'ENABLED' : 'DISABLED' },
        { Name: 'EKS_AUDIT_LOGS', Status: 'DISABLED' },
        { Name: 'RUNTIME_MONITORING', Status: 'DISABLED' },
      ],
      Tags: [],
    },
    supplementary: { CreatedAt: created },
  });
  return id;
}

const detectorIds = {
  [MAIN]: detector({ seed: 'guardduty-us-east-1', region: MAIN, created: '2023-08-30T17:40:12.511Z', enable: true, frequency: 'FIFTEEN_MINUTES', s3Logs: true }),
  // Suspended in the EU region "while evaluating cost".
  [EU]: detector({ seed: 'guardduty-eu-west-1', region: EU, created: '2024-06-18T09:10:47.204Z', enable: false, frequency: 'SIX_HOURS', s3Logs: false }),
};

// ---------------------------------------------------------------------------------------------
// EventBridge

function eventRule({ name, region, created, description, pattern, targets }) {
  const arn = `arn:aws:events:${region}:${ACCOUNT}:rule/${name}`;
  ci({
    type: 'AWS::Events::Rule',
    id: name,
    arn,
    region,
    created,
    configuration: {
      Name: name,
      Arn: arn,
      Description: description,
      EventBusName: 'default',
      EventPattern: JSON.stringify(pattern),
      State: 'ENABLED',
      Targets: targets,
    },
  });
}

eventRule({
  name: 'fraud-guardduty-findings-to-sns',
  region: MAIN,
  created: '2023-08-30T17:45:03.000Z',
  description: 'Route GuardDuty findings to the security on-call topic',
  pattern: { source: ['aws.guardduty'] },
  targets: [{ Arn: `arn:aws:sns:${MAIN}:${ACCOUNT}:fraud-security-alerts`, Id: 'security-alerts-sns' }],
});
eventRule({
  name: 'fraud-eu-ec2-state-changes',
  region: EU,
  created: '2024-06-18T09:20:31.000Z',
  description: 'Notify ops when feature-store workers stop or terminate',
  pattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['stopped', 'terminated'] } },
  targets: [{ Arn: `arn:aws:sns:${EU}:${ACCOUNT}:fraud-eu-ops-notifications`, Id: 'eu-ops-sns' }],
});

// ---------------------------------------------------------------------------------------------
// SageMaker

const smArn = (kind, name, region = MAIN) => `arn:aws:sagemaker:${region}:${ACCOUNT}:${kind}/${name}`;

function notebook({ name, created, tags, config, region = MAIN }) {
  ci({
    type: 'AWS::SageMaker::NotebookInstance',
    id: name,
    arn: smArn('notebook-instance', name, region),
    region,
    created,
    tags,
    configuration: { NotebookInstanceName: name, NotebookInstanceArn: smArn('notebook-instance', name, region), ...config },
  });
}

// Hardened: private subnet, KMS volume, no direct internet, no root, current platform, IMDSv2.
notebook({
  name: 'fraud-feature-eng-notebook',
  created: '2024-03-04T10:26:14.000Z',
  tags: { ...TEAM_TAGS, Owner: OWNER },
  config: {
    InstanceType: 'ml.t3.large',
    RoleArn: ROLE.training.arn,
    KmsKeyId: DATA_KEY,
    SubnetId: subnet.a,
    SecurityGroupIds: [SG_SAGEMAKER],
    DirectInternetAccess: 'Disabled',
    RootAccess: 'Disabled',
    PlatformIdentifier: 'notebook-al2023-v1',
    VolumeSizeInGB: 50,
    LifecycleConfigName: 'fraud-nb-auto-stop',
    DefaultCodeRepository: 'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/fraud-features',
    AdditionalCodeRepositories: [],
    AcceleratorTypes: [],
    InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
  },
});

// Loose: created from the console defaults with the admin role.
notebook({
  name: 'fraud-scratch-notebook',
  created: '2024-11-05T21:33:50.000Z',
  tags: { Project: 'fraud-detection' },
  config: {
    InstanceType: 'ml.g4dn.xlarge',
    RoleArn: ROLE.notebookAdmin.arn,
    KmsKeyId: null,
    SubnetId: null,
    SecurityGroupIds: [],
    DirectInternetAccess: 'Enabled',
    RootAccess: 'Enabled',
    PlatformIdentifier: 'notebook-al2-v1',
    VolumeSizeInGB: 20,
    LifecycleConfigName: null,
    DefaultCodeRepository: null,
    AdditionalCodeRepositories: [],
    AcceleratorTypes: [],
    InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '1' },
  },
});

// ap-southeast-2: a data scientist's experiment in a region the team's Config recorder only
// records SageMaker in. No GuardDuty detector, EventBridge rule or VPC endpoint is in the snapshot
// there, nor any account fact, and the snapshot cannot say whether none exist: the region-level
// checks (TD-02, TD-03, IR-01, IP-10, SA-03, SA-05) come out not_evaluated, which is the honest
// answer, rather than a pass or an invented failure.
notebook({
  name: 'fraud-apac-experiment-notebook',
  region: 'ap-southeast-2',
  created: '2025-08-19T03:12:40.000Z',
  tags: { ...TEAM_TAGS, Owner: OWNER },
  config: {
    InstanceType: 'ml.t3.medium',
    RoleArn: ROLE.training.arn,
    KmsKeyId: null,
    SubnetId: null,
    SecurityGroupIds: [],
    DirectInternetAccess: 'Disabled',
    RootAccess: 'Disabled',
    PlatformIdentifier: 'notebook-al2023-v1',
    VolumeSizeInGB: 20,
    LifecycleConfigName: null,
    DefaultCodeRepository: null,
    AdditionalCodeRepositories: [],
    AcceleratorTypes: [],
    InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
  },
});

function model({ name, created, tags, config }) {
  ci({
    type: 'AWS::SageMaker::Model',
    id: name,
    arn: smArn('model', name),
    region: MAIN,
    created,
    tags,
    configuration: { ModelName: name, ...config },
  });
}

// Container images come from the account's own ECR repositories (see "ECR" below): fraud-models
// (scan on push, immutable tags) for XGBoost, fraud-llm-images (neither) for the LLM.
const ECR_REGISTRY = `${ACCOUNT}.dkr.ecr.${MAIN}.amazonaws.com`;
const REPO = { models: 'fraud-models', llm: 'fraud-llm-images' };
const XGB_IMAGE = `${ECR_REGISTRY}/${REPO.models}:xgb-serve-1.7-1`;
const XGB_TRAIN_IMAGE = `${ECR_REGISTRY}/${REPO.models}:xgb-train-1.7-1`;
const LLM_IMAGE = `${ECR_REGISTRY}/${REPO.llm}:explainer-2025.09.1`;
const LLM_PUBLIC_IMAGE = 'ghcr.io/huggingface/text-generation-inference:2.4.0';
const imageDigest = (image) => `sha256:${hex(`image:${image}`)}`;
const packageArn = (group, version) => smArn('model-package', `${group}/${version}`);
const PRIVATE_VPC = { SecurityGroupIds: [SG_SAGEMAKER], Subnets: [subnet.a, subnet.b] };

model({
  name: 'fraud-xgb-v7',
  created: '2025-03-11T13:47:21.000Z',
  tags: { ...TEAM_TAGS, Owner: OWNER, 'model-version': '7' },
  config: {
    ExecutionRoleArn: ROLE.training.arn,
    EnableNetworkIsolation: true,
    VpcConfig: PRIVATE_VPC,
    PrimaryContainer: {
      Image: XGB_IMAGE,
      ModelDataUrl: `s3://${bucket.artifacts}/fraud-xgb/v7/output/model.tar.gz`,
      // Deployed from the registry: version 1 of fraud-xgb, Approved.
      ModelPackageName: packageArn('fraud-xgb', 1),
      Mode: 'SingleModel',
      Environment: { SAGEMAKER_CONTAINER_LOG_LEVEL: '20', SAGEMAKER_REGION: MAIN, FRAUD_SCORE_THRESHOLD: '0.82' },
    },
  },
});

model({
  name: 'fraud-xgb-v8',
  created: '2025-05-27T09:12:48.000Z',
  tags: { ...TEAM_TAGS, Owner: OWNER, 'model-version': '8' },
  config: {
    ExecutionRoleArn: ROLE.training.arn,
    EnableNetworkIsolation: true,
    VpcConfig: PRIVATE_VPC,
    PrimaryContainer: {
      Image: XGB_IMAGE,
      ModelDataUrl: `s3://${bucket.artifacts}/fraud-xgb/v8/output/model.tar.gz`,
      ModelPackageName: packageArn('fraud-xgb', 2),
      Mode: 'SingleModel',
      Environment: { SAGEMAKER_CONTAINER_LOG_LEVEL: '20', SAGEMAKER_REGION: MAIN, FRAUD_SCORE_THRESHOLD: '0.80' },
    },
  },
});

// Bad twin: the LLM explainer calls an outside API, so isolation was switched off and the
// credentials were pasted into the container environment. The values are obviously fake.
model({
  name: 'fraud-llm-explainer',
  created: '2025-04-16T18:05:33.000Z',
  tags: { Project: 'fraud-detection' },
  config: {
    ExecutionRoleArn: ROLE.notebookAdmin.arn,
    EnableNetworkIsolation: false,
    PrimaryContainer: {
      // Deployed by hand: not from the model registry, the Hugging Face TGI image straight from
      // ghcr.io (the team's own build in fraud-llm-images is only registered, pending approval),
      // weights in the scratch bucket.
      Image: LLM_PUBLIC_IMAGE,
      ModelDataUrl: `s3://${bucket.scratch}/fraud-llm-explainer/2025-04-16/model.tar.gz`,
      Mode: 'SingleModel',
      Environment: {
        SAGEMAKER_PROGRAM: 'inference.py',
        SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
        MODEL_SERVER_WORKERS: '2',
        AWS_SECRET_ACCESS_KEY: 'EXAMPLEKEYEXAMPLEKEYEXAMPLEKEY1234567890',
        API_TOKEN: 'example-token-not-a-real-secret-0000',
      },
    },
  },
});

function endpointConfig({ name, created, tags, config }) {
  ci({
    type: 'AWS::SageMaker::EndpointConfig',
    id: name,
    arn: smArn('endpoint-config', name),
    region: MAIN,
    created,
    tags,
    configuration: { EndpointConfigName: name, ...config },
  });
}

const variant = (VariantName, ModelName, InstanceType, InitialInstanceCount, InitialVariantWeight = 1) => ({
  VariantName,
  ModelName,
  InstanceType,
  InitialInstanceCount,
  InitialVariantWeight,
});

endpointConfig({
  name: 'fraud-xgb-v7-prod-config',
  created: '2025-03-11T14:02:09.000Z',
  tags: { ...TEAM_TAGS, Owner: OWNER, Environment: 'prod' },
  config: {
    KmsKeyId: DATA_KEY,
    ProductionVariants: [variant('AllTraffic', 'fraud-xgb-v7', 'ml.m5.xlarge', 2)],
    DataCaptureConfig: {
      EnableCapture: true,
      InitialSamplingPercentage: 20,
      DestinationS3Uri: `s3://${bucket.capture}/fraud-xgb-v7/`,
      KmsKeyId: DATA_KEY,
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
      CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'], JsonContentTypes: [] },
    },
  },
});

// Bad: no KMS key for the ML storage volume, a single instance, data capture off. On an
// EBS-backed GPU type (ml.p3), so a storage key was possible: instance types with local NVMe
// storage (ml.g5, ml.p4d…) are hardware-encrypted and AWS rejects a KmsKeyId for them.
endpointConfig({
  name: 'fraud-llm-explainer-config',
  created: '2025-04-16T18:20:41.000Z',
  tags: { Project: 'fraud-detection' },
  config: {
    KmsKeyId: null,
    ProductionVariants: [variant('AllTraffic', 'fraud-llm-explainer', 'ml.p3.2xlarge', 1)],
    DataCaptureConfig: {
      EnableCapture: false,
      InitialSamplingPercentage: 100,
      DestinationS3Uri: `s3://${bucket.capture}/fraud-llm-explainer/`,
      KmsKeyId: null,
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
    },
  },
});

// Partly bad: KMS and two instances, but only requests are captured, not predictions.
endpointConfig({
  name: 'fraud-xgb-v8-canary-config',
  created: '2025-05-27T09:30:15.000Z',
  tags: { ...TEAM_TAGS, Owner: OWNER, Environment: 'canary' },
  config: {
    KmsKeyId: DATA_KEY,
    ProductionVariants: [variant('Canary', 'fraud-xgb-v8', 'ml.m5.xlarge', 2)],
    DataCaptureConfig: {
      EnableCapture: true,
      InitialSamplingPercentage: 50,
      DestinationS3Uri: `s3://${bucket.canary}/fraud-xgb-v8-canary/`,
      KmsKeyId: DATA_KEY,
      CaptureOptions: [{ CaptureMode: 'Input' }],
      CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'], JsonContentTypes: [] },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Resource types AWS Config does not record (training jobs, endpoints, the model registry,
// monitoring schedules, Bedrock…) and a few it records that the demo did not have (domains, ECR,
// log groups, API Gateway, VPC endpoints). Their `configuration` is exactly what the live
// collectors emit (src/collect/services/*.ts: the Describe*/Get* output, or the Config-shaped
// mapping those collectors apply), wrapped in the same 1.3 configuration-item envelope.

const iso = (ms) => new Date(ms).toISOString();
const plus = (at, seconds) => iso(Date.parse(at) + seconds * 1000);
const SG_SAGEMAKER_EU = 'sg-0e5f6a7b8c9d01234';
const VPC_ENDPOINT_SG = 'sg-0b7c3d9e1f2a46580';
const EU_VPC_ENDPOINT_SG = 'sg-04d2a8e6c1b9f7350';

// --- SageMaker training jobs (DescribeTrainingJob) --------------------------------------------

function trainingJob({ name, region = MAIN, created, seconds, role, image, hyper, env, channels, output, instance, vpc, isolation, encryption, metrics, tags }) {
  const arn = smArn('training-job', name, region);
  const started = plus(created, 127);
  const ended = plus(started, seconds);
  const transitions = [
    ['Starting', created, started, 'Preparing the instances for training'],
    ['Downloading', started, plus(started, 41), 'Downloading input data'],
    ['Training', plus(started, 41), plus(ended, -38), 'Training image download completed. Training in progress.'],
    ['Uploading', plus(ended, -38), ended, 'Uploading generated training model'],
    ['Completed', ended, ended, 'Training job completed'],
  ].map(([Status, StartTime, EndTime, StatusMessage]) => ({ Status, StartTime, EndTime, StatusMessage }));
  ci({
    type: 'AWS::SageMaker::TrainingJob',
    id: name,
    arn,
    region,
    created,
    tags,
    configuration: {
      TrainingJobName: name,
      TrainingJobArn: arn,
      ModelArtifacts: { S3ModelArtifacts: `${output.path}${name}/output/model.tar.gz` },
      TrainingJobStatus: 'Completed',
      SecondaryStatus: 'Completed',
      HyperParameters: hyper,
      AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File', MetricDefinitions: [], EnableSageMakerMetricsTimeSeries: false },
      RoleArn: role,
      InputDataConfig: channels.map(([ChannelName, S3Uri, ContentType]) => ({
        ChannelName,
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri, S3DataDistributionType: 'FullyReplicated' } },
        ContentType,
        CompressionType: 'None',
        RecordWrapperType: 'None',
      })),
      OutputDataConfig: { ...(output.kms ? { KmsKeyId: output.kms } : {}), S3OutputPath: output.path, CompressionType: 'GZIP' },
      ResourceConfig: {
        InstanceType: instance.type,
        InstanceCount: instance.count,
        VolumeSizeInGB: instance.volume,
        ...(instance.kms ? { VolumeKmsKeyId: instance.kms } : {}),
        KeepAlivePeriodInSeconds: 0,
      },
      ...(vpc ? { VpcConfig: vpc } : {}),
      StoppingCondition: { MaxRuntimeInSeconds: 86400 },
      CreationTime: created,
      TrainingStartTime: started,
      TrainingEndTime: ended,
      LastModifiedTime: plus(ended, 21),
      SecondaryStatusTransitions: transitions,
      FinalMetricDataList: metrics.map(([MetricName, Value]) => ({ MetricName, Value, Timestamp: plus(ended, -40) })),
      EnableNetworkIsolation: isolation,
      EnableInterContainerTrafficEncryption: encryption,
      EnableManagedSpotTraining: false,
      TrainingTimeInSeconds: seconds,
      BillableTimeInSeconds: seconds,
      ProfilingStatus: 'Disabled',
      Environment: env,
    },
  });
}

// Good: the platform team's weekly retraining of the XGBoost scorer (a v9 candidate). Reads the
// training data, writes to the model-artifacts bucket, KMS for volumes and output, private
// subnets, network isolation, encrypted traffic between its two instances, image from the
// account's fraud-models repository.
trainingJob({
  name: 'fraud-xgb-train-2025-09-28',
  created: '2025-09-28T02:00:14.000Z',
  seconds: 2874,
  role: ROLE.training.arn,
  image: XGB_TRAIN_IMAGE,
  hyper: { objective: 'binary:logistic', num_round: '400', max_depth: '6', eta: '0.1', eval_metric: 'auc', scale_pos_weight: '28' },
  env: { FEATURE_SET_VERSION: '2025-09-21', LOG_LEVEL: 'INFO' },
  channels: [
    ['train', `s3://${bucket.training}/features/2025-09-21/train/`, 'text/csv'],
    ['validation', `s3://${bucket.training}/features/2025-09-21/validation/`, 'text/csv'],
  ],
  output: { path: `s3://${bucket.artifacts}/fraud-xgb/v9/`, kms: DATA_KEY },
  instance: { type: 'ml.m5.2xlarge', count: 2, volume: 50, kms: DATA_KEY },
  vpc: PRIVATE_VPC,
  isolation: true,
  encryption: true,
  metrics: [['validation:auc', 0.9712], ['train:auc', 0.9855]],
  tags: { ...TEAM_TAGS, Owner: OWNER, 'model-version': '9' },
});

// Bad twin: a fine-tuning run started from the scratch notebook on two GPU instances. Reads
// ad-hoc exports from the scratch bucket plus a public dataset from another account's bucket,
// writes back to the scratch bucket, public image from Docker Hub, no isolation, no VPC, no
// encryption between instances, no KMS, and a Hugging Face token pasted into the environment
// (obviously fake value; kept out of HyperParameters, which inventory.json redaction does not
// cover).
trainingJob({
  name: 'fraud-llm-finetune-scratch',
  created: '2025-09-30T19:42:05.000Z',
  seconds: 9431,
  role: ROLE.notebookAdmin.arn,
  image: 'docker.io/fraudlab/llm-finetune:latest',
  hyper: { model_id: 'meta-llama/Llama-3.1-8B-Instruct', epochs: '3', learning_rate: '2e-5', per_device_train_batch_size: '4', lora_r: '16' },
  env: { HF_TOKEN: 'hf_example_not_a_real_token_0000000000', WANDB_MODE: 'offline' },
  channels: [
    ['train', `s3://${bucket.scratch}/llm-finetune/case-explanations.jsonl`, 'application/jsonlines'],
    ['public', 's3://example-public-llm-datasets/finance/explanations-v3/', 'application/jsonlines'],
  ],
  output: { path: `s3://${bucket.scratch}/llm-finetune/output/` },
  instance: { type: 'ml.g5.2xlarge', count: 2, volume: 200 },
  isolation: false,
  encryption: false,
  metrics: [['train:loss', 0.8731]],
  tags: { Project: 'fraud-detection' },
});

// EU: the feature store's monthly baseline model, trained where the data lives. Good network
// and encryption settings, but the EU key is not rotated (CAFAI-DP-05) and the EU bucket's
// public access block is partial (its input/model bucket controls fail there).
trainingJob({
  name: 'fraud-eu-features-baseline-2025-09',
  region: EU,
  created: '2025-09-15T05:30:48.000Z',
  seconds: 1642,
  role: ROLE.training.arn,
  image: `141502667606.dkr.ecr.${EU}.amazonaws.com/sagemaker-xgboost:1.7-1`,
  hyper: { objective: 'binary:logistic', num_round: '200', max_depth: '5', eta: '0.2', eval_metric: 'auc' },
  env: {},
  channels: [['train', `s3://${bucket.eu}/features/2025-09/`, 'text/csv']],
  output: { path: `s3://${bucket.eu}/models/`, kms: EU_KEY },
  instance: { type: 'ml.m5.xlarge', count: 1, volume: 30, kms: EU_KEY },
  vpc: { SecurityGroupIds: [SG_SAGEMAKER_EU], Subnets: [subnet.eu] },
  isolation: true,
  encryption: true,
  metrics: [['validation:auc', 0.9431]],
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// --- SageMaker endpoints (DescribeEndpoint) -----------------------------------------------------

function endpoint({ name, configName, created, updated, variant: [VariantName, image, count], capture }) {
  const arn = smArn('endpoint', name);
  ci({
    type: 'AWS::SageMaker::Endpoint',
    id: name,
    arn,
    region: MAIN,
    created,
    tags: { ...TEAM_TAGS, Owner: OWNER },
    relationships: [rel('AWS::SageMaker::EndpointConfig', configName, configName, 'Is associated with EndpointConfig')],
    configuration: {
      EndpointName: name,
      EndpointArn: arn,
      EndpointConfigName: configName,
      ProductionVariants: [
        {
          VariantName,
          DeployedImages: [{ SpecifiedImage: image, ResolvedImage: `${image.replace(/:[^:/]+$/, '')}@${imageDigest(image)}`, ResolutionTime: plus(created, 12) }],
          CurrentWeight: 1,
          DesiredWeight: 1,
          CurrentInstanceCount: count,
          DesiredInstanceCount: count,
        },
      ],
      // DescribeEndpoint reports capture only where the endpoint configuration set it up.
      ...(capture ? { DataCaptureConfig: capture } : {}),
      EndpointStatus: 'InService',
      CreationTime: created,
      LastModifiedTime: updated,
    },
  });
}

endpoint({
  name: 'fraud-xgb-v7-prod',
  configName: 'fraud-xgb-v7-prod-config',
  created: '2025-03-11T14:05:37.000Z',
  updated: '2025-03-11T14:13:02.000Z',
  variant: ['AllTraffic', XGB_IMAGE, 2],
  capture: {
    EnableCapture: true,
    CaptureStatus: 'Started',
    CurrentSamplingPercentage: 20,
    DestinationS3Uri: `s3://${bucket.capture}/fraud-xgb-v7/`,
    KmsKeyId: DATA_KEY,
  },
});

// Its configuration captures nothing (CAFAI-TD-01 and the endpoint-level capture check fail).
endpoint({
  name: 'fraud-llm-explainer',
  configName: 'fraud-llm-explainer-config',
  created: '2025-04-16T18:24:10.000Z',
  updated: '2025-04-16T18:36:55.000Z',
  variant: ['AllTraffic', LLM_PUBLIC_IMAGE, 1],
});

// --- Model monitoring (DescribeMonitoringSchedule) ----------------------------------------------

function monitoringSchedule({ name, type, endpointName, created, cron, lastRun }) {
  const arn = smArn('monitoring-schedule', name);
  ci({
    type: 'AWS::SageMaker::MonitoringSchedule',
    id: name,
    arn,
    region: MAIN,
    created,
    tags: { ...TEAM_TAGS, Owner: OWNER },
    relationships: [rel('AWS::SageMaker::Endpoint', endpointName, endpointName, 'Is associated with Endpoint')],
    configuration: {
      MonitoringScheduleArn: arn,
      MonitoringScheduleName: name,
      MonitoringScheduleStatus: 'Scheduled',
      MonitoringType: type,
      CreationTime: created,
      LastModifiedTime: created,
      MonitoringScheduleConfig: {
        ScheduleConfig: { ScheduleExpression: cron },
        MonitoringJobDefinitionName: `${name}-job-definition`,
        MonitoringType: type,
      },
      EndpointName: endpointName,
      LastMonitoringExecutionSummary: {
        MonitoringScheduleName: name,
        ScheduledTime: lastRun,
        CreationTime: plus(lastRun, 64),
        LastModifiedTime: plus(lastRun, 688),
        MonitoringExecutionStatus: 'Completed',
        ProcessingJobArn: smArn('processing-job', `model-monitoring-${hex(`run:${name}`).slice(0, 12)}`),
        EndpointName: endpointName,
      },
    },
  });
}

// The prod endpoint is watched for data drift (hourly), model quality against ground truth and
// bias (daily). The LLM explainer endpoint has no monitoring at all.
monitoringSchedule({ name: 'fraud-xgb-v7-prod-data-quality', type: 'DataQuality', endpointName: 'fraud-xgb-v7-prod', created: '2025-03-12T09:14:27.000Z', cron: 'cron(0 * ? * * *)', lastRun: '2025-10-06T04:00:00.000Z' });
monitoringSchedule({ name: 'fraud-xgb-v7-prod-model-quality', type: 'ModelQuality', endpointName: 'fraud-xgb-v7-prod', created: '2025-03-12T09:20:51.000Z', cron: 'cron(0 2 ? * * *)', lastRun: '2025-10-06T02:00:00.000Z' });
monitoringSchedule({ name: 'fraud-xgb-v7-prod-model-bias', type: 'ModelBias', endpointName: 'fraud-xgb-v7-prod', created: '2025-03-12T09:26:09.000Z', cron: 'cron(0 3 ? * * *)', lastRun: '2025-10-06T03:00:00.000Z' });

// --- Model registry (DescribeModelPackageGroup + GetModelPackageGroupPolicy, DescribeModelPackage)

const REGISTRY_CREATOR = {
  IamIdentity: { Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE.training.name}/SageMaker`, PrincipalId: `${ROLE.training.id}:SageMaker` },
};

function modelPackageGroup({ name, created, description, groupPolicy, tags }) {
  const arn = smArn('model-package-group', name);
  ci({
    type: 'AWS::SageMaker::ModelPackageGroup',
    id: name,
    arn,
    region: MAIN,
    created,
    tags,
    configuration: {
      ModelPackageGroupName: name,
      ModelPackageGroupArn: arn,
      ModelPackageGroupDescription: description,
      CreationTime: created,
      CreatedBy: REGISTRY_CREATOR,
      ModelPackageGroupStatus: 'Completed',
      // The collector adds the parsed resource policy (null when the group has none).
      ModelPackageGroupPolicy: groupPolicy,
    },
  });
}

function modelPackage({ group, version, created, approval, approvedAt, description, image, modelData, contentType }) {
  const arn = packageArn(group, version);
  ci({
    type: 'AWS::SageMaker::ModelPackage',
    id: arn,
    name: `${group}/${version}`,
    arn,
    region: MAIN,
    created,
    tags: {},
    configuration: {
      ModelPackageName: group,
      ModelPackageGroupName: group,
      ModelPackageVersion: version,
      ModelPackageArn: arn,
      ModelPackageDescription: description,
      CreationTime: created,
      InferenceSpecification: {
        Containers: [{ Image: image, ImageDigest: imageDigest(image), ModelDataUrl: modelData }],
        SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
        SupportedRealtimeInferenceInstanceTypes: ['ml.m5.xlarge', 'ml.g5.2xlarge'],
        SupportedContentTypes: [contentType],
        SupportedResponseMIMETypes: [contentType],
      },
      ModelPackageStatus: 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      CertifyForMarketplace: false,
      ModelApprovalStatus: approval,
      CreatedBy: REGISTRY_CREATOR,
      LastModifiedTime: approvedAt ?? created,
      ...(approvedAt ? { ApprovalDescription: 'Approved by the fraud model review board' } : {}),
      SkipModelValidation: 'None',
    },
  });
}

const registryActions = ['sagemaker:DescribeModelPackageGroup', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages', 'sagemaker:CreateModel'];
const registryResources = (group) => [smArn('model-package-group', group), smArn('model-package', `${group}/*`)];

// Good: shared with the organisation's other accounts only (aws:PrincipalOrgID), two Approved
// versions (v7 in prod, v8 in canary) so there is one to roll back to.
modelPackageGroup({
  name: 'fraud-xgb',
  created: '2025-03-10T16:02:44.000Z',
  description: 'XGBoost card-fraud scorer',
  groupPolicy: policy({
    Sid: 'OrgAccountsDeployApprovedVersions',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: registryActions,
    Resource: registryResources('fraud-xgb'),
    Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-7k2x9q4m1d' } },
  }),
  tags: { ...TEAM_TAGS, Owner: OWNER },
});
modelPackage({
  group: 'fraud-xgb',
  version: 1,
  created: '2025-03-11T12:58:30.000Z',
  approval: 'Approved',
  approvedAt: '2025-03-11T13:40:02.000Z',
  description: 'fraud-xgb v7',
  image: XGB_IMAGE,
  modelData: `s3://${bucket.artifacts}/fraud-xgb/v7/output/model.tar.gz`,
  contentType: 'text/csv',
});
modelPackage({
  group: 'fraud-xgb',
  version: 2,
  created: '2025-05-27T08:41:19.000Z',
  approval: 'Approved',
  approvedAt: '2025-05-27T09:05:57.000Z',
  description: 'fraud-xgb v8',
  image: XGB_IMAGE,
  modelData: `s3://${bucket.artifacts}/fraud-xgb/v8/output/model.tar.gz`,
  contentType: 'text/csv',
});

// Bad twin: the LLM's group lets any AWS principal read and deploy it, and its only version
// still waits for approval (nothing to roll back to; the deployed model is not from it).
modelPackageGroup({
  name: 'fraud-llm',
  created: '2025-09-02T14:31:08.000Z',
  description: 'LLM that explains fraud decisions',
  groupPolicy: policy({ Sid: 'ShareWithPartners', Effect: 'Allow', Principal: '*', Action: registryActions, Resource: registryResources('fraud-llm') }),
  tags: { Project: 'fraud-detection' },
});
modelPackage({
  group: 'fraud-llm',
  version: 1,
  created: '2025-09-02T14:35:51.000Z',
  approval: 'PendingManualApproval',
  description: 'explainer fine-tuned on case notes',
  image: LLM_IMAGE,
  modelData: `s3://${bucket.scratch}/llm-finetune/2025-08-29/model.tar.gz`,
  contentType: 'application/json',
});

// --- SageMaker Studio domains (DescribeDomain) -----------------------------------------------

function domain({ name, seed, created, access, role, kms, securityGroups, sharing, tags }) {
  const id = `d-${idFrom(`domain:${seed}`, 12, LOWER_ALNUM)}`;
  const arn = smArn('domain', id);
  ci({
    type: 'AWS::SageMaker::Domain',
    id,
    name,
    arn,
    region: MAIN,
    created,
    tags,
    configuration: {
      DomainArn: arn,
      DomainId: id,
      DomainName: name,
      HomeEfsFileSystemId: `fs-${hex(`efs:${seed}`).slice(0, 17)}`,
      Status: 'InService',
      CreationTime: created,
      LastModifiedTime: plus(created, 3600 * 24 * 30),
      AuthMode: 'IAM',
      DefaultUserSettings: {
        ExecutionRole: role,
        SecurityGroups: securityGroups,
        SharingSettings: sharing,
        StudioWebPortal: 'ENABLED',
        DefaultLandingUri: 'studio::',
      },
      DomainSettings: { SecurityGroupIds: securityGroups, DockerSettings: { EnableDockerAccess: 'DISABLED' } },
      AppNetworkAccessType: access,
      SubnetIds: [subnet.a, subnet.b],
      Url: `https://${id}.studio.${MAIN}.sagemaker.aws`,
      VpcId: vpc.main,
      ...(kms ? { KmsKeyId: kms } : {}),
      ...(access === 'VpcOnly' ? { AppSecurityGroupManagement: 'Service' } : {}),
      TagPropagation: 'DISABLED',
    },
  });
}

// Good: Studio reaches the internet only through the VPC (VpcOnly), KMS-encrypted home volumes.
domain({
  name: 'fraud-ml-studio',
  seed: 'fraud-ml-studio',
  created: '2024-03-04T09:58:37.000Z',
  access: 'VpcOnly',
  role: ROLE.training.arn,
  kms: DATA_KEY,
  securityGroups: [SG_SAGEMAKER],
  sharing: { NotebookOutputOption: 'Disabled' },
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// Bad twin: a quick-setup domain with direct internet access and the admin role.
domain({
  name: 'fraud-scratch-studio',
  seed: 'fraud-scratch-studio',
  created: '2024-11-06T08:17:22.000Z',
  access: 'PublicInternetOnly',
  role: ROLE.notebookAdmin.arn,
  securityGroups: [],
  sharing: { NotebookOutputOption: 'Allowed', S3OutputPath: `s3://${bucket.scratch}/studio-sharing/` },
  tags: { Project: 'fraud-detection' },
});

// ---------------------------------------------------------------------------------------------
// ECR (repository configuration as src/collect/services/ecr.ts shapes it, like Config's)

function ecrRepository({ name, created, mutability, scanOnPush, kms, tags }) {
  const arn = `arn:aws:ecr:${MAIN}:${ACCOUNT}:repository/${name}`;
  ci({
    type: 'AWS::ECR::Repository',
    id: name,
    arn,
    region: MAIN,
    created,
    tags,
    configuration: {
      RepositoryName: name,
      Arn: arn,
      RepositoryUri: `${ECR_REGISTRY}/${name}`,
      RegistryId: ACCOUNT,
      ImageTagMutability: mutability,
      ImageScanningConfiguration: { ScanOnPush: scanOnPush },
      EncryptionConfiguration: kms ? { EncryptionType: 'KMS', KmsKey: kms } : { EncryptionType: 'AES256', KmsKey: null },
      RepositoryPolicyText: null,
      CreatedAt: created,
    },
  });
}

// Good: XGBoost training and serving images, scanned on push, tags immutable.
ecrRepository({ name: REPO.models, created: '2024-09-03T11:20:45.000Z', mutability: 'IMMUTABLE', scanOnPush: true, kms: DATA_KEY, tags: { ...TEAM_TAGS, Owner: OWNER } });
// Bad twin: the LLM images are pushed over the same mutable tag and never scanned.
ecrRepository({ name: REPO.llm, created: '2025-04-14T16:48:02.000Z', mutability: 'MUTABLE', scanOnPush: false, tags: { Project: 'fraud-detection' } });

// ---------------------------------------------------------------------------------------------
// CloudWatch Logs (DescribeLogGroups as logs.ts shapes it; the collector reads no tags: null)

function logGroup({ name, created, kms = null, retention = null }) {
  const base = `arn:aws:logs:${MAIN}:${ACCOUNT}:log-group:${name}`;
  ci({
    type: 'AWS::Logs::LogGroup',
    id: name,
    arn: `${base}:*`,
    region: MAIN,
    created,
    tags: null,
    configuration: {
      LogGroupName: name,
      Arn: `${base}:*`,
      LogGroupArn: base,
      KmsKeyId: kms,
      RetentionInDays: retention,
      DataProtectionStatus: null,
      LogGroupClass: 'STANDARD',
      DeletionProtectionEnabled: false,
      CreationTime: created,
    },
  });
}

// Good: the prod endpoint's container logs, KMS-encrypted, kept a year.
logGroup({ name: '/aws/sagemaker/Endpoints/fraud-xgb-v7-prod', created: '2025-03-11T14:09:51.000Z', kms: DATA_KEY, retention: 365 });
// Bad: the explainer's logs (prompts and answers) unencrypted and kept two weeks only.
logGroup({ name: '/aws/sagemaker/Endpoints/fraud-llm-explainer', created: '2025-04-16T18:31:26.000Z', retention: 14 });
// Bad: Bedrock model invocation logs, no KMS key, never expire.
logGroup({ name: '/aws/bedrock/invocations', created: '2025-06-02T08:44:39.000Z' });
// Not linked to any AI workload: the CloudTrail delivery log group.
logGroup({ name: 'aws-cloudtrail-logs-fraud-detection', created: '2023-08-30T17:26:12.000Z', kms: TRAIL_KEY, retention: 400 });

// ---------------------------------------------------------------------------------------------
// API Gateway (REST APIs and stages as apigateway.ts shapes them). The stages are the inference
// front door; they carry the tag ai:component=output, which the asset graph's user
// configuration can map to the output component.

const AI_OUTPUT_TAG = { 'ai:component': 'output' };

function restApi({ name, seed, created, description, stage }) {
  const apiId = idFrom(`restapi:${seed}`, 10, LOWER_ALNUM);
  const arn = `arn:aws:apigateway:${MAIN}::/restapis/${apiId}`;
  ci({
    type: 'AWS::ApiGateway::RestApi',
    id: apiId,
    name,
    arn,
    region: MAIN,
    created,
    tags: { ...TEAM_TAGS, ...AI_OUTPUT_TAG },
    configuration: {
      RestApiId: apiId,
      Name: name,
      Description: description,
      ApiKeySourceType: 'HEADER',
      BinaryMediaTypes: [],
      MinimumCompressionSize: null,
      EndpointConfiguration: { Types: ['REGIONAL'], VpcEndpointIds: [], IpAddressType: 'ipv4' },
      Policy: null,
      DisableExecuteApiEndpoint: false,
      RootResourceId: idFrom(`root:${seed}`, 10, LOWER_ALNUM),
      CreatedDate: created,
    },
  });
  ci({
    type: 'AWS::ApiGateway::Stage',
    id: `${apiId}/${stage.name}`,
    name: `${name}/${stage.name}`,
    arn: `${arn}/stages/${stage.name}`,
    region: MAIN,
    created: stage.created,
    tags: { ...TEAM_TAGS, ...AI_OUTPUT_TAG },
    configuration: {
      StageName: stage.name,
      RestApiId: apiId,
      DeploymentId: idFrom(`deployment:${seed}`, 6, LOWER_ALNUM),
      Description: stage.description,
      MethodSettings: stage.methodSettings,
      TracingEnabled: stage.tracing,
      ClientCertificateId: null,
      WebAclArn: stage.webAcl ?? null,
      AccessLogSetting: null,
      CacheClusterEnabled: false,
      CacheClusterSize: null,
      DocumentationVersion: null,
      CreatedDate: stage.created,
      LastUpdatedDate: stage.updated,
    },
  });
}

// Good: the scoring API's prod stage throttles every method and sits behind AWS WAF.
restApi({
  name: 'fraud-scoring',
  seed: 'fraud-scoring',
  created: '2025-03-12T10:02:18.000Z',
  description: 'Card-payment fraud scoring (fronts the fraud-xgb-v7-prod endpoint)',
  stage: {
    name: 'prod',
    created: '2025-03-12T10:40:51.000Z',
    updated: '2025-09-09T15:22:07.000Z',
    description: 'Production',
    tracing: true,
    webAcl: `arn:aws:wafv2:${MAIN}:${ACCOUNT}:regional/webacl/fraud-scoring-api/${uuid('waf:fraud-scoring')}`,
    methodSettings: [
      {
        ResourcePath: '/*',
        HttpMethod: '*',
        MetricsEnabled: true,
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        ThrottlingBurstLimit: 200,
        ThrottlingRateLimit: 100,
        CachingEnabled: false,
        CacheTtlInSeconds: 300,
        CacheDataEncrypted: false,
      },
    ],
  },
});

// Bad twin: the explainer API's dev stage, reachable from the internet with neither
// throttling nor WAF.
restApi({
  name: 'fraud-explain',
  seed: 'fraud-explain',
  created: '2025-04-17T09:15:44.000Z',
  description: 'Explanations of fraud decisions (fronts the fraud-llm-explainer endpoint)',
  stage: { name: 'dev', created: '2025-04-17T09:31:02.000Z', updated: '2025-08-28T12:06:39.000Z', description: 'Development', tracing: false, methodSettings: [] },
});

// ---------------------------------------------------------------------------------------------
// VPC endpoints (ec2.ts's Config-shaped camelCase). us-east-1 has SageMaker's but no
// bedrock-runtime endpoint, so Bedrock traffic leaves the VPC (CAFAI-IP-10 fails there);
// eu-west-1 has every endpoint its workloads need.

const ALLOW_ALL_ENDPOINT_POLICY = policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });

function vpcEndpoint({ service, region, vpcId, created, subnets = [], group = null, routeTables = [] }) {
  const id = `vpce-${hex(`vpce:${region}:${service}`).slice(0, 17)}`;
  const serviceName = `com.amazonaws.${region}.${service}`;
  const gateway = routeTables.length > 0;
  const name = `fraud-${region === MAIN ? 'ml' : 'eu'}-${service.replace('.', '-')}`;
  const dnsService = service.split('.').reverse().join('.');
  ci({
    type: 'AWS::EC2::VPCEndpoint',
    id,
    name,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:vpc-endpoint/${id}`,
    region,
    created,
    tags: { Name: name, ...TEAM_TAGS },
    configuration: {
      vpcEndpointId: id,
      vpcEndpointType: gateway ? 'Gateway' : 'Interface',
      vpcId,
      serviceName,
      state: 'available',
      policyDocument: ALLOW_ALL_ENDPOINT_POLICY,
      routeTableIds: routeTables,
      subnetIds: subnets,
      groups: group ? [{ groupId: group, groupName: `${name}-sg` }] : [],
      privateDnsEnabled: !gateway,
      requesterManaged: false,
      networkInterfaceIds: subnets.map((s) => `eni-${hex(`eni:${id}:${s}`).slice(0, 17)}`),
      dnsEntries: gateway ? [] : [{ dnsName: `${id}-${hex(`dns:${id}`).slice(0, 8)}.${dnsService}.${region}.vpce.amazonaws.com`, hostedZoneId: region === MAIN ? 'Z7HUB22UULQXV' : 'Z38GZ743OKFT7T' }],
      creationTimestamp: created,
      ownerId: ACCOUNT,
    },
  });
}

for (const service of ['sagemaker.api', 'sagemaker.runtime']) {
  vpcEndpoint({ service, region: MAIN, vpcId: vpc.main, created: '2024-03-04T09:41:05.000Z', subnets: [subnet.a, subnet.b], group: VPC_ENDPOINT_SG });
}
vpcEndpoint({ service: 's3', region: MAIN, vpcId: vpc.main, created: '2023-08-29T10:22:16.000Z', routeTables: ['rtb-0d1e2f3a4b5c6d7e8'] });
for (const service of ['sagemaker.api', 'sagemaker.runtime', 'bedrock-runtime']) {
  vpcEndpoint({ service, region: EU, vpcId: vpc.eu, created: '2025-06-23T08:12:40.000Z', subnets: [subnet.eu], group: EU_VPC_ENDPOINT_SG });
}
vpcEndpoint({ service: 's3', region: EU, vpcId: vpc.eu, created: '2024-06-18T08:05:52.000Z', routeTables: ['rtb-06e5d4c3b2a1f0e9d'] });

// ---------------------------------------------------------------------------------------------
// Amazon Bedrock (the Get* output with the API's camelCase keys, as bedrock.ts emits it)

const bedrockArn = (kind, id, region = MAIN) => `arn:aws:bedrock:${region}:${ACCOUNT}:${kind}/${id}`;
const foundationModel = (id, region = MAIN) => `arn:aws:bedrock:${region}::foundation-model/${id}`;

const contentFilter = (type, inputStrength, outputStrength) => ({
  type,
  inputStrength,
  outputStrength,
  inputModalities: ['TEXT'],
  outputModalities: ['TEXT'],
  inputAction: 'BLOCK',
  outputAction: 'BLOCK',
  inputEnabled: true,
  outputEnabled: true,
});
const piiEntity = (type, action) => ({ type, action, inputAction: action, outputAction: action, inputEnabled: true, outputEnabled: true });

// The draft of each guardrail, and each published version an agent names as its own resource
// (ARN and id with ":<version>"), as the live collector records them (docs/inventory.md).
function guardrail({ name, region = MAIN, created, updated, description, filters, pii, regexes, grounding, topics, profanity, kms, tags, published = [] }) {
  const guardrailId = idFrom(`guardrail:${region}:${name}`, 12, LOWER_ALNUM);
  const guardrailArn = bedrockArn('guardrail', guardrailId, region);
  for (const version of ['DRAFT', ...published]) ci({
    type: 'AWS::Bedrock::Guardrail',
    id: version === 'DRAFT' ? guardrailId : `${guardrailId}:${version}`,
    name: version === 'DRAFT' ? name : `${name} (version ${version})`,
    arn: version === 'DRAFT' ? guardrailArn : `${guardrailArn}:${version}`,
    region,
    created,
    tags,
    configuration: {
      name,
      guardrailId,
      guardrailArn,
      version,
      description,
      ...(topics ? { topicPolicy: { topics, tier: { tierName: 'CLASSIC' } } } : {}),
      contentPolicy: { filters, tier: { tierName: 'CLASSIC' } },
      ...(profanity
        ? { wordPolicy: { words: [], managedWordLists: [{ type: 'PROFANITY', inputAction: 'BLOCK', outputAction: 'BLOCK', inputEnabled: true, outputEnabled: true }] } }
        : {}),
      ...(pii || regexes ? { sensitiveInformationPolicy: { piiEntities: pii ?? [], regexes: regexes ?? [] } } : {}),
      ...(grounding ? { contextualGroundingPolicy: { filters: grounding } } : {}),
      createdAt: created,
      updatedAt: updated,
      status: 'READY',
      statusReasons: [],
      failureRecommendations: [],
      blockedInputMessaging: 'Sorry, this request cannot be processed.',
      blockedOutputsMessaging: 'Sorry, the answer was withheld by a content policy.',
      ...(kms ? { kmsKeyArn: kms } : {}),
    },
  });
  return guardrailId;
}

// Good: strong prompt-attack and content filters, PII blocked or masked (plus the internal case
// id format), contextual grounding and relevance checks, KMS. Version 1 is published.
const STRICT_GUARDRAIL = guardrail({
  name: 'fraud-explainer-strict',
  published: ['1'],
  created: '2025-06-03T09:47:12.000Z',
  updated: '2025-06-20T14:05:33.000Z',
  description: 'Case-explainer agent: no PII out, grounded answers only',
  filters: [
    contentFilter('SEXUAL', 'HIGH', 'HIGH'),
    contentFilter('VIOLENCE', 'HIGH', 'HIGH'),
    contentFilter('HATE', 'HIGH', 'HIGH'),
    contentFilter('INSULTS', 'HIGH', 'HIGH'),
    contentFilter('MISCONDUCT', 'HIGH', 'HIGH'),
    { ...contentFilter('PROMPT_ATTACK', 'HIGH', 'NONE'), outputAction: 'NONE', outputEnabled: false },
  ],
  pii: [
    piiEntity('CREDIT_DEBIT_CARD_NUMBER', 'BLOCK'),
    piiEntity('US_BANK_ACCOUNT_NUMBER', 'BLOCK'),
    piiEntity('US_SOCIAL_SECURITY_NUMBER', 'BLOCK'),
    piiEntity('EMAIL', 'ANONYMIZE'),
    piiEntity('NAME', 'ANONYMIZE'),
  ],
  regexes: [
    {
      name: 'fraud-case-id',
      description: 'Internal case identifiers',
      pattern: 'FRD-[0-9]{8}',
      action: 'ANONYMIZE',
      inputAction: 'ANONYMIZE',
      outputAction: 'ANONYMIZE',
      inputEnabled: true,
      outputEnabled: true,
    },
  ],
  grounding: [
    { type: 'GROUNDING', threshold: 0.85, action: 'BLOCK', enabled: true },
    { type: 'RELEVANCE', threshold: 0.7, action: 'BLOCK', enabled: true },
  ],
  topics: [
    {
      name: 'investment-advice',
      definition: 'Recommendations about investing money or buying financial products.',
      examples: ['Should I buy shares instead of paying this card back?'],
      type: 'DENY',
      inputAction: 'BLOCK',
      outputAction: 'BLOCK',
      inputEnabled: true,
      outputEnabled: true,
    },
  ],
  profanity: true,
  kms: DATA_KEY,
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// Bad twin: weak prompt-attack filter, weak or missing output filters, no PII handling, no
// grounding check, no KMS key. Used by the ops-triage agent, as its DRAFT.
const LAX_GUARDRAIL = guardrail({
  name: 'fraud-support-lax',
  created: '2025-07-14T15:33:50.000Z',
  updated: '2025-07-14T15:33:50.000Z',
  description: 'Quick guardrail for the support experiments',
  filters: [
    { ...contentFilter('PROMPT_ATTACK', 'LOW', 'NONE'), outputAction: 'NONE', outputEnabled: false },
    contentFilter('HATE', 'MEDIUM', 'LOW'),
    contentFilter('INSULTS', 'LOW', 'LOW'),
    contentFilter('SEXUAL', 'MEDIUM', 'MEDIUM'),
    contentFilter('VIOLENCE', 'LOW', 'NONE'),
  ],
  tags: { Project: 'fraud-detection' },
});

// eu-west-1: the EU team's guardrail for a support-assistant trial. Good filters, but PII is
// only detected (action NONE), there is no grounding check, and model invocation logging was
// never turned on in eu-west-1 (see account-facts.json: CAFAI-SA-05 fails there).
guardrail({
  name: 'fraud-eu-assistant',
  region: EU,
  created: '2025-06-24T10:18:29.000Z',
  updated: '2025-07-01T08:51:16.000Z',
  description: 'EU support assistant trial',
  filters: [
    contentFilter('SEXUAL', 'HIGH', 'HIGH'),
    contentFilter('VIOLENCE', 'MEDIUM', 'MEDIUM'),
    contentFilter('HATE', 'HIGH', 'HIGH'),
    contentFilter('INSULTS', 'MEDIUM', 'MEDIUM'),
    contentFilter('MISCONDUCT', 'MEDIUM', 'MEDIUM'),
    { ...contentFilter('PROMPT_ATTACK', 'HIGH', 'NONE'), outputAction: 'NONE', outputEnabled: false },
  ],
  pii: [piiEntity('EMAIL', 'NONE'), piiEntity('PHONE', 'NONE'), piiEntity('UK_NATIONAL_INSURANCE_NUMBER', 'NONE')],
  kms: EU_KEY,
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// `live`: the published agent version a "live" alias serves (the collector's
// supplementaryConfiguration.AgentAliases / AgentVersions); every agent has the test alias,
// which serves the DRAFT.
function agent({ name, created, updated, description, instruction, role, guardrailRef, kms, tags, live }) {
  const agentId = idFrom(`agent:${name}`, 10, UPPER_ALNUM);
  const agentArn = bedrockArn('agent', agentId);
  const guardrailConfiguration = guardrailRef ? { guardrailConfiguration: { guardrailIdentifier: guardrailRef[0], guardrailVersion: guardrailRef[1] } } : {};
  const alias = (agentAliasId, agentAliasName, agentVersion) => ({
    agentAliasId,
    agentAliasName,
    routingConfiguration: [{ agentVersion }],
    agentAliasStatus: 'PREPARED',
    createdAt: updated,
    updatedAt: updated,
    aliasInvocationState: 'ACCEPT_INVOCATIONS',
  });
  const supplementary = {
    AgentAliases: [alias('TSTALIASID', 'AgentTestAlias', 'DRAFT'), ...(live ? [alias(idFrom(`alias:${name}`, 10, UPPER_ALNUM), 'live', live)] : [])],
    AgentVersions: live
      ? [{ agentId, agentName: name, agentArn, version: live, instruction, agentStatus: 'PREPARED', foundationModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0', description, idleSessionTTLInSeconds: 600, agentResourceRoleArn: role, ...(kms ? { customerEncryptionKeyArn: kms } : {}), createdAt: updated, updatedAt: updated, ...guardrailConfiguration, agentCollaboration: 'DISABLED' }]
      : [],
  };
  ci({
    supplementary,
    type: 'AWS::Bedrock::Agent',
    id: agentId,
    name,
    arn: agentArn,
    region: MAIN,
    created,
    tags,
    configuration: {
      agentId,
      agentName: name,
      agentArn,
      agentVersion: 'DRAFT',
      instruction,
      agentStatus: 'PREPARED',
      foundationModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      description,
      orchestrationType: 'DEFAULT',
      idleSessionTTLInSeconds: 600,
      agentResourceRoleArn: role,
      ...(kms ? { customerEncryptionKeyArn: kms } : {}),
      createdAt: created,
      updatedAt: updated,
      preparedAt: updated,
      failureReasons: [],
      recommendedActions: [],
      ...guardrailConfiguration,
      agentCollaboration: 'DISABLED',
    },
  });
}

// Good: own role, customer managed key, the strict guardrail pinned to published version 1.
agent({
  name: 'fraud-case-explainer',
  created: '2025-06-03T10:20:05.000Z',
  updated: '2025-06-20T14:30:48.000Z',
  description: 'Explains to analysts why a payment was scored as fraud',
  instruction: 'You explain fraud scores to bank analysts using the case playbooks. Never reveal card numbers or customer names.',
  role: ROLE.agentExplainer.arn,
  guardrailRef: [STRICT_GUARDRAIL, '1'],
  live: '1',
  kms: DATA_KEY,
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// Bad twin: no guardrail at all, and a role it shares with the ops-triage agent.
agent({
  name: 'fraud-analyst-helper',
  created: '2025-07-14T15:41:27.000Z',
  updated: '2025-08-01T11:02:13.000Z',
  description: 'Answers ad-hoc questions over scratch exports',
  instruction: 'You help fraud analysts query exported cases and summarise them.',
  role: ROLE.agentsShared.arn,
  tags: { Project: 'fraud-detection' },
});

// Also bad: the lax guardrail, unpinned (DRAFT: any edit applies at once), same shared role.
agent({
  name: 'fraud-ops-triage',
  created: '2025-07-21T09:06:44.000Z',
  updated: '2025-07-21T09:06:44.000Z',
  description: 'Triage of fraud-operations tickets',
  instruction: 'You sort incoming fraud-operations tickets by urgency and suggest the next step.',
  role: ROLE.agentsShared.arn,
  guardrailRef: [LAX_GUARDRAIL, 'DRAFT'],
  tags: { Project: 'fraud-detection' },
});

function knowledgeBase({ name, created, updated, description, role, dataSources, tags }) {
  const knowledgeBaseId = idFrom(`kb:${name}`, 10, UPPER_ALNUM);
  const knowledgeBaseArn = bedrockArn('knowledge-base', knowledgeBaseId);
  const collection = `arn:aws:aoss:${MAIN}:${ACCOUNT}:collection/${idFrom(`aoss:${name}`, 20, LOWER_ALNUM)}`;
  ci({
    type: 'AWS::Bedrock::KnowledgeBase',
    id: knowledgeBaseId,
    name,
    arn: knowledgeBaseArn,
    region: MAIN,
    created,
    tags,
    configuration: {
      knowledgeBaseId,
      name,
      knowledgeBaseArn,
      description,
      roleArn: role,
      knowledgeBaseConfiguration: { type: 'VECTOR', vectorKnowledgeBaseConfiguration: { embeddingModelArn: foundationModel('amazon.titan-embed-text-v2:0') } },
      storageConfiguration: {
        type: 'OPENSEARCH_SERVERLESS',
        opensearchServerlessConfiguration: {
          collectionArn: collection,
          vectorIndexName: `${name}-index`,
          fieldMapping: { vectorField: 'bedrock-knowledge-base-default-vector', textField: 'AMAZON_BEDROCK_TEXT_CHUNK', metadataField: 'AMAZON_BEDROCK_METADATA' },
        },
      },
      status: 'ACTIVE',
      createdAt: created,
      updatedAt: updated,
    },
    // Each data source as GetDataSource returns it (bedrock.ts).
    supplementary: {
      DataSources: dataSources.map((ds) => ({
        knowledgeBaseId,
        dataSourceId: idFrom(`ds:${name}:${ds.name}`, 10, UPPER_ALNUM),
        name: ds.name,
        status: 'AVAILABLE',
        description: ds.description,
        dataSourceConfiguration: { type: 'S3', s3Configuration: { bucketArn: s3Arn(ds.bucket), inclusionPrefixes: ds.prefixes, bucketOwnerAccountId: ACCOUNT } },
        ...(ds.kms ? { serverSideEncryptionConfiguration: { kmsKeyArn: ds.kms } } : {}),
        vectorIngestionConfiguration: { chunkingConfiguration: { chunkingStrategy: 'FIXED_SIZE', fixedSizeChunkingConfiguration: { maxTokens: 300, overlapPercentage: 20 } } },
        dataDeletionPolicy: ds.deletion,
        createdAt: created,
        updatedAt: updated,
      })),
    },
  });
}

// Good: the case playbooks from the training-data bucket, transient ingestion data under KMS.
knowledgeBase({
  name: 'fraud-playbooks',
  created: '2025-01-22T11:15:02.000Z',
  updated: '2025-09-12T07:48:36.000Z',
  description: 'Fraud-case playbooks and decision guides',
  role: ROLE.bedrock.arn,
  dataSources: [{ name: 'playbooks', description: 'Playbooks (markdown and PDF)', bucket: bucket.training, prefixes: ['playbooks/'], kms: DATA_KEY, deletion: 'DELETE' }],
  tags: { ...TEAM_TAGS, Owner: OWNER },
});

// Bad twin: scratch exports of case notes, no customer managed key for the data source.
knowledgeBase({
  name: 'fraud-scratch-notes',
  created: '2025-07-14T16:02:51.000Z',
  updated: '2025-08-01T10:44:19.000Z',
  description: 'Analyst notes exported from the case tool',
  role: ROLE.agentsShared.arn,
  dataSources: [{ name: 'case-notes-export', description: 'Weekly CSV exports', bucket: bucket.scratch, prefixes: ['kb-notes/'], deletion: 'RETAIN' }],
  tags: { Project: 'fraud-detection' },
});

function customModel({ name, created, base, seed, kms, output, dataset, tags }) {
  const suffix = idFrom(`custom-model:${seed}`, 12, LOWER_ALNUM);
  const modelArn = bedrockArn('custom-model', `${base}/${suffix}`);
  const jobName = `${name}-job`;
  ci({
    type: 'AWS::Bedrock::CustomModel',
    id: modelArn,
    name,
    arn: modelArn,
    region: MAIN,
    created,
    tags,
    configuration: {
      modelArn,
      modelName: name,
      jobName,
      jobArn: bedrockArn('model-customization-job', `${base}/${idFrom(`customization-job:${seed}`, 12, LOWER_ALNUM)}`),
      baseModelArn: foundationModel(base),
      customizationType: 'FINE_TUNING',
      ...(kms ? { modelKmsKeyArn: kms } : {}),
      hyperParameters: { epochCount: '2', batchSize: '1', learningRate: '0.00001', learningRateWarmupSteps: '0' },
      trainingDataConfig: { s3Uri: `s3://${bucket.training}/bedrock-finetune/${dataset}/train.jsonl` },
      validationDataConfig: { validators: [{ s3Uri: `s3://${bucket.training}/bedrock-finetune/${dataset}/validation.jsonl` }] },
      outputDataConfig: { s3Uri: output },
      trainingMetrics: { trainingLoss: 0.4127 },
      validationMetrics: [{ validationLoss: 0.4552 }],
      creationTime: created,
      modelStatus: 'Active',
    },
  });
}

// Both fine-tuned on explanation examples from the training-data bucket. Good: model encrypted
// with the customer managed key, output to the model-artifacts bucket.
customModel({
  name: 'fraud-explainer-titan-v2',
  created: '2025-08-18T13:22:40.000Z',
  base: 'amazon.titan-text-express-v1:0:8k',
  seed: 'fraud-explainer-titan-v2',
  kms: DATA_KEY,
  output: `s3://${bucket.artifacts}/bedrock-customization/fraud-explainer-titan-v2/`,
  dataset: 'explanations-2025-08',
  tags: { ...TEAM_TAGS, Owner: OWNER },
});
// Bad twin: an earlier attempt without a customer managed key, output to the scratch bucket.
customModel({
  name: 'fraud-explainer-titan-scratch',
  created: '2025-07-30T17:05:12.000Z',
  base: 'amazon.titan-text-express-v1:0:8k',
  seed: 'fraud-explainer-titan-scratch',
  output: `s3://${bucket.scratch}/bedrock-customization/`,
  dataset: 'explanations-2025-07',
  tags: { Project: 'fraud-detection' },
});

// ---------------------------------------------------------------------------------------------
// Types no control covers: VPC, subnets, a Lambda function.

function ec2Vpc({ id, region, cidr, created, name, subnets }) {
  ci({
    type: 'AWS::EC2::VPC',
    id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:vpc/${id}`,
    name: null,
    region,
    created,
    tags: { Name: name, ...TEAM_TAGS },
    relationships: subnets.map((s) => rel('AWS::EC2::Subnet', s, null, 'Contains Subnet')),
    configuration: {
      cidrBlock: cidr,
      dhcpOptionsId: `dopt-${hex(`dopt:${id}`).slice(0, 17)}`,
      state: 'available',
      vpcId: id,
      ownerId: ACCOUNT,
      instanceTenancy: 'default',
      ipv6CidrBlockAssociationSet: [],
      cidrBlockAssociationSet: [
        { associationId: `vpc-cidr-assoc-${hex(`assoc:${id}`).slice(0, 17)}`, cidrBlock: cidr, cidrBlockState: { state: 'associated', statusMessage: null } },
      ],
      isDefault: false,
      tags: tagList({ Name: name, ...TEAM_TAGS }),
    },
  });
}

function ec2Subnet({ id, vpcId, region, az, cidr, created, name, free }) {
  ci({
    type: 'AWS::EC2::Subnet',
    id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${id}`,
    name: null,
    region,
    az,
    created,
    tags: { Name: name, ...TEAM_TAGS },
    relationships: [rel('AWS::EC2::VPC', vpcId, null, 'Is contained in Vpc')],
    configuration: {
      availabilityZone: az,
      availabilityZoneId: `${region === MAIN ? 'use1' : 'euw1'}-az${az.endsWith('a') ? 1 : 2}`,
      availableIpAddressCount: free,
      cidrBlock: cidr,
      defaultForAz: false,
      mapPublicIpOnLaunch: false,
      state: 'available',
      subnetId: id,
      vpcId,
      ownerId: ACCOUNT,
      assignIpv6AddressOnCreation: false,
      ipv6CidrBlockAssociationSet: [],
      tags: tagList({ Name: name, ...TEAM_TAGS }),
      subnetArn: `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${id}`,
    },
  });
}

ec2Vpc({ id: vpc.main, region: MAIN, cidr: '10.40.0.0/16', created: '2023-08-29T10:14:02.000Z', name: 'fraud-detection-vpc', subnets: [subnet.a, subnet.b] });
ec2Subnet({ id: subnet.a, vpcId: vpc.main, region: MAIN, az: 'us-east-1a', cidr: '10.40.16.0/20', created: '2023-08-29T10:15:40.000Z', name: 'fraud-ml-private-a', free: 4071 });
ec2Subnet({ id: subnet.b, vpcId: vpc.main, region: MAIN, az: 'us-east-1b', cidr: '10.40.32.0/20', created: '2023-08-29T10:15:41.000Z', name: 'fraud-ml-private-b', free: 4083 });
ec2Vpc({ id: vpc.eu, region: EU, cidr: '10.41.0.0/16', created: '2024-06-18T08:02:19.000Z', name: 'fraud-eu-vpc', subnets: [subnet.eu] });
ec2Subnet({ id: subnet.eu, vpcId: vpc.eu, region: EU, az: 'eu-west-1a', cidr: '10.41.16.0/20', created: '2024-06-18T08:03:05.000Z', name: 'fraud-eu-private-a', free: 4089 });

{
  const name = 'fraud-feature-refresh';
  const arn = `arn:aws:lambda:${MAIN}:${ACCOUNT}:function:${name}`;
  ci({
    type: 'AWS::Lambda::Function',
    id: name,
    arn,
    region: MAIN,
    created: '2024-03-14T10:05:47.000Z',
    tags: { ...TEAM_TAGS, Owner: OWNER },
    relationships: [rel('AWS::IAM::Role', ROLE.lambda.id, ROLE.lambda.name, 'Is associated with Role')],
    configuration: {
      functionName: name,
      functionArn: arn,
      runtime: 'python3.12',
      role: ROLE.lambda.arn,
      handler: 'refresh.handler',
      codeSize: 18342,
      description: 'Rebuilds the daily fraud feature snapshot',
      timeout: 300,
      memorySize: 1024,
      lastModified: '2025-09-22T12:41:09.000+0000',
      codeSha256: Buffer.from(hex('lambda-code'), 'hex').toString('base64'),
      version: '$LATEST',
      environment: { variables: { FEATURE_PREFIX: 'features/daily/', LOG_LEVEL: 'INFO' }, error: null },
      tracingConfig: { mode: 'PassThrough' },
      layers: [],
      state: 'Active',
      lastUpdateStatus: 'Successful',
      packageType: 'Zip',
      architectures: ['arm64'],
      ephemeralStorage: { size: 512 },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Account- and region-level facts (fixtures/demo/account-facts.json)
//
// A Config snapshot cannot carry them: live collection records them on the AWS::::Account
// resource of each region (src/collect/services/*.ts, ctx.fact). They go into a second input, a
// cafscan inventory holding only those account resources. It has no coverage and no
// collectedTypes/failedTypes: the scanner derives those from the snapshot and merges these
// facts into the account resources it builds (src/inventory/build-inventory.ts).

const IAM_GLOBAL_FACTS = {
  // GetAccountPasswordPolicy's PasswordPolicy.
  iamPasswordPolicy: {
    MinimumPasswordLength: 14,
    RequireSymbols: true,
    RequireNumbers: true,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    AllowUsersToChangePassword: true,
    ExpirePasswords: false,
    PasswordReusePrevention: 24,
    HardExpiry: false,
  },
  // GetAccountSummary's SummaryMap.
  iamAccountSummary: {
    AccountMFAEnabled: 1,
    AccountAccessKeysPresent: 0,
    AccountSigningCertificatesPresent: 0,
    Users: items.filter((i) => i.resourceType === 'AWS::IAM::User').length,
    Groups: items.filter((i) => i.resourceType === 'AWS::IAM::Group').length,
    Roles: items.filter((i) => i.resourceType === 'AWS::IAM::Role').length,
    Policies: items.filter((i) => i.resourceType === 'AWS::IAM::Policy').length,
    // The root user's and marco.bianchi's.
    MFADevices: 2,
    MFADevicesInUse: 2,
  },
  // The credential report's <root_account> row: MFA on, no access keys.
  rootUser: {
    ...credentialReportRow({ user: '<root_account>', arn: `arn:aws:iam::${ACCOUNT}:root`, created: '2023-08-29T09:58:12.000Z', password: 'not_supported', mfa: true }),
    password_last_used: '2025-09-02T11:04:51+00:00',
  },
};

const recorder = (overrides) => ({
  name: 'default',
  allSupported: true,
  includeGlobalResourceTypes: false,
  resourceTypes: [],
  exclusionResourceTypes: [],
  recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES',
  recordingFrequency: 'CONTINUOUS',
  servicePrincipal: null,
  recording: true,
  lastStatus: 'SUCCESS',
  lastErrorCode: null,
  lastStatusChangeTime: '2025-10-06T04:09:12.000Z',
  ...overrides,
});

const REGION_FACTS = {
  // The experiment region: live collection reached it (so the global IAM facts hold there too,
  // as ctx.fact copies them to every region) but no regional fact was recorded.
  'ap-southeast-2': {},
  [MAIN]: {
    // GetModelInvocationLoggingConfiguration's loggingConfig: text to S3 and CloudWatch Logs.
    bedrockInvocationLogging: {
      cloudWatchConfig: {
        logGroupName: '/aws/bedrock/invocations',
        roleArn: ROLE.invocationLogging.arn,
        largeDataDeliveryS3Config: { bucketName: bucket.capture, keyPrefix: 'bedrock-invocations/large-data' },
      },
      s3Config: { bucketName: bucket.capture, keyPrefix: 'bedrock-invocations' },
      textDataDeliveryEnabled: true,
      imageDataDeliveryEnabled: false,
      embeddingDataDeliveryEnabled: false,
      videoDataDeliveryEnabled: false,
    },
    macie: {
      status: 'ENABLED',
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      serviceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
      createdAt: '2025-02-11T10:21:33.000Z',
      updatedAt: '2025-02-11T10:21:33.000Z',
    },
    // Records everything, global IAM types included.
    configRecorder: recorder({ includeGlobalResourceTypes: true }),
    ecrRegistryScanning: { registryId: ACCOUNT, scanType: 'BASIC', rules: [] },
    guardDuty: { detectorIds: [detectorIds[MAIN]], enabled: true },
  },
  [EU]: {
    // Never configured in eu-west-1, where the EU guardrail lives.
    bedrockInvocationLogging: { enabled: false },
    // Macie was never enabled here (GetMacieSession: "Macie is not enabled").
    macie: { status: 'DISABLED', findingPublishingFrequency: null },
    // Set up for the data platform only: no SageMaker type is recorded.
    configRecorder: recorder({
      allSupported: false,
      resourceTypes: [
        'AWS::CloudTrail::Trail',
        'AWS::EC2::Subnet',
        'AWS::EC2::VPC',
        'AWS::EC2::VPCEndpoint',
        'AWS::Events::Rule',
        'AWS::GuardDuty::Detector',
        'AWS::KMS::Key',
        'AWS::S3::Bucket',
      ],
      recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES',
      recordingFrequency: 'DAILY',
      lastStatusChangeTime: '2025-10-06T00:12:40.000Z',
    }),
    ecrRegistryScanning: { registryId: ACCOUNT, scanType: 'BASIC', rules: [] },
    guardDuty: { detectorIds: [detectorIds[EU]], enabled: false },
  },
};

/** Nested keys sorted, as cafscan writes an inventory. */
const sortKeys = (value) =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]))
      : value;

const accountFacts = {
  kind: 'cafscan-inventory',
  schemaVersion: '1',
  sources: ['live'],
  accounts: [ACCOUNT],
  regions: Object.keys(REGION_FACTS).sort(),
  coverage: [],
  resources: Object.keys(REGION_FACTS)
    .sort()
    .map((region) => ({
      type: 'AWS::::Account',
      id: `${ACCOUNT}/${region}`,
      arn: `arn:aws::${region}:${ACCOUNT}:account`,
      name: `${ACCOUNT} ${region}`,
      accountId: ACCOUNT,
      region,
      capturedAt: null,
      configuration: sortKeys({ accountId: ACCOUNT, region, ...IAM_GLOBAL_FACTS, ...REGION_FACTS[region] }),
      supplementaryConfiguration: {},
      tags: {},
      relationships: [],
    })),
};

// ---------------------------------------------------------------------------------------------
// sanity checks, then write

const arns = items.map((i) => `${i.resourceType}|${i.ARN ?? i.resourceId}`);
if (new Set(arns).size !== arns.length) throw new Error('duplicate resource in the demo snapshot');
const snapshot = { fileVersion: '1.0', configSnapshotId: SNAPSHOT_ID, configurationItems: items };
const outputs = [
  [OUT, `${JSON.stringify(snapshot, null, 2)}\n`],
  [FACTS_OUT, `${JSON.stringify(accountFacts, null, 2)}\n`],
];
for (const [file, text] of outputs) {
  // No string in the demo may look like a real AWS access key id.
  if (/(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}/.test(text)) throw new Error(`${file} contains an access-key-like string`);
  if (text.length > 300_000) throw new Error(`${file} grew past 300 KB (${text.length} bytes)`);
}

mkdirSync(dirname(OUT), { recursive: true });
for (const [file, text] of outputs) writeFileSync(file, text);
const byType = {};
for (const i of items) byType[i.resourceType] = (byType[i.resourceType] ?? 0) + 1;
console.log(`wrote ${OUT}: ${items.length} configuration items`);
for (const [type, n] of Object.entries(byType)) console.log(`  ${String(n).padStart(2)}  ${type}`);
console.log(`wrote ${FACTS_OUT}: ${accountFacts.resources.length} account resources (${accountFacts.regions.join(', ')})`);
