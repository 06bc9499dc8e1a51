import { defineConfig } from 'vitest/config';

// `npm run second-opinion`: Prowler and cafscan on the same moto account (test-peer/). Kept out
// of `npm test` (vitest.config.ts includes test/ only): it installs Prowler and runs it.
export default defineConfig({
  test: {
    include: ['test-peer/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 1_200_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
