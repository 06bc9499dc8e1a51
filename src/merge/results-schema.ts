import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { CAPABILITIES, COMPONENTS, SEVERITIES } from '../model/control.js';

// What merge reads of a shard's results.json, checked by type before anything is combined: a
// damaged or crafted input (a string where a count goes, a status cafscan never writes) must be
// refused with one line, not copied into the merged report or crash a summary. Only the parts
// merge combines are constrained; keys it carries through unread may hold anything JSON.

const text = { type: 'string' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const texts = { type: 'array', items: text } as const;
const time = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' } as const;
const account = { type: 'string', pattern: '^\\d{12}$' } as const;
const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });

const resource = object({ arn: text, type: text, id: text, region: text, accountId: text }, ['arn', 'type', 'id', 'region', 'accountId']);

const findingSchema = object(
  {
    controlId: text,
    title: text,
    capability: { enum: [...CAPABILITIES] },
    component: { enum: [...COMPONENTS] },
    severity: { enum: [...SEVERITIES] },
    status: { enum: ['pass', 'fail', 'not_evaluated'] },
    resource,
    message: text,
    reason: text,
    baselineState: { enum: ['new', 'unchanged', 'updated', 'fixed'] },
    suppression: object({ reason: text, expires: text, source: text }, ['reason', 'source']),
  },
  ['controlId', 'title', 'capability', 'component', 'severity', 'status', 'resource', 'message'],
);

const headSchema = object(
  {
    schemaVersion: { const: '1' },
    tool: object({ name: { const: 'cafscan' }, version: text, catalog: text }, ['name', 'version']),
    scores: { type: 'object' },
    scan: object(
      {
        startedAt: time,
        finishedAt: time,
        sources: texts,
        // Any text: Config data written by hand or by other tools carries ids of other shapes, and scan takes them.
        accounts: texts,
        regions: texts,
        collection: object({ apiCalls: count, failedCalls: { type: 'array', items: object({ accountId: text, action: text, region: text, errorCode: text, message: text }, ['action', 'region']) } }, ['apiCalls', 'failedCalls']),
        organization: object(
          {
            managementAccountId: account,
            aggregator: text,
            accounts: { type: 'array', items: object({ accountId: account, name: { type: ['string', 'null'] }, status: { enum: ['scanned', 'failed'] }, reason: text }, ['accountId', 'name', 'status']) },
            shard: object({ index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } }, ['index', 'count']),
          },
          ['managementAccountId', 'accounts'],
        ),
        evaluationErrors: object({ count, sample: { type: 'array', items: object({ controlId: { type: ['string', 'null'] }, resource: text, message: text }, ['resource', 'message']) } }, ['count', 'sample']),
        assetGraph: object(
          { linkedResources: count, links: count, unresolvedReferences: count, unresolvedSample: { type: 'array', items: object({ workload: text, via: text, value: text }, ['workload', 'via', 'value']) } },
          ['linkedResources', 'links', 'unresolvedReferences', 'unresolvedSample'],
        ),
        suppressions: object(
          {
            applied: count,
            expired: { type: 'array', items: object({ source: text, reason: text, expires: text, wouldMatch: count }, ['source', 'reason', 'expires', 'wouldMatch']) },
            unused: { type: 'array', items: object({ source: text, reason: text }, ['source', 'reason']) },
          },
          ['applied', 'expired', 'unused'],
        ),
        baseline: object({ source: text, startedAt: { type: ['string', 'null'] }, new: count, fixed: count, unchanged: count, updated: count, removed: { type: 'array' }, notScanned: count }, ['source', 'startedAt']),
        selection: object({ criteria: { type: 'object' }, selected: count, excluded: texts }, ['criteria', 'selected', 'excluded']),
        allResources: { const: true },
        empty: { const: true },
        emptyReason: text,
      },
      ['startedAt', 'finishedAt', 'sources', 'accounts', 'regions'],
    ),
  },
  ['schemaVersion', 'tool', 'scan', 'scores'],
);

let compiled: { head: ValidateFunction; finding: ValidateFunction } | undefined;

function validators(): { head: ValidateFunction; finding: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv({ strict: true, allErrors: false, allowUnionTypes: true });
    compiled = { head: ajv.compile(headSchema), finding: ajv.compile(findingSchema) };
  }
  return compiled;
}

/** Why the results.json head is not what cafscan writes (the first problem), or undefined. */
export function resultsHeadProblem(value: unknown): string | undefined {
  const { head } = validators();
  return head(value) ? undefined : describe(head.errors?.[0]);
}

/** Why a finding line is not a finding cafscan writes, or undefined. */
export function findingProblem(value: unknown): string | undefined {
  const { finding } = validators();
  return finding(value) ? undefined : describe(finding.errors?.[0]);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'not what cafscan writes';
  const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'the document';
  const allowed = error.keyword === 'enum' ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return `${where} ${error.message ?? 'is not valid'}${allowed}`;
}
