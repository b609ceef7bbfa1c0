#!/usr/bin/env node
// The layer rule (ARCHITECTURE.md): apps → packs → modules → kernel, no cycles, and a module is
// reached only through its index.ts (`@zhizhi/<module>`), never through its private files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LAYERS = { kernel: 0, module: 1, pack: 2, app: 3 };

function layerOfPath(path) {
  if (path.startsWith('packages/kernel/')) return { layer: 'kernel', unit: 'kernel' };
  let m = /^packages\/modules\/([^/]+)\//.exec(path);
  if (m) return { layer: 'module', unit: m[1] };
  m = /^packages\/packs\/([^/]+)\//.exec(path);
  if (m) return { layer: 'pack', unit: m[1] };
  m = /^apps\/([^/]+)\//.exec(path);
  if (m) return { layer: 'app', unit: m[1] };
  return null;
}

function layerOfImport(specifier) {
  const m = /^@zhizhi\/([^/]+)(\/.*)?$/.exec(specifier);
  if (!m) return null;
  const [, name, subpath] = m;
  if (name === 'kernel') return { layer: 'kernel', unit: 'kernel', subpath };
  if (name.startsWith('pack-')) return { layer: 'pack', unit: name.slice(5), subpath };
  if (['server', 'web', 'cli', 'api-client'].includes(name)) return { layer: 'app', unit: name, subpath };
  return { layer: 'module', unit: name, subpath };
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts)$/.test(entry)) yield full;
  }
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Returns a list of violations for the given tree. */
export function checkLayers(base = root) {
  const violations = [];
  for (const top of ['packages', 'apps']) {
    let files;
    try {
      files = [...sourceFiles(join(base, top))];
    } catch {
      continue;
    }
    for (const file of files) {
      const path = relative(base, file).split('\\').join('/');
      const from = layerOfPath(path);
      if (!from) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2];
        if (specifier.startsWith('.')) {
          const target = relative(base, join(file, '..', specifier))
            .split('\\')
            .join('/');
          const to = layerOfPath(`${target}/`) ?? layerOfPath(target);
          if (to && (to.layer !== from.layer || to.unit !== from.unit)) {
            violations.push(
              `${path}: relative import "${specifier}" reaches into ${to.layer} ${to.unit}; import its package instead`,
            );
          }
          continue;
        }
        const to = layerOfImport(specifier);
        if (!to) continue;
        if (
          LAYERS[to.layer] > LAYERS[from.layer] ||
          (to.layer === from.layer && from.layer === 'pack' && to.unit !== from.unit)
        ) {
          violations.push(
            `${path}: ${from.layer} ${from.unit} may not import ${to.layer} ${to.unit} ("${specifier}")`,
          );
        }
        if (to.layer === 'module' && to.subpath && to.unit !== from.unit) {
          violations.push(`${path}: "${specifier}" reaches past module ${to.unit}'s index.ts`);
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const violations = checkLayers();
  if (violations.length) {
    process.stderr.write(`Layer rule violations:\n${violations.map((v) => `  ${v}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('layers ok\n');
}
