import type { Clock } from '@zhizhi/kernel/clock';
import type { Executor } from '@zhizhi/kernel/db';
import { newId } from '@zhizhi/kernel/ids';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { casesCase } from '@zhizhi/kernel/cases';
import { dataItem, dataResource } from '../catalog/schema';
import { dataLoad } from '../collection/schema';
import { OBJECTION_CASE_TYPE } from './case-types';
import { dataQualityScore } from './schema';

/** The parts of a quality score, each 0–1 except the objection count. */
export interface ScoreParts {
  completeness: number;
  passRate: number;
  timeliness: number;
  openObjections: number;
}

/** Days in each declared update cycle; 不定期 has none (always timely once loaded). */
export const CYCLE_DAYS: Record<string, number | null> = {
  实时: 1,
  每日: 1,
  每周: 7,
  每月: 31,
  每季度: 92,
  每半年: 183,
  每年: 366,
  不定期: null,
};

/**
 * score = 100 × (0.25 · completeness + 0.45 · pass rate + 0.30 · timeliness)
 *         − 5 per open objection (at most 20), clamped to 0–100, one decimal.
 */
export function qualityScore(parts: ScoreParts): number {
  const base = 100 * (0.25 * parts.completeness + 0.45 * parts.passRate + 0.3 * parts.timeliness);
  const penalty = Math.min(20, 5 * parts.openObjections);
  return Math.round(Math.max(0, Math.min(100, base - penalty)) * 10) / 10;
}

/** 1 within the cycle, falling linearly to 0 at twice the cycle; 0 with no load. */
export function timeliness(updateCycle: string, lastLoadAt: Date | null, now: Date): number {
  if (!lastLoadAt) return 0;
  const cycle = CYCLE_DAYS[updateCycle];
  if (!cycle) return 1;
  const age = (now.getTime() - lastLoadAt.getTime()) / 86_400_000;
  if (age <= cycle) return 1;
  return Math.max(0, 1 - (age - cycle) / cycle);
}

export interface ResourceScore extends ScoreParts {
  resourceId: string;
  code: string;
  name: string;
  departmentId: string;
  score: number;
  lastLoadAt: Date | null;
  /** The latest load is older than the update cycle. */
  stale: boolean;
}

const RESOURCE_ID = sql.raw('"data_resource"."id"');

/** Current scores of every active resource (or one), from the catalog, loads and open objections. */
export async function resourceScores(
  executor: Executor,
  now: Date,
  resourceId?: string,
): Promise<ResourceScore[]> {
  const resources = await executor
    .select({
      id: dataResource.id,
      code: dataResource.code,
      name: dataResource.name,
      departmentId: dataResource.providerDepartmentId,
      updateCycle: dataResource.updateCycle,
      publishDate: dataResource.publishDate,
      relatedCodes: dataResource.relatedCodes,
      keyItems: dataResource.keyItems,
      // Qualified by hand: in a one-table select Drizzle leaves column names bare, and inside these
      // subqueries a bare "id" would bind to data_item.id (every count was 0).
      items: sql<number>`(select count(*)::int from ${dataItem} di where di.resource_id = ${RESOURCE_ID})`,
      ruled: sql<number>`(select count(*)::int from ${dataItem} di where di.resource_id = ${RESOURCE_ID} and jsonb_array_length(di.rules) > 0)`,
    })
    .from(dataResource)
    .where(and(eq(dataResource.status, 'active'), resourceId ? eq(dataResource.id, resourceId) : undefined));
  const latest = await executor
    .selectDistinctOn([dataLoad.resourceId], {
      resourceId: dataLoad.resourceId,
      passRate: dataLoad.passRate,
      finishedAt: dataLoad.finishedAt,
    })
    .from(dataLoad)
    .where(and(eq(dataLoad.status, 'done'), resourceId ? eq(dataLoad.resourceId, resourceId) : undefined))
    .orderBy(dataLoad.resourceId, desc(dataLoad.version));
  const objections = await executor
    .select({ resourceId: sql<string>`${casesCase.data}->>'resource_id'`, n: sql<number>`count(*)::int` })
    .from(casesCase)
    .where(and(eq(casesCase.typeCode, OBJECTION_CASE_TYPE), isNull(casesCase.closedAt)))
    .groupBy(sql`${casesCase.data}->>'resource_id'`);
  const loads = new Map(latest.map((l) => [l.resourceId, l]));
  const open = new Map(objections.map((o) => [o.resourceId, Number(o.n)]));
  return resources.map((r) => {
    const load = loads.get(r.id);
    const fields = [r.publishDate !== null, r.relatedCodes.length > 0, r.keyItems.length > 0];
    const completeness =
      (fields.filter(Boolean).length / fields.length + (r.items ? Number(r.ruled) / Number(r.items) : 0)) / 2;
    const parts: ScoreParts = {
      completeness,
      passRate: load?.passRate ?? 0,
      timeliness: timeliness(r.updateCycle, load?.finishedAt ?? null, now),
      openObjections: open.get(r.id) ?? 0,
    };
    return {
      resourceId: r.id,
      code: r.code,
      name: r.name,
      departmentId: r.departmentId,
      ...parts,
      score: qualityScore(parts),
      lastLoadAt: load?.finishedAt ?? null,
      stale: parts.timeliness < 1,
    };
  });
}

