// Rewrites the generated section of docs/organizations.md — which controls an AWS Config
// aggregator alone evaluates, and which need per-account collection — from the catalog and the
// policies (run by `npm run docs`, after the build; a test keeps it fresh).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../dist/controls/catalog.js';
import { controlSources, renderSourcesSection, withSourcesSection } from '../dist/org/aggregator-doc.js';
import { packageRoot } from '../dist/package-root.js';

const libDir = join(packageRoot, 'policies', 'lib');
const libraries = readdirSync(libDir).filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego')).sort().map((f) => readFileSync(join(libDir, f), 'utf8'));
const rows = controlSources(loadCatalog().controls, (control) => readFileSync(join(packageRoot, control.source), 'utf8'), libraries);
const path = join(packageRoot, 'docs', 'organizations.md');
const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Scanning an organisation\n';
writeFileSync(path, withSourcesSection(doc, renderSourcesSection(rows)));
