import type { Finding } from '../model/finding.js';
import { ALL_RESOURCES_SCOPE } from '../findings/make-findings.js';

/** A finding's keys as makeFindings and the scan's settle step add them: the order JSON.stringify writes them in. */
const REQUIRED_KEYS = ['controlId', 'title', 'capability', 'component', 'severity', 'status', 'resource', 'message'] as const;
const OPTIONAL_KEYS = ['reason', 'scope', 'suppression', 'baselineState'] as const;
const RESOURCE_KEYS = ['arn', 'type', 'id', 'region', 'accountId'] as const;

/** One control's constant text: `{"controlId":…,"severity":…,"status":` for its fields as last seen. */
interface ControlHead {
  title: unknown;
  capability: unknown;
  component: unknown;
  severity: unknown;
  text: string;
}

/**
 * JSON.stringify(finding), built from pieces: a scan writes one line per finding (762,179 on the
 * 100,000-item snapshot with --all-resources) and stringifying each whole object was the main
 * thread's largest single cost. A control's five constant fields are the same text for every one
 * of its findings, so that text is made once per control; each string that varies is encoded
 * with JSON.stringify itself (its escaping — quotes, control characters, lone surrogates — is
 * then JSON.stringify's by construction), and the pieces are joined in the key order
 * JSON.stringify follows, which is the object's own: a finding whose keys are not in the order
 * makeFindings and the settle step give them, or whose fields are not the expected kinds, is
 * stringified whole, so the result is JSON.stringify's for every object.
 */
export class FindingJson {
  private readonly heads = new Map<unknown, ControlHead>();
  /** The last resource encoded and its text: a resource's findings come one after another and share it. */
  private lastResource: Finding['resource'] | undefined;
  private lastResourceText = '';
  /**
   * The control head the last line starts with, or undefined when that line was stringified
   * whole: a reader of lines that all start with one head finds their status right after it.
   */
  lastHead: string | undefined;

  line(finding: Finding): string {
    const rest = this.rest(finding);
    return rest === undefined ? JSON.stringify(finding) : `${this.lastHead}${rest}`;
  }

  /**
   * The line after its control head (`lastHead`), or undefined when the finding is not in the
   * expected shape (then `line` stringifies it whole and `lastHead` is undefined).
   */
  rest(finding: Finding): string | undefined {
    // A resource object shared by a resource's findings (makeFindings) has its keys checked once:
    // nothing changes a finding's resource once it is made.
    const resourceChecked = finding.resource === this.lastResource;
    if (!hasFindingShape(finding, resourceChecked)) {
      this.lastHead = undefined;
      return undefined;
    }
    this.lastHead = this.head(finding);
    let text = `${STATUS_TEXT[finding.status]}${this.resourceText(finding.resource)}${JSON.stringify(finding.message)}`;
    // Present keys whose value is undefined are left out, as JSON.stringify leaves them out.
    if (finding.reason !== undefined) text += `,"reason":${JSON.stringify(finding.reason)}`;
    if (finding.scope === ALL_RESOURCES_SCOPE) text += ALL_RESOURCES_SCOPE_TEXT;
    else if (finding.scope !== undefined) text += `,"scope":${JSON.stringify(finding.scope)}`;
    if (finding.suppression !== undefined) text += `,"suppression":${JSON.stringify(finding.suppression)}`;
    if (finding.baselineState !== undefined) text += `,"baselineState":"${finding.baselineState}"`;
    return `${text}}`;
  }

  /** The control's constant text, made again when any of its fields is not the one it was made from. */
  private head(finding: Finding): string {
    const known = this.heads.get(finding.controlId);
    if (known && known.title === finding.title && known.capability === finding.capability && known.component === finding.component && known.severity === finding.severity) return known.text;
    const text = `{"controlId":${JSON.stringify(finding.controlId)},"title":${JSON.stringify(finding.title)},"capability":${JSON.stringify(finding.capability)},"component":${JSON.stringify(finding.component)},"severity":${JSON.stringify(finding.severity)},"status":`;
    this.heads.set(finding.controlId, { title: finding.title, capability: finding.capability, component: finding.component, severity: finding.severity, text });
    return text;
  }

