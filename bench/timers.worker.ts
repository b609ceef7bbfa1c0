// One "server process" for timers.bench.ts: opens the shared PostgreSQL database, registers the
// bench timer's handler and runs the kernel's job runner (`jobs.start`) while told to.
//
//   npx tsx bench/timers.worker.ts <postgres-url> <name> <poll-ms>
//
// Commands, one per line on stdin: `start` (runner on), `pause` (runner off, in-flight job
// finished), `exit` (or end of stdin). It answers `ready`, `started`, `paused` and, last, one
// JSON line with its counts, then exits by itself once the pool is closed.
import { createInterface } from 'node:readline';
import { systemClock } from '@zhizhi/kernel/clock';
import { openDatabase } from '@zhizhi/kernel/db';
import { createJobs, type JobsOptions } from '@zhizhi/kernel/jobs';
import { recordFiring, TIMER_KIND } from './timers-shared';

const [url, name, pollArg] = process.argv.slice(2);
if (!url || !name) throw new Error('usage: timers.worker.ts <postgres-url> <name> <poll-ms>');
const pollMs = Number(pollArg ?? 1000);
const say = (line: string) => process.stdout.write(`${line}\n`);

// The runner reports failures only through its logger; count them so the bench can show them.
let failedRuns = 0;
let runnerErrors = 0;
const logger = {
  warn: () => {
    failedRuns++;
  },
  error: (fields: unknown) => {
    runnerErrors++;
    process.stderr.write(`[${name}] job runner failed: ${JSON.stringify(fields)}\n`);
  },
} as unknown as NonNullable<JobsOptions['logger']>;

const database = await openDatabase({ url, poolSize: 2 });
const jobs = createJobs({ db: database.db, clock: systemClock, logger });
let fired = 0;
jobs.register(
  TIMER_KIND,
  recordFiring(name, () => {
    fired++;
  }),
);
say('ready');

const commands = createInterface({ input: process.stdin });
for await (const command of commands) {
  if (command === 'start') {
    jobs.start(pollMs);
    say('started');
  } else if (command === 'pause') {
    await jobs.stop();
    say('paused');
  } else if (command === 'exit') {
    break;
  }
}
await jobs.stop();
await database.close();
say(JSON.stringify({ worker: name, fired, failedRuns, runnerErrors }));
commands.close();
process.stdin.destroy();
