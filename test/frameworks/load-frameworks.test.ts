import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../../src/errors.js';
import { frameworkControlProblems, loadFrameworks, parseFramework } from '../../src/frameworks/load-frameworks.js';
import { tempDir } from '../helpers/cli.js';

/** A valid framework with one requirement of each form; each test breaks one thing. */
function sample(): Record<string, unknown> {
  return {
    id: 'sample',
    name: 'Sample framework',
    version: '1.0',
    source: 'https://example.com/sample',
    sections: [{ id: 's1', title: 'Section one' }],
    requirements: [
      { id: 'R1', title: 'Automated', section: 's1', controls: ['CAFAI-DP-01'] },
      { id: 'R2', title: 'Partly automated', controls: ['CAFAI-DP-02', 'CAFAI-DP-03'], partial: 'the rest by hand' },
      { id: 'R3', title: 'Manual', manual: true, check: 'look at the runbook' },
      { id: 'R4', title: 'Not covered', notCovered: 'not collected yet (issue 13)', check: 'look in the console' },
    ],
  };
}
const requirement = (doc: Record<string, unknown>, i: number) => (doc.requirements as Array<Record<string, unknown>>)[i]!;
const parse = (doc: unknown) => parseFramework(stringify(doc), 'rules/sample.yaml');

