import { CreateKeyCommand, EnableKeyRotationCommand, type CreateKeyCommandInput, KMSClient, ScheduleKeyDeletionCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmsCollector } from '../../src/collect/services/kms.js';
import { evaluateInventory } from '../../src/engine/evaluate.js';
import { makeFindings } from '../../src/findings/make-findings.js';
import { buildInventory } from '../../src/inventory/build-inventory.js';
import type { InventoryResource } from '../../src/model/inventory.js';
import { runCollectorAgainst } from '../helpers/collect.js';
import { startMoto, MOTO_ACCOUNT, type Moto } from '../helpers/moto.js';
import { jsonError, startMotoProxy } from '../helpers/moto-proxy.js';
import { loadPolicyBundle } from '../../src/controls/catalog.js';

const PAGE = 2;

const keyPolicy = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

describe('KMS collector against moto', () => {
  let moto: Moto;
  let proxy: Moto;
  const ids = { rotating: '', stale: '', signing: '', leaving: '', denied: '', opaque: '', shared: '', policyDenied: '' };
  let part: Awaited<ReturnType<typeof runCollectorAgainst>>;
  const key = (id: string): InventoryResource => {
    const found = part.resources.find((r) => r.type === 'AWS::KMS::Key' && r.id === id);
    if (!found) throw new Error(`key ${id} not collected`);
    return found;
  };

  beforeAll(async () => {
    moto = await startMoto();
    // moto answers ListKeys whole; KMS pages it (and may return fewer keys than Limit), so the
    // proxy cuts moto's answer into pages of two, keyed by Marker. It also denies rotation
    // status for one key, as a key policy that does not grant the scanner would.
    proxy = await startMotoProxy(moto, async (req, forward) => {
      if (req.target === 'TrentService.ListKeys') {
        const { Marker } = JSON.parse(req.body || '{}') as { Marker?: string };
        const whole = JSON.parse((await forward()).body) as { Keys: unknown[] };
        const start = Marker ? Number(Marker) : 0;
        const more = start + PAGE < whole.Keys.length;
        return {
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: JSON.stringify({ Keys: whole.Keys.slice(start, start + PAGE), Truncated: more, ...(more ? { NextMarker: String(start + PAGE) } : {}) }),
        };
      }
      const keyId = req.body ? (JSON.parse(req.body) as { KeyId?: string }).KeyId : undefined;
      if (req.target === 'TrentService.GetKeyRotationStatus' && keyId === ids.denied) return jsonError('AccessDeniedException');
      if (req.target === 'TrentService.DescribeKey' && keyId === ids.opaque) return jsonError('AccessDeniedException');
      if (req.target === 'TrentService.GetKeyPolicy' && keyId === ids.policyDenied) return jsonError('AccessDeniedException');
      return undefined;
    });

    const kms = new KMSClient(moto.clientConfig());
    const create = async (input: CreateKeyCommandInput) => (await kms.send(new CreateKeyCommand(input))).KeyMetadata!.KeyId!;
    // KeyUsage spelled out: AWS defaults it to ENCRYPT_DECRYPT, moto leaves it unset.
    ids.rotating = await create({ Description: 'training data', KeyUsage: 'ENCRYPT_DECRYPT', Policy: JSON.stringify(keyPolicy), Tags: [{ TagKey: 'owner', TagValue: 'ml-platform' }] });
    await kms.send(new EnableKeyRotationCommand({ KeyId: ids.rotating }));
    await kms.send(new TagResourceCommand({ KeyId: ids.rotating, Tags: [{ TagKey: 'data-classification', TagValue: 'confidential' }] }));
    ids.stale = await create({ Description: 'forgotten key' });
    ids.signing = await create({ Description: 'model signing', KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    ids.leaving = await create({ Description: 'old key' });
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: ids.leaving, PendingWindowInDays: 7 }));
    ids.denied = await create({ Description: 'someone else’s key' });
    ids.opaque = await create({ Description: 'cannot even be described' });
    // A key whose policy also lets another account decrypt (CAFAI-DP-20), and one whose policy
    // the scanner may not read.
    const partner = { Sid: 'PartnerDecrypt', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:Decrypt', Resource: '*' };
    ids.shared = await create({ Description: 'shared with a partner', KeyUsage: 'ENCRYPT_DECRYPT', Policy: JSON.stringify({ ...keyPolicy, Statement: [...keyPolicy.Statement, partner] }) });
    ids.policyDenied = await create({ Description: 'policy unreadable', KeyUsage: 'ENCRYPT_DECRYPT' });

    part = await runCollectorAgainst(proxy, kmsCollector);
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('follows ListKeys to the last page', () => {
    expect(part.log.records.filter((r) => r.action === 'kms:ListKeys')).toHaveLength(4); // 8 keys, 2 a page
    expect(part.resources.map((r) => r.id).sort()).toEqual(Object.values(ids).sort());
    expect(part.coverage).toEqual([{ accountId: MOTO_ACCOUNT, region: 'us-east-1', resourceType: 'AWS::KMS::Key', status: 'complete' }]);
  });

  it('records a customer managed key the way AWS Config does', () => {
    const rotating = key(ids.rotating);
    expect(rotating).toMatchObject({
      arn: `arn:aws:kms:us-east-1:${MOTO_ACCOUNT}:key/${ids.rotating}`,
      name: ids.rotating,
      accountId: MOTO_ACCOUNT,
      region: 'us-east-1',
      tags: { owner: 'ml-platform', 'data-classification': 'confidential' },
    });
    expect(rotating.configuration).toEqual({
      keyId: ids.rotating,
      arn: `arn:aws:kms:us-east-1:${MOTO_ACCOUNT}:key/${ids.rotating}`,
      awsaccountId: MOTO_ACCOUNT,
      creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      enabled: true,
      description: 'training data',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      deletionDate: null,
      validTo: null,
      origin: 'AWS_KMS',
      customKeyStoreId: null,
      cloudHsmClusterId: null,
      expirationModel: null,
      keyManager: 'CUSTOMER',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      keySpec: 'SYMMETRIC_DEFAULT',
      encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      signingAlgorithms: [],
      multiRegion: false,
    });
    expect(rotating.supplementaryConfiguration).toEqual({ KeyRotationStatus: true, Policy: keyPolicy });
    expect(rotating.collectionErrors).toBeUndefined();
    expect(key(ids.stale).supplementaryConfiguration.KeyRotationStatus).toBe(false);
    expect(key(ids.stale).tags).toEqual({});
  });

  it('asks rotation status only of keys that can rotate automatically', () => {
    const signing = key(ids.signing);
    expect(signing.configuration).toMatchObject({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY', signingAlgorithms: expect.arrayContaining(['RSASSA_PSS_SHA_256']) });
    expect(signing.supplementaryConfiguration).not.toHaveProperty('KeyRotationStatus');
    const leaving = key(ids.leaving);
    expect(leaving.configuration).toMatchObject({ keyState: 'PendingDeletion', deletionDate: expect.stringMatching(/^\d{4}-/) });
    expect(leaving.supplementaryConfiguration).not.toHaveProperty('KeyRotationStatus');
    expect(part.log.records.filter((r) => r.action === 'kms:GetKeyRotationStatus')).toHaveLength(5); // rotating, stale, denied, shared, policyDenied
    expect(signing.collectionErrors).toBeUndefined();
    expect(leaving.collectionErrors).toBeUndefined();
  });

  it('leaves out a rotation status it could not read and says why', () => {
    const denied = key(ids.denied);
    expect(denied.supplementaryConfiguration).not.toHaveProperty('KeyRotationStatus');
    expect(denied.supplementaryConfiguration.Policy).toEqual(expect.objectContaining({ Statement: expect.any(Array) }));
    expect(denied.collectionErrors).toEqual({ KeyRotationStatus: 'kms:GetKeyRotationStatus was denied (AccessDeniedException)' });
  });

  it('keeps a key it could not describe, marked as unreadable', () => {
    const opaque = key(ids.opaque);
    expect(opaque.configuration).toEqual({ keyId: ids.opaque, arn: `arn:aws:kms:us-east-1:${MOTO_ACCOUNT}:key/${ids.opaque}` });
    expect(opaque.supplementaryConfiguration).not.toHaveProperty('KeyRotationStatus');
    expect(opaque.collectionErrors).toEqual({ configuration: 'kms:DescribeKey was denied (AccessDeniedException)' });
  });

  it('gives CAFAI-DP-05 what it needs', async () => {
    const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z'), allResources: true }));
    const rotation = (id: string) => findings.find((f) => f.controlId === 'CAFAI-DP-05' && f.resource.id === id);
    expect(rotation(ids.rotating)?.status).toBe('pass');
    expect(rotation(ids.stale)).toMatchObject({ status: 'fail', message: `KMS key ${ids.stale} does not have automatic key rotation enabled.` });
    expect(rotation(ids.denied)).toMatchObject({ status: 'not_evaluated', reason: expect.stringContaining('kms:GetKeyRotationStatus was denied') });
    expect(rotation(ids.opaque)).toMatchObject({ status: 'not_evaluated', reason: expect.stringContaining("the resource's configuration could not be read") });
    // Asymmetric keys and keys pending deletion are out of the control's scope.
    expect(rotation(ids.signing)).toBeUndefined();
    expect(rotation(ids.leaving)).toBeUndefined();
  });

  it('gives CAFAI-DP-20 the key policy, or the reason it could not be read', async () => {
    const inventory = buildInventory([{ source: 'live', resources: part.resources, coverage: part.coverage }]);
    const findings = makeFindings(await evaluateInventory(inventory, { bundle: loadPolicyBundle(), scanTime: new Date('2026-01-01T00:00:00Z'), allResources: true }));
    const outside = (id: string) => findings.find((f) => f.controlId === 'CAFAI-DP-20' && f.resource.id === id);
    expect(outside(ids.rotating)?.status).toBe('pass');
    // moto's default key policy: the account's root only.
    expect(outside(ids.stale)?.status).toBe('pass');
    expect(outside(ids.shared)).toMatchObject({ status: 'fail', message: `KMS key ${ids.shared}'s key policy grants principals outside account ${MOTO_ACCOUNT} (statement "PartnerDecrypt").` });
    expect(key(ids.policyDenied).collectionErrors).toEqual({ Policy: 'kms:GetKeyPolicy was denied (AccessDeniedException)' });
    expect(outside(ids.policyDenied)).toMatchObject({ status: 'not_evaluated', reason: 'the key policy is not in the inventory (collection errors on this resource: kms:GetKeyPolicy was denied (AccessDeniedException))' });
    expect(outside(ids.leaving)).toBeUndefined();
  });
});
