#!/usr/bin/env node
// The cafscan executable: a thin wrapper over the compiled CLI (dist/, built by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('cafscan: not built yet — run `npm install` (or `npm run build`) in the cafscan folder\n');
  process.exit(3);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
