import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root (package.json, policy-bundle/, rules/, docs/): one level above src/ or dist/. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
