import { defineConfig } from 'vitest/config';

// One run, every tier: unit + integration (PGlite, or PostgreSQL when DATABASE_URL is set) and e2e.
export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['./packages/kernel/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits 1 s by default: too short for a browser step on a loaded 2-core CI machine.
    // Polls that pass return at once; only failing ones wait this long.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
