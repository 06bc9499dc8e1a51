import type { Inventory, InventoryResource } from '../model/inventory.js';
import { isJsonObject, type JsonValue } from '../json.js';
import type { AssetGraph, AssetLink } from './model.js';
import { CompiledRules, type AssetRule } from './user-rules.js';
import { workloadReferences, type ReferenceKind, type WorkloadReference } from './workload-references.js';

/**
 * The AI asset graph: for every generic resource an AI workload uses, the workloads and the
 * component (input / model / output) each use serves. Built from what the workloads record
 * (S3 URIs, key and role ARNs, image URIs, log group names), then carried one step further to
 * the KMS keys that encrypt linked buckets and log groups, and from REST APIs to their stages;
 * user rules (cafscan.config.json `assets`) add links by tag or ARN pattern.
 */
export function buildAssetGraph(inventory: Inventory, rules: AssetRule[] = [], report?: GraphReport): AssetGraph {
  const builder = new AssetGraphBuilder(rules);
  for (const resource of inventory.resources) builder.add(resource);
  return builder.build(report);
}

/** The graph of a resource set, read in one pass (see AssetGraphBuilder). */
export async function buildAssetGraphFrom(resources: AsyncIterable<InventoryResource>, rules: AssetRule[] = [], report?: GraphReport): Promise<AssetGraph> {
  const builder = new AssetGraphBuilder(rules);
  for await (const resource of resources) builder.add(resource);
  return builder.build(report);
}

/** What the graph keeps of a resource: enough to resolve references to it and name it. */
interface Identity {
  arn: string;
  type: string;
  id: string;
  name: string | null;
  accountId: string;
  region: string;
}

/**
 * The asset graph from one pass over the resources (`add` each, in inventory order, then
 * `build`), keeping only what resolution needs: every resource's identity, the references of
 * workloads, the user rules' matches, the encryption keys of buckets and log groups and the REST
 * API of stages — never whole resources, so a scan's memory does not grow with their size.
 * Links come out in the order the whole-inventory build made them (workload references, user
 * rules, keys, stages), which is the order findings show them in.
 */
export class AssetGraphBuilder {
  private readonly index = new ResourceIndex();
  private readonly workloads: Array<{ workload: Identity; refs: WorkloadReference[] }> = [];
  private readonly ruleLinks: Array<[arn: string, link: AssetLink]> = [];
  private readonly encrypted: Array<{ resource: Identity; keyRef: string }> = [];
  private readonly stages: Array<{ stage: Identity; apiId: string | undefined }> = [];
  private readonly rules: CompiledRules;

  constructor(rules: AssetRule[]) {
    this.rules = new CompiledRules(rules);
  }

  add(resource: InventoryResource): void {
    const identity: Identity = { arn: resource.arn, type: resource.type, id: resource.id, name: resource.name ?? null, accountId: resource.accountId, region: resource.region };
    this.index.add(resource, identity);
    const refs = workloadReferences(resource);
    if (refs.length) this.workloads.push({ workload: identity, refs });
    this.rules.match(resource, (link) => this.ruleLinks.push([resource.arn, link]));
    const keyRef = encryptionKeyOf(resource);
    if (keyRef) this.encrypted.push({ resource: identity, keyRef });
    if (resource.type === 'AWS::ApiGateway::Stage') {
      const apiId = resource.configuration.RestApiId;
      this.stages.push({ stage: identity, apiId: typeof apiId === 'string' ? apiId : undefined });
    }
  }

  build(report?: GraphReport): AssetGraph {
    const { index } = this;
    const graph: AssetGraph = new Map();
    const link = (arn: string, l: AssetLink) => {
      const links = graph.get(arn) ?? [];
      if (!links.some((x) => x.component === l.component && x.workload === l.workload && x.via === l.via)) links.push(l);
      graph.set(arn, links);
    };
    for (const { workload, refs } of this.workloads) {
      for (const ref of refs) {
        const target = index.resolve(ref, workload);
        if (target) link(target.arn, { component: ref.component, workload: workload.arn, workloadType: workload.type, workloadName: workload.name ?? workload.id, via: ref.via });
        else if (report && !ref.implicit) report.unresolved.push({ workload: workload.arn, via: ref.via, value: ref.value });
      }
    }
    for (const [arn, l] of this.ruleLinks) link(arn, l);
    if (report) report.ruleMatches = [...this.rules.matches];

    // One step on: the key that encrypts a linked bucket or log group protects the same data.
    for (const { resource, keyRef } of this.encrypted) {
      const links = graph.get(resource.arn);
      if (!links) continue;
      const key = index.resolve({ kind: 'key', value: keyRef, component: 'model', via: '' }, resource);
      if (!key) continue;
      for (const l of [...links]) link(key.arn, { ...l, via: `key of ${resource.name ?? resource.id}, which holds ${l.via}` });
    }
    // A REST API mapped to a component serves it through each of its stages.
    for (const { stage, apiId } of this.stages) {
      const api = apiId !== undefined ? index.restApi(stage.accountId, stage.region, apiId) : undefined;
      for (const l of (api && graph.get(api.arn)) ?? []) link(stage.arn, { ...l, via: `stage of REST API ${api?.name ?? apiId}: ${l.via}` });
    }
    return graph;
  }
}

