import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from './moto.js';

/** The operation a request calls, in the same "<service>:<Operation>" form as cafscan's call log. */
export interface SeenRequest {
  /** e.g. "SageMaker.ListModels" (JSON target), "ListRoles" (query Action), "s3 GET /bucket?encryption". */
  operation: string;
}

export type Fault = 'throttle' | 'deny' | undefined;

export interface FaultProxy {
  endpoint: string;
  counts: { forwarded: number; throttled: number; denied: number };
  stop(): Promise<void>;
}

/**
 * A loopback proxy in front of moto that answers some calls with errors, in each protocol's own
 * wire format, so the real SDK parses them as it would AWS's: JSON services get
 * {"__type": "ThrottlingException"} / "AccessDeniedException", query services (IAM, STS) an
 * <ErrorResponse>, S3 a REST <Error> with 503 SlowDown / 403 AccessDenied.
 */
export async function startFaultProxy(target: string, decide: (request: SeenRequest) => Fault): Promise<FaultProxy> {
  const port = await freePort();
  const counts = { forwarded: 0, throttled: 0, denied: 0 };
  const targetUrl = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const seen = { operation: operationOf(req, body) };
      const fault = decide(seen);
      if (fault) {
        counts[fault === 'throttle' ? 'throttled' : 'denied']++;
        return sendFault(req, res, fault, seen.operation);
      }
      counts.forwarded++;
      const upstream = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function operationOf(req: IncomingMessage, body: Buffer): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target; // e.g. "SageMaker.ListModels", "TrentService.ListKeys"
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.includes('x-www-form-urlencoded')) {
    const action = new URLSearchParams(body.toString('utf8')).get('Action');
    if (action) return action; // query protocol: IAM, STS, EC2
  }
  // REST services (S3, S3 Control, Bedrock, GuardDuty, API Gateway…): method and path.
  return `${req.method} ${req.url}`;
}

function sendFault(req: IncomingMessage, res: ServerResponse, fault: 'throttle' | 'deny', operation: string): void {
  const json = typeof req.headers['x-amz-target'] === 'string' || (req.headers['content-type'] ?? '').includes('json');
  const query = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
  if (json) {
    const type = fault === 'throttle' ? 'ThrottlingException' : 'AccessDeniedException';
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type });
    res.end(JSON.stringify({ __type: type, message: fault === 'throttle' ? 'Rate exceeded' : `User is not authorized to perform: ${operation}` }));
  } else if (query) {
    const code = fault === 'throttle' ? 'Throttling' : 'AccessDenied';
    res.writeHead(fault === 'throttle' ? 400 : 403, { 'content-type': 'text/xml' });
    res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${fault === 'throttle' ? 'Rate exceeded' : 'not authorized'}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`);
  } else {
    const [status, code] = fault === 'throttle' ? [503, 'SlowDown'] : [403, 'AccessDenied'];
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${fault === 'throttle' ? 'Please reduce your request rate.' : 'Access Denied'}</Message><RequestId>fault-proxy</RequestId></Error>`);
  }
}
