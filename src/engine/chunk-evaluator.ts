import { isJsonObject, type JsonValue } from '../json.js';
import { encode } from './encode.js';
import { PolicyRunner, type CompiledPolicy, type Evaluation, type MemoryPages } from './policy-runner.js';
import type { ControlOutcome, EvaluationError } from './outcomes.js';
import type { ValuePath } from '../model/inventory.js';
import { utf8BytesAtMost } from '../utf8.js';
import { credentialShaped } from '../inventory/credential-shapes.js';

/**
 * What one evaluator (the main thread, or one worker of the pool) needs once, before any chunk:
 * everything here is small or shared, except `data`, which each evaluator loads into its own
 * wasm instance (setData).
 */
export interface EvaluatorSetup {
  module: CompiledPolicy;
  /** The data document's JSON bytes: `{"cafscan_catalog":…,"inventory":<context>}`. */
  data: ArrayBuffer | SharedArrayBuffer;
  memory: MemoryPages;
  entrypoint: string;
  redactionEntrypoint: string;
  /** Routed type → its control ids: what to evaluate one by one when the whole set fails. */
  controlIds: Record<string, string[]>;
  /** input.scan, JSON. */
  scan: string;
  allResources: boolean;
}

/** One resource to evaluate, prepared by the main thread (what ChunkBuilder.add takes). */
export interface PreparedItem {
  /** JSON.stringify(resource). */
  json: string;
  /** Its type when controls are routed to it, else null (only the redaction check runs). */
  routedType: string | null;
  /** The components the asset graph links it in, as a JSON array (input.links). */
  links: string;
  /** Whether it has environment-like maps, whose values the redaction check judges by name and value. */
  secrets: boolean;
  /** Whether it may hold a value shaped like a credential anywhere (mayHoldCredentialShape): its values are then walked. */
  shapes: boolean;
}

/** A PreparedItem as it crosses to the evaluator: its JSON is a byte range of the chunk's buffer. */
export interface ChunkItem extends Omit<PreparedItem, 'json'> {
  /** Where the resource's JSON (UTF-8) sits in Chunk.bytes: [start, end). */
  start: number;
  end: number;
}

/**
 * A chunk of resources to evaluate. Every resource's JSON is in one ArrayBuffer, transferred to
 * the worker rather than copied: as strings they were copied by postMessage, then decoded and
 * encoded again in the worker, and on the main thread they outlived young-generation
 * collections (held until the chunk's answer came back) and were copied into the old generation.
 */
export interface Chunk {
  bytes: ArrayBuffer;
  items: ChunkItem[];
}

/** Gathers a chunk's items, encoding each resource's JSON into the chunk's bytes as it comes. */
export class ChunkBuilder {
  private buffer: Buffer;
  private used = 0;
  private readonly items: ChunkItem[] = [];

  /** `sizeHint`: the bytes expected (the previous chunk's), so that the buffer rarely grows. */
  constructor(sizeHint = 0) {
    this.buffer = Buffer.from(new ArrayBuffer(Math.max(64 * 1024, sizeHint)));
  }

  get count(): number {
    return this.items.length;
  }

  /** Bytes used so far. */
  get byteLength(): number {
    return this.used;
  }

  add({ json, ...rest }: PreparedItem): void {
    const most = utf8BytesAtMost(json);
    if (this.used + most > this.buffer.length) {
      // Its own ArrayBuffer (not Buffer's shared pool): the whole buffer is transferred.
      const grown = Buffer.from(new ArrayBuffer(Math.max(this.buffer.length * 2, this.used + most)));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    const start = this.used;
    this.used += this.buffer.write(json, start, 'utf8');
    this.items.push({ start, end: this.used, ...rest });
  }

  /** The chunk; the builder is not used again. */
  build(): Chunk {
    return { bytes: this.buffer.buffer as ArrayBuffer, items: this.items };
  }
}

/** What evaluating one ChunkItem gives: ResourceOutcomes without the resource the caller holds. */
export interface ItemOutcomes {
  outcomes: ControlOutcome[];
  secretPaths: ValuePath[];
  errors?: EvaluationError[];
}

export type ChunkEvaluator = (chunk: Chunk) => ItemOutcomes[];

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();
const RESOURCE_OPEN = utf8.encode('{"resource":');

/** Loads the context once (a failure here is the whole scan's), then evaluates chunk after chunk. */
export function createChunkEvaluator(setup: EvaluatorSetup): ChunkEvaluator {
  const runner = PolicyRunner.fromModule(setup.module, setup.data, setup.memory);
  const scope = `,"scan":${setup.scan},"all_resources":${setup.allResources},"links":`;
  return ({ bytes, items }) => {
    const all = new Uint8Array(bytes);
    return items.map((item) => {
      const errors: EvaluationError[] = [];
      const resource = all.subarray(item.start, item.end);
      // {"resource":<its JSON>,"scan":…,"all_resources":…,"links":…<extra>}: opa-wasm reads pre-serialised JSON as bytes.
      const input = (extra: string) => concatBytes(RESOURCE_OPEN, resource, utf8.encode(`${scope}${item.links}${extra}}`));
      const outcomes = item.routedType !== null ? evaluateControls(runner, setup.entrypoint, input, setup.controlIds[item.routedType] ?? [], errors) : [];
      const parsed = item.secrets || item.shapes ? (JSON.parse(utf8Text.decode(resource)) as RedactableParts) : undefined;
      const candidates = parsed && item.secrets ? resourceEnvironmentMaps(parsed) : [];
      const values = parsed && item.shapes ? credentialShapedValues(parsed) : [];
      const secretPaths = candidates.length || values.length ? findSecrets(runner, setup.redactionEntrypoint, candidates, values, errors) : [];
      return { outcomes, secretPaths, ...(errors.length ? { errors } : {}) };
    });
  };
}

/** The parts one after another, in an ArrayBuffer of exactly their length (opa-wasm reads the whole buffer). */
function concatBytes(...parts: Uint8Array[]): ArrayBuffer {
  const joined = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined.buffer;
}

/**
 * An environment-like map: the key followed by an object or a list (JSON.stringify writes no
 * spaces). A tag such as "Environment": "prod" does not match — measured: matching every
 * mention of the word sent 17% of a synthetic inventory through the redaction walk.
 */
export const ENVIRONMENT_HINT = /"(?:[Ee]nvironment(?:[Vv]ariables)?|[Vv]ariables|[Hh]yper[Pp]arameters)":[{[]/;

// Training hyperparameters are passed like environment variables and leak credentials the same
// way (CAFAI-AS-03 reports them), so they are redacted too.
const ENVIRONMENT_KEYS = new Set(['environment', 'variables', 'environmentvariables', 'hyperparameters']);

/** Environment-like maps in a configuration, with their paths: what policies/redaction.rego judges. */
export function environmentMaps(configuration: JsonValue, path: ValuePath = []): Array<{ path: ValuePath; env: JsonValue }> {
  const found: Array<{ path: ValuePath; env: JsonValue }> = [];
  const visit = (value: JsonValue, at: ValuePath) => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...at, i]));
    else if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (ENVIRONMENT_KEYS.has(key.toLowerCase()) && typeof child === 'object' && child !== null) found.push({ path: [...at, key], env: child });
        visit(child, [...at, key]);
      }
    }
  };
  visit(configuration, path);
  return found;
}

