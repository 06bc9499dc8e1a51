// Scores a mutation run and prints it. Definitions (docs/mutation.md):
//   valid      mutants that compiled (invalid ones are listed, never scored)
//   equivalent survivors audited as equivalent in scripts/mutation-equivalent.json
//   score      killed / (valid − equivalent), in percent; equivalents are counted out, not in
//   logicScore the same over mutants that change more than a message string
import { readFileSync } from 'node:fs';

/** Audited equivalent survivors: { "equivalent": [{ "key", "reason" }] }. */
export function readEquivalents(path) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error.message}`, { cause: error });
  }
  const list = parsed?.equivalent;
  if (!Array.isArray(list) || list.some((e) => typeof e?.key !== 'string' || typeof e?.reason !== 'string' || e.reason.trim() === '')) {
    throw new Error(`${path}: expected {"equivalent": [{"key": string, "reason": non-empty string}]}`);
  }
  return new Map(list.map((e) => [e.key, e.reason]));
}

// Dropping a type check (is_string(x) …) survives most often because a later statement is
// undefined for other types anyway: usually equivalent, but check that the later statement
// really is (x != "" holds for a number; startswith(x, "a") does not).
function triageHint(mutant) {
  if (mutant.operator === 'drop' && /^drop "(not )?is_(string|object|array|number|boolean|set)\(/.test(mutant.description)) {
    return { hint: 'type guard: equivalent only if what follows is undefined for other types' };
  }
  return {};
}

const pct = (num, den) => (den > 0 ? Math.round((1000 * num) / den) / 10 : null);

export function buildReport({ plan, results, equivalents, baseline, options, durationMs }) {
  const mutants = plan.map((p, i) => {
    const r = results[i];
    let status = r ? r.status : 'not_run';
    if (status === 'timeout') status = 'killed';
    const reason = equivalents.get(p.key);
    if (status === 'survived' && reason) status = 'equivalent';
    return {
      key: p.key, file: p.target.rel, line: p.mutant.line, rule: p.mutant.rule, operator: p.mutant.operator,
      category: p.mutant.category, description: p.mutant.description, status,
      ...(r?.detail ? { detail: r.detail } : {}),
      ...(reason ? { equivalentReason: reason } : {}),
      ...(status === 'survived' ? { tests: p.testFiles, ...triageHint(p.mutant) } : {}),
    };
  });
  const byFile = new Map();
  for (const m of mutants) (byFile.get(m.file) ?? byFile.set(m.file, []).get(m.file)).push(m);
  const files = [...byFile].map(([file, list]) => ({ file, ...tally(list) }));
  const used = new Set(mutants.map((m) => m.key));
  return {
    opaTool: 'opa test (pinned, scripts/opa-cli.mjs)',
    options,
    durationMs,
    totals: tally(mutants),
    files,
    survivors: mutants.filter((m) => m.status === 'survived'),
    equivalent: mutants.filter((m) => m.status === 'equivalent'),
    // An audited key whose mutant is now killed, or that no longer exists, should be removed.
    staleEquivalents: [
      ...mutants.filter((m) => m.status === 'killed' && equivalents.has(m.key)).map((m) => ({ key: m.key, why: 'killed now' })),
      ...(options.only || options.budget ? [] : [...equivalents.keys()].filter((k) => !used.has(k)).map((key) => ({ key, why: 'no such mutant' }))),
    ],
    invalid: mutants.filter((m) => m.status === 'invalid').map(({ key, file, line, description, detail }) => ({ key, file, line, description, detail })),
    errors: mutants.filter((m) => m.status === 'error'),
    baselineTests: [...baseline.values()].reduce((n, r) => n + r.total, 0),
    mutants,
  };
}

function tally(list) {
  const count = (pred) => list.filter(pred).length;
  const killed = count((m) => m.status === 'killed');
  const survived = count((m) => m.status === 'survived');
  const equivalent = count((m) => m.status === 'equivalent');
  const logic = list.filter((m) => m.category === 'logic');
  const logicKilled = logic.filter((m) => m.status === 'killed').length;
  const logicSurvived = logic.filter((m) => m.status === 'survived').length;
  return {
    mutants: list.length,
    valid: killed + survived + equivalent,
    killed,
    survived,
    equivalent,
    invalid: count((m) => m.status === 'invalid'),
    notRun: count((m) => m.status === 'not_run'),
    errors: count((m) => m.status === 'error'),
    messageSurvived: count((m) => m.status === 'survived' && m.category === 'message'),
    score: pct(killed, killed + survived),
    logicScore: pct(logicKilled, logicKilled + logicSurvived),
  };
}

/** Human summary: per-file table, survivors grouped by file, totals. */
export function printSummary(report, out) {
  const w = (s) => out.write(`${s}\n`);
  const cell = (v, n) => String(v ?? '-').padStart(n);
  const width = Math.max(4, ...report.files.map((f) => f.file.length));
  w(`${'file'.padEnd(width)} ${cell('mut', 5)} ${cell('valid', 5)} ${cell('kill', 5)} ${cell('surv', 5)} ${cell('equiv', 5)} ${cell('inval', 5)} ${cell('score', 6)} ${cell('logic', 6)}`);
  for (const f of report.files) {
    w(`${f.file.padEnd(width)} ${cell(f.mutants, 5)} ${cell(f.valid, 5)} ${cell(f.killed, 5)} ${cell(f.survived, 5)} ${cell(f.equivalent, 5)} ${cell(f.invalid, 5)} ${cell(f.score, 5)}% ${cell(f.logicScore, 5)}%`);
  }
  if (report.survivors.length) {
    w('\nsurvivors (tests pass with the mutant; fix the tests or audit it in scripts/mutation-equivalent.json):');
    let file = null;
    for (const s of report.survivors) {
      if (s.file !== file) { file = s.file; w(`\n  ${file}`); }
      w(`    ${s.line} [${s.rule}] ${s.operator}${s.category === 'message' ? ' (message only)' : ''}${s.hint ? ' (type guard)' : ''}: ${s.description}`);
    }
  }
  for (const e of report.errors) w(`error: ${e.file}:${e.line} ${e.description}: ${e.detail ?? ''}`);
  for (const s of report.staleEquivalents) w(`stale equivalence (${s.why}): ${s.key}`);
  const t = report.totals;
  w(`\nmutants ${t.mutants}: valid ${t.valid} (killed ${t.killed}, survived ${t.survived} of which ${t.messageSurvived} message-only, equivalent ${t.equivalent}), invalid ${t.invalid}${t.notRun ? `, not run ${t.notRun} (budget)` : ''}${t.errors ? `, errors ${t.errors}` : ''}`);
  w(`score ${t.score ?? '-'}% (killed / (valid − equivalent)); logic-only ${t.logicScore ?? '-'}%; ${Math.round(report.durationMs / 1000)} s`);
}
