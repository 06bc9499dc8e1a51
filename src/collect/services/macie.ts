import {
  GetAutomatedDiscoveryConfigurationCommand,
  GetClassificationScopeCommand,
  GetMacieSessionCommand,
  Macie2Client,
  type GetAutomatedDiscoveryConfigurationCommandOutput,
  type GetMacieSessionCommandOutput,
} from '@aws-sdk/client-macie2';
import type { JsonObject } from '../../json.js';
import { callRecordOf } from '../aws-clients.js';
import type { CallResult, Collector, CollectorContext } from '../collector.js';

/**
 * Macie: whether sensitive-data discovery is on in the region (training data, prompts and
 * model outputs in S3), as the `macie` fact on the account resource. Macie answers a region
 * where it was never enabled with AccessDeniedException "Macie is not enabled": that is an
 * answer (status DISABLED), not a permissions gap.
 */
export const macieCollector: Collector = {
  service: 'macie2',
  scope: 'regional',
  operations: ['macie2:GetMacieSession', 'macie2:GetAutomatedDiscoveryConfiguration', 'macie2:GetClassificationScope'],
  resourceTypes: [],
  async collect(ctx) {
    const macie = ctx.client(Macie2Client);
    const session = await ctx.call(async () => {
      try {
        return await macie.send(new GetMacieSessionCommand({}));
      } catch (error) {
        if (!macieNotEnabled(error)) throw error;
        // Recorded like any "there is none" answer, not as a failed call.
        const record = callRecordOf(error);
        if (record) {
          record.ok = true;
          record.absent = 'MacieNotEnabled';
        }
        return NOT_ENABLED;
      }
    });
    const fact = macieFact(session);
    if ('failure' in fact) ctx.fact('macie', null, fact.failure);
    else ctx.fact('macie', fact.value);
    // Automated discovery exists only under an enabled Macie; elsewhere the control reads `macie`.
    if ('value' in fact && fact.value.status === 'ENABLED') await collectAutomatedDiscovery(ctx, macie);
  },
};

/**
 * The `macieAutomatedDiscovery` fact: whether automated sensitive data discovery runs, and the
 * buckets its classification scope excludes (a bucket on that list is never sampled).
 */
async function collectAutomatedDiscovery(ctx: CollectorContext, macie: Macie2Client): Promise<void> {
  const got = await ctx.call(() => macie.send(new GetAutomatedDiscoveryConfigurationCommand({})));
  if (got.status !== 'ok') {
    ctx.fact('macieAutomatedDiscovery', null, got.status === 'failed' ? got.failure.reason : `macie2:GetAutomatedDiscoveryConfiguration found nothing (${got.code})`);
    return;
  }
  const scopeId = got.output.classificationScopeId;
  let excluded: string[] | null = [];
  if (got.output.status === 'ENABLED') {
    if (!scopeId) excluded = null;
    else {
      const scope = await ctx.call(() => macie.send(new GetClassificationScopeCommand({ id: scopeId })));
      if (scope.status !== 'ok') {
        ctx.fact('macieAutomatedDiscovery', null, scope.status === 'failed' ? scope.failure.reason : `macie2:GetClassificationScope found no scope ${scopeId} (${scope.code})`);
        return;
      }
      excluded = scope.output.s3?.excludes?.bucketNames ?? [];
    }
  }
  ctx.fact('macieAutomatedDiscovery', automatedDiscoveryValue(got.output, excluded));
}

/** The fact from GetAutomatedDiscoveryConfiguration and the scope's excluded buckets (null: unknown). */
export function automatedDiscoveryValue(output: Omit<GetAutomatedDiscoveryConfigurationCommandOutput, '$metadata'>, excludedBuckets: string[] | null): JsonObject {
  return {
    status: output.status ?? null,
    classificationScopeId: output.classificationScopeId ?? null,
    excludedBuckets: excludedBuckets === null ? null : [...excludedBuckets].sort(),
  };
}

/** Stands in for the session of a region where Macie is not enabled. */
const NOT_ENABLED: Omit<GetMacieSessionCommandOutput, '$metadata'> & { notEnabled: true } = { notEnabled: true };

/**
 * Whether an error means "Macie is not enabled here": AWS says AccessDeniedException with that
 * message; moto (and a region with the session deleted) ResourceNotFoundException.
 */
export function macieNotEnabled(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; message?: string };
  if (e.name === 'AccessDeniedException') return /macie is not enabled/i.test(e.message ?? '');
  return e.name === 'ResourceNotFoundException';
}

/** The `macie` fact from GetMacieSession's answer. */
export function macieFact(result: CallResult<Omit<GetMacieSessionCommandOutput, '$metadata'> & { notEnabled?: true }>): { value: JsonObject } | { failure: string } {
  if (result.status === 'failed') return { failure: result.failure.reason };
  if (result.status === 'absent') return { value: { status: 'DISABLED', findingPublishingFrequency: null } };
  if (result.output.notEnabled) return { value: { status: 'DISABLED', findingPublishingFrequency: null } };
  return {
    value: {
      // PAUSED (suspended) is kept as Macie reports it; controls treat only ENABLED as on.
      status: result.output.status ?? null,
      findingPublishingFrequency: result.output.findingPublishingFrequency ?? null,
      serviceRole: result.output.serviceRole ?? null,
      createdAt: result.output.createdAt?.toISOString() ?? null,
      updatedAt: result.output.updatedAt?.toISOString() ?? null,
    },
  };
}
