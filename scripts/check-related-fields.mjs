// node scripts/check-related-fields.mjs — a static check that custom.related_fields cannot rot:
// every field of another resource (one looked up in data.inventory) that a policy reads must be
// declared, or the trimmed context (src/engine/context.ts) would hand the control an absent field
// and a wrong verdict. Text-level, like scripts/lint-rego.mjs: it finds `x.configuration.Key…`,
// `object.get(x, "configuration", …)` and the like on anything but the resource under evaluation,
// follows one level of aliases (`facts := object.get(account, "configuration", {})`, then
// `facts.macie`), and checks each path against the declarations of every control that reaches
// the read: its own file, and the helper rules of policies/lib it uses, followed rule by rule.
// It cannot tell the type of the resource read, nor follow a field passed as an argument or
// chosen by a variable key (`conf[name]`); the runtime guard covers what text cannot see.
// A read path is covered when a declared path is its prefix, or when it is a prefix of a declared
// path (a helper that returns `configuration` to a caller reading one key of it). A count of a
// whole object (`count(x.configuration)`) needs the object declared whole. The runtime guard for
// what text cannot see is test/engine/context-trim.test.ts (trimmed and whole contexts, same verdicts).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './opa-cli.mjs';
import { regoSources } from './policy-catalog.mjs';

// Top-level keys of a resource that are not identity (those are always in the context).
const FIELDS = 'configuration|supplementaryConfiguration|tags|relationships|collectionErrors|capturedAt';
// A receiver: a name, a call, an index or a chain of them (`resolve(ref)`, `region_accounts[0]`).
const RECEIVER = String.raw`[A-Za-z_][\w.]*(?:\([^()]*\)|\[[^\]]*\])*`;
const KEYS = String.raw`(?:\.[A-Za-z_][\w]*)*`;
const DOTTED = new RegExp(String.raw`(count\(\s*)?(${RECEIVER})\.(${FIELDS})(?!\w)(${KEYS})`, 'g');
const OBJECT_GET = new RegExp(String.raw`(count\(\s*)?object\.get\(\s*(${RECEIVER}(?:\.[A-Za-z_]\w*)*)\s*,\s*"(${FIELDS})"\s*,[^)]*\)(${KEYS})`, 'g');
// One level of alias: `name := <read>` or `name(args) := <read>` (then `name.Key`, `name(x).Key`).
const ALIAS = /^([a-z_][\w]*)(\([^()]*\))?\s*:=\s*(.+)$/;

/** Receivers that are the resource under evaluation (its own fields are in the input, not the context). */
function isOwn(receiver) {
  return /^(lib|input\.resource|lib\.resource|resource|input)$/.test(receiver) || receiver.startsWith('input.') || receiver.startsWith('lib.configuration') || receiver.startsWith('lib.supplementary');
}

