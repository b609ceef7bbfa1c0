import { defineConfig } from 'drizzle-kit';

// One migration sequence for the whole monolith: kernel tables and every module's tables.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./packages/kernel/src/*/schema.ts', './packages/modules/*/src/**/schema.ts'],
  out: './migrations',
});
