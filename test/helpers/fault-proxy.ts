import { startMotoProxy, type ProxiedRequest, type ProxyReply } from './moto-proxy.js';
import type { Moto } from './moto.js';

/** The operation a request calls: "SageMaker.ListModels" (JSON target), "ListRoles" (query Action), "GET /bucket/?encryption=" (REST). */
export interface SeenRequest {
  operation: string;
  /** The request's path and body: with the operation, what tells a retry from a different call. */
  identity: string;
}

export type Fault = 'throttle' | 'deny' | undefined;

export interface FaultProxy {
  endpoint: string;
  counts: { forwarded: number; throttled: number; denied: number };
  stop(): Promise<void>;
}

/**
 * A proxy in front of moto (moto-proxy.ts does the forwarding) that answers some calls with
 * errors in each protocol's own wire format, so the real SDK parses them as it would AWS's:
 * JSON services get {"__type": "ThrottlingException"} / "AccessDeniedException", query services
 * (IAM, STS) an <ErrorResponse>, S3 a REST <Error> with 503 SlowDown / 403 AccessDenied.
 */
export async function startFaultProxy(moto: Moto, decide: (request: SeenRequest) => Fault): Promise<FaultProxy> {
  const counts = { forwarded: 0, throttled: 0, denied: 0 };
  const proxy = await startMotoProxy(moto, (req) => {
    const operation = operationOf(req);
    const fault = decide({ operation, identity: `${operation}\n${req.url}\n${req.body}` });
    if (!fault) {
      counts.forwarded++;
      return undefined;
    }
    counts[fault === 'throttle' ? 'throttled' : 'denied']++;
    return faultReply(req, fault, operation);
  });
  return { endpoint: proxy.endpoint, counts, stop: proxy.stop };
}

function isQuery(req: ProxiedRequest): boolean {
  return String(req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
}

function operationOf(req: ProxiedRequest): string {
  if (req.target) return req.target;
  if (isQuery(req)) {
    const action = new URLSearchParams(req.body).get('Action');
    if (action) return action;
  }
  // REST services (S3, S3 Control, Bedrock, GuardDuty, API Gateway…): method and path.
  return `${req.method} ${req.url}`;
}

function faultReply(req: ProxiedRequest, fault: 'throttle' | 'deny', operation: string): ProxyReply {
  const throttle = fault === 'throttle';
  if (req.target || String(req.headers['content-type'] ?? '').includes('json')) {
    const type = throttle ? 'ThrottlingException' : 'AccessDeniedException';
    return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type }, body: JSON.stringify({ __type: type, message: throttle ? 'Rate exceeded' : `User is not authorized to perform: ${operation}` }) };
  }
  if (isQuery(req)) {
    const code = throttle ? 'Throttling' : 'AccessDenied';
    return { status: throttle ? 400 : 403, headers: { 'content-type': 'text/xml' }, body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${throttle ? 'Rate exceeded' : 'not authorized'}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>` };
  }
  const [status, code] = throttle ? [503, 'SlowDown'] : [403, 'AccessDenied'];
  return { status, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${throttle ? 'Please reduce your request rate.' : 'Access Denied'}</Message><RequestId>fault-proxy</RequestId></Error>` };
}
