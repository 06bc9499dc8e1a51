#!/usr/bin/env node
// Generates fixtures/demo/config-snapshot.json: the bundled demo account for `cafscan`.
//
// The file is an AWS Config snapshot exactly as Config delivers it to S3
// ({fileVersion, configSnapshotId, configurationItems}), with configuration items in the
// modern 1.3 shape: `ARN`/`awsAccountId`, `configuration` and `supplementaryConfiguration`
// as objects, tags as a map, IAM policy documents URL-encoded (encodeURIComponent), the S3
// AccessControlList as a JSON string and S3 bucket policies as plain JSON text.
// Deterministic: fixed timestamps, ids derived from fixed seeds, no randomness, no dependencies.
//
// THE STORY
// Account 123456789012 belongs to "fraud-detection", a small ML team that trains an XGBoost
// fraud scorer and an LLM that explains its decisions. us-east-1 is the main region; eu-west-1
// holds a smaller EU feature store. The platform team set the production path up carefully;
// the research/scratch side grew by hand. Every control has a good twin and a bad twin:
//
//   S3 buckets (us-east-1 unless noted)                KMS  PAB      TLS-only  Versioning  data-classification
//   fraud-detection-training-data-123456789012         PASS PASS     PASS      PASS        PASS
//   fraud-detection-model-artifacts-123456789012       PASS PASS     PASS      PASS        PASS
//   fraud-detection-inference-capture-123456789012     PASS PASS     PASS      FAIL(Susp.) PASS
//   fraud-detection-cloudtrail-logs-123456789012       FAIL PASS     PASS      PASS        FAIL
//   fraud-scratch-exports-123456789012                 FAIL FAIL(no) FAIL(no)  FAIL(Off)   FAIL
//   fraud-detection-eu-features-123456789012 (eu-w-1)  PASS FAIL(pt) FAIL      PASS        PASS
//   Account public access block: blockPublicAcls/ignorePublicAcls on, blockPublicPolicy and
//   restrictPublicBuckets off, so the bucket-level settings decide.
//
//   IAM (global)
//   fraud-sagemaker-training-role      sagemaker trust; scoped inline policy      -> least privilege PASS
//   fraud-sagemaker-notebook-admin     sagemaker trust; AdministratorAccess +
//                                      inline ssm:SendCommand on *                -> FAIL (admin, remote exec)
//   fraud-bedrock-kb-role              bedrock trust (SourceAccount-scoped)       -> PASS
//   fraud-feature-pipeline-ec2 / fraud-feature-refresh-lambda /
//   fraud-cloudtrail-cloudwatch-logs   ec2 / lambda / cloudtrail trust            -> out of scope (not AI)
//   user priya.raman                   AmazonSageMakerFullAccess attached         -> FAIL
//   user fraud-dashboard-reader        customer-managed fraud-detection-readonly  -> PASS
//   group fraud-data-scientists, policy fraud-detection-readonly (v2 default)  -> context
//
//   KMS: fraud-detection data key (rotation on) PASS; fraud-detection CloudTrail key (rotation
//   on) PASS; fraud-detection EU feature-store key in eu-west-1 (rotation off) FAIL;
//   aws/sagemaker (keyManager AWS) not applicable.
//   CloudTrail: fraud-detection-audit (us-east-1, multi-region, log validation, KMS, CloudWatch
//   Logs) PASS; fraud-eu-data-events (eu-west-1, single region, no validation, no KMS, no CWL) FAIL.
//   (The multi-region trail covers both regions, so an account-level "has a multi-region
//   trail" check passes in both; this one-account demo cannot fail it.)
//   GuardDuty: us-east-1 detector Enable true PASS; eu-west-1 detector Enable false FAIL.
//   EventBridge: us-east-1 has an ENABLED aws.guardduty -> SNS rule PASS; eu-west-1 only an
//   aws.ec2 rule FAIL (GuardDuty findings there go nowhere).
//   SageMaker notebooks: fraud-feature-eng-notebook (VPC subnet, KMS, no internet, no root,
//   notebook-al2023-v1, IMDSv2, Owner tag) PASS everywhere; fraud-scratch-notebook (internet,
//   root, no KMS, no subnet, notebook-al2-v1 (support ended 2025-06-30, before the capture
//   time), IMDSv1, no Owner tag, admin role) FAIL everywhere.
//   SageMaker models: fraud-xgb-v7 / fraud-xgb-v8 (network isolation, VPC, harmless env, Owner
//   tag) PASS; fraud-llm-explainer (no isolation, no VPC, AWS_SECRET_ACCESS_KEY and API_TOKEN
//   in the container environment with obviously fake values, no Owner tag) FAIL.
//   Endpoint configs: fraud-xgb-v7-prod-config (KMS, 2 instances, capture Input+Output with
//   KMS) PASS; fraud-llm-explainer-config (no KMS, 1 instance, capture off) FAIL;
//   fraud-xgb-v8-canary-config (KMS, 2 instances, capture enabled but Input only) partly FAIL.
//   Not covered by any control (the scanner must keep and ignore them): AWS::EC2::VPC,
//   AWS::EC2::Subnet, AWS::Lambda::Function.
//
// Usage: node scripts/make-demo-snapshot.mjs   (writes fixtures/demo/config-snapshot.json)

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ACCOUNT = '123456789012';
const MAIN = 'us-east-1';
const EU = 'eu-west-1';
const SNAPSHOT_ID = '5d8f2c3a-71e4-4b9d-a6c2-3e0f9b8d1a47';
const CAPTURE_BASE = Date.parse('2025-10-06T04:10:00.000Z');

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'demo', 'config-snapshot.json');

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

