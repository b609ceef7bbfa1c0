import type { Kernel } from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { safeErrorMessage } from '@zhizhi/kernel/errors';
import { sql } from 'drizzle-orm';
import { createCockpitAdmin } from './admin';
import { createCockpitService } from './cockpit-service';
import { CO_CASE_TYPE, EVENT_CASE_TYPE } from './measures';
import './permissions';
import { beijingDay } from './scope';
import { snapshotDay } from './snapshots';
import { registerStaffActivation } from './staff-indicator';
import { rebuildTallies, refreshFact } from './tallies';
import { createValueReader } from './values';
import { createWarnings, type DispatchTask } from './warnings';
import { createWeeklyReports } from './weekly';

export interface CockpitOptions {
  /** The district's 12-digit code (the top scope). */
  districtCode: string;
  /** e.g. 宁波市奉化区, for reports. */
  districtName: string;
  /** e.g. Fenghua District, Ningbo, for the English report. */
  districtNameEn: string;
  /** Creates 督查督办 tasks (governance supervision); dispatch is refused without it. */
  dispatchTask?: DispatchTask;
  /** How often warnings are checked and today's snapshot refreshed (ms); 0 turns the timer off. */
  tickMs?: number;
}

const FIRST_TICK_MS = 5_000;
const SNAPSHOT_EVERY_MS = 15 * 60_000;

/** The leadership cockpit (一屏通览): plan targets live, drill-down, warnings dispatched as tasks. */
export function createCockpit(kernel: Kernel, options: CockpitOptions) {
  const district = options.districtCode;
  const reader = createValueReader(kernel, district);
  const service = createCockpitService(kernel, { district, reader });
  const admin = createCockpitAdmin(kernel, { reader });
  const warnings = createWarnings(kernel, { district, reader, dispatchTask: options.dispatchTask });
  const reports = createWeeklyReports(kernel, {
    district,
    districtName: options.districtName,
    districtNameEn: options.districtNameEn,
    reader,
    warnings,
  });
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  let pending = Promise.resolve();

  /** Incremental counters: each change event refreshes its row's contribution (idempotent). */
  const refresh = (source: 'event' | 'application', id: string) =>
    kernel.transaction((tx) => refreshFact(tx, source, id, district)).then(() => undefined);
  kernel.events.subscribe('cases.case.opened', async (event) => {
    const p = event.payload;
    if (p.typeCode === EVENT_CASE_TYPE) await refresh('event', p.caseId);
    else if (p.typeCode === CO_CASE_TYPE && p.parentId) await refresh('event', p.parentId);
  });
  kernel.events.subscribe('cases.case.transitioned', async (event) => {
    const p = event.payload;
    if (p.typeCode === EVENT_CASE_TYPE) await refresh('event', p.caseId);
  });
  kernel.events.subscribe('services.application.submitted' as never, async (event) => {
    const p = event.payload as { applicationId: string };
    await refresh('application', p.applicationId);
  });

  let lastSnapshot = { day: '', at: 0 };

  /**
   * Checks warnings, refreshes today's snapshot (at most every quarter of an hour: it is a
   * trend point, not a live value) and makes last week's report when missing; never throws.
   */
  async function tick() {
    try {
      await warnings.evaluate();
      const day = beijingDay(kernel.clock.now());
      if (day !== lastSnapshot.day || Date.now() - lastSnapshot.at >= SNAPSHOT_EVERY_MS) {
        await snapshotDay(kernel, reader, district, day);
        lastSnapshot = { day, at: Date.now() };
      }
      await reports.ensureScheduled();
    } catch (error) {
      kernel.logger?.warn({ err: safeErrorMessage(error) }, 'cockpit tick failed');
    }
  }

  return {
    /** The top scope's 12-digit code. */
    districtCode: district,
    service,
    admin,
    warnings,
    reports,
    reader,
    /** Builds the counters from source when they are empty (first start, restored backup), then starts the timer. */
    async start(targets: unknown[] = []) {
      await registerStaffActivation(kernel, kernel.db, district);
      if (targets.length) await admin.defineIndicators(kernel.db, targets, { keepExisting: true });
      const [facts] = await rows<{ n: number }>(kernel.db, sql`select count(*)::int as n from cockpit_fact`);
      if (facts.n === 0) await kernel.transaction((tx) => rebuildTallies(tx, district));
      const tickMs = options.tickMs ?? 60_000;
      if (tickMs > 0) {
        // The first tick waits a moment: a server answers its first requests before the cockpit works.
        first = setTimeout(() => {
          pending = pending.then(tick);
        }, FIRST_TICK_MS);
        first.unref();
        timer = setInterval(() => {
          pending = pending.then(tick);
        }, tickMs);
        timer.unref();
      }
    },
    /** Waits for the running tick (tests, shutdown). */
    settle: () => pending,
    stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
    },
    tick,
    /** Runs a tick after the running one (e.g. once the demo data is loaded). */
    queueTick() {
      pending = pending.then(tick);
      return pending;
    },
    /** Recomputes every counter from source (operator action after bulk loads). */
    rebuild: () => kernel.transaction((tx) => rebuildTallies(tx, district)),
  };
}

export type Cockpit = ReturnType<typeof createCockpit>;
