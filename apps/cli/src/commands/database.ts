import { MAX_SYNTHETIC_CITIZENS, seedFenghua } from '@zhizhi/pack-fenghua';
import type { Command } from 'commander';
import { createOutput, withKernel } from '../context';
import { printCredentials } from './print-credentials';
import { progressBar } from './progress-bar';

export function registerDatabaseCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const out = createOutput(program.opts().json === true);
      await withKernel(async (kernel) =>
        out.result({ ok: true, dialect: kernel.database.dialect }, 'Migrations applied.'),
      );
    });

  program
    .command('seed')
    .description('Load the Fenghua demo region (once) and optional synthetic volume')
    .option(
      '--scale <n>',
      `synthetic citizens to add (enterprises: a tenth; max ${MAX_SYNTHETIC_CITIZENS})`,
      '0',
    )
    .action(async (options: { scale: string }) => {
      const out = createOutput(program.opts().json === true);
      const scale = Number(options.scale);
      if (!Number.isInteger(scale) || scale < 0) throw new Error('--scale must be a whole number ≥ 0');
      const bar = out.json ? null : progressBar('synthetic rows');
      const result = await withKernel((kernel) => seedFenghua(kernel, { scale, onProgress: bar?.update }));
      bar?.done();
      if (!out.json) printCredentials(result.credentials);
      out.result(
        result,
        result.seeded
          ? 'Fenghua region seeded.'
          : `Region already present; added ${result.synthetic.citizens} citizens and ${result.synthetic.enterprises} enterprises.`,
      );
    });
}
