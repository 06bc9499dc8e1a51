import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { credentialShaped, SECRET_NAME_WORDS, SECRET_VALUE_PATTERNS, secretName } from '../../src/inventory/credential-shapes.js';

// The collector's copy must say what lib.rego says: a word the copy misses is dropped from the
// inventory (a false pass of CAFAI-AS-50), one it wrongly keeps is redacted anyway.
const LIB = readFileSync(new URL('../../policies/lib/lib.rego', import.meta.url), 'utf8');

/** The Rego raw strings (`…`) of one rule's body, in order. */
function rawStrings(rule: string): string[] {
  const start = LIB.indexOf(`\n${rule} := [`);
  expect(start).toBeGreaterThan(-1);
  const body = LIB.slice(start, LIB.indexOf('\n]\n', start));
  return [...body.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
}

describe("the collector's copy of lib.rego's credential shapes", () => {
  it('has the same name words as lib.secret_name_words', () => {
    const start = LIB.indexOf('\nsecret_name_words := [');
    const body = LIB.slice(start, LIB.indexOf('\n]\n', start));
    expect([...body.matchAll(/"([^"]+)"/g)].map((m) => m[1])).toEqual(SECRET_NAME_WORDS);
  });

  it('has the same value patterns as lib.secret_value_patterns', () => {
    // The sk- entry is three patterns joined with "|" in Rego.
    const rego = rawStrings('secret_value_patterns');
    const copy = SECRET_VALUE_PATTERNS.flatMap((p) => (p.includes('sk-') ? p.split('|(^|').map((part, i) => (i === 0 ? part : `(^|${part}`)) : [p]));
    expect(copy).toEqual(rego.filter((p) => !p.startsWith('|')));
  });

  it('has the same whole-value AWS secret key shape', () => {
    expect(LIB).toContain('aws_secret_key_pattern := `^[A-Za-z0-9/+]{40}$`');
  });

  it('classifies as lib.looks_secret does', () => {
    expect(credentialShaped('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(credentialShaped('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
    expect(credentialShaped('"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"')).toBe(true);
    expect(credentialShaped('aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY,x')).toBe(true);
    expect(credentialShaped('https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x')).toBe(true);
    expect(credentialShaped('task-abcdefghijklmnopqrstuvwxyz0123456789')).toBe(false);
    expect(credentialShaped('0123456789abcdef0123456789abcdef01234567')).toBe(false); // a SHA-1, no upper case
    expect(credentialShaped('/home/ec2-user/anaconda3/bin/activate')).toBe(false);
    // A password inside a URL, not a placeholder or a URL without one.
    expect(credentialShaped('postgresql://admin:S3cretPw@db.internal:5432/features')).toBe(true);
    expect(credentialShaped('redis://:hunter2@cache:6379/0')).toBe(true);
    expect(credentialShaped('postgresql://admin:${DB_PASSWORD}@db.internal/features')).toBe(false);
    expect(credentialShaped('postgresql://admin@db.internal/features')).toBe(false);
    expect(credentialShaped('s3://bucket/a:b@c')).toBe(false);
    expect(secretName('HF_TOKEN')).toBe(true);
    expect(secretName('db_password')).toBe(true);
    expect(secretName('MAX_NEW_TOKENS')).toBe(false);
    expect(secretName('TOKENIZER_NAME')).toBe(false);
    expect(secretName('region')).toBe(false);
  });
});
