// `node scripts/ensure-opa.mjs`: make sure the pinned opa CLI is available (prints its path).
import { ensureOpa } from './opa-cli.mjs';

try {
  console.log(ensureOpa());
} catch (error) {
  console.error(`cafscan: ${error.message}`);
  process.exit(1);
}
