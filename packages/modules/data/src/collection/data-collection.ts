import type { Kernel } from '@zhizhi/kernel';
import { objectionType, qualityIssueType } from '../quality/case-types';
import { createObjections } from '../quality/objections';
import { createQualityRules } from '../quality/quality-service';
import { createQualityScores } from '../quality/quality-scores';
import { createLoads, type LoadOptions } from './load-service';
import { createSubscriptions } from './subscriptions';
import './events';

/** Marks loads whose process stopped as failed (`data.load.interrupted`). */
export const SWEEP_JOB = 'data.load.sweep';

/**
 * Collection and quality (归集与质量): loads, rules, findings → cases, objections, subscriptions
 * and scores over one kernel. Call `start()` once the database is migrated.
 */
export function createDataCollection(kernel: Kernel, options: LoadOptions = {}) {
  const subscriptions = createSubscriptions(kernel);
  const quality = createQualityRules(kernel, subscriptions);
  const loads = createLoads(kernel, quality, subscriptions, options);
  const objections = createObjections(kernel, subscriptions);
  const scores = createQualityScores(kernel);

  kernel.jobs.register(SWEEP_JOB, async (_payload, { tx }) => {
    await loads.sweepInterrupted(false, tx);
  });

  /**
   * Defines the case types, the daily score snapshot and the sweep of interrupted loads (every 10
   * minutes; at once on the embedded database, where a running load at start is a dead one).
   */
  async function start() {
    await kernel.cases.defineCaseType(kernel.db, qualityIssueType);
    await kernel.cases.defineCaseType(kernel.db, objectionType);
    await scores.schedule();
    await kernel.jobs.schedule(kernel.db, {
      name: SWEEP_JOB,
      kind: SWEEP_JOB,
      cron: '*/10 * * * *',
      timezone: 'Asia/Shanghai',
    });
    await loads.sweepInterrupted(kernel.database.dialect === 'pglite');
  }

  return { loads, quality, objections, subscriptions, scores, start };
}

export type DataCollection = ReturnType<typeof createDataCollection>;
