import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateSarifFiles } from './helpers/sarif-validator.js';

/**
 * Every SARIF file the suite produces must pass the Multitool's Sarif and Ghas rules — not only
 * those a test happens to check. All temporary files of the run (tests and the cafscan
 * processes they start) go under one directory; at the end, every *.sarif in it is validated
 * in one Multitool run, and any error fails the suite.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'cafscan-tests-'));
  process.env.TMPDIR = root;
  return () => {
    const files = findSarif(root);
    const problems = files.length ? validateSarifFiles(files) : [];
    mkdirSync('test-output', { recursive: true });
    writeFileSync(join('test-output', 'sarif-validation.txt'), `${files.length} SARIF files produced by the suite validated with --rule-kind "Sarif;Ghas": ${problems.length} errors\n${problems.map((p) => `${p.file}: ${p.ruleId} ${p.message}`).join('\n')}\n`);
    if (problems.length) {
      // vitest reports an error thrown here but still exits 0; the exit code must say it.
      process.stderr.write(`SARIF produced by the suite fails validation:\n${problems.map((p) => `  ${p.file}: ${p.ruleId} ${p.message}`).join('\n')}\n`);
      process.exitCode = 1;
      process.on('exit', () => {
        process.exitCode = 1;
      });
      return;
    }
    rmSync(root, { recursive: true, force: true });
  };
}

function findSarif(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findSarif(path));
    // validation.sarif is the Multitool's own report; cafscan stages in hidden directories it removes.
    else if (entry.name.endsWith('.sarif') && entry.name !== 'validation.sarif') found.push(path);
  }
  return found.sort();
}