// Mostly good, but versioning was suspended to save storage on high-volume capture files.
s3Bucket({
  name: bucket.capture,
  created: '2024-02-20T09:41:27.000Z',
  tags: { ...TEAM_TAGS, 'data-classification': 'confidential' },
  sse: { algorithm: 'aws:kms', key: DATA_KEY },
  pab: PAB_ON,
  policyDoc: policy(denyInsecureTransport(bucket.capture)),
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

function iamUser({ name, created, groups = [], managed = [], tags = {}, relationships = [] }) {
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
  });
}

// Bad: a data scientist with SageMaker full access attached directly.
iamUser({
  name: 'priya.raman',
  created: '2023-09-18T09:02:47.000Z',
  groups: [GROUP.name],
  managed: [['AmazonSageMakerFullAccess', 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess']],
  tags: { Team: 'fraud-detection' },
});

// Good: a dashboard service user with only the customer-managed read-only policy.
iamUser({
  name: 'fraud-dashboard-reader',
  created: '2024-04-09T15:40:26.000Z',
  managed: [[READONLY_POLICY.name, READONLY_POLICY.arn]],
  tags: { ...TEAM_TAGS, Owner: OWNER },
  relationships: [rel('AWS::IAM::Policy', READONLY_POLICY.id, READONLY_POLICY.name, 'Is attached to CustomerManagedPolicy')],
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

function trail({ name, region, created, multiRegion, validation, kms = null, cwl = null, prefix = null, customSelectors = false }) {
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
});
trail({
  name: 'fraud-eu-data-events',
  region: EU,
  created: '2024-06-18T09:02:55.000Z',
  multiRegion: false,
  validation: false,
  prefix: 'eu-data-events',
  customSelectors: true,
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
      Tags: [],
    },
    supplementary: { CreatedAt: created },
  });
}

detector({ seed: 'guardduty-us-east-1', region: MAIN, created: '2023-08-30T17:40:12.511Z', enable: true, frequency: 'FIFTEEN_MINUTES', s3Logs: true });
// Suspended in the EU region "while evaluating cost".
detector({ seed: 'guardduty-eu-west-1', region: EU, created: '2024-06-18T09:10:47.204Z', enable: false, frequency: 'SIX_HOURS', s3Logs: false });

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
// records SageMaker in. No GuardDuty detector or EventBridge rule is in the snapshot there, and
// the snapshot cannot say whether none exist: the region-level checks (TD-02, IR-01) come out
// not_evaluated, which is the honest answer, rather than a pass or an invented failure.
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

const XGB_IMAGE = `683313688378.dkr.ecr.${MAIN}.amazonaws.com/sagemaker-xgboost:1.7-1`;
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
      Image: `${ACCOUNT}.dkr.ecr.${MAIN}.amazonaws.com/fraud-llm-explainer:2025.04.2`,
      ModelDataUrl: `s3://${bucket.artifacts}/fraud-llm-explainer/2025-04-16/model.tar.gz`,
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

// Bad: no KMS key for the ML storage volume, a single instance, data capture off.
endpointConfig({
  name: 'fraud-llm-explainer-config',
  created: '2025-04-16T18:20:41.000Z',
  tags: { Project: 'fraud-detection' },
  config: {
    KmsKeyId: null,
    ProductionVariants: [variant('AllTraffic', 'fraud-llm-explainer', 'ml.g5.2xlarge', 1)],
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
      DestinationS3Uri: `s3://${bucket.capture}/fraud-xgb-v8-canary/`,
      KmsKeyId: DATA_KEY,
      CaptureOptions: [{ CaptureMode: 'Input' }],
      CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'], JsonContentTypes: [] },
    },
  },
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
// sanity checks, then write

const arns = items.map((i) => `${i.resourceType}|${i.ARN ?? i.resourceId}`);
if (new Set(arns).size !== arns.length) throw new Error('duplicate resource in the demo snapshot');
const snapshot = { fileVersion: '1.0', configSnapshotId: SNAPSHOT_ID, configurationItems: items };
const text = `${JSON.stringify(snapshot, null, 2)}\n`;
// No string in the demo may look like a real AWS access key id.
if (/(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}/.test(text)) throw new Error('demo snapshot contains an access-key-like string');

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, text);
const byType = {};
for (const i of items) byType[i.resourceType] = (byType[i.resourceType] ?? 0) + 1;
console.log(`wrote ${OUT}: ${items.length} configuration items`);
for (const [type, n] of Object.entries(byType)) console.log(`  ${String(n).padStart(2)}  ${type}`);
