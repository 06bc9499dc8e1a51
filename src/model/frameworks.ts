/**
 * Frameworks as data (rules/*.yaml, validated by rules/framework.schema.json). These are the
 * loaded, normalized shapes: the YAML's three requirement forms become one tagged union, so a
 * consumer (coverage, later per-framework posture) has to handle each form and cannot read a
 * manual or uncovered requirement as an automated one by forgetting a field.
 */
import type { Component } from './control.js';

export interface FrameworkSection {
  id: string;
  title: string;
  description?: string;
  /** Where in the source this section is: a section name or a URL. */
  reference?: string;
}

interface RequirementBase {
  id: string;
  title: string;
  description?: string;
  /** Id of one of the framework's sections. */
  section?: string;
  component?: Component;
  url?: string;
  /** Checks the framework's publisher maps in its own tool (e.g. Prowler check ids); never evaluated here. */
  peerChecks?: string[];
}

/** Evaluated by cafscan controls; passes only when all of them pass. */
export interface AutomatedRequirement extends RequirementBase {
  kind: 'automated';
  controls: string[];
  /** What the requirement asks that the controls do not check: such a requirement is never a plain pass. */
  partial?: string;
}

/** A process or judgement no configuration shows: checked by hand, never counted as a pass. */
export interface ManualRequirement extends RequirementBase {
  kind: 'manual';
  check: string;
}

/** Configuration could show it, but no cafscan control evaluates it yet. */
export interface NotCoveredRequirement extends RequirementBase {
  kind: 'not-covered';
  notCovered: string;
  check?: string;
}

export type Requirement = AutomatedRequirement | ManualRequirement | NotCoveredRequirement;

export interface Framework {
  id: string;
  name: string;
  version: string;
  source: string;
  description?: string;
  sections: FrameworkSection[];
  requirements: Requirement[];
  /** The file it was loaded from. */
  file: string;
}

/** Counts per framework, disjoint: automated + partial + manual + notCovered = requirements. */
export interface FrameworkCoverage {
  id: string;
  name: string;
  version: string;
  source: string;
  requirements: number;
  /** Evaluated in full by cafscan controls. */
  automated: number;
  /** Evaluated in part by cafscan controls; the rest is checked by hand. */
  partial: number;
  manual: number;
  notCovered: number;
  /** Distinct cafscan control ids the framework's requirements reference, sorted. */
  controls: string[];
}

/**
 * One requirement that maps a control (rules/ is the only place these crosswalks live; a
 * control's METADATA holds documentation links only). Derived by src/frameworks/crosswalk.ts.
 */
export interface FrameworkReference {
  /** The framework's id (its rules/ file name). */
  framework: string;
  /** The framework's own requirement id, e.g. LLM02 or GENSEC01-BP03. */
  requirement: string;
  title: string;
  url?: string;
  /** The requirement asks more than its controls check; the rest is reviewed by hand. */
  partial?: true;
}

/**
 * The CAF-AI file: a control's requirement there is its own capability and component, which
 * every report already prints beside it, so human listings leave it out (data listings keep it).
 */
export const CAF_FRAMEWORK_ID = 'caf-ai-security';

/** Control id → the framework requirements that list it, frameworks in id order, requirements in file order (src/frameworks/crosswalk.ts builds it). */
export type Crosswalk = ReadonlyMap<string, readonly FrameworkReference[]>;
