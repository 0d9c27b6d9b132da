import { defineConfig } from 'vitest/config';

/**
 * The browser suite: builds the web once, starts `khcn serve` on a free port with a fresh
 * temporary SQLite database (global setup), then drives Debian's Chromium with playwright-core.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['default'],
  },
});
