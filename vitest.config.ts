import { defineConfig } from 'vitest/config';

/**
 * One runner for everything but the browser suite (e2e/, run by scripts/test.mjs after it).
 * Unit tests sit beside the code (src/**\/*.test.ts); integration tests live in test/.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['verbose'],
  },
});
