// Fails when a schema.ts changed without a generated migration: runs drizzle-kit generate and
// checks that it wrote nothing new under migrations/.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const list = () =>
  readdirSync(`${root}migrations`)
    .filter((f) => f.endsWith('.sql'))
    .sort();
const before = list();
execFileSync(`${root}node_modules/.bin/drizzle-kit`, ['generate'], { cwd: root, stdio: 'pipe' });
const added = list().filter((f) => !before.includes(f));
if (added.length) {
  process.stderr.write(
    `The schema changed without a committed migration. drizzle-kit just generated: ${added.join(', ')}\nReview it, rename it (npm run db:generate -- --name <what>) and commit it.\n`,
  );
  process.exit(1);
}
process.stdout.write('migrations up to date\n');
