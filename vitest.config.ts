import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Collects and validates every SARIF file the suite writes (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 120_000,
    // CLI tests spawn the real binary; keep the 2-core machine from oversubscribing.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
