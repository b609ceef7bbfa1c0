import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createDataCollection } from '@zhizhi/data';
import { InputError, systemActor } from '@zhizhi/kernel';
import type { Command } from 'commander';
import { createOutput, withKernel } from '../context';
import { progressBar } from './progress-bar';

/** `--map 身份证号=id_number` (repeatable) → { 身份证号: 'id_number' }. */
function collectMapping(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.lastIndexOf('=');
  if (at <= 0 || at === value.length - 1)
    throw new InputError('cli.data.map_invalid', `--map takes column=item, got "${value}".`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)} %`);

export function registerDataCommands(program: Command) {
  const data = program.command('data').description('Public data: collection and quality (数据归集与质量)');

  data
    .command('load')
    .description('Load a resource’s rows from a CSV, XLSX or JSON file (a new version; rules checked)')
    .argument('<resourceCode>', '信息资源代码, e.g. 301012001/000001')
    .argument('<file>', 'the file (.csv, .xlsx or .json)')
    .option('--map <column=item>', 'map a source column to an item code (repeatable)', collectMapping, {})
    .action(async (resourceCode: string, file: string, options: { map: Record<string, string> }) => {
      const out = createOutput(program.opts().json === true);
      const bytes = await readFile(file).catch(() => {
        throw new InputError('cli.data.file_unreadable', `Cannot read ${file}.`);
      });
      const load = await withKernel(async (kernel) => {
        const collection = createDataCollection(kernel);
        await collection.start();
        const resource = await collection.loads.resourceByCode(resourceCode);
        const mapping = Object.keys(options.map).length ? options.map : undefined;
        const spec = { kind: 'upload' as const, fileName: basename(file), bytes };
        const started = await collection.loads.startLoad(systemActor, resource.id, spec, mapping);
        const bar = out.json ? null : progressBar(`load v${started.version}`);
        const poll = setInterval(async () => {
          const now = await collection.loads.getLoad(systemActor, started.id).catch(() => null);
          if (now?.rowsTotal) bar?.update(now.rowsRead, now.rowsTotal);
        }, 200);
        try {
          const done = await collection.loads.waitFor(started.id);
          if (done.status === 'done') bar?.update(done.rowsRead, done.rowsRead);
          return done;
        } finally {
          clearInterval(poll);
          bar?.done();
        }
      });
      if (load.status === 'failed') {
        const row = (load.report as { errorRow?: number } | null)?.errorRow;
        throw new InputError(
          load.errorCode ?? 'data.load.failed',
          `Load v${load.version} failed${row ? ` at row ${row}` : ''}; no rows changed.`,
        );
      }
      const groups = (
        (load.report as { groups?: { item: string; code: string; count: number }[] }).groups ?? []
      )
        .map((g) => `\n  ${g.item}: ${g.code} × ${g.count}`)
        .join('');
      out.result(
        load,
        `Loaded v${load.version} of ${resourceCode}: ${load.rowsRead} rows — ${load.added} added, ${load.changed} changed, ` +
          `${load.removed} removed, ${load.unchanged} unchanged. Pass rate ${percent(load.passRate)}.${groups}`,
      );
    });
}
