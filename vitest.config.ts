import { defineConfig } from 'vitest/config';

// Names this run's PostgreSQL template database; the test workers inherit it.
process.env.SETTLE_TEST_RUN ??= String(process.pid);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['src/shared/testing/global-setup.ts'],
    env: { TZ: 'UTC' },
  },
});
