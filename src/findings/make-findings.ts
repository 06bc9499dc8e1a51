import { loadCatalog, type ControlMeta } from '../controls/catalog.js';
import type { ResourceOutcomes } from '../engine/evaluate.js';
import type { Finding } from './model.js';

/** Joins the engine's outcomes with control metadata into contract findings, in a stable order. */
export function makeFindings(evaluated: ResourceOutcomes[]): Finding[] {
  const controls = new Map(loadCatalog().controls.map((control) => [control.id, control]));
  const findings: Finding[] = [];
  for (const { resource, outcomes } of evaluated) {
    for (const outcome of outcomes) {
      const control = controls.get(outcome.controlId);
      if (!control) throw new Error(`policy returned unknown control ${outcome.controlId}`);
      const label = resource.name ?? resource.id;
      const finding: Finding = {
        controlId: control.id,
        title: control.title,
        capability: control.capability,
        component: control.component,
        severity: control.severity,
        status: outcome.status,
        resource: { arn: resource.arn, type: resource.type, id: resource.id, region: resource.region, accountId: resource.accountId },
        message: messageFor(control, outcome.status, outcome.messages, label),
      };
      if (outcome.status === 'not_evaluated') finding.reason = reasonFor(outcome.messages, resource.collectionErrors);
      findings.push(finding);
    }
  }
  return findings.sort(compareFindings);
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

export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.controlId, b.controlId) || cmp(a.resource.arn, b.resource.arn);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
