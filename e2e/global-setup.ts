import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropTestDatabase, listTestDatabases } from '@zhizhi/kernel/testing';
import { buildCliIfStale } from '../scripts/build-cli.mjs';

/** Where the run keeps its demo templates, and the run's tag in template database names. */
export const TEMPLATE_DIR_ENV = 'ZHIZHI_E2E_DEMO_DIR';
export const TEMPLATE_TAG_ENV = 'ZHIZHI_E2E_DEMO_TAG';
/** Template databases are named `${DATABASE_PREFIX}${tag}_…`. */
export const DATABASE_PREFIX = 'zhizhi_demo_';

/**
 * Gives the run a directory for its demo templates (e2e/demo-template.ts builds them on first use,
 * so nothing is seeded when no e2e file runs) and removes them, and their PostgreSQL databases, at
 * the end: a template never outlives its run, so its "now" is at most one run old. Also brings the
 * CLI bundle up to date.
 */
export default async function setup() {
  // The CLI tests run the CLI as users do, from its bundle: rebuild it when a source changed.
  await buildCliIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-e2e-demo-'));
  const tag = String(process.pid);
  process.env[TEMPLATE_DIR_ENV] = dir;
  process.env[TEMPLATE_TAG_ENV] = tag;
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!process.env.DATABASE_URL) return;
    for (const name of await listTestDatabases(`${DATABASE_PREFIX}${tag}_`).catch(() => []))
      await dropTestDatabase(name).catch(() => {});
  };
}
