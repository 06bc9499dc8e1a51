import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/controls/catalog.js';
import { CONFIG_SOURCED_TYPES } from '../../src/collect/services/config.js';
import { ACCOUNT_FACTS } from '../../src/org/aggregator-coverage.js';
import { controlSources, renderSourcesSection, SECTION_END, SECTION_START, withSourcesSection } from '../../src/org/aggregator-doc.js';
import { repoRoot } from '../helpers/cli.js';

const libDir = join(repoRoot, 'policies', 'lib');
const libraries = readdirSync(libDir).filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego')).sort().map((f) => readFileSync(join(libDir, f), 'utf8'));
const rows = controlSources(loadCatalog().controls, (c) => readFileSync(join(repoRoot, c.source), 'utf8'), libraries);
const row = (id: string) => rows.find((r) => r.id === id)!;

describe('which controls need which source (docs/organizations.md)', () => {
  it('the generated section in docs/organizations.md is fresh (npm run docs)', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'organizations.md'), 'utf8');
    const section = renderSourcesSection(rows);
    expect(doc).toContain(section);
    expect(withSourcesSection(doc, section)).toBe(doc);
  });

  it('a control reading only Config-sourced types is the aggregator\'s alone; one reading other types, facts or supplements needs per-account collection, with why', () => {
    // GuardDuty enabled: the region's account resource and its GuardDuty detectors (Config records them).
    expect(row('CAFAI-TD-02')).toMatchObject({ aggregatorAlone: true, types: [], facts: [] });
    // Security Hub: an account fact.
    expect(row('CAFAI-SA-92')).toMatchObject({ aggregatorAlone: false, facts: ['securityHub'] });
    // A bucket control that reads the account's Macie facts through related_fields.
    expect(row('CAFAI-SA-08')).toMatchObject({ aggregatorAlone: false, facts: ['macie'] });
    // IAM users are not taken from Config (the credential report is not in it).
    expect(row('CAFAI-IAM-03')).toMatchObject({ aggregatorAlone: false, types: ['AWS::IAM::User'] });
    // Last-accessed data is added to Config's roles by the IAM collector, through a lib helper.
    expect(row('CAFAI-IAM-01').aggregatorAlone).toBe(true);
    const stale = rows.filter((r) => r.supplements.length > 0).map((r) => r.id);
    expect(stale.length).toBeGreaterThanOrEqual(2);
    for (const id of stale) expect(row(id).aggregatorAlone).toBe(false);
    // Every control on a type Config does not give needs per-account collection.
    const config = new Set<string>([...CONFIG_SOURCED_TYPES, 'AWS::::Account']);
    for (const control of loadCatalog().controls) {
      if (control.resourceTypes.some((t) => !config.has(t))) expect(row(control.id).aggregatorAlone).toBe(false);
    }
  });

  it('the section replaces itself and nothing else', () => {
    const doc = `# Title\n\nintro\n\n## Which controls need which source\n\n${SECTION_START}\nold\n${SECTION_END}\n\n## Next\n\ntext\n`;
    const out = withSourcesSection(doc, `${SECTION_START}\nnew\n${SECTION_END}\n`);
    expect(out).toBe(`# Title\n\nintro\n\n## Which controls need which source\n\n${SECTION_START}\nnew\n${SECTION_END}\n\n## Next\n\ntext\n`);
  });
});

describe('account facts an aggregator cannot give', () => {
  it('ACCOUNT_FACTS names exactly the facts the collectors record', () => {
    const dir = join(repoRoot, 'src', 'collect', 'services');
    const names = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\bfact\('([A-Za-z]+)'/g)) names.add(m[1]!);
    }
    expect([...ACCOUNT_FACTS].sort()).toEqual([...names].sort());
  });
});
