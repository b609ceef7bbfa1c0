import { defineConfig } from 'vitest/config';

// One run, every tier: unit + integration (PGlite, or PostgreSQL when DATABASE_URL is set) and e2e.
// Two groups, one after the other: in-process tests two files at a time (one per core), then the
// tests that start servers, child processes or Chromium, one file at a time so a loaded 2-core
// machine does not starve a browser step.
const SERIAL = [
  'e2e/**/*.test.ts',
  'apps/cli/**/*.test.ts',
  'apps/server/src/crash.test.ts',
  'apps/server/src/server.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['./packages/kernel/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits 1 s by default: too short for a browser step on a loaded 2-core CI machine.
    // Polls that pass return at once; only failing ones wait this long.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['packages/**/*.test.ts', 'apps/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', ...SERIAL],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'servers and browsers',
          include: SERIAL,
          // A directory for the run's seeded demo templates, which e2e/harness.ts copies per file.
          globalSetup: ['./e2e/global-setup.ts'],
          maxWorkers: 1,
          // A browser flow of several steps took 28 s of a 30 s limit on a loaded 2-core CI machine
          // (services.e2e timed out once); each step still has its own 10 s poll limit.
          testTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
