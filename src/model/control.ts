/**
 * The controls' vocabulary and catalog (contract): capabilities, components, severities, a
 * control's metadata as its Rego METADATA states it, and policy-bundle/catalog.json. Types and
 * constants only; src/controls/catalog.ts loads the catalog.
 */
export const CAPABILITIES = [
  'vulnerability-management',
  'security-governance',
  'security-assurance',
  'threat-detection',
  'infrastructure-protection',
  'data-protection',
  'application-security',
  'identity-and-access-management',
  'incident-response',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const COMPONENTS = ['input', 'model', 'output'] as const;
export type Component = (typeof COMPONENTS)[number];

/** Most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CAPABILITY_TITLES: Record<Capability, string> = {
  'vulnerability-management': 'Vulnerability Management',
  'security-governance': 'Security Governance',
  'security-assurance': 'Security Assurance',
  'threat-detection': 'Threat Detection',
  'infrastructure-protection': 'Infrastructure Protection',
  'data-protection': 'Data Protection',
  'application-security': 'Application Security',
  'identity-and-access-management': 'Identity and Access Management',
  'incident-response': 'Incident Response',
};

export interface Remediation {
  console: string;
  cli?: string;
  cloudformation?: string;
  terraform?: string;
}

/**
 * A documentation link of a control's METADATA. Crosswalks (framework requirement ids) are not
 * references: they live only in rules/, and the catalog build rejects them here
 * (scripts/crosswalk-guard.mjs; src/frameworks/crosswalk.ts derives each control's).
 */
export interface Reference {
  id: string;
  source: string;
  url: string;
}

/** A control's metadata, as written in its Rego METADATA annotation. */
export interface ControlMeta {
  id: string;
  package: string;
  title: string;
  description: string;
  capability: Capability;
  component: Component;
  severity: Severity;
  resourceTypes: string[];
  relatedResourceTypes: string[];
  /**
   * For each related type, the field paths the control reads of those resources (dot-separated
   * keys from the resource root, e.g. "configuration.policyVersionList"); [] when it needs only
   * their identity (RELATED_IDENTITY_FIELDS, always kept). The context carries nothing else.
   */
  relatedFields: Record<string, string[]>;
  /**
   * "resource": applies to every resource of its types (AI resources, account resources).
   * "linked": a generic resource type, checked only where the AI asset graph links a resource
   * to a workload in this control's component (or with --all-resources).
   */
  scope: 'resource' | 'linked';
  /** For linked controls: the link components that bring a resource in scope. */
  linkedComponents?: Component[];
  cafSection: string;
  rationale: string;
  remediation: Remediation;
  references: Reference[];
  /** The Rego file, relative to the repository. */
  source: string;
}

/** Fields every resource in the context keeps (scripts/policy-catalog.mjs says the same). */
export const RELATED_IDENTITY_FIELDS = ['arn', 'type', 'accountId', 'region', 'name', 'id'] as const;

export interface Route {
  package: string;
  id: string;
  /** For linked controls: the link components that bring a resource in scope. */
  linked?: Component[];
}

/** policy-bundle/catalog.json, written by scripts/build-policies.mjs. */
export interface Catalog {
  opaVersion: string;
  sourceHash: string;
  entrypoint: string;
  /** Returns the paths of credential-looking values in one resource (policies/redaction.rego). */
  redactionEntrypoint: string;
  controls: ControlMeta[];
  routing: Record<string, Route[]>;
}

/** A compiled policy and its catalog: what the engine evaluates (callers load it and pass it in). */
export interface PolicyBundle {
  wasm: Uint8Array;
  catalog: Catalog;
}
