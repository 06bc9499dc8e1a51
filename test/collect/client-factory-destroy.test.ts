import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/collect/aws-clients.js';
import { CallLog } from '../../src/collect/call-log.js';
import { fakeAws } from '../helpers/fake-aws.js';

describe('a ClientFactory that was destroyed (an account given up past its deadline)', () => {
  it('sends nothing more: cached clients fail at once and no new client is made', async () => {
    const server = await fakeAws(() => ({ type: 'application/x-amz-json-1.1', body: { Keys: [] } }));
    try {
      const factory = new ClientFactory({
        credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }),
        endpoint: server.endpoint,
        maxAttempts: 1,
        requestTimeoutMs: 5000,
        log: new CallLog(),
        declaredOperations: new Set(['kms:ListKeys']),
      });
      const kms = factory.client(KMSClient, 'us-east-1');
      await kms.send(new ListKeysCommand({}));
      expect(server.requests).toHaveLength(1);
      factory.destroy();
      await expect(kms.send(new ListKeysCommand({}))).rejects.toThrow(/given up .*kms:ListKeys not sent/);
      expect(() => factory.client(S3Client, 'us-east-1')).toThrow(/given up/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
