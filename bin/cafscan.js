#!/usr/bin/env node
// The cafscan executable: a thin wrapper over the compiled CLI (dist/, built by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The lockfile pins AWS SDK versions that support Node 20; their notice that later versions will
// need Node 22 would only clutter stderr, which pipelines read.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('cafscan: not built yet — run `npm install` (or `npm run build`) in the cafscan folder\n');
  process.exit(3);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
