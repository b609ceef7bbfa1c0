// `npm start`: build the web app if needed, then serve on the embedded database with the demo region.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
buildWebIfStale();
const child = spawn(
  process.execPath,
  [`${root}node_modules/tsx/dist/cli.mjs`, `${root}apps/cli/src/main.ts`, 'serve'],
  {
    stdio: 'inherit',
    env: { DEMO: '1', ...process.env },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