function rejection(doc: unknown): string {
  try {
    parse(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('accepted');
}

describe('parseFramework', () => {
  it('normalizes the three requirement forms into a tagged union', () => {
    const framework = parse(sample());
    expect(framework.requirements).toEqual([
      { id: 'R1', title: 'Automated', section: 's1', kind: 'automated', controls: ['CAFAI-DP-01'] },
      { id: 'R2', title: 'Partly automated', kind: 'automated', controls: ['CAFAI-DP-02', 'CAFAI-DP-03'], partial: 'the rest by hand' },
      { id: 'R3', title: 'Manual', kind: 'manual', check: 'look at the runbook' },
      { id: 'R4', title: 'Not covered', kind: 'not-covered', notCovered: 'not collected yet (issue 13)', check: 'look in the console' },
    ]);
    expect(framework.file).toBe('rules/sample.yaml');
  });

  it('rejects a missing framework id', () => {
    const doc = sample();
    delete doc.id;
    expect(rejection(doc)).toBe("framework file rules/sample.yaml: /: must have required property 'id'");
  });

  it('rejects a requirement without an id', () => {
    const doc = sample();
    delete requirement(doc, 0).id;
    expect(rejection(doc)).toBe("framework file rules/sample.yaml: /requirements/0: must have required property 'id'");
  });

  it('rejects empty controls (use manual or notCovered instead)', () => {
    const doc = sample();
    requirement(doc, 0).controls = [];
    expect(rejection(doc)).toBe('framework file rules/sample.yaml: /requirements/0/controls: must NOT have fewer than 1 items');
  });

  it('rejects unknown keys at the top and in a requirement', () => {
    expect(rejection({ ...sample(), owner: 'me' })).toBe('framework file rules/sample.yaml: /: unknown key "owner"');
    const doc = sample();
    requirement(doc, 1).status = 'pass';
    expect(rejection(doc)).toBe('framework file rules/sample.yaml: /requirements/1: unknown key "status"');
  });

  it('rejects a requirement that is none of the three forms, or more than one', () => {
    const doc = sample();
    delete requirement(doc, 0).controls;
    expect(rejection(doc)).toMatch(/^framework file rules\/sample\.yaml: \/requirements\/0: a requirement has exactly one of controls/);
    const both = sample();
    Object.assign(requirement(both, 0), { manual: true, check: 'x' });
    expect(rejection(both)).toMatch(/\/requirements\/0: a requirement has exactly one of controls/);
    const uncoveredAndManual = sample();
    requirement(uncoveredAndManual, 2).notCovered = 'x';
    expect(rejection(uncoveredAndManual)).toMatch(/\/requirements\/2: a requirement has exactly one of controls/);
  });

  it('rejects manual without check, manual: false and partial without controls', () => {
    const doc = sample();
    delete requirement(doc, 2).check;
    expect(rejection(doc)).toBe('framework file rules/sample.yaml: /requirements/2: manual: true needs check (what to check by hand)');
    const falseManual = sample();
    requirement(falseManual, 2).manual = false;
    expect(rejection(falseManual)).toBe('framework file rules/sample.yaml: /requirements/2/manual: must be true');
    const partialUncovered = sample();
    requirement(partialUncovered, 3).partial = 'x';
    expect(rejection(partialUncovered)).toMatch(/\/requirements\/3: a requirement has exactly one of controls/);
  });

  it('rejects malformed control ids, a non-https source and duplicate controls', () => {
    const doc = sample();
    requirement(doc, 0).controls = ['DP-01'];
    expect(rejection(doc)).toBe('framework file rules/sample.yaml: /requirements/0/controls/0: must match pattern "^CAFAI-[A-Z]+-[0-9]{2}$"');
    expect(rejection({ ...sample(), source: 'http://example.com' })).toMatch(/\/source: must match pattern/);
    const dup = sample();
    requirement(dup, 0).controls = ['CAFAI-DP-01', 'CAFAI-DP-01'];
    expect(rejection(dup)).toMatch(/\/requirements\/0\/controls: must NOT have duplicate items/);
  });

  it('rejects what the schema cannot see: duplicate ids, unknown sections, a file not named after the id', () => {
    const dup = sample();
    requirement(dup, 1).id = 'R1';
    expect(rejection(dup)).toBe('framework file rules/sample.yaml: /requirements/1/id: "R1" appears twice');
    const section = sample();
    requirement(section, 0).section = 'nope';
    expect(rejection(section)).toBe('framework file rules/sample.yaml: /requirements/0/section: no section "nope"');
    expect(() => parseFramework(stringify(sample()), 'rules/other.yaml')).toThrow('id "sample" must match the file name (sample.yaml)');
    const sections = sample();
    sections.sections = [{ id: 's1', title: 'a' }, { id: 's1', title: 'b' }];
    expect(rejection(sections)).toBe('framework file rules/sample.yaml: section id "s1" appears twice');
  });

  it('rejects YAML that does not parse, repeats a key, or is not a mapping', () => {
    expect(() => parseFramework('id: [unclosed', 'rules/sample.yaml')).toThrow(/^framework file rules\/sample\.yaml: not valid YAML: /);
    expect(() => parseFramework('id: a\nid: b\n', 'rules/sample.yaml')).toThrow(/not valid YAML: /);
    expect(() => parseFramework('- a\n', 'rules/sample.yaml')).toThrow('framework file rules/sample.yaml: /: must be object');
    expect(() => parseFramework('', 'rules/sample.yaml')).toThrow('framework file rules/sample.yaml: /: must be object');
  });
});

describe('frameworkControlProblems', () => {
  const known = new Set(['CAFAI-DP-01', 'CAFAI-DP-02', 'CAFAI-DP-03']);

  it('finds nothing when every control is in the catalog', () => {
    expect(frameworkControlProblems(parse(sample()), known)).toEqual([]);
  });

  it('names unknown and retired ids, with the replacement of a retired one', () => {
    const doc = sample();
    requirement(doc, 0).controls = ['CAFAI-ZZ-99'];
    requirement(doc, 1).controls = ['CAFAI-DP-12'];
    expect(frameworkControlProblems(parse(doc), known)).toEqual([
      'requirement R1: no control CAFAI-ZZ-99 in the catalog',
      'requirement R2: CAFAI-DP-12 is retired, use CAFAI-DP-01',
    ]);
  });
});

describe('loadFrameworks', () => {
  const known = new Set(['CAFAI-DP-01', 'CAFAI-DP-02', 'CAFAI-DP-03']);
  const folder = (files: Record<string, string>) => {
    const dir = join(tempDir(), 'rules');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('reads every .yaml and .yml file, ignores the rest, and sorts by id', () => {
    const other = { ...sample(), id: 'another' };
    const dir = folder({ 'sample.yaml': stringify(sample()), 'another.yml': stringify(other), 'framework.schema.json': '{}', 'README.md': '#' });
    expect(loadFrameworks(known, dir).map((f) => f.id)).toEqual(['another', 'sample']);
  });

  it('fails with one line on a control the catalog does not hold', () => {
    const doc = sample();
    requirement(doc, 0).controls = ['CAFAI-IR-04'];
    const dir = folder({ 'sample.yaml': stringify(doc) });
    expect(() => loadFrameworks(known, dir)).toThrow(/^framework file .*sample\.yaml: requirement R1: CAFAI-IR-04 is retired, use CAFAI-AS-01$/);
  });

  it('fails on two files with one framework id', () => {
    const dir = folder({ 'sample.yaml': stringify(sample()), 'sample.yml': stringify(sample()) });
    expect(() => loadFrameworks(known, dir)).toThrow(/id "sample" is also used by .*sample\.yaml$/);
  });

  it('fails with one line on a missing folder', () => {
    expect(() => loadFrameworks(known, join(tempDir(), 'nope'))).toThrow(InputError);
    expect(() => loadFrameworks(known, join(tempDir(), 'nope'))).toThrow(/^cannot read framework folder .*nope: no such folder$/);
  });
});