/** Paths (dot-separated, from the resource root) of related resources' fields the Rego text reads. */
export function relatedReads(text) {
  const lines = text.split('\n').map((line) => line.replace(/#.*$/, ''));
  const reads = [];
  const aliases = new Map();
  const scan = (line, at) => {
    const found = [];
    for (const m of line.matchAll(DOTTED)) {
      const [, counted, receiver, field, keys] = m;
      if (isOwn(receiver) || receiver.endsWith('object.get')) continue;
      found.push({ path: field + keys, whole: Boolean(counted) && keys === '', line: at, index: m.index });
    }
    for (const m of line.matchAll(OBJECT_GET)) {
      const [, counted, receiver, field, keys] = m;
      if (isOwn(receiver)) continue;
      found.push({ path: field + keys, whole: Boolean(counted) && keys === '', line: at, index: m.index });
    }
    // object.get(x.configuration, "Key", …) and object.get(object.get(x, "configuration", {}), "Key", …)
    for (const m of line.matchAll(new RegExp(String.raw`object\.get\(\s*(${RECEIVER})\.(${FIELDS})(?!\w)(${KEYS})\s*,\s*"([\w-]+)"`, 'g'))) {
      if (!isOwn(m[1])) found.push({ path: `${m[2]}${m[3]}.${m[4]}`, whole: false, line: at, index: m.index });
    }
    for (const m of line.matchAll(new RegExp(String.raw`object\.get\(\s*object\.get\(\s*(${RECEIVER})\s*,\s*"(${FIELDS})"\s*,[^)]*\)\s*,\s*"([\w-]+)"`, 'g'))) {
      if (!isOwn(m[1])) found.push({ path: `${m[2]}.${m[3]}`, whole: false, line: at, index: m.index });
    }
    return found;
  };
  lines.forEach((line, i) => {
    const found = scan(line, i + 1);
    reads.push(...found);
    // Rules start at column 0; an indented `x := …` is a local variable of one body, whose name
    // other bodies reuse for unrelated values.
    const alias = /^\s/.test(line) ? null : ALIAS.exec(line);
    // An alias of a whole field (`supplementary(t) := object.get(t, "supplementaryConfiguration", {})`).
    if (alias && found.length === 1 && found[0].index >= line.indexOf(':=')) aliases.set(alias[1], found[0].path);
  });
  if (aliases.size) {
    lines.forEach((line, i) => {
      for (const [name, path] of aliases) {
        const use = new RegExp(String.raw`(?<![\w.])${name}(?:\([^()]*\))?((?:\.[A-Za-z_]\w*)+|\[[^\]]*\])`, 'g');
        for (const m of line.matchAll(use)) {
          const keys = m[1].startsWith('[') ? '' : m[1];
          reads.push({ path: path + keys, whole: false, line: i + 1, index: m.index });
        }
      }
    });
  }
  // `object.get(d.configuration, "Id", …)` is one read of configuration.Id, not also of configuration.
  const deeper = (r, other) => other.line === r.line && other.path.startsWith(`${r.path}.`);
  return reads.filter((r) => r.whole || !reads.some((other) => deeper(r, other))).map(({ path, whole, line }) => ({ path, whole, line }));
}

function covered(read, declared) {
  const segments = read.path.split('.');
  return declared.some((path) => {
    const d = path.split('.');
    const prefixOfRead = d.length <= segments.length && d.every((s, i) => s === segments[i]);
    const prefixOfDeclared = !read.whole && segments.length < d.length && segments.every((s, i) => s === d[i]);
    return prefixOfRead || prefixOfDeclared;
  });
}

const KEYWORDS = new Set(['package', 'import', 'default', 'not', 'some', 'every', 'if', 'else', 'in', 'contains', 'true', 'false', 'null', 'with', 'as']);

/**
 * A module cut into rules (a rule starts with a name at column 0 and runs to the next), each
 * with the related fields it reads and the rules it refers to: `pkg.rule` keys, where a bare
 * name is a rule of the module's own package and `alias.name` one of an imported package.
 */
function parseModule(file, text) {
  const lines = text.split('\n').map((line) => line.replace(/#.*$/, ''));
  const pkg = /^package\s+([\w.]+)/m.exec(text)?.[1] ?? file;
  const imports = new Map();
  for (const m of text.matchAll(/^import\s+data\.([\w.]+)(?:\s+as\s+(\w+))?/gm)) imports.set(m[2] ?? m[1].split('.').at(-1), m[1]);
  const rules = [];
  lines.forEach((line, i) => {
    const head = /^([a-z_]\w*)/i.exec(line)?.[1];
    if (head && !KEYWORDS.has(head)) rules.push({ key: `${pkg}.${head}`, from: i + 1, to: lines.length, reads: [], refs: new Set() });
    else if (head === 'default' || head === 'import' || head === 'package') rules.push({ key: null, from: i + 1, to: lines.length, reads: [], refs: new Set() });
    if (rules.length > 1 && rules.at(-2).to === lines.length && rules.at(-1).from === i + 1) rules.at(-2).to = i;
  });
  for (const read of relatedReads(text)) rules.find((r) => read.line >= r.from && read.line <= r.to)?.reads.push({ ...read, file });
  for (const rule of rules) {
    const body = lines.slice(rule.from - 1, rule.to).join('\n');
    for (const m of body.matchAll(/(?<![\w.])([a-z_]\w*)(?:\.([a-z_]\w*))?/gi)) {
      if (m[2] !== undefined && imports.has(m[1])) rule.refs.add(`${imports.get(m[1])}.${m[2]}`);
      else rule.refs.add(`${pkg}.${m[1]}`);
    }
  }
  return { pkg, rules: rules.filter((r) => r.key !== null) };
}

/**
 * Problems: reads not covered by the declarations. `catalog`: { controls: [{ source, relatedFields }] };
 * `sources`: [{ file, text }], the policy files (tests excluded). A control must declare what its
 * own file reads and what every helper rule it reaches (policies/lib, followed through the rules
 * they use) reads: a shared helper's read counts against each control that uses it.
 */
export function checkRelatedFields(catalog, sources) {
  const modules = sources.map(({ file, text }) => ({ file, ...parseModule(file, text) }));
  const rulesByKey = new Map();
  for (const m of modules) for (const rule of m.rules) rulesByKey.set(rule.key, [...(rulesByKey.get(rule.key) ?? []), rule]);
  const problems = new Set();
  for (const control of catalog.controls) {
    const module = modules.find((m) => m.file === control.source);
    if (!module) continue;
    const declared = Object.values(control.relatedFields ?? {}).flat();
    const seen = new Set();
    const queue = [...module.rules];
    while (queue.length) {
      const rule = queue.shift();
      for (const read of rule.reads) {
        if (covered(read, declared)) continue;
        const where = read.file === control.source ? '' : ` (through ${rule.key.replace(/^cafscan\./, '')}, used by ${control.source})`;
        problems.add(`${read.file}:${read.line}: reads ${read.path}${read.whole ? ' (as a whole)' : ''} of a related resource${where}, which the control's custom.related_fields does not declare`);
      }
      for (const ref of rule.refs) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        queue.push(...(rulesByKey.get(ref) ?? []));
      }
    }
  }
  return [...problems];
}

export function policySources() {
  return regoSources().map((path) => ({ file: relative(repoRoot, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const catalog = JSON.parse(readFileSync(new URL('../policy-bundle/catalog.json', import.meta.url), 'utf8'));
  const problems = checkRelatedFields(catalog, policySources());
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exit(1);
  }
}
