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
    expect(rules('a if not is_array(x.y) # lint-rego: allow js-builtin — another rule')).toEqual(['1: not-call-on-field']);
  });

  it('flags every call to a builtin opa-wasm implements in JavaScript, whatever its arguments', () => {
    expect(
      rules('a := sprintf("%s", [x])\nb := regex.split(",", s)\nc := yaml.marshal(x)\nd := yaml.unmarshal(s)\ne if yaml.is_valid(s)\nf := sprintf (\n\t"%d",\n\t[n],\n)'),
    ).toEqual(['1: js-builtin', '2: js-builtin', '3: js-builtin', '4: js-builtin', '5: js-builtin', '6: js-builtin']);
    // Native ones, and the names in strings, comments or inside other names, are fine.
    expect(rules('a := concat("", ["x", lib.text(y), format_int(n, 10)])\nb := "sprintf(x)"\n# sprintf("%q", [x])\nc := my_sprintf(x)\nd := lib.sprintf(x)\ne if json.is_valid(s)')).toEqual([]);
  });

  it('takes no exception comment for a JavaScript builtin (the bundle audit would fail anyway)', () => {
    expect(rules('# lint-rego: allow js-builtin — messages are rare here\na := sprintf("%s", [x])')).toEqual(['2: js-builtin']);
  });

  it('finds no violation in policies/', () => {
    const { violations } = lintRego();
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.rule}: ${v.code}`)).toEqual([]);
  });
});
