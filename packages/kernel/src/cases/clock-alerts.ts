import { asc, eq } from 'drizzle-orm';
import { systemActor } from '../access';
import { recordAudit } from '../audit';
import type { Calendar } from '../calendar';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import type { EventBus } from '../events';
import type { Jobs } from '../jobs';
import type { NotificationService } from '../notifications';
import type { createCaseTypeStore } from './case-type-store';
import { type ClockReading, computeClock } from './compute-clock';
import { casesCase, casesClockAlert, casesHistory } from './schema';

export const CLOCK_CHECK_JOB = 'cases.clock.check';

export interface ClockAlertDeps {
  clock: Clock;
  calendar: () => Calendar;
  jobs: Pick<Jobs, 'enqueue' | 'register'>;
  publish: EventBus['publish'];
  types: ReturnType<typeof createCaseTypeStore>;
  /** Staff inboxes: the assignee (or the department) hears of warnings and overdue cases. */
  notify?: NotificationService['notify'];
}

async function readClocks(tx: Executor, deps: ClockAlertDeps, caseId: string) {
  const [row] = await tx.select().from(casesCase).where(eq(casesCase.id, caseId));
  if (!row) return null;
  const { definition } = await deps.types.get(row.typeCode, row.typeVersion, tx);
  const steps = await tx
    .select({ transition: casesHistory.transition, at: casesHistory.at, meta: casesHistory.meta })
    .from(casesHistory)
    .where(eq(casesHistory.caseId, caseId))
    .orderBy(asc(casesHistory.seq));
  const now = deps.clock.now();
  return { row, readings: definition.clocks.map((c) => computeClock(c, steps, deps.calendar(), now)) };
}

/**
 * After a case changes (inside its transaction): one durable timer per running clock for its
 * warning and its deadline. Keys carry the instant, so a moved deadline gets a new timer and
 * the stale one finds nothing to do.
 */
export async function scheduleClockChecks(
  tx: Executor,
  deps: Pick<ClockAlertDeps, 'jobs'>,
  caseId: string,
  readings: readonly ClockReading[],
) {
  for (const reading of readings) {
    if (reading.status !== 'running') continue;
    for (const [kind, at] of [
      ['warning', reading.warnAt!],
      ['overdue', new Date(reading.dueAt!.getTime() + 1)],
    ] as const) {
      await deps.jobs.enqueue(tx, {
        kind: CLOCK_CHECK_JOB,
        payload: { caseId, clock: reading.code, kind },
        runAt: at,
        dedupeKey: `cases:${caseId}:${reading.code}:${kind}:${at.toISOString()}`,
      });
    }
  }
}

/** The timer handler: raises the warning or overdue alert once per clock run, if still due. */
export function registerClockAlerts(deps: ClockAlertDeps) {
  deps.jobs.register(CLOCK_CHECK_JOB, async (payload, { tx }) => {
    const { caseId, clock, kind } = payload as { caseId: string; clock: string; kind: 'warning' | 'overdue' };
    const state = await readClocks(tx, deps, caseId);
    const reading = state?.readings.find((r) => r.code === clock);
    if (!state || reading?.status !== 'running') return;
    const now = deps.clock.now();
    const due = kind === 'overdue' ? reading.overdue : now >= reading.warnAt! && !reading.overdue;
    if (!due) return;
    const inserted = await tx
      .insert(casesClockAlert)
      .values({ caseId, clock, kind, runStartedAt: reading.startedAt!, at: now })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) return;
    const { row } = state;
    const payloadOut = {
      caseId,
      number: row.number,
      typeCode: row.typeCode,
      clock,
      dueAt: reading.dueAt!.toISOString(),
      divisionCode: row.divisionCode,
      departmentId: row.departmentId,
      assigneeId: row.assigneeId,
    };
    await deps.publish(tx, kind === 'overdue' ? 'cases.clock.overdue' : 'cases.clock.warning', payloadOut);
    if (deps.notify) {
      const overdue = kind === 'overdue';
      await deps.notify(tx, {
        staffId: row.assigneeId,
        departmentId: row.assigneeId ? null : row.departmentId,
        titleZh: `${overdue ? '已超期' : '即将超期'}：${row.number} ${row.title}`,
        titleEn: `${overdue ? 'Overdue' : 'Due soon'}: ${row.number} ${row.title}`,
        link: `/cases/${row.id}`,
        subjectType: 'case',
        subjectId: row.id,
        urgent: overdue,
      });
    }
    await recordAudit(tx, deps.clock, {
      actor: systemActor,
      action: `cases.clock.${kind}`,
      subjectType: 'case',
      subjectId: caseId,
      data: { number: row.number, clock, dueAt: payloadOut.dueAt },
    });
  });
}
