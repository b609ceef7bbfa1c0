// `npm test`: the whole suite — lint, layer rule, types, then every Vitest tier incl. browser tests.
// With DATABASE_URL set, integration tests run on that PostgreSQL instead of PGlite.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const step = (label, command, args) => {
  process.stdout.write(`\n▶ ${label}\n`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
};

try {
  if (!process.env.SKIP_STATIC_CHECKS) {
    step('lint (biome)', bin('biome'), ['check', '.']);
    step('layer rule', process.execPath, [`${root}scripts/check-layers.mjs`]);
    step('types (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
    step('migrations match the schema', process.execPath, [`${root}scripts/check-migrations.mjs`]);
  }
  ensureBrowser();
  buildWebIfStale();
  step(`tests on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, bin('vitest'), [
    'run',
    ...process.argv.slice(2),
  ]);
} catch {
  process.exit(1);
}
