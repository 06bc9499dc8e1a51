import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writes every output only once all of them are rendered, each through a temporary file and a
 * rename, so an interrupted or failed scan never leaves a half-written report behind.
 */
export function writeOutputs(dir: string, files: Record<string, string>): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(`cannot create output directory ${dir}: ${(error as Error).message}`);
  }
  const staged: Array<[string, string]> = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const temp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(temp, content);
      staged.push([temp, join(dir, name)]);
    }
    for (const [temp, target] of staged) renameSync(temp, target);
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw new InputError(`cannot write to output directory ${dir}: ${(error as Error).message}`);
  }
  return staged.map(([, target]) => target);
}