export interface DepartmentScore extends ScoreParts {
  departmentId: string;
  resources: number;
  score: number;
}

/** A department's parts are the mean of its resources' (objections summed); its score the mean score. */
export function departmentScores(resources: readonly ResourceScore[]): DepartmentScore[] {
  const byDepartment = new Map<string, ResourceScore[]>();
  for (const r of resources)
    byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
  return [...byDepartment].map(([departmentId, list]) => {
    const mean = (pick: (r: ResourceScore) => number) => list.reduce((s, r) => s + pick(r), 0) / list.length;
    return {
      departmentId,
      resources: list.length,
      completeness: mean((r) => r.completeness),
      passRate: mean((r) => r.passRate),
      timeliness: mean((r) => r.timeliness),
      openObjections: list.reduce((s, r) => s + r.openObjections, 0),
      score: Math.round(mean((r) => r.score) * 10) / 10,
    };
  });
}

function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Writes today's (Beijing) score rows — every resource and department, or only one department
 * and its resources — replacing rows written earlier the same day.
 */
export async function snapshotScores(
  executor: Executor,
  clock: Clock,
  departmentId?: string,
): Promise<number> {
  const now = clock.now();
  const day = beijingDay(now);
  const all = await resourceScores(executor, now);
  const resources = departmentId ? all.filter((r) => r.departmentId === departmentId) : all;
  const rows = [
    ...resources.map((r) => ({ subjectType: 'resource' as const, subjectId: r.resourceId, ...r })),
    ...departmentScores(resources).map((d) => ({
      subjectType: 'department' as const,
      subjectId: d.departmentId,
      ...d,
    })),
  ];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => ({
      id: newId(),
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      day,
      score: r.score,
      completeness: r.completeness,
      passRate: r.passRate,
      timeliness: r.timeliness,
      openObjections: r.openObjections,
      computedAt: now,
    }));
    await executor
      .insert(dataQualityScore)
      .values(values)
      .onConflictDoUpdate({
        target: [dataQualityScore.subjectType, dataQualityScore.subjectId, dataQualityScore.day],
        set: {
          score: sql`excluded.score`,
          completeness: sql`excluded.completeness`,
          passRate: sql`excluded.pass_rate`,
          timeliness: sql`excluded.timeliness`,
          openObjections: sql`excluded.open_objections`,
          computedAt: sql`excluded.computed_at`,
        },
      });
  }
  return rows.length;
}

/** Score history of one resource or department, oldest first, from `since` (a date). */
export function scoreHistory(
  executor: Executor,
  subjectType: 'resource' | 'department',
  subjectId: string,
  since: string,
) {
  return executor
    .select({
      day: dataQualityScore.day,
      score: dataQualityScore.score,
      completeness: dataQualityScore.completeness,
      passRate: dataQualityScore.passRate,
      timeliness: dataQualityScore.timeliness,
      openObjections: dataQualityScore.openObjections,
    })
    .from(dataQualityScore)
    .where(
      and(
        eq(dataQualityScore.subjectType, subjectType),
        eq(dataQualityScore.subjectId, subjectId),
        gte(dataQualityScore.day, since),
      ),
    )
    .orderBy(dataQualityScore.day);
}
