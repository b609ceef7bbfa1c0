// `npm start`: build the web app if needed, then serve on the embedded database with the demo region.
import { spawn } from 'node:child_process';
import { buildCliIfStale, cliBundle } from './build-cli.mjs';
import { buildWebIfStale } from './build-web.mjs';

buildWebIfStale();
await buildCliIfStale();
const child = spawn(process.execPath, [cliBundle, 'serve'], {
  stdio: 'inherit',
  env: { DEMO: '1', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
