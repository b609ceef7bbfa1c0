import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { InputError } from '@zhizhi/kernel/errors';
import type { Kernel } from '@zhizhi/kernel';
import { orgDepartment } from '@zhizhi/kernel/org';
import { inArray } from 'drizzle-orm';
import { DATA_PERMISSIONS } from '../catalog/catalog-service';
import { departmentScores, resourceScores, scoreHistory, snapshotScores } from './scores';

export const SNAPSHOT_JOB = 'data.quality.snapshot';

/** Quality scores: current (computed now), history (daily snapshots) and the snapshot job. */
export function createQualityScores(kernel: Kernel) {
  const { db, clock } = kernel;

  kernel.jobs.register(SNAPSHOT_JOB, async (_payload, { tx }) => {
    await snapshotScores(tx, clock);
  });

  /** The daily snapshot at 01:40 Beijing time (after the day's loads have mostly landed). */
  async function schedule() {
    await kernel.jobs.schedule(db, {
      name: SNAPSHOT_JOB,
      kind: SNAPSHOT_JOB,
      cron: '40 1 * * *',
      timezone: 'Asia/Shanghai',
    });
  }

  /** Scores of every resource and department now, best first, with department names. */
  async function current(actor: Actor) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    const resources = await resourceScores(db, clock.now());
    const departments = departmentScores(resources);
    const names = departments.length
      ? await db
          .select({ id: orgDepartment.id, name: orgDepartment.name, nameEn: orgDepartment.nameEn })
          .from(orgDepartment)
          .where(
            inArray(
              orgDepartment.id,
              departments.map((d) => d.departmentId),
            ),
          )
      : [];
    const byId = new Map(names.map((n) => [n.id, n]));
    return {
      departments: departments
        .map((d) => ({
          ...d,
          name: byId.get(d.departmentId)?.name ?? '',
          nameEn: byId.get(d.departmentId)?.nameEn ?? '',
        }))
        .sort((a, b) => b.score - a.score),
      resources: resources.sort((a, b) => b.score - a.score),
    };
  }

  /** Daily snapshots of one resource or department over the last `days` days. */
  async function history(actor: Actor, query: { subjectType: string; subjectId: string; days?: number }) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    if (query.subjectType !== 'resource' && query.subjectType !== 'department')
      throw new InputError('data.score.subject_invalid', 'subjectType is resource or department.');
    const days = Math.min(Math.max(query.days ?? 90, 1), 730);
    const since = new Date(clock.now().getTime() + 8 * 3_600_000 - days * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return scoreHistory(db, query.subjectType, query.subjectId, since);
  }

  return { current, history, schedule, snapshot: () => snapshotScores(db, clock) };
}

export type QualityScores = ReturnType<typeof createQualityScores>;
