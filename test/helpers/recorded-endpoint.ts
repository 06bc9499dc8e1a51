import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Moto } from './moto.js';

/** What a recorded endpoint answers: a JSON body (status 200 unless given), or an AWS error type. */
export type RecordedAnswer = { status?: number; type?: string; body: unknown } | undefined;

/**
 * A stand-in AWS endpoint (REST-JSON services) answering recorded, real-shaped wire responses,
 * for APIs moto does not implement. Requests it has no answer for get a 404 and are listed in
 * `unknown`, so a test can assert the collector made only the calls the recording covers.
 */
export async function recordedEndpoint(answer: (method: string, path: string, query: URLSearchParams, body: string) => RecordedAnswer) {
  const requests: string[] = [];
  const unknown: string[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(`${req.method} ${url.pathname}${url.search}`);
      const reply = answer(req.method ?? 'GET', url.pathname, url.searchParams, body);
      if (!reply) unknown.push(`${req.method} ${url.pathname}`);
      const { status = 200, type, body: json } = reply ?? { status: 404, type: 'UnknownOperationException', body: { message: 'not in this recording' } };
      res.writeHead(status, { 'content-type': 'application/json', ...(type ? { 'x-amzn-errortype': type } : {}) });
      res.end(JSON.stringify(json));
    });
  });
  const endpoint = await listen(server);
  const moto: Moto = { endpoint, clientConfig: () => ({ endpoint }), reset: async () => undefined, stop: async () => undefined };
  return { moto, requests, unknown, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
