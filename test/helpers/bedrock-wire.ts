import { createServer } from 'node:http';
import { listen, readBody } from './fake-aws.js';
import type { Moto } from './moto.js';

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  type: string;
  message: string;
}

export interface WireProxy {
  faults: Fault[];
  clientConfig: (region?: string) => Record<string, unknown>;
  asMoto: () => Moto;
  close: () => Promise<void>;
}

/**
 * moto 5.2 writes bedrock-agent timestamps as epoch numbers and custom-model times as
 * "YYYY-MM-DD HH:MM:SS"; the real API (and so the SDK, which refuses anything else) uses RFC 3339
 * strings. This proxy rewrites only those timestamps, so the collector reads moto's agent,
 * knowledge-base and custom-model state in the real wire format. It can also inject faults.
 */
export async function rfc3339Proxy(moto: Moto): Promise<WireProxy> {
  const state: { faults: Fault[] } = { faults: [] };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const fault = state.faults.find((f) => f.method === req.method && f.path.test(decodeURIComponent(path)));
      if (fault) {
        res.writeHead(fault.status, { 'content-type': 'application/json', 'x-amzn-errortype': fault.type });
        res.end(JSON.stringify({ message: fault.message }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      const upstream = await fetch(moto.endpoint + (req.url ?? '/'), { method: req.method, headers, ...(body.length ? { body } : {}) });
      let out = Buffer.from(await upstream.arrayBuffer());
      if ((upstream.headers.get('content-type') ?? '').includes('json') || out.subarray(0, 1).toString() === '{') {
        try {
          out = Buffer.from(JSON.stringify(rfc3339Dates(JSON.parse(out.toString('utf8')))));
        } catch {
          // not JSON after all: pass through
        }
      }
      const outHeaders: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) outHeaders[k] = v;
      });
      res.writeHead(upstream.status, { ...outHeaders, 'content-length': String(out.length) });
      res.end(out);
    })().catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  const endpoint = await listen(server);
  return {
    get faults() {
      return state.faults;
    },
    set faults(value: Fault[]) {
      state.faults = value;
    },
    clientConfig: (region = 'us-east-1') => ({ ...moto.clientConfig(region), endpoint }),
    asMoto: () => ({ ...moto, endpoint, clientConfig: (region = 'us-east-1') => ({ ...moto.clientConfig(region), endpoint }) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TIMESTAMP_KEYS = new Set(['createdAt', 'updatedAt', 'preparedAt', 'creationTime', 'lastModifiedTime', 'endTime']);

function rfc3339Dates(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => rfc3339Dates(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rfc3339Dates(v, k)]));
  if (TIMESTAMP_KEYS.has(key) && typeof value === 'number') return new Date(value * 1000).toISOString();
  if (TIMESTAMP_KEYS.has(key) && typeof value === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)) return `${value.replace(' ', 'T')}Z`;
  return value;
}
