// Runs `opa test` on a mutant (or on the unmutated selection, as a baseline) and classifies
// the result. opa's exit status says what happened: 0 all tests passed (the mutant survived),
// 2 a test failed or errored (killed), 1 loading/compiling failed (the mutant is invalid — it
// does not parse or does not compile — and is left out of the score).
import { spawn } from 'node:child_process';

/**
 * @typedef {{ status: 'survived'|'killed'|'invalid'|'timeout'|'error', passed: number,
 *   total: number, detail: string, ms: number }} RunResult
 */

/**
 * @param {string} opa  path of the pinned opa binary
 * @param {string[]} paths  files and directories to load (sources, tests, data)
 * @param {number} timeoutMs  a mutant that makes evaluation hang is killed after this
 * @returns {Promise<RunResult>}
 */
export function runOpaTest(opa, paths, timeoutMs) {
  const started = Date.now();
  return new Promise((resolveRun) => {
    // nice: the machine's cores are shared; one opa evaluates tests on one core (-p 1) and
    // parallelism comes from --jobs.
    const child = spawn('nice', ['-n', '10', opa, 'test', '-p', '1', '--timeout', `${Math.ceil(timeoutMs / 1000)}s`, ...paths], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs * 2);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const counts = /PASS: (\d+)\/(\d+)/.exec(out) ?? /(?:FAIL|ERROR): \d+\/(\d+)/.exec(out);
      const total = counts ? Number(counts[2] ?? counts[1]) : 0;
      const passed = /PASS: (\d+)\//.exec(out) ? Number(/PASS: (\d+)\//.exec(out)[1]) : 0;
      if (timedOut) return resolveRun({ status: 'timeout', passed, total, detail: `no result after ${timeoutMs * 2} ms`, ms });
      if (code === 0) return resolveRun({ status: 'survived', passed, total, detail: '', ms });
      if (code === 2) return resolveRun({ status: 'killed', passed, total, detail: firstFailure(out), ms });
      const compileError = /rego_[a-z_]+_error[^\n]*/.exec(err);
      if (code === 1 && compileError) return resolveRun({ status: 'invalid', passed: 0, total: 0, detail: compileError[0].trim(), ms });
      resolveRun({ status: 'error', passed, total, detail: (err || out).trim().split('\n')[0] ?? `exit ${code}`, ms });
    });
    child.on('error', (e) => { clearTimeout(timer); resolveRun({ status: 'error', passed: 0, total: 0, detail: e.message, ms: Date.now() - started }); });
  });
}

/** The first failing test's name, to say which test killed a mutant. */
function firstFailure(out) {
  const m = /^(data\.[^\s:]+): (FAIL|ERROR)/m.exec(out);
  return m ? `${m[1]} ${m[2].toLowerCase()}` : '';
}

/** Runs tasks with at most `jobs` in flight; results keep the tasks' order. */
export async function pool(tasks, jobs, shouldStop) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      if (shouldStop()) { results[index] = null; continue; }
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  return results;
}
