import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReadAction } from '../../src/collect/read-only.js';
import { AGGREGATOR_OPERATIONS, ORGANIZATION_OPERATIONS } from '../../src/org/operations.js';
import { repoRoot } from '../helpers/cli.js';

describe('the aggregator source only reads', () => {
  it('every SDK command src/org/aggregator*.ts constructs is a declared management-account read', () => {
    const declared = [...AGGREGATOR_OPERATIONS, ...ORGANIZATION_OPERATIONS, 'sts:GetCallerIdentity'];
    const dir = join(repoRoot, 'src', 'org');
    const commands = readdirSync(dir)
      .filter((f) => f.startsWith('aggregator') && f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/new (\w+)Command\(/g)].map((m) => ({ file: f, operation: m[1]! })));
    expect(commands.map((c) => c.operation).sort()).toEqual(['BatchGetAggregateResourceConfig', 'DescribeConfigurationAggregators', 'GetCallerIdentity', 'ListAccounts', 'ListAggregateDiscoveredResources', 'SelectAggregateResourceConfig']);
    for (const { file, operation } of commands) {
      const op = declared.find((d) => d.split(':')[1] === operation);
      expect(op, `${operation} in ${file} is not declared`).toBeDefined();
      expect(isReadAction(op!), op).toBe(true);
    }
  });
});
