#!/usr/bin/env node
// The cafscan executable: a thin wrapper over the compiled CLI (dist/, built by `npm install`).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';

// The lockfile pins AWS SDK versions that support Node 20; their notice that later versions will
// need Node 22 would only clutter stderr, which pipelines read.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A scan's main thread promotes every resource it holds while the workers evaluate it, and V8
// lets the old generation grow up to 4x its live size before a full collection: on the
// 100,000-resource benchmark 780 MB committed for ~200 MB live, the largest share of peak RSS.
// Growing 2x instead keeps it near 430 MB for ~0.5 s more of full collections (measured with
// --trace-gc). Read by V8 at each collection, so setting it here, before the heap grows, takes
// effect (unlike heap sizes, fixed when the isolate starts). A value given on node's command line wins.
if (!process.execArgv.some((flag) => /^--heap[-_]growing[-_]percent/.test(flag))) setFlagsFromString('--heap-growing-percent=100');

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('cafscan: not built yet — run `npm install` (or `npm run build`) in the cafscan folder\n');
  process.exit(3);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
