import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { OCSF_VERSION, OcsfWriter, ocsfChunks, type OcsfDetectionFinding } from '../../src/reporters/ocsf/ocsf.js';
import type { ScanResults } from '../../src/model/results.js';
import { demoResults, HOSTILE, hostileResults, joined } from '../helpers/format-fixtures.js';

/** An OCSF export's enum: value → { caption }. */
type OcsfEnum = Record<string, { caption: string }>;
interface OcsfExport {
  version: string;
  classes: Record<string, { uid: number; caption: string; category_uid: number; category_name: string; attributes: Record<string, { enum?: OcsfEnum }> }>;
  objects: Record<string, { attributes: Record<string, { enum?: OcsfEnum }> }>;
}

let validate: ValidateFunction;
let ocsf: OcsfExport;
let demo: ScanResults;
let hostile: ScanResults;

beforeAll(() => {
  // The published OCSF schema at a pinned version (downloaded once into a gitignored cache).
  const run = spawnSync(process.execPath, ['scripts/ensure-ocsf-schema.mjs'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const cache = run.stdout.trim();
  ocsf = JSON.parse(readFileSync(join(cache, 'export.json'), 'utf8')) as OcsfExport;
  const schema = JSON.parse(readFileSync(join(cache, 'detection_finding.cloud.schema.json'), 'utf8')) as Record<string, unknown>;
  validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  demo = demoResults();
  hostile = hostileResults(demo);
});

function events(results: ScanResults): OcsfDetectionFinding[] {
  return JSON.parse(joined(ocsfChunks(results))) as OcsfDetectionFinding[];
}

function expectValid(event: unknown): void {
  const ok = validate(event);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
}

function eventOf(results: ScanResults, pick: (f: Finding) => boolean): OcsfDetectionFinding {
  const index = results.findings.findIndex(pick);
  expect(index).toBeGreaterThanOrEqual(0);
  return events(results)[index]!;
}

describe('OCSF Detection Finding reporter', () => {
  it('is validated against the schema the OCSF project publishes for this version', () => {
    expect(ocsf.version).toBe(OCSF_VERSION);
    // Not a vacuous check: an event missing a required attribute or with an unknown enum value fails.
    const good = events(demo)[0]!;
    expectValid(good);
    expect(validate({ ...good, class_uid: undefined })).toBe(false);
    expect(validate({ ...good, severity_id: 7 })).toBe(false);
    expect(validate({ ...good, cafscan: 'not an OCSF attribute' })).toBe(false);
  });

  it('writes every finding of a real scan as one valid event, in results.json order', () => {
    const list = events(demo);
    expect(list).toHaveLength(demo.findings.length);
    for (const event of list) expectValid(event);
    list.forEach((event, i) => expect(event.finding_info.uid).toBe(`cafscan/${demo.findings[i]!.controlId}/${demo.findings[i]!.resource.arn}`));
  });

  it('uses the captions the published model gives its ids', () => {
    const cls = ocsf.classes.detection_finding!;
    const enums = cls.attributes;
    const caption = (attribute: string, value: unknown) => enums[attribute]!.enum![String(value)]!.caption;
    const accountTypes = ocsf.objects.account!.attributes.type_id!.enum!;
    for (const event of events(hostile).concat(events(demo))) {
      const e = event;
      expect([e.class_uid, e.class_name, e.category_uid, e.category_name]).toEqual([cls.uid, cls.caption, cls.category_uid, cls.category_name]);
      expect(e.activity_name).toBe(caption('activity_id', e.activity_id));
      expect(e.type_name).toBe(caption('type_uid', e.type_uid));
      expect(e.severity).toBe(caption('severity_id', e.severity_id));
      expect(e.status).toBe(caption('status_id', e.status_id));
      expect(e.cloud.account.type).toBe(accountTypes[String(e.cloud.account.type_id)]!.caption);
      expect(e.metadata.version).toBe(ocsf.version);
    }
  });

  it('keeps hostile names and messages exact (valid events, JSON-escaped)', () => {
    const list = events(hostile);
    for (const event of list) expectValid(event);
    for (const [i, finding] of hostile.findings.entries()) {
      const e = list[i]!;
      expect(e.message).toBe(finding.message);
      expect(e.resources[0]!.name).toBe(finding.resource.id);
      expect(e.resources[0]!.uid).toBe(finding.resource.arn);
      expect(e.finding_info.title).toBe(finding.title);
    }
    expect(list.some((e) => e.message.includes(HOSTILE.astral))).toBe(true);
  });

  it('never shows an unknown or an accepted failure as a pass: the verdict is status_code, the workflow is status', () => {
    const failed = eventOf(hostile, (f) => f.status === 'fail' && !f.suppression && f.baselineState === 'new');
    expect([failed.status_code, failed.status_id, failed.unmapped.baseline_state]).toEqual(['FAIL', 1, 'new']);
    const accepted = eventOf(hostile, (f) => f.suppression !== undefined);
    expect([accepted.status_code, accepted.status_id, accepted.status]).toEqual(['FAIL', 3, 'Suppressed']);
    expect(accepted.status_detail).toContain('accepted:');
    expect(accepted.unmapped.suppression?.expires).toBe('2030-01-01');
    const unknown = eventOf(hostile, (f) => f.status === 'not_evaluated');
    expect([unknown.status_code, unknown.status_id]).toEqual(['NOT_EVALUATED', 1]);
    expect(unknown.status_detail).toContain('were not collected');
    const fixed = eventOf(hostile, (f) => f.baselineState === 'fixed');
    expect([fixed.status_code, fixed.status_id, fixed.status]).toEqual(['PASS', 4, 'Resolved']);
  });

  it('maps severity, account, region, partition and the remediation', () => {
    const critical = eventOf(hostile, (f) => f.severity === 'critical');
    expect([critical.severity_id, critical.severity]).toEqual([5, 'Critical']);
    expect(critical.cloud).toEqual({ provider: 'AWS', region: 'global', account: { uid: '123456789012', type_id: 10, type: 'AWS Account' } });
    const china = eventOf(hostile, (f) => f.resource.arn.startsWith('arn:aws-cn:'));
    expect(china.resources[0]!.cloud_partition).toBe('aws-cn');
    const withDetails = eventOf(demo, (f) => f.status === 'fail');
    const details = demo.controls![withDetails.metadata.event_code]!;
    expect(withDetails.remediation?.desc).toBe(details.remediation.console);
    expect(withDetails.finding_info.desc).toBe(details.rationale);
    expect(withDetails.time).toBe(Date.parse(demo.scan.finishedAt));
  });

  it('streams: a piece for the head, one per finding, one for the tail; no findings is an empty array', () => {
    expect([...ocsfChunks(hostile)]).toHaveLength(hostile.findings.length + 2);
    expect(joined(ocsfChunks({ ...demo, findings: [] }))).toBe('[]\n');
    const writer = new OcsfWriter(demo);
    expect(JSON.parse(writer.start() + writer.add(demo.findings[0]!) + writer.end())).toHaveLength(1);
  });
});
