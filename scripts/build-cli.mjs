// Builds the CLI (and the server it starts) into one file, apps/cli/dist/zhizhi.mjs, when it is
// missing or older than any source file. Through tsx every start loaded ~1,000 TypeScript modules
// one by one (`zhizhi --help` took 4–8 s on 2 cores); the bundle starts in about a second.
// Third-party packages stay in node_modules; our workspace packages are bundled, and each file's
// `import.meta.url` is its own source file's URL, so files they read beside them (migrations, the
// boundary GeoJSON, the built web app) are found where they are.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const cliBundle = join(root, 'apps/cli/dist/zhizhi.mjs');
const SOURCES = ['apps/cli/src', 'apps/server/src', 'packages', 'tsconfig.json', 'package-lock.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'data') continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

/** True when the bundle exists and no source is newer. */
export function cliBundleFresh() {
  if (!existsSync(cliBundle)) return false;
  const built = statSync(cliBundle).mtimeMs;
  return SOURCES.every((source) => newest(join(root, source)) <= built);
}

export async function buildCliIfStale({ force = false } = {}) {
  if (!force && cliBundleFresh()) return false;
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'apps/cli/src/main.ts')],
    outfile: cliBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: '// Built by scripts/build-cli.mjs from apps/cli/src/main.ts; do not edit.' },
    plugins: [
      {
        name: 'zhizhi-cli',
        setup(b) {
          // Bundle our packages (TypeScript sources) and JSON data; load every other package at run time.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@zhizhi/') || args.path.endsWith('.json')
              ? undefined
              : { path: args.path, external: true },
          );
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            const source = readFileSync(args.path, 'utf8');
            const url = JSON.stringify(pathToFileURL(args.path).href);
            return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
          });
        },
      },
    ],
  });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await buildCliIfStale({ force: process.argv.includes('--force') });
