import type { Executor } from '@zhizhi/kernel/db';
import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DrawPlanInput } from '../draw/input';
import { regulationInspection, regulationRatingCurrent, regulationSubject } from '../schema';
import type { PlanRow } from './plan-service';
import { itemApplies, type Roster } from './roster';

/** The two rosters as the draw sees them, read now and frozen into the plan at commitment. */
export async function drawSnapshot(
  tx: Executor,
  roster: Roster,
  now: Date,
  plan: PlanRow,
): Promise<DrawPlanInput> {
  const allItems = await roster.listItems(tx);
  const items = plan.items.map((p) => {
    const item = allItems.find((i) => i.code === p.code)!;
    return { code: p.code, departmentCode: item.departmentCode, ratioByClass: p.ratioByClass, row: item };
  });
  const prefixes = plan.divisionCodes.map((d) => `${d.replace(/(000)+$/, '')}%`);
  const subjects = await tx
    .select({ subject: regulationSubject, creditClass: regulationRatingCurrent.creditClass })
    .from(regulationSubject)
    .leftJoin(
      regulationRatingCurrent,
      and(
        eq(regulationRatingCurrent.subjectId, regulationSubject.id),
        eq(regulationRatingCurrent.ruleSetCode, 'general'),
      ),
    )
    .where(
      and(
        eq(regulationSubject.status, 'operating'),
        prefixes.length ? or(...prefixes.map((p) => like(regulationSubject.divisionCode, p))) : undefined,
      ),
    );
  const drawSubjects = subjects
    .map(({ subject, creditClass }) => ({
      id: subject.id,
      creditClass: (creditClass ?? 'B') as 'A' | 'B' | 'C' | 'D',
      itemCodes: items.filter((i) => itemApplies(i.row, subject)).map((i) => i.code),
    }))
    .filter((s) => s.itemCodes.length);
  await dropRecentlyInspected(tx, now.getTime(), drawSubjects, items);
  const inspectors = (await roster.listInspectors(tx))
    .filter((i) => i.active)
    .map((i) => ({
      id: i.id,
      departmentCode: i.departmentCode,
      qualifications: i.qualifications,
      conflicts: i.conflicts,
    }));
  const previous: Record<string, string[]> = {};
  const ids = drawSubjects.map((s) => s.id);
  for (let i = 0; i < ids.length; i += 5000) {
    const last = await tx
      .selectDistinctOn([regulationInspection.subjectId], {
        subjectId: regulationInspection.subjectId,
        inspectorIds: regulationInspection.inspectorIds,
      })
      .from(regulationInspection)
      .where(inArray(regulationInspection.subjectId, ids.slice(i, i + 5000)))
      .orderBy(regulationInspection.subjectId, desc(regulationInspection.createdAt));
    for (const l of last) previous[l.subjectId] = l.inspectorIds;
  }
  return {
    planId: plan.id,
    minInspectors: plan.minInspectors,
    items: items.map(({ row: _row, ...i }) => i),
    subjects: drawSubjects,
    inspectors,
    previous,
  };
}

/**
 * Frequency per class: drops an item from a subject inspected for it within the item's interval
 * for the subject's class (the frozen roster shows the result, so the draw stays verifiable).
 */
async function dropRecentlyInspected(
  tx: Executor,
  now: number,
  subjects: { id: string; creditClass: 'A' | 'B' | 'C' | 'D'; itemCodes: string[] }[],
  items: { code: string; row: { intervalDaysByClass: Record<'A' | 'B' | 'C' | 'D', number> } }[],
) {
  const longest = Math.max(0, ...items.flatMap((i) => Object.values(i.row.intervalDaysByClass)));
  if (!longest) return;
  const recent = await tx
    .select({
      subjectId: regulationInspection.subjectId,
      itemCodes: regulationInspection.itemCodes,
      createdAt: regulationInspection.createdAt,
    })
    .from(regulationInspection)
    .where(
      sql`${regulationInspection.createdAt} >= ${new Date(now - longest * 86_400_000).toISOString()}::timestamptz`,
    );
  const last = new Map<string, number>();
  for (const r of recent)
    for (const code of r.itemCodes) {
      const key = `${r.subjectId}|${code}`;
      last.set(key, Math.max(last.get(key) ?? 0, r.createdAt.getTime()));
    }
  const interval = new Map(items.map((i) => [i.code, i.row.intervalDaysByClass]));
  for (const s of subjects)
    s.itemCodes = s.itemCodes.filter((code) => {
      const at = last.get(`${s.id}|${code}`);
      return at === undefined || now - at >= (interval.get(code)?.[s.creditClass] ?? 0) * 86_400_000;
    });
  for (let i = subjects.length - 1; i >= 0; i--) if (!subjects[i]!.itemCodes.length) subjects.splice(i, 1);
}
