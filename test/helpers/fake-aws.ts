import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Moto } from './moto.js';

/** One recorded answer: HTTP status, the x-amzn-errortype of an error, and the JSON body. */
export type FakeAnswer = { status?: number; type?: string; body: unknown } | undefined;

export interface FakeAws {
  endpoint: string;
  /** "METHOD /path?query" of every request, in order. */
  requests: string[];
  /** Requests no recorded answer matched (a test expects none). */
  unknown: string[];
  close: () => Promise<void>;
}

/**
 * A local HTTP server that answers a REST-JSON AWS API from recorded real-shaped responses, for
 * services or APIs the moto emulator lacks: the real SDK sends and deserializes, so the wire
 * shapes are checked as well as the mapping. A request the recording has no answer for gets a
 * 404 and is listed in `unknown`, so a test can assert the collector made only the calls the
 * recording covers. Listens on 127.0.0.1 only.
 */
export async function fakeAws(answer: (req: IncomingMessage, path: string, query: URLSearchParams, body: string) => FakeAnswer): Promise<FakeAws> {
  const requests: string[] = [];
  const unknown: string[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(`${req.method} ${url.pathname}${url.search}`);
      const reply = answer(req, url.pathname, url.searchParams, body.toString('utf8'));
      if (!reply) unknown.push(`${req.method} ${url.pathname}`);
      const { status = 200, type, body: json } = reply ?? { status: 404, type: 'UnknownOperationException', body: { message: 'not in this recording' } };
      res.writeHead(status, { 'content-type': 'application/json', ...(type ? { 'x-amzn-errortype': type } : {}) });
      res.end(JSON.stringify(json));
    });
  });
  const endpoint = await listen(server);
  return { endpoint, requests, unknown, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A Moto-shaped handle for an endpoint that is not moto (runCollectorAgainst only uses `endpoint`). */
export function endpointOnly(endpoint: string): Moto {
  return { endpoint, clientConfig: () => ({ endpoint }), reset: async () => undefined, stop: async () => undefined };
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