/**
 * What the graph could not link, for the scan's report: references to resources not in the
 * inventory (another account's bucket, a key alias, a resource type not collected) and how many
 * resources each user rule matched (a rule matching nothing is most likely a typo).
 */
export interface GraphReport {
  unresolved: Array<{ workload: string; via: string; value: string }>;
  ruleMatches: number[];
}

/** The KMS key a bucket's default encryption or a log group uses, as recorded. */
function encryptionKeyOf(resource: InventoryResource): string | undefined {
  if (resource.type === 'AWS::Logs::LogGroup') return stringOr(resource.configuration.KmsKeyId);
  if (resource.type !== 'AWS::S3::Bucket') return undefined;
  const sse = resource.supplementaryConfiguration.ServerSideEncryptionConfiguration;
  const rules = isJsonObject(sse) && Array.isArray(sse.rules) ? sse.rules : [];
  for (const rule of rules) {
    const byDefault = isJsonObject(rule) ? rule.applyServerSideEncryptionByDefault : undefined;
    const key = isJsonObject(byDefault) ? stringOr(byDefault.kmsMasterKeyID) : undefined;
    if (key) return key;
  }
  return undefined;
}

const IMAGE_URI = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;
const LOG_GROUP_ARN = /^arn:[^:]+:logs:([^:]*):(\d{12}):log-group:(.+?)(?::\*)?$/;
const S3_URI = /^s3:\/\/([^/]+)/;
// SageMaker also takes https URIs: virtual-hosted (bucket.s3.region.amazonaws.com/key) and
// path-style (s3.region.amazonaws.com/bucket/key), with or without a region, dualstack or FIPS.
const S3_VIRTUAL_HOSTED = /^https:\/\/([^/]+?)\.s3(?:[.-](?:fips|dualstack))*(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?(?:\/|$)/;
const S3_PATH_STYLE = /^https:\/\/s3(?:[.-](?:fips|dualstack))*(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/([^/]+)/;
const BUCKET_ARN = /^arn:[^:]+:s3:::([^/]+)/;

/** Finds the inventory resource a workload's reference names, in the form AWS records it. */
class ResourceIndex {
  private readonly byArn = new Map<string, Identity>();
  private readonly byPlace = new Map<string, Identity>();
  private readonly bucketsByName = new Map<string, Identity>();

  add(r: InventoryResource, identity: Identity): void {
    this.byArn.set(r.arn, identity);
    switch (r.type) {
      case 'AWS::S3::Bucket':
        this.bucketsByName.set(r.name ?? r.id, identity);
        break;
      case 'AWS::KMS::Key':
        this.byPlace.set(place('key', r.accountId, r.region, stringOr(r.configuration.keyId) ?? r.id), identity);
        break;
      case 'AWS::Logs::LogGroup':
        this.byPlace.set(place('logGroup', r.accountId, r.region, stringOr(r.configuration.LogGroupName) ?? r.name ?? r.id), identity);
        break;
      case 'AWS::ECR::Repository':
        this.byPlace.set(place('image', r.accountId, r.region, stringOr(r.configuration.RepositoryName) ?? r.name ?? r.id), identity);
        break;
      case 'AWS::ApiGateway::RestApi':
        this.byPlace.set(place('restApi', r.accountId, r.region, r.id), identity);
        break;
    }
  }

  restApi(accountId: string, region: string, id: string): Identity | undefined {
    return this.byPlace.get(place('restApi', accountId, region, id));
  }

  resolve(ref: WorkloadReference, from: Pick<Identity, 'accountId' | 'region'>): Identity | undefined {
    const direct = this.byArn.get(ref.value);
    if (direct) return direct;
    const kinds: Record<ReferenceKind, () => Identity | undefined> = {
      bucket: () => {
        const name =
          S3_URI.exec(ref.value)?.[1] ??
          BUCKET_ARN.exec(ref.value)?.[1] ??
          S3_PATH_STYLE.exec(ref.value)?.[1] ??
          S3_VIRTUAL_HOSTED.exec(ref.value)?.[1] ??
          (ref.value.includes('/') || ref.value.includes(':') ? undefined : ref.value);
        return name ? this.bucketsByName.get(name) : undefined;
      },
      // Key ids, and key ARNs of a key the inventory records under another ARN form.
      key: () => {
        const arn = /^arn:[^:]+:kms:([^:]+):(\d{12}):key\/(.+)$/.exec(ref.value);
        if (arn) return this.byPlace.get(place('key', arn[2]!, arn[1]!, arn[3]!));
        return ref.value.includes(':') || ref.value.startsWith('alias/') ? undefined : this.byPlace.get(place('key', from.accountId, from.region, ref.value));
      },
      role: () => undefined, // role ARNs are matched exactly above
      image: () => {
        const m = IMAGE_URI.exec(ref.value);
        return m ? this.byPlace.get(place('image', m[1]!, m[2]!, m[3]!)) : undefined;
      },
      logGroup: () => {
        const arn = LOG_GROUP_ARN.exec(ref.value);
        if (arn) return this.byPlace.get(place('logGroup', arn[2]!, arn[1]!, arn[3]!));
        return this.byPlace.get(place('logGroup', from.accountId, from.region, ref.value));
      },
    };
    return kinds[ref.kind]();
  }
}

function place(kind: string, accountId: string, region: string, name: string): string {
  return `${kind}|${accountId}|${region}|${name}`;
}

function stringOr(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
