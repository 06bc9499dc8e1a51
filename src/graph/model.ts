import type { Component } from '../model/control.js';

/**
 * Why a generic resource (bucket, key, role, log group, repository, API stage) matters to AI:
 * one workload that uses it, in one component. A bucket read by a training job is linked as
 * `input`; the same bucket holding that job's model artifacts is also linked as `model`.
 */
export interface AssetLink {
  component: Component;
  /** The AI workload's ARN, or `cafscan.config.json#assets[2]` for a user rule. */
  workload: string;
  /** Its resource type (AWS::SageMaker::TrainingJob…), or "cafscan:UserRule". */
  workloadType: string;
  /** Its display name. */
  workloadName: string;
  /** What links them, in the workload's own words: "InputDataConfig[0] S3Uri", "tag ai:component=input". */
  via: string;
}

/** ARN → its links; resources absent from the map are used by no known AI workload. */
export type AssetGraph = Map<string, AssetLink[]>;

export const USER_RULE_TYPE = 'cafscan:UserRule';
