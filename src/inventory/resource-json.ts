/**
 * The compact JSON text a resource object was parsed from, remembered per object so that the
 * engine need not serialise it again: the resource store holds each
 * resource as `JSON.stringify` text and parses it anew on every pass, and stringifying the parsed
 * object gave back the same text at ~5 µs a resource (0.5–0.6 s of the main thread per 100,000).
 *
 * Why the text is exact: it came from `JSON.stringify`, and `JSON.stringify(JSON.parse(s)) === s`
 * for any such `s` (property-tested in test/sources/resource-store.test.ts: integer-like and
 * "__proto__" keys, -0, lone surrogates, unicode). It stays exact only while the object is not
 * modified, so only objects nobody modifies are remembered: the store hands out a fresh parse on
 * every pass, and whoever changes a resource (redaction) changes a copy.
 *
 * A WeakMap, not a property on the object: a symbol property would be copied by `{ ...resource }`
 * into an object whose text differs, and the entry goes when the object does.
 */
const texts = new WeakMap<object, string>();

/** Parses `json` (text that `JSON.stringify` produced) and remembers it as the result's text. */
export function parseRemembered<T extends object>(json: string): T {
  const value = JSON.parse(json) as T;
  // A WeakMap key must be an object; anything else is returned as it is, remembered by nobody.
  if (typeof value === 'object' && value !== null) texts.set(value, json);
  return value;
}

/** `JSON.stringify(resource)` when that text is known without serialising; otherwise undefined. */
export function knownJson(resource: object): string | undefined {
  return texts.get(resource);
}
