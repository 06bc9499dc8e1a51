// Which test files can notice a change to a Rego file. Compiling the whole tree for every
// mutant is what makes `opa test` slow (≈1.7 s for the tree against ≈0.1 s for the sources and
// one control's tests), so each mutant is tested with every source file but only the tests
// that reach the mutated package:
//   - statically: a test or source file reaches package P when it refers to data.P… (directly
//     or through an import alias); that is followed transitively through the sources;
//   - dynamically: main.rego evaluates data.cafscan.controls[pkg] from the routing data, so a
//     control reached that way is exercised by the tests that name its id or its package.
// The selection is checked once per mutated file: the unmutated selection must pass, and a file
// whose selection would be empty is reported as untested rather than silently scored.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze, tokenize } from './mutation-lexer.mjs';

/**
 * @typedef {{ path: string, rel: string, isTest: boolean, pkg: string, refs: string[],
 *   controlId: string|null, text: string }} RegoFile
 */

/** Reads package, references and (for controls) the id of each file. */
export function describeFiles(paths, root) {
  return paths.map((path) => {
    const text = readFileSync(path, 'utf8');
    const tokens = tokenize(text);
    const dotted = readDotted(tokens);
    const pkg = dotted.find((d) => d.keyword === 'package')?.path ?? '';
    const aliases = new Map();
    for (const d of dotted) {
      if (d.keyword !== 'import' || !d.path.startsWith('data.')) continue;
      aliases.set(d.alias ?? d.path.split('.').pop(), d.path.slice('data.'.length));
    }
    const refs = new Set();
    for (const d of dotted) {
      if (d.keyword) continue;
      const [head, ...rest] = d.path.split('.');
      if (head === 'data') refs.add(rest.join('.'));
      else if (aliases.has(head)) refs.add([aliases.get(head), ...rest].join('.'));
    }
    const controlId = /^#\s+id:\s*(CAFAI-[A-Z]+-\d+)\s*$/m.exec(text)?.[1] ?? null;
    return { path, rel: relative(root, path).replaceAll('\\', '/'), isTest: path.endsWith('_test.rego'), pkg, refs: [...refs], controlId, text };
  });
}

/** Dotted references (a.b.c) in code, with package/import keywords and `as` aliases. */
function readDotted(tokens) {
  const out = [];
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t].type !== 'ident' || (t > 0 && tokens[t - 1].text === '.')) continue;
    const parts = [tokens[t].text];
    let k = t + 1;
    while (tokens[k]?.text === '.' && tokens[k + 1]?.type === 'ident') { parts.push(tokens[k + 1].text); k += 2; }
    const keyword = ['package', 'import'].includes(tokens[t - 1]?.text) && tokens[t - 1].line === tokens[t].line ? tokens[t - 1].text : null;
    const alias = keyword === 'import' && tokens[k]?.text === 'as' ? tokens[k + 1]?.text : undefined;
    out.push({ keyword, path: parts.join('.'), alias });
  }
  return out;
}

// Only downward: main.rego's data.cafscan.controls[pkg] must not count as reaching every control.
const within = (ref, pkg) => ref === pkg || ref.startsWith(`${pkg}.`);

/**
 * The test files that can notice a change to `target`, given all files (sources and tests).
 * Helper test files the selected tests use (cafscan.testing) come along as dependencies.
 */
export function testsFor(target, files, rule) {
  const reached = new Set(rule ? callersOf(target.pkg, rule, files).map((r) => `${target.pkg}.${r}`) : [target.pkg]);
  // Static closure over sources: a file that refers to a reached package is reached too.
  for (let changed = true; changed;) {
    changed = false;
    for (const f of files) {
      if (reached.has(f.pkg) || !f.refs.some((r) => r === target.pkg || [...reached].some((p) => within(r, p)))) continue;
      reached.add(f.pkg);
      changed = true;
    }
  }
  const reachedControls = files.filter((f) => !f.isTest && f.controlId && (reached.has(f.pkg) || [...reached].some((p) => within(p, f.pkg))));
  const mentions = (test) => reachedControls.some((c) =>
    test.text.includes(`"${c.controlId}"`) || new RegExp(`\\bcontrols\\.${c.pkg.split('.').pop()}\\b`).test(test.text));
  // Test files take part in the closure, so mutating main.rego reaches cafscan.testing and with
  // it every test that goes through the router.
  const selected = files.filter((f) => f.isTest && (reached.has(f.pkg) || [...reached].some((p) => within(p, f.pkg)) || mentions(f)));
  return withHelpers(selected, files);
}

/**
 * The rules of package `pkg` (over all its files) that use `rule`, directly or through other
 * rules of the package, `rule` included: a mutant in lib.tag reaches lib.has_tag's callers too.
 */
function callersOf(pkg, rule, files) {
  const uses = new Map();
  for (const f of files) {
    if (f.pkg !== pkg) continue;
    const { tokens, lines } = analyze(f.text);
    for (const l of lines) {
      if (!l.rule) continue;
      const set = uses.get(l.rule) ?? uses.set(l.rule, new Set()).get(l.rule);
      for (let t = l.first; t <= l.last; t++) if (tokens[t].type === 'ident' && tokens[t - 1]?.text !== '.') set.add(tokens[t].text);
    }
  }
  const callers = new Set([rule]);
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, used] of uses) {
      if (callers.has(name) || ![...callers].some((c) => used.has(c))) continue;
      callers.add(name);
      changed = true;
    }
  }
  return [...callers].sort();
}

function withHelpers(selected, files) {
  const chosen = new Set(selected);
  const testPkgs = new Map();
  for (const f of files) if (f.isTest) (testPkgs.get(f.pkg) ?? testPkgs.set(f.pkg, []).get(f.pkg)).push(f);
  for (let changed = true; changed;) {
    changed = false;
    for (const f of [...chosen]) {
      for (const r of f.refs) {
        for (const [pkg, helpers] of testPkgs) {
          if (!within(r, pkg)) continue;
          for (const h of helpers) if (!chosen.has(h)) { chosen.add(h); changed = true; }
        }
      }
    }
  }
  return files.filter((f) => chosen.has(f));
}

/**
 * The source files a run needs: the mutated file, the controls the selected tests name (main
 * reaches them only through the routing data), and everything those and the tests refer to.
 * Loading only these keeps opa's compile step small (≈10x less CPU than the whole tree for a
 * control); a selection whose baseline fails this way falls back to all sources.
 */
export function sourcesFor(target, tests, files) {
  const sources = files.filter((f) => !f.isTest);
  const needed = new Set([target]);
  const named = (c) => tests.some((t) => t.text.includes(`"${c.controlId}"`) || new RegExp(`\\bcontrols\\.${c.pkg.split('.').pop()}\\b`).test(t.text));
  for (const c of sources) if (c.controlId && named(c)) needed.add(c);
  const from = [...tests];
  for (let changed = true; changed;) {
    changed = false;
    const refs = [...from, ...needed].flatMap((f) => f.refs);
    for (const s of sources) {
      if (needed.has(s) || !refs.some((r) => within(r, s.pkg) || r === s.pkg)) continue;
      needed.add(s);
      changed = true;
    }
  }
  return sources.filter((s) => needed.has(s));
}
