import { GetAgentRuntimeCommand, ListAgentRuntimeEndpointsCommand, type AgentRuntimeEndpoint, type BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import type { JsonObject, JsonValue } from '../../json.js';
import type { CollectorContext } from '../collector.js';
import { gatedListing, partOf, type RegionGate } from '../region-gate.js';
import { toJsonObject } from '../shape.js';

/**
 * What an agent runtime serves: GetAgentRuntime without a version answers the latest one (what
 * the DEFAULT endpoint follows), but an endpoint can stay on an older version (its liveVersion)
 * or be moving to another (its targetVersion), and each version keeps the network mode and
 * environment variables it was created with. So the runtime's endpoints are listed and every
 * served version other than the latest is read too.
 */
export interface RuntimeDeployment {
  /** supplementaryConfiguration: RuntimeEndpoints (the listing) and RuntimeVersions (GetAgentRuntime of each other served version). */
  supplementary: JsonObject;
  /** Why the endpoints, or a served version, could not be read (collectionErrors.RuntimeEndpoints). */
  error?: string;
}

/**
 * The runtime versions an endpoint that serves (or is about to serve) traffic names: its live
 * and target versions. An endpoint whose creation failed, or that is being deleted, serves nothing.
 */
export function servedRuntimeVersions(endpoints: AgentRuntimeEndpoint[]): string[] {
  const versions = new Set<string>();
  for (const endpoint of endpoints) {
    if (endpoint.status === 'CREATE_FAILED' || endpoint.status === 'DELETING') continue;
    for (const version of [endpoint.liveVersion, endpoint.targetVersion]) if (version) versions.add(version);
  }
  return [...versions].sort();
}

/** The runtime's endpoints and the configuration of each version they serve besides `latest`. */
export async function runtimeDeploymentOf(
  ctx: CollectorContext,
  client: BedrockAgentCoreControlClient,
  gate: RegionGate,
  agentRuntimeId: string,
  latest: string | undefined,
): Promise<RuntimeDeployment> {
  // No inventory type of their own: coverage is the runtime's RuntimeEndpoints collection error.
  const list = await gatedListing(ctx, gate, [], async (token) => {
    const page = await client.send(new ListAgentRuntimeEndpointsCommand({ agentRuntimeId, nextToken: token, maxResults: 100 }));
    return { items: page.runtimeEndpoints, next: page.nextToken };
  });
  const errors: string[] = list.failure ? [list.failure.reason] : [];
  const versions: JsonValue[] = [];
  // Sequential: already inside the runtime's slot of ctx.each.
  for (const version of servedRuntimeVersions(list.items)) {
    if (version === latest) continue;
    const got = await partOf(ctx, () => client.send(new GetAgentRuntimeCommand({ agentRuntimeId, agentRuntimeVersion: version })));
    // An endpoint names the version, so "not found" is not "deleted since": the version stays unknown.
    if (got === 'gone') errors.push(`bedrock-agentcore:GetAgentRuntime found no version ${version}`);
    else if (!got.ok) errors.push(got.reason);
    // An answer for another version (an emulator that ignores the parameter) says nothing of this one.
    else if (got.value.agentRuntimeVersion !== version) errors.push(`bedrock-agentcore:GetAgentRuntime answered version ${got.value.agentRuntimeVersion ?? '(none)'} when asked for version ${version}`);
    else versions.push(toJsonObject(got.value));
  }
  return {
    supplementary: { RuntimeEndpoints: list.items.map((e): JsonValue => toJsonObject(e)), RuntimeVersions: versions },
    ...(errors.length ? { error: [...new Set(errors)].join('; ') } : {}),
  };
}
