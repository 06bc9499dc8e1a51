import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tempDir } from './cli.js';

export interface SarifProblem {
  ruleId: string;
  level: string;
  message: string;
}

/**
 * Validates a SARIF file with the Microsoft SARIF Multitool under the SARIF and GitHub
 * Advanced Security rule sets, as GitHub code scanning would judge it. Returns the errors.
 */
export function validateSarif(file: string): SarifProblem[] {
  return validateSarifFiles([file]).map(({ ruleId, level, message }) => ({ ruleId, level, message }));
}

export interface FileProblem extends SarifProblem {
  file: string;
}

/** Validates many files in few Multitool runs (its start-up dominates); returns every error with its file. */
export function validateSarifFiles(files: string[], batch = 100): FileProblem[] {
  const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  if ((statSync(binary).mode & 0o100) === 0) chmodSync(binary, 0o755);
  const problems: FileProblem[] = [];
  for (let i = 0; i < files.length; i += batch) {
    const output = join(tempDir('cafscan-sarif-'), 'validation.sarif');
    const run = spawnSync(binary, ['validate', ...files.slice(i, i + batch), '--rule-kind', 'Sarif;Ghas', '--max-file-size-in-kb', '1048576', '--output', output, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    if (run.status !== 0) throw new Error(`sarif-multitool failed (${run.status}): ${run.stderr || run.stdout}`);
    const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] }; locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }> }> }> };
    for (const r of log.runs[0]?.results ?? []) {
      if ((r.level ?? 'warning') !== 'error') continue;
      const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'unknown file';
      problems.push({ file: uri.replace(/^file:\/\//, ''), ruleId: r.ruleId, level: 'error', message: r.message.text ?? `${r.message.id} ${(r.message.arguments ?? []).join(' ')}` });
    }
  }
  return problems;
}
