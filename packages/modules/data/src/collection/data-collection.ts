import type { Kernel } from '@zhizhi/kernel';
import { objectionType, qualityIssueType } from '../quality/case-types';
import { createObjections } from '../quality/objections';
import { createQualityRules } from '../quality/quality-service';
import { createQualityScores } from '../quality/quality-scores';
import { createLoads, type LoadOptions } from './load-service';
import { createSubscriptions } from './subscriptions';
import './events';

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

  /** Defines the case types and the daily score snapshot schedule. */
  async function start() {
    await kernel.cases.defineCaseType(kernel.db, qualityIssueType);
    await kernel.cases.defineCaseType(kernel.db, objectionType);
    await scores.schedule();
  }

  return { loads, quality, objections, subscriptions, scores, start };
}

export type DataCollection = ReturnType<typeof createDataCollection>;
