// Synthetic AWS Config snapshots for the benchmark (npm run bench): one account's S3 buckets, IAM
// roles and KMS keys, cloned from real Config item shapes (the demo snapshot and the real-world
// snapshots in ../shared/real-world), with unique names, ids and ARNs, gzipped as Config
// delivers them. Deterministic: the same arguments give the same file, so files are reused.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { repoRoot } from './opa-cli.mjs';

const TYPES = ['AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::KMS::Key'];
// Real-world data others collected (optional: the demo's items suffice when it is absent).
const REAL_WORLD = join(repoRoot, '..', '..', 'shared', 'real-world');

/** Snapshot-shaped items (configurationItemVersion 1.3 fields) of the three types, by type. */
function templates() {
  const files = [join(repoRoot, 'fixtures', 'demo', 'config-snapshot.json')];
  if (existsSync(REAL_WORLD)) files.push(...readdirSync(REAL_WORLD).filter((f) => f.endsWith('.json')).sort().map((f) => join(REAL_WORLD, f)));
  const byType = new Map(TYPES.map((t) => [t, []]));
  for (const file of files) {
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue; // not JSON (or not ours to judge): only well-formed snapshots are templates
    }
    const items = Array.isArray(parsed?.configurationItems) ? parsed.configurationItems : [];
    for (const item of items) {
      const snapshotShaped = item && typeof item.awsAccountId === 'string' && /^\d{12}$/.test(item.awsAccountId) && typeof item.ARN === 'string'
        && typeof item.resourceId === 'string' && typeof item.resourceName === 'string' && item.configuration && typeof item.configuration === 'object';
      if (snapshotShaped && byType.has(item.resourceType) && item.resourceName.length >= 4) byType.get(item.resourceType).push(item);
    }
  }
  return byType;
}

/**
 * A template serialised once with placeholders for its name, id and account, so a clone is
 * three replaceAll calls (names embed the account id, so the name goes first).
 */
function compile(item) {
  let text = JSON.stringify(item).replaceAll(item.resourceName, '\u0000N');
  if (item.resourceId !== item.resourceName) text = text.replaceAll(item.resourceId, '\u0000I');
  return { type: item.resourceType, name: item.resourceName, account: item.awsAccountId, text: text.replaceAll(item.awsAccountId, '\u0000A') };
}

function clone(template, i, accountId) {
  let name;
  let id;
  if (template.type === 'AWS::KMS::Key') {
    // Key ids are UUIDs and Config names keys by id.
    id = `${accountId.slice(4)}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    name = id;
  } else {
    name = `${template.name.replaceAll(template.account, accountId)}-${i}`;
    id = template.type === 'AWS::IAM::Role' ? `AROA${i.toString(36).toUpperCase().padStart(17, '0')}` : name;
  }
  return template.text.replaceAll('\u0000N', name).replaceAll('\u0000I', id).replaceAll('\u0000A', accountId);
}

/**
 * Writes (or reuses) bench-output/snapshot-<account>-<items>-<hash>.json.gz: `items` Config
 * items, a third each of buckets, roles and keys, and returns its path.
 */
export async function syntheticSnapshot(outDir, items, accountId) {
  const byType = templates();
  const compiled = TYPES.map((t) => byType.get(t).map(compile));
  const hash = createHash('sha256').update(readFileSync(new URL(import.meta.url))).update(JSON.stringify(compiled)).digest('hex').slice(0, 10);
  const file = join(outDir, `snapshot-${accountId}-${items}-${hash}.json.gz`);
  if (existsSync(file)) return file;
  function* chunks() {
    yield `{"fileVersion":"1.0","configSnapshotId":"bench-${accountId}-${items}","configurationItems":[`;
    let batch = [];
    for (let i = 0; i < items; i++) {
      const ofType = compiled[i % TYPES.length];
      batch.push(clone(ofType[Math.floor(i / TYPES.length) % ofType.length], i, accountId));
      if (batch.length === 1000 || i === items - 1) {
        yield (i < 1000 ? '' : ',') + batch.join(',');
        batch = [];
      }
    }
    yield ']}\n';
  }
  const partial = `${file}.partial`;
  await pipeline(Readable.from(chunks()), createGzip(), createWriteStream(partial));
  renameSync(partial, file);
  return file;
}
