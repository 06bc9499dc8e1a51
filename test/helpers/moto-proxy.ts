import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Moto } from './moto.js';

/** A request on its way to moto. `target` is the X-Amz-Target header of JSON-protocol APIs. */
export interface ProxiedRequest {
  method: string;
  /** Path and query, e.g. "/my-bucket?policy". */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  target: string;
}

export interface ProxyReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Decides what the client gets: undefined forwards the request to moto unchanged; a reply is
 * sent instead (a fault, or moto's answer rewritten — `forward()` fetches moto's answer).
 */
export type ProxyRule = (request: ProxiedRequest, forward: () => Promise<ProxyReply>) => Promise<ProxyReply | undefined> | ProxyReply | undefined;

/**
 * A proxy in front of moto for what moto cannot do: paginate a list it always returns whole
 * (KMS ListKeys), or deny a call for one resource only, decided on the request body.
 * (fault-proxy.ts denies or throttles whole operations; this one can also rewrite answers.)
 * Collectors run against `endpoint` exactly as against moto; seeding still goes straight to moto.
 */
export async function startMotoProxy(moto: Moto, rule: ProxyRule): Promise<Moto> {
  const upstream = new URL(moto.endpoint);
  const forward = (req: ProxiedRequest): Promise<ProxyReply> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(
        { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [key, value] of Object.entries(res.headers)) {
              if (value !== undefined && !['content-length', 'transfer-encoding', 'connection'].includes(key)) headers[key] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ status: res.statusCode ?? 500, headers, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(req.body);
    });

  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const target = incoming.headers['x-amz-target'];
      const req: ProxiedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        target: typeof target === 'string' ? target : '',
      };
      Promise.resolve(rule(req, () => forward(req)))
        .then((reply) => reply ?? forward(req))
        .then((reply) => {
          response.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
          response.end(reply.body);
        })
        .catch((error: unknown) => {
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // "localhost", not the IP: S3 Control puts the account id in front of the host name, and
  // 123456789012.127.0.0.1 is not a valid URL (the SDK throws before any middleware runs),
  // while 123456789012.localhost is, and the client factory strips the prefix again.
  const endpoint = `http://localhost:${port}`;
  return {
    endpoint,
    clientConfig: (region) => ({ ...moto.clientConfig(region), endpoint }),
    reset: () => moto.reset(),
    // Closes the proxy only; moto is stopped by whoever started it.
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the SDK keeps connections alive
      }),
  };
}

/** An AWS JSON-protocol error reply (KMS, CloudTrail …). */
export function jsonError(code: string, message = 'denied by the test proxy'): ProxyReply {
  return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code }, body: JSON.stringify({ __type: code, message }) };
}