/** The parts of a resource whose values may be redacted in inventory.json. */
interface RedactableParts {
  configuration: JsonValue;
  supplementaryConfiguration?: JsonValue;
  tags?: JsonValue;
}

/**
 * Environment-like maps of a resource, with paths from its root: its configuration's, and its
 * supplementaryConfiguration's (an AgentCore runtime's served versions carry their environment
 * there), so inventory.json never writes back a credential either holds.
 */
function resourceEnvironmentMaps(resource: RedactableParts): Array<{ path: ValuePath; env: JsonValue }> {
  return [...environmentMaps(resource.configuration, ['configuration']), ...environmentMaps(resource.supplementaryConfiguration ?? null, ['supplementaryConfiguration'])];
}

/**
 * String values anywhere in a resource's tags, configuration and supplementaryConfiguration
 * shaped like a credential (a token pasted into a description or a tag, a URL with a key in it,
 * a Bedrock flow's code from a Config snapshot), with their paths from the resource root: what
 * the redaction check judges by shape alone (lib.looks_secret("", value)). The identity fields
 * (arn, id, name…) and relationships are never redacted: the reports locate resources by them.
 */
export function credentialShapedValues(resource: RedactableParts): Array<{ path: ValuePath; value: string }> {
  return (['tags', 'configuration', 'supplementaryConfiguration'] as const).flatMap((part) => stringLeaves(resource[part] ?? null, [part])).filter(({ value }) => credentialShaped(value));
}

/**
 * All the controls routed to the resource in one evaluation; when that fails at run time, one
 * evaluation per control (input.control, policies/main.rego) so that only the control(s) that
 * fail are reported as not evaluated and every other verdict on the resource stands.
 */
function evaluateControls(runner: PolicyRunner, entrypoint: string, input: (extra: string) => ArrayBuffer, controlIds: string[], errors: EvaluationError[]): ControlOutcome[] {
  const all = runner.evaluate(input(''), entrypoint);
  let outcomes: ControlOutcome[];
  if (all.ok) outcomes = outcomesOf(all);
  else {
    outcomes = [];
    for (const controlId of new Set(controlIds)) {
      const one = runner.evaluate(input(`,"control":${JSON.stringify(controlId)}`), entrypoint);
      if (one.ok) outcomes.push(...outcomesOf(one));
      else {
        errors.push({ controlId, message: one.error });
        outcomes.push({ controlId, status: 'not_evaluated', messages: [`evaluation error: ${one.error}`] });
      }
    }
  }
  return outcomes.sort((a, b) => (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0));
}

function outcomesOf(evaluation: Evaluation & { ok: true }): ControlOutcome[] {
  return [...((evaluation.value as ControlOutcome[] | undefined) ?? [])];
}

/**
 * Paths of credential-looking values. When the redaction check fails at run time nothing says
 * which values are safe to write, so every string in the resource's environment-like maps, and
 * every value shaped like a credential, is redacted: inventory.json must never carry a
 * credential because a check crashed.
 */
function findSecrets(runner: PolicyRunner, entrypoint: string, candidates: Array<{ path: ValuePath; env: JsonValue }>, values: Array<{ path: ValuePath; value: string }>, errors: EvaluationError[]): ValuePath[] {
  const found = runner.evaluate(encode(JSON.stringify({ candidates, values })), entrypoint);
  if (found.ok) return (found.value as ValuePath[] | undefined) ?? [];
  errors.push({ controlId: null, message: found.error });
  // A value in an environment-like map may be among `values` too: each path once.
  const paths = new Map([...candidates.flatMap(({ path, env }) => stringLeaves(env, path)), ...values].map(({ path }) => [JSON.stringify(path), path]));
  return [...paths.values()];
}

/** Every string in `value`, with its path (`at` and the keys and indexes down to it). */
function stringLeaves(value: JsonValue, at: ValuePath): Array<{ path: ValuePath; value: string }> {
  if (typeof value === 'string') return [{ path: at, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...at, i]));
  if (isJsonObject(value)) return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, [...at, key]));
  return [];
}
