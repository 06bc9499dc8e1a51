import { loadCatalog } from '../controls/catalog.js';
import type { ControlMeta } from '../model/control.js';
import type { ResourceOutcomes } from '../engine/evaluate.js';
import { accountResourceArn } from '../inventory/build-inventory.js';
import { ACCOUNT_RESOURCE_TYPE, type CoverageEntry } from '../model/inventory.js';
import { compareFindings } from '../order.js';
import type { AssetGraph } from '../graph/model.js';
import type { Finding, FindingLink, FindingScope } from '../model/finding.js';

/**
 * Joins the engine's outcomes with control metadata into contract findings, in a stable order.
 * With the inventory's coverage: a type that could not be listed in an account and region
 * (access denied, unsupported, timed out) leaves every control on that type undecided there —
 * reported as not_evaluated on the region's account resource, never silently "nothing to check".
 */
export function makeFindings(evaluated: ResourceOutcomes[], coverage: CoverageEntry[] = [], graph: AssetGraph = new Map()): Finding[] {
  const controls = new Map(loadCatalog().controls.map((control) => [control.id, control]));
  const findings: Finding[] = uncoveredFindings(coverage, [...controls.values()]);
  for (const { resource, outcomes } of evaluated) {
    if (!outcomes.length) continue;
    // One object for all of a resource's findings (7.6 a resource with --all-resources): nothing
    // changes a finding's resource, and fewer objects is less garbage collection.
    const place = { arn: resource.arn, type: resource.type, id: resource.id, region: resource.region, accountId: resource.accountId };
    const label = resource.name ?? resource.id;
    for (const outcome of outcomes) {
      const control = controls.get(outcome.controlId);
      if (!control) throw new Error(`policy returned unknown control ${outcome.controlId}`);
      const finding: Finding = {
        controlId: control.id,
        title: control.title,
        capability: control.capability,
        component: control.component,
        severity: control.severity,
        status: outcome.status,
        resource: place,
        message: messageFor(control, outcome.status, outcome.messages, label),
      };
      if (outcome.status === 'not_evaluated') finding.reason = reasonFor(outcome.messages, resource.collectionErrors);
      if (control.scope === 'linked') finding.scope = scopeOf(control, graph.get(resource.arn) ?? []);
      findings.push(finding);
    }
  }
  return findings.sort(compareFindings);
}

function uncoveredFindings(coverage: CoverageEntry[], controls: ControlMeta[]): Finding[] {
  const findings: Finding[] = [];
  const failed = coverage.filter((c) => c.status === 'failed' && !coverage.some((o) => o.status === 'complete' && o.accountId === c.accountId && o.region === c.region && o.resourceType === c.resourceType));
  for (const gap of failed) {
    for (const control of controls) {
      if (!control.resourceTypes.includes(gap.resourceType)) continue;
      const place = gap.region === 'global' ? `account ${gap.accountId}` : `${gap.accountId} ${gap.region}`;
      const reason = `${gap.resourceType} resources could not be listed: ${gap.reason ?? 'collection failed'}`;
      findings.push({
        controlId: control.id,
        title: control.title,
        capability: control.capability,
        component: control.component,
        severity: control.severity,
        status: 'not_evaluated',
        resource: {
          arn: gap.region === 'global' ? `arn:aws:::${gap.accountId}:account` : accountResourceArn(gap.accountId, gap.region),
          type: ACCOUNT_RESOURCE_TYPE,
          id: gap.region === 'global' ? gap.accountId : `${gap.accountId}/${gap.region}`,
          region: gap.region,
          accountId: gap.accountId,
        },
        message: `${gap.resourceType} in ${place} could not be checked against "${control.title}": ${reason}.`,
        reason,
      });
    }
  }
  return findings;
}

const MAX_LINKS_SHOWN = 5;

/**
 * The scope of every resource --all-resources brought in (no workload links it): one frozen
 * object shared by those findings (no copy per finding, and FindingJson writes its text once).
 */
export const ALL_RESOURCES_SCOPE: FindingScope = Object.freeze({ basis: 'all-resources' as const, links: Object.freeze([]) as unknown as FindingLink[] });

/** The links that put the resource in this control's scope (the router already decided it is). */
function scopeOf(control: ControlMeta, links: NonNullable<ReturnType<AssetGraph['get']>>): FindingScope {
  const wanted = new Set(control.linkedComponents ?? [control.component]);
  const relevant = links.filter((l) => wanted.has(l.component));
  if (!relevant.length) return ALL_RESOURCES_SCOPE;
  // A shared key can be linked by hundreds of workloads; a few explain the scope.
  const shown = relevant.slice(0, MAX_LINKS_SHOWN).map((l) => ({ ...l }));
  return relevant.length > shown.length ? { basis: 'linked', links: shown, linkCount: relevant.length } : { basis: 'linked', links: shown };
}

/** What the control missed, and — from a live collection — the failed calls that explain it. */
function reasonFor(messages: string[], collectionErrors: Record<string, string> | undefined): string {
  const errors = [...new Set(Object.values(collectionErrors ?? {}))];
  return errors.length ? `${messages.join('; ')} (collection errors on this resource: ${errors.join('; ')})` : messages.join('; ');
}

function messageFor(control: ControlMeta, status: Finding['status'], messages: string[], label: string): string {
  switch (status) {
    case 'fail':
      return messages.join(' ');
    case 'pass':
      return `${label} meets "${control.title}".`;
    case 'not_evaluated':
      return `${label} could not be checked against "${control.title}": ${messages.join('; ')}.`;
  }
}

