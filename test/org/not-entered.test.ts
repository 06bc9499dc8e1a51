import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_COLLECTORS } from '../../src/collect/registry.js';
import { ACCOUNT_FACT_KEYS, notEnteredInventory } from '../../src/org/not-entered.js';
import { repoRoot } from '../helpers/cli.js';

const REASON = 'cannot enter account 111122223333: sts:AssumeRole on arn:aws:iam::111122223333:role/cafscan-audit was denied (AccessDenied)';

describe('an account that cannot be entered', () => {
  it('ACCOUNT_FACT_KEYS lists every fact a collector records (ctx.fact) and nothing else', () => {
    const dir = join(repoRoot, 'src', 'collect', 'services');
    const recorded = new Set(readdirSync(dir).flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/ctx\.fact\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]!)));
    expect([...ACCOUNT_FACT_KEYS].sort()).toEqual([...recorded].sort());
  });

  it('has every type the collectors cover failed with the reason, in every region (global types in "global")', () => {
    const inventory = notEnteredInventory('111122223333', ['us-east-1', 'eu-west-1'], ALL_COLLECTORS, REASON);
    const expected = new Set(ALL_COLLECTORS.flatMap((c) => c.resourceTypes.flatMap((t) => (c.scope === 'global' ? [`global ${t}`] : [`us-east-1 ${t}`, `eu-west-1 ${t}`]))));
    expect(new Set(inventory.coverage.map((c) => `${c.region} ${c.resourceType}`))).toEqual(expected);
    expect(inventory.coverage.every((c) => c.status === 'failed' && c.reason === REASON && c.accountId === '111122223333')).toBe(true);
    expect(inventory.accounts).toEqual(['111122223333']);
    expect(inventory.regions).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('holds only its account resources, whose facts are all unknown with the reason and which collected nothing', () => {
    const inventory = notEnteredInventory('111122223333', ['us-east-1', 'eu-west-1'], ALL_COLLECTORS, REASON);
    expect(inventory.resources.map((r) => r.arn)).toEqual(['arn:aws::eu-west-1:111122223333:account', 'arn:aws::us-east-1:111122223333:account']);
    for (const account of inventory.resources) {
      expect(account.configuration.collectedTypes).toEqual([]);
      expect(account.configuration.factErrors).toEqual(Object.fromEntries(ACCOUNT_FACT_KEYS.map((k) => [k, REASON])));
      for (const key of ACCOUNT_FACT_KEYS) expect(account.configuration[key]).toBeUndefined();
      expect(Object.values(account.configuration.failedTypes as Record<string, string>).every((r) => r === REASON)).toBe(true);
    }
  });
});
