import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

/** A file's content: text, or pieces produced while writing (large reports). */
export type OutputContent = string | (() => Iterable<string>);

const FLUSH_BYTES = 1 << 20;

/**
 * Writes the outputs in order, each into a temporary file; only when every one is complete are
 * they renamed into place, so a failed scan never leaves a half-written or mixed report behind.
 */
export function writeOutputs(dir: string, files: Array<[name: string, content: OutputContent]>): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(`cannot create output directory ${dir}: ${(error as Error).message}`);
  }
  const staged: Array<[temp: string, target: string]> = [];
  try {
    for (const [name, content] of files) {
      const temp = join(dir, `.${name}.${process.pid}.tmp`);
      staged.push([temp, join(dir, name)]);
      writeFile(temp, content);
    }
    for (const [temp, target] of staged) renameSync(temp, target);
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write to output directory ${dir}: ${(error as Error).message}`);
  }
  return staged.map(([, target]) => target);
}

function writeFile(path: string, content: OutputContent): void {
  const fd = openSync(path, 'w');
  try {
    if (typeof content === 'string') {
      writeSync(fd, content);
      return;
    }
    let buffer = '';
    for (const piece of content()) {
      buffer += piece;
      if (buffer.length >= FLUSH_BYTES) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}