  /** `{"arn":…,"accountId":…},"message":` — the same for every finding of one resource, so made once for them. */
  private resourceText(r: Finding['resource']): string {
    const last = this.lastResource;
    this.lastResource = r;
    if (last && last.arn === r.arn && last.type === r.type && last.id === r.id && last.region === r.region && last.accountId === r.accountId) return this.lastResourceText;
    this.lastResourceText = `{"arn":${JSON.stringify(r.arn)},"type":${JSON.stringify(r.type)},"id":${JSON.stringify(r.id)},"region":${JSON.stringify(r.region)},"accountId":${JSON.stringify(r.accountId)}},"message":`;
    return this.lastResourceText;
  }
}

/** A status and the text up to the resource's first field (statuses and baseline states need no escaping). */
const STATUS_TEXT: Record<string, string> = { pass: '"pass","resource":', fail: '"fail","resource":', not_evaluated: '"not_evaluated","resource":' };
/** The shared scope is frozen: its text never changes. */
const ALL_RESOURCES_SCOPE_TEXT = `,"scope":${JSON.stringify(ALL_RESOURCES_SCOPE)}`;
const BASELINE_STATES: ReadonlySet<unknown> = new Set(['new', 'unchanged', 'updated', 'fixed']);

/**
 * Whether JSON.stringify would write the finding as `line` does: its own keys in the order above
 * (optional ones in theirs, each at most once), the string fields strings, the optional ones
 * strings or plain data (JSON.stringify encodes those itself); the status and baseline state
 * one of the contract's.
 */
function hasFindingShape(finding: Finding, resourceChecked: boolean): boolean {
  if (Object.getPrototypeOf(finding) !== Object.prototype) return false;
  const keys = Object.keys(finding);
  if (keys.length < REQUIRED_KEYS.length || keys.length > REQUIRED_KEYS.length + OPTIONAL_KEYS.length) return false;
  for (let i = 0; i < REQUIRED_KEYS.length; i++) if (keys[i] !== REQUIRED_KEYS[i]) return false;
  let next = 0;
  for (let i = REQUIRED_KEYS.length; i < keys.length; i++) {
    while (next < OPTIONAL_KEYS.length && OPTIONAL_KEYS[next] !== keys[i]) next++;
    if (next === OPTIONAL_KEYS.length) return false;
    next++;
  }
  const f = finding as unknown as Record<string, unknown>;
  for (const key of REQUIRED_KEYS) if (key !== 'resource' && typeof f[key] !== 'string') return false;
  // A status or baseline state outside the contract's is stringified whole (the readers of lines rely on these).
  if (!Object.hasOwn(STATUS_TEXT, f.status as string) || !(f.baselineState === undefined || BASELINE_STATES.has(f.baselineState))) return false;
  if (!(typeof f.reason === 'string' || f.reason === undefined)) return false;
  if (!isPlainData(f.scope) || !isPlainData(f.suppression)) return false;
  if (resourceChecked) return true;
  const resource = f.resource;
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource) || Object.getPrototypeOf(resource) !== Object.prototype) return false;
  const resourceKeys = Object.keys(resource);
  if (resourceKeys.length !== RESOURCE_KEYS.length) return false;
  const fields = resource as Record<string, unknown>;
  for (let i = 0; i < RESOURCE_KEYS.length; i++) if (resourceKeys[i] !== RESOURCE_KEYS[i] || typeof fields[RESOURCE_KEYS[i]!] !== 'string') return false;
  return true;
}

/**
 * undefined, or an object JSON.stringify writes the same whether it is called on it or on the
 * finding holding it: a plain object (no toJSON of its own; a toJSON method receives its key,
 * which differs between the two calls).
 */
function isPlainData(value: unknown): boolean {
  if (value === undefined) return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value);
}
