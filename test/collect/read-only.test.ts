import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import { ORCHESTRATION_OPERATIONS, iamActionFor, readOnlyPolicy } from '../../src/collect/iam-actions.js';
import { isReadAction } from '../../src/collect/read-only.js';
import { ALL_COLLECTORS, collectorOperations } from '../../src/collect/registry.js';
import { repoRoot } from '../helpers/cli.js';

const declared = [...collectorOperations(ALL_COLLECTORS), ...ORCHESTRATION_OPERATIONS];

/** Every `new XxxCommand(` in the collection code: all the commands it can possibly send. */
function commandsInSource(): Array<{ file: string; operation: string }> {
  const found: Array<{ file: string; operation: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        // `import { ListTagsForResourceCommand as ListAgentTagsCommand }`: resolve to the SDK's name.
        const aliases = new Map([...text.matchAll(/(\w+)Command as (\w+)Command/g)].map((m) => [m[2]!, m[1]!]));
        for (const match of text.matchAll(/new (\w+)Command\(/g)) found.push({ file: path, operation: aliases.get(match[1]!) ?? match[1]! });
      }
    }
  };
  walk(join(repoRoot, 'src', 'collect'));
  return found;
}

describe('cafscan only reads', () => {
  it('every operation a collector declares is a read', () => {
    expect(declared.length).toBeGreaterThan(5);
    for (const operation of declared) expect(isReadAction(operation), operation).toBe(true);
  });

  it('every SDK command the collection code constructs is declared by a collector and is a read', () => {
    const commands = commandsInSource();
    expect(commands.length).toBeGreaterThan(5);
    for (const { file, operation } of commands) {
      const asDeclared = declared.filter((op) => op.split(':')[1] === operation);
      expect(asDeclared.length, `${operation} in ${file} is not declared`).toBeGreaterThan(0);
      for (const op of asDeclared) expect(isReadAction(op), `${op} in ${file}`).toBe(true);
    }
  });

  it('recognises writes as writes', () => {
    for (const write of ['s3:PutBucketPolicy', 'iam:CreateUser', 'sagemaker:DeleteModel', 'sagemaker:UpdateEndpoint', 'kms:ScheduleKeyDeletion', 'iam:Getaway', 's3:Listen']) {
      expect(isReadAction(write), write).toBe(false);
    }
    expect(isReadAction('iam:GenerateCredentialReport')).toBe(true);
    expect(isReadAction('iam:GenerateServiceLastAccessedDetails')).toBe(true);
    expect(isReadAction('iam:GenerateOrganizationsAccessReport')).toBe(false);
  });

  it('refuses to send a write (or any undeclared call) at run time, before it leaves the process', async () => {
    const log = new CallLog();
    const factory = new ClientFactory({ credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }), endpoint: 'http://127.0.0.1:9', maxAttempts: 1, requestTimeoutMs: 1000, log, declaredOperations: new Set(['s3:DeleteBucket', 's3:ListBuckets']) });
    const s3 = factory.client(S3Client, 'us-east-1');
    await expect(s3.send(new DeleteBucketCommand({ Bucket: 'b' }))).rejects.toThrow('cafscan refuses to send s3:DeleteBucket');
    expect(log.records).toEqual([]);
  });

  it('ships docs/iam-policy.json as the read-only policy derived from the collectors (run `npm run docs`)', () => {
    const shipped = JSON.parse(readFileSync(join(repoRoot, 'docs', 'iam-policy.json'), 'utf8'));
    expect(shipped).toEqual(readOnlyPolicy(ALL_COLLECTORS));
    for (const action of shipped.Statement[0].Action as string[]) expect(isReadAction(action) || action === 'apigateway:GET', action).toBe(true);
    expect(iamActionFor('s3:GetBucketEncryption')).toBe('s3:GetEncryptionConfiguration');
  });
});
