import type { Collector } from './collector.js';
import { accessAnalyzerCollector } from './services/accessanalyzer.js';
import { apigatewayCollector } from './services/apigateway.js';
import { bedrockCollector } from './services/bedrock.js';
import { bedrockBuildsCollector } from './services/bedrock-builds.js';
import { bedrockAgentCoreCollector } from './services/bedrock-agentcore.js';
import { cloudtrailCollector } from './services/cloudtrail.js';
import { configRecorderCollector } from './services/config.js';
import { ec2Collector } from './services/ec2.js';
import { ecrCollector } from './services/ecr.js';
import { eventbridgeCollector } from './services/eventbridge.js';
import { guarddutyCollector } from './services/guardduty.js';
import { iamCollector } from './services/iam.js';
import { kmsCollector } from './services/kms.js';
import { logsCollector } from './services/logs.js';
import { macieCollector } from './services/macie.js';
import { organizationsCollector } from './services/organizations.js';
import { s3Collector } from './services/s3.js';
import { sagemakerCollector } from './services/sagemaker.js';
import { sagemakerMonitoringCollector } from './services/sagemaker-monitoring.js';
import { securityhubCollector } from './services/securityhub.js';

/**
 * Every collector the live scan runs. Add a service here and it is collected, checked by the
 * read-only test, and its operations appear in `cafscan iam-policy` / docs/iam-policy.json.
 */
export const ALL_COLLECTORS: Collector[] = [
  iamCollector,
  s3Collector,
  kmsCollector,
  cloudtrailCollector,
  sagemakerCollector,
  sagemakerMonitoringCollector,
  bedrockCollector,
  bedrockBuildsCollector,
  bedrockAgentCoreCollector,
  guarddutyCollector,
  eventbridgeCollector,
  macieCollector,
  ecrCollector,
  ec2Collector,
  apigatewayCollector,
  logsCollector,
  configRecorderCollector,
  organizationsCollector,
  securityhubCollector,
  accessAnalyzerCollector,
];

export function collectorOperations(collectors: Collector[]): string[] {
  return [...new Set(collectors.flatMap((c) => c.operations))].sort();
}
