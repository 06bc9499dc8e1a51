import fc from 'fast-check';
import type { JsonValue } from '../../src/json.js';
import { HOSTILE_KEYS, OTHER_ACCOUNT } from './harness.js';

/**
 * Generators for hostile configuration items: arbitrary JSON shapes, keys that name
 * Object.prototype members, odd encodings (lone surrogates, NUL, bidi overrides, very long
 * strings) and deep nesting — some within cafscan's depth limit, some past it.
 */

/** Not text: cafscan refuses them (exit 2), so they are kept rare enough for most runs to scan. */
const LONE_SURROGATES = ['\uD800', '\uDFFF', 'a\uDC00b'];
const ODD = ['\u0000', 'nul\u0000byte', '\u202Egnp.exe', '\u200F\u05D0', '\uFEFF', '%', '%E0%A4%A', '\\', '"', '{', 'null', ' ', 'x'.repeat(20_000)];

// Per string: unicode text (astral, RTL, combining), ASCII with control characters, the
// Object.prototype names, the odd encodings; lone surrogates about once in four hundred strings.
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 120, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  { weight: 100, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 24 }) },
  { weight: 90, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 90, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
);

/** Arbitrary JSON whose object keys include the hostile ones (own keys, as JSON.parse makes them). */
export const hostileJson: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileString, tie('value')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries) as JsonValue),
  ),
})).value;

/** A value wrapped in `levels` objects and lists (cafscan reads up to 256 levels). */
export function deep(value: JsonValue, levels: number): JsonValue {
  let out = value;
  for (let i = 0; i < levels; i++) out = i % 2 ? [out] : ({ Environment: out } as JsonValue);
  return out;
}

const nesting = fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 240 }) }, { weight: 1, arbitrary: fc.integer({ min: 240, max: 2000 }) });

/** A configuration: an object (plain or JSON-encoded, as the API sends it), corrupt text, or no object at all. */
const configuration = fc.tuple(hostileJson, nesting, fc.nat(3)).map(([value, levels, form]): JsonValue => {
  const object = { Nested: deep(value, levels), DirectInternetAccess: value } as JsonValue;
  if (form === 0) return object;
  if (form === 1) return JSON.stringify(object);
  if (form === 2) return JSON.stringify(object).slice(0, -1); // truncated
  return value;
});

const captureTime = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), fc.integer({ min: -12, max: 14 })).map(([d, h]) => {
    const local = new Date(d.getTime() + h * 3_600_000).toISOString().slice(0, 19);
    return `${local}${h < 0 ? '-' : '+'}${String(Math.abs(h)).padStart(2, '0')}:00`;
  }),
  fc.integer({ min: 0, max: 2_000_000_000_000 }),
  hostileString,
);

/**
 * One configuration item, built over a demo item of a random type (so real controls run on the
 * odd data), in another account than the anchor's.
 */
export function hostileItem(demoTypes: string[]): fc.Arbitrary<Record<string, JsonValue>> {
  return fc.record({
    resourceType: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...demoTypes) }, { weight: 1, arbitrary: hostileString }),
    resourceId: fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) }, { weight: 1, arbitrary: hostileString }),
    resourceName: hostileString,
    ARN: fc.option(hostileString, { nil: undefined }),
    awsAccountId: fc.oneof({ weight: 3, arbitrary: fc.constant(OTHER_ACCOUNT) }, { weight: 1, arbitrary: hostileString }),
    awsRegion: fc.oneof(fc.constantFrom('us-east-1', 'global', 'eu-west-1'), hostileString),
    configurationItemCaptureTime: captureTime,
    configurationItemStatus: fc.constantFrom('OK', 'ResourceDiscovered', 'ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded', '__proto__'),
    configuration,
    supplementaryConfiguration: fc.oneof(hostileJson, hostileJson.map((v) => JSON.stringify(v))),
    tags: fc.oneof(hostileJson, fc.array(fc.record({ key: hostileString, value: hostileJson }), { maxLength: 3 })),
    relationships: fc.oneof(hostileJson, fc.array(fc.record({ relationshipName: hostileString, resourceType: hostileString, resourceId: hostileString }), { maxLength: 3 })),
  }, { requiredKeys: ['resourceType', 'resourceId', 'configuration'] }).map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as Record<string, JsonValue>);
}
