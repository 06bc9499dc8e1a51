// Prints docs/outputs.md from the reporter registry (run by `npm run docs`, after the build).
import { renderOutputsDoc } from '../dist/reporters/outputs-doc.js';
import { REPORTERS } from '../dist/reporters/registry.js';

process.stdout.write(renderOutputsDoc(REPORTERS));
