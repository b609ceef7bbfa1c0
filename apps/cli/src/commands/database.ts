import { rebuildTallies } from '@zhizhi/cockpit';
import {
  FENGHUA_DISTRICT_CODE,
  MAX_SYNTHETIC_CITIZENS,
  seedFenghua,
  seedScaleActivity,
} from '@zhizhi/pack-fenghua';
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
    .option('--events <n>', 'synthetic governance events to add, over the last 3 years', '0')
    .option('--applications <n>', 'synthetic service applications to add, over the last 2 years', '0')
    .action(async (options: { scale: string; events: string; applications: string }) => {
      const out = createOutput(program.opts().json === true);
      const count = (flag: string, value: string) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag} must be a whole number ≥ 0`);
        return n;
      };
      const scale = count('scale', options.scale);
      const events = count('events', options.events);
      const applications = count('applications', options.applications);
      const result = await withKernel(async (kernel) => {
        const bar = out.json ? null : progressBar('synthetic rows');
        const seeded = await seedFenghua(kernel, { scale, onProgress: bar?.update });
        bar?.done();
        if (!events && !applications) return { ...seeded, activity: null };
        const activityBar = out.json ? null : progressBar('events and applications');
        const started = Date.now();
        const activity = await seedScaleActivity(kernel, {
          events,
          applications,
          onProgress: activityBar?.update,
        });
        activityBar?.done();
        // Rows written in bulk raise no events: the cockpit's counters are recomputed from source.
        const counters = await kernel.transaction((tx) => rebuildTallies(tx, FENGHUA_DISTRICT_CODE));
        return { ...seeded, activity: { ...activity, counters, seconds: (Date.now() - started) / 1000 } };
      });
      if (!out.json) printCredentials(result.credentials);
      const { activity } = result;
      out.result(
        result,
        (result.seeded
          ? 'Fenghua region seeded.'
          : `Region already present; added ${result.synthetic.citizens} citizens and ${result.synthetic.enterprises} enterprises.`) +
          (activity
            ? `\nAdded ${activity.events} events (${activity.coCases} co-handling cases, ${activity.redispatches} re-dispatches) and ${activity.applications} applications in ${activity.seconds.toFixed(1)} s.`
            : ''),
      );
    });
}
