import { RELATED_IDENTITY_FIELDS, type Catalog } from '../model/control.js';
import type { Inventory, InventoryResource } from '../model/inventory.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

export interface Context {
  /** ARN → the resource, trimmed to the fields controls read of its type. */
  resources: Record<string, JsonObject>;
  /** account → type → ARNs: lookups stay linear in one account, not the whole inventory. */
  by_account: Record<string, Record<string, string[]>>;
}

export interface ContextOptions {
  /**
   * Keep related resources whole instead of trimming them to the declared fields. Only for the
   * test that proves the declarations complete (trimmed and full contexts give the same findings).
   */
  full?: boolean;
}

/**
 * Which keys of an object to keep: a key mapped to WHOLE keeps its value as it is; a key mapped
 * to a subtree keeps, of an object value, only the subtree's keys (any other value as it is).
 */
type FieldTree = Map<string, FieldTree | typeof WHOLE>;
const WHOLE = 'whole';

/**
 * The context other resources are looked up in (data.inventory, policies/lib/lib.rego), built one
 * resource at a time so a single pass over a resource set builds it.
 *
 * Only the types controls look up (custom.related_resource_types) go in, and of those only the
 * identity fields and the fields some control declares it reads (custom.related_fields): the
 * benchmark's whole related resources were 158 MB of JSON, and setData needs several times that
 * in wasm memory. A declared path keeps absent, null and present apart: a key absent in the
 * resource stays absent, a null stays null, and an object on the path stays an object (possibly
 * emptied of undeclared keys), so `is_object`, `not x` and `object.get` defaults read the same.
 *
 * Keyed by ARNs and account ids from the input, so the maps have no prototype: an ARN or account
 * id of "__proto__" stays an ordinary key (JSON.stringify writes it) instead of replacing the
 * object's prototype and merging one account's resources into another's.
 */
export class ContextBuilder {
  private readonly trees = new Map<string, FieldTree | typeof WHOLE>();
  private readonly context: Context = { resources: nullObject(), by_account: nullObject() };

  constructor(catalog: Catalog, options: ContextOptions = {}) {
    for (const control of catalog.controls) {
      for (const type of control.relatedResourceTypes) {
        if (options.full === true) {
          this.trees.set(type, WHOLE);
          continue;
        }
        let tree = this.trees.get(type);
        if (tree === undefined) {
          tree = new Map();
          for (const field of RELATED_IDENTITY_FIELDS) tree.set(field, WHOLE);
          this.trees.set(type, tree);
        }
        // A type the control forgot to declare keeps everything: a bigger context, never a
        // wrong verdict (the catalog build rejects the omission anyway).
        const paths = Object.hasOwn(control.relatedFields ?? {}, type) ? control.relatedFields[type]! : undefined;
        if (paths === undefined) this.trees.set(type, WHOLE);
        else if (tree !== WHOLE) for (const path of paths) addPath(tree, path.split('.'));
      }
    }
  }

  /** Adds one resource (ignored unless a control looks up its type). A later duplicate ARN wins. */
  add(resource: InventoryResource): void {
    const tree = this.trees.get(resource.type);
    if (tree === undefined) return;
    this.context.resources[resource.arn] = tree === WHOLE ? (resource as unknown as JsonObject) : pick(resource as unknown as JsonObject, tree);
    const types = (this.context.by_account[resource.accountId] ??= nullObject());
    (types[resource.type] ??= []).push(resource.arn);
  }

  /** The context as main.rego reads it (data.inventory). */
  toContext(): Context {
    return this.context;
  }

  /** The context as JSON, the text setData loads. */
  toJson(): string {
    return JSON.stringify(this.context);
  }
}

/**
 * The context JSON on its way to the engine, given up once: the engine encodes it into the bytes
 * its evaluators load and lets go, so the string (54 MB on the 100,000-resource benchmark) does
 * not live on the main thread beside those bytes through the whole evaluation, as a plain
 * string held by the scan's locals would.
 */
export class ContextJson {
  /** UTF-8 size of the JSON: what the worker-count budget is computed from. */
  readonly byteLength: number;
  private json: string | undefined;

  constructor(json: string) {
    this.json = json;
    this.byteLength = Buffer.byteLength(json);
  }

  /** The JSON, once; a second call is a bug (the engine would load an empty context). */
  take(): string {
    const json = this.json;
    if (json === undefined) throw new Error('the evaluation context was already handed over');
    this.json = undefined;
    return json;
  }
}

export function buildContext(inventory: Inventory, catalog: Catalog, options: ContextOptions = {}): Context {
  const builder = new ContextBuilder(catalog, options);
  for (const resource of inventory.resources) builder.add(resource);
  return builder.toContext();
}

function addPath(tree: FieldTree, keys: string[]): void {
  const [key, ...rest] = keys;
  if (key === undefined) return;
  const existing = tree.get(key);
  if (existing === WHOLE) return;
  if (rest.length === 0) {
    tree.set(key, WHOLE);
    return;
  }
  const sub: FieldTree = existing ?? new Map<string, FieldTree | typeof WHOLE>();
  tree.set(key, sub);
  addPath(sub, rest);
}

/**
 * An ordinary object, not a null-prototype one: V8 keeps an Object.create(null) object in
 * dictionary mode, which made every trimmed resource slower to build, bigger to keep and slower
 * for JSON.stringify to write (it takes its fast path only for objects with a shape). Its keys are
 * the catalog's declared field names, not input; a "__proto__" among them is still defined as a
 * property rather than assigned, which would set the prototype instead.
 */
function pick(value: JsonObject, tree: FieldTree): JsonObject {
  const kept: JsonObject = {};
  for (const [key, sub] of tree) {
    if (!Object.hasOwn(value, key)) continue;
    const child = value[key] as JsonValue;
    const trimmed = sub === WHOLE || !isJsonObject(child) ? child : pick(child, sub);
    if (key === '__proto__') Object.defineProperty(kept, key, { value: trimmed, writable: true, enumerable: true, configurable: true });
    else kept[key] = trimmed;
  }
  return kept;
}

function nullObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
