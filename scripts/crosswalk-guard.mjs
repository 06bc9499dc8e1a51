// Keeps rules/ the single source of crosswalks (issue 12): a control's METADATA `references`
// are documentation links, and the framework requirements that map a control live only in
// rules/<framework>.yaml. The catalog build rejects a reference that names what rules/ knows —
// a framework, one of its requirement or peer-check ids, or the page of a framework
// or a requirement — so the same mapping cannot be kept (and drift) in two places.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './opa-cli.mjs';

export const RULES_DIR = join(repoRoot, 'rules');

/** A page address without its fragment or trailing slash, lower-cased: two links to one page compare equal. */
function page(url) {
  return url.split('#')[0].replace(/\/+$/, '').toLowerCase();
}

/**
 * What rules/ knows, by the file that says it: crosswalk ids (lower-cased) and pages. Read with
 * plain YAML parsing; validating the files is src/frameworks/load-frameworks.ts's job (and its
 * tests'), this only needs their ids and addresses.
 */
export function readCrosswalkKeys(dir = RULES_DIR) {
  const ids = new Map();
  const pages = new Map();
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const name of files) {
    const file = relative(repoRoot, join(dir, name)) || name;
    const framework = parse(readFileSync(join(dir, name), 'utf8'));
    // The first file to name an id or page is the one a message cites (a Prowler check is a
    // requirement of prowler-aws-ai-checks before it is a peer check of prowler-aws-ai-security).
    const id = (value) => typeof value === 'string' && !ids.has(value.toLowerCase()) && ids.set(value.toLowerCase(), file);
    const url = (value) => typeof value === 'string' && !pages.has(page(value)) && pages.set(page(value), file);
    id(framework?.id);
    url(framework?.source);
    // Section ids are left out: some are plain words ("bedrock", "sagemaker") a title may hold.
    for (const requirement of framework?.requirements ?? []) {
      id(requirement?.id);
      url(requirement?.url);
      for (const check of requirement?.peerChecks ?? []) id(check);
    }
  }
  return { ids, pages };
}

/**
 * Problems with the controls' references: each must be a documentation link (id, source and an
 * https url) and none may carry a crosswalk rules/ holds. An id is compared word by word, so
 * "GENSEC01-BP03 (data access)" is caught as well as "GENSEC01-BP03".
 */
export function crosswalkProblems(controls, keys) {
  const problems = [];
  for (const control of controls) {
    const where = control.source;
    for (const reference of Array.isArray(control.references) ? control.references : []) {
      if (!reference || typeof reference.id !== 'string' || typeof reference.source !== 'string' || typeof reference.url !== 'string' || !/^https:\/\/\S+$/.test(reference.url)) {
        problems.push(`${where}: custom.references entries are documentation links with id, source and an https url (crosswalk ids live in rules/)`);
        continue;
      }
      const words = reference.id.split(/[\s,;:()[\]]+/).filter(Boolean);
      const word = words.find((w) => keys.ids.has(w.toLowerCase()));
      if (word) {
        problems.push(`${where}: custom.references "${reference.id}" (${reference.source}) names ${word}, which ${keys.ids.get(word.toLowerCase())} holds: crosswalks live only in rules/ — list ${control.id} under that requirement there and drop the reference`);
        continue;
      }
      const file = keys.pages.get(page(reference.url));
      if (file) problems.push(`${where}: custom.references "${reference.id}" links ${reference.url}, a page ${file} maps: crosswalks live only in rules/ — list ${control.id} under that requirement there and drop the reference`);
    }
  }
  return problems;
}
