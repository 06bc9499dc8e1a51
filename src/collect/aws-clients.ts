import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { isReadAction } from './read-only.js';
import { CallLog, type CallRecord } from './call-log.js';

/** What every client of one scan shares. */
export interface ClientSettings {
  credentials: AwsCredentialIdentityProvider;
  /** An AWS-compatible endpoint (a local emulator); S3 then needs path-style addressing. */
  endpoint?: string;
  /** Attempts per call, with the SDK's adaptive (client-side rate limiting) retry mode. */
  maxAttempts: number;
  requestTimeoutMs: number;
  log: CallLog;
  /** Operations collectors declared ("sagemaker:ListNotebookInstances"); anything else is refused. */
  declaredOperations: ReadonlySet<string>;
}

/** The minimal shape of an SDK v3 client that we configure. */
interface SdkClient {
  middlewareStack: {
    add(middleware: unknown, options: { step: string; name: string; priority?: string }): void;
  };
}

type ClientClass<C> = new (config: Record<string, unknown>) => C;

/** SDK client name → the service prefix of its IAM actions. */
const SERVICE_PREFIX: Record<string, string> = {
  AccessAnalyzerClient: 'access-analyzer',
  APIGatewayClient: 'apigateway',
  BedrockAgentClient: 'bedrock',
  BedrockAgentCoreControlClient: 'bedrock-agentcore',
  BedrockClient: 'bedrock',
  CloudTrailClient: 'cloudtrail',
  CloudWatchLogsClient: 'logs',
  ConfigServiceClient: 'config',
  EC2Client: 'ec2',
  ECRClient: 'ecr',
  EventBridgeClient: 'events',
  GuardDutyClient: 'guardduty',
  IAMClient: 'iam',
  KMSClient: 'kms',
  Macie2Client: 'macie2',
  S3Client: 's3',
  S3ControlClient: 's3control',
  SageMakerClient: 'sagemaker',
  STSClient: 'sts',
};

/** "sagemaker:ListNotebookInstances" for a client and command. */
export function operationName(clientName: string, commandName: string): string {
  const prefix = SERVICE_PREFIX[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();
  return `${prefix}:${commandName.replace(/Command$/, '')}`;
}

/** Errors carry the call record of the operation that failed, for one-line reasons. */
const failedCall = new WeakMap<object, CallRecord>();
export function callRecordOf(error: unknown): CallRecord | undefined {
  return typeof error === 'object' && error !== null ? failedCall.get(error) : undefined;
}

/**
 * Creates SDK clients per service and region, all with the same credentials, retries, timeouts
 * and middleware. Middleware, not special cases: one step records every call for the coverage
 * summary and refuses any command that is not a declared read; another fixes S3 Control's
 * account-id host name against an endpoint override.
 */
export class ClientFactory {
  private readonly cache = new Map<string, unknown>();
  /**
   * Set by destroy(): a collection given up (an account past its deadline) may still be running
   * its loops; from then on every call fails at once instead of reaching the account, so the
   * abandoned work ends quickly, stays within the concurrency it was given, and does not hold the
   * process open after the reports are written.
   */
  private destroyed = false;

  constructor(private readonly settings: ClientSettings) {}

  get log(): CallLog {
    return this.settings.log;
  }

  /** Closes every client's connections (keep-alive sockets would otherwise hold the process open). */
  destroy(): void {
    this.destroyed = true;
    for (const client of this.cache.values()) (client as { destroy?: () => void }).destroy?.();
    this.cache.clear();
  }

  client<C>(Client: ClientClass<C>, region: string): C {
    if (this.destroyed) throw new Error('collection was given up (past its deadline): no new client');
    const key = `${Client.name}|${region}`;
    const cached = this.cache.get(key);
    if (cached) return cached as C;
    const { endpoint } = this.settings;
    const client = new Client({
      region,
      credentials: this.settings.credentials,
      maxAttempts: this.settings.maxAttempts,
      retryMode: 'adaptive',
      // A request that hangs past the timeout fails (and is retried) instead of waiting forever.
      requestHandler: { requestTimeout: this.settings.requestTimeoutMs, connectionTimeout: Math.min(5000, this.settings.requestTimeoutMs), throwOnRequestTimeout: true },
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      // S3 Control's endpoint rules put the account id in the host name, which cannot even be
      // built on an IP endpoint (123456789012.127.0.0.1): against an override, use it as is.
      ...(endpoint && Client.name === 'S3ControlClient' ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {}),
    });
    this.instrument(client as unknown as SdkClient, Client.name, region);
    this.cache.set(key, client);
    return client;
  }

  private instrument(client: SdkClient, clientName: string, region: string): void {
    const { log, declaredOperations, endpoint } = this.settings;
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const operation = operationName(clientName, context.commandName ?? 'Unknown');
        if (this.destroyed) throw new Error(`collection was given up (past its deadline): ${operation} not sent`);
        if (!isReadAction(operation) || !declaredOperations.has(operation)) {
          // Read-only by construction: a write, or a call no collector declared, is never sent.
          throw new Error(`cafscan refuses to send ${operation}: not a declared read operation`);
        }
        try {
          const result = await next(args);
          log.add({ action: operation, region, ok: true });
          return result;
        } catch (error) {
          const e = error as { name?: string; message?: string };
          const record: CallRecord = { action: operation, region, ok: false, errorCode: e.name ?? 'Error', message: e.message ?? String(error) };
          log.add(record);
          if (typeof error === 'object' && error !== null) failedCall.set(error, record);
          throw error;
        }
      },
      { step: 'initialize', name: 'cafscanReadOnlyCallLog', priority: 'high' },
    );
    if (endpoint && clientName === 'S3ControlClient') {
      client.middlewareStack.add(
        (next: (args: { request: { hostname?: string; headers?: Record<string, string> } }) => Promise<unknown>) =>
          async (args: { request: { hostname?: string; headers?: Record<string, string> } }) => {
            const { request } = args;
            // S3 Control prefixes the account id to the host (123456789012.localhost): undo it.
            if (request.hostname && /^\d{12}\./.test(request.hostname)) {
              request.hostname = request.hostname.replace(/^\d{12}\./, '');
              if (request.headers?.host) request.headers.host = request.headers.host.replace(/^\d{12}\./, '');
            }
            return next(args);
          },
        { step: 'finalizeRequest', name: 'cafscanS3ControlHost' },
      );
    }
  }
}
