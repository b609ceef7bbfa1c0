// Builds apps/web when its dist is missing or older than any source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export function buildWebIfStale({ force = false } = {}) {
  const index = join(root, 'apps/web/dist/index.html');
  const sources = Math.max(newest(join(root, 'apps/web')), newest(join(root, 'apps/api-client')));
  if (!force && existsSync(index) && statSync(index).mtimeMs >= sources) return false;
  process.stdout.write('Building the web app…\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: join(root, 'apps/web'), stdio: 'inherit' },
  );
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  buildWebIfStale({ force: process.argv.includes('--force') });
