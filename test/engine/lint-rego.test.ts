import { describe, expect, it } from 'vitest';
import { lintRego, lintSource } from '../../scripts/lint-rego.mjs';

const rules = (source: string) => lintSource('x.rego', `package x\n\nimport data.cafscan.lib\n\n${source}\n`).map((v) => `${v.line - 4}: ${v.rule}`);

describe('scripts/lint-rego.mjs', () => {
  it('flags a negated call on a field that may be absent (undefined, not true, when it is)', () => {
    expect(rules('gap if not is_array(input.resource.configuration.attachedManagedPolicies)')).toEqual(['1: not-call-on-field']);
    expect(rules('gap if {\n\tsome s in statements\n\tnot startswith(s["Sid"], "x")\n}')).toEqual(['3: not-call-on-field']);
    expect(rules('gap if not count(conf.items) > 0')).toEqual(['1: not-call-on-field']);
    expect(rules('gap if not lib.allows({"Action": s.NotAction}, action)')).toEqual(['1: not-call-on-field']);
    expect(rules('gaps := [s | some s in xs; not is_string(s.name)]')).toEqual(['1: not-call-on-field']);
  });

  it('accepts the safe forms, comparisons, always-present fields and text in strings or comments', () => {
    expect(
      rules([
        'a if not is_array(object.get(conf, "attachedManagedPolicies", null))',
        'b if not input.resource.configuration.Foo == "x"',
        'c if not lib.is_public(bucket)',
        'd if not startswith(input.resource.arn, "arn:aws:")',
        'e if not lib.has_key(lib.configuration, "KmsKeyId")',
        'f if not private(r.configuration)',
        'g := "do not f(x.y) here"',
        '# not is_array(x.y) in a comment',
      ].join('\n')),
    ).toEqual([]);
  });

  it('takes an audited exception with its reason, on the line or the line above', () => {
    expect(rules('a if not is_array(x.y) # lint-rego: allow not-call-on-field — x.y is checked present above')).toEqual([]);
    expect(rules('# lint-rego: allow not-call-on-field — x.y is always set by the collector\na if not is_array(x.y)')).toEqual([]);
    expect(rules('a if not is_array(x.y) # lint-rego: allow not-call-on-field')).toEqual(['1: not-call-on-field']); // no reason
    expect(rules('a if not is_array(x.y) # lint-rego: allow sprintf-verb — another rule')).toEqual(['1: not-call-on-field']);
  });

  it('flags sprintf verbs sprintf-js throws on or formats differently, and formats it cannot read', () => {
    expect(rules('a := sprintf("%q", [x])\nb := sprintf("%v and %s", [x, y])\nc := sprintf(\n\t"%5d",\n\t[n],\n)\nd := sprintf(f, [x])')).toEqual([
      '1: sprintf-verb',
      '2: sprintf-verb',
      '3: sprintf-verb',
      '7: sprintf-verb',
    ]);
    expect(rules('a := sprintf("%s is %d%% done", [x, n])')).toEqual([]);
  });

  it('finds no violation in policies/', () => {
    const { violations } = lintRego();
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.rule}: ${v.code}`)).toEqual([]);
  });
});
