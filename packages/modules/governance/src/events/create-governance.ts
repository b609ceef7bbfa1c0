import { systemActor } from '@zhizhi/kernel/access';
import { casesHistory } from '@zhizhi/kernel/cases';
import type { DeliveredEvent } from '@zhizhi/kernel/events';
import type { Kernel } from '@zhizhi/kernel';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, eq, gte } from 'drizzle-orm';
import { EVENT_TYPE } from './case-types';
import { createGovernanceService, type IntakeInput, type RegionGeo } from './governance-service';
import { createHotlineImport, HOTLINE_IMPORT_JOB } from './hotline-import';
import { liveIndicators, registerGovernanceIndicators } from './indicators';
import { createOpen311, type Open311Options } from './open311';
import { governanceReport } from './schema';
import './events';

export interface GovernanceOptions {
  region: RegionGeo;
  open311: Open311Options;
  /** The next level an overdue event escalates to (the district command centre). */
  escalationDepartmentCode?: string;
}

/** Turns another module's event into a governance report, or null to ignore it. */
export type EventIntakeMapper = (payload: Record<string, unknown>) => IntakeInput | null;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The convention any module's event may follow to become an event case: `categoryCode`,
 * `description` (or `message`/`title`), `lng`/`lat` or `location`, `divisionCode`, `address`.
 * Sensing alarms (`sensing.alarm.raised`) use it; other modules register their own mapper.
 */
export const genericEventIntake: EventIntakeMapper = (p) => {
  const categoryCode = str(p.categoryCode);
  const description = str(p.description) ?? str(p.message) ?? str(p.title);
  if (!categoryCode || !description) return null;
  const location = (p.location as { lng?: unknown; lat?: unknown } | undefined) ?? p;
  const lng = num(location.lng);
  const lat = num(location.lat);
  return {
    categoryCode,
    description: description.length < 5 ? `${description}（系统上报）` : description,
    location: lng !== null && lat !== null ? { lng, lat } : null,
    divisionCode: str(p.divisionCode),
    address: str(p.address),
    departmentCode: str(p.departmentCode),
    externalId: str(p.externalId),
  };
};

/** The governance module: events (四平台), 12345 imports, Open311, escalation, indicators. */
export function createGovernance(kernel: Kernel, options: GovernanceOptions) {
  const service = createGovernanceService(kernel, options.region);
  const hotline = createHotlineImport(kernel, service);
  const open311 = createOpen311(kernel, service, options.open311);
  const intakes = new Map<string, EventIntakeMapper>([['sensing.alarm.raised', genericEventIntake]]);

  kernel.jobs.register(HOTLINE_IMPORT_JOB, async (payload, { tx }) => {
    await hotline.runChunk(tx, (payload as { importId: string }).importId);
  });

  // Any module's event with a registered mapper becomes a report, once per event id.
  kernel.events.subscribe('*', async (event: DeliveredEvent) => {
    const mapper = intakes.get(event.type);
    if (!mapper) return;
    const input = mapper(event.payload as Record<string, unknown>);
    if (!input) return;
    const externalId = (input.externalId ?? `${event.type}:${event.id}`).slice(0, 128);
    await kernel.transaction(async (tx) => {
      const [seen] = await tx
        .select({ caseId: governanceReport.caseId })
        .from(governanceReport)
        .where(eq(governanceReport.externalId, externalId));
      if (seen) return;
      try {
        const opened = await tx.transaction((sp) =>
          service.intakeInTx(sp, { ...systemActor, name: `event:${event.type}` }, 'event', {
            ...input,
            externalId,
          }),
        );
        await kernel.events.publish(tx, 'governance.report.accepted', {
          externalId,
          caseId: opened.id,
          number: opened.number,
          sourceEventType: event.type,
        });
      } catch (error) {
        kernel.logger?.warn(
          { eventType: event.type, code: (error as { code?: string }).code },
          'event not taken in',
        );
      }
    });
  });

  // Follow-ups of a module's event that became a case (`externalId` + `note`): a note on the case.
  const followUps = new Set<string>(['sensing.alarm.updated']);
  kernel.events.subscribe('*', async (event: DeliveredEvent) => {
    if (!followUps.has(event.type)) return;
    const p = event.payload as { externalId?: unknown; note?: unknown };
    if (typeof p.externalId !== 'string' || typeof p.note !== 'string') return;
    const [report] = await kernel.db
      .select({ caseId: governanceReport.caseId })
      .from(governanceReport)
      .where(eq(governanceReport.externalId, p.externalId.slice(0, 128)));
    if (!report) return;
    await kernel.transaction((tx) =>
      kernel.cases.addNoteInTransaction(
        tx,
        { ...systemActor, name: `event:${event.type}` },
        report.caseId,
        p.note as string,
      ),
    );
  });

  // Overdue escalation: the next level (the command centre) is told, and a 督办 note goes on the case.
  kernel.events.subscribe('cases.clock.overdue', async (event) => {
    const alert = event.payload;
    if (alert.typeCode !== EVENT_TYPE || alert.clock !== 'handle') return;
    const dueAt = new Date(alert.dueAt);
    const [already] = await kernel.db
      .select({ id: casesHistory.id })
      .from(casesHistory)
      .where(
        and(
          eq(casesHistory.caseId, alert.caseId),
          eq(casesHistory.transition, 'supervise'),
          eq(casesHistory.actorType, 'system'),
          gte(casesHistory.at, dueAt),
        ),
      );
    if (already) return;
    const code = options.escalationDepartmentCode ?? 'shzl';
    const [next] = await kernel.db.select().from(orgDepartment).where(eq(orgDepartment.code, code));
    await kernel.cases.supervise(
      { ...systemActor, name: 'escalation' },
      alert.caseId,
      `已超过承诺办理时限，升级至${next?.name ?? '上级'}督办`,
    );
    if (next)
      await kernel.transaction((tx) =>
        kernel.notifications.notify(tx, {
          departmentId: next.id,
          titleZh: `超期升级：${alert.number}`,
          titleEn: `Escalated (overdue): ${alert.number}`,
          link: `/cases/${alert.caseId}`,
          subjectType: 'case',
          subjectId: alert.caseId,
          urgent: true,
        }),
      );
  });

  /** Installs case types, platforms, categories and indicators (idempotent; at every start). */
  async function start() {
    await kernel.transaction((tx) => service.install(tx));
    await registerGovernanceIndicators(kernel, kernel.db, options.region.districtCode);
  }

  return {
    ...service,
    hotline,
    open311,
    start,
    /** Lets a module's event become a report (e.g. a sensing alarm). */
    registerEventIntake(eventType: string, mapper: EventIntakeMapper) {
      intakes.set(eventType, mapper);
    },
    /** Lets a module's later event (`externalId` + `note`) add a note to the case its first became. */
    registerFollowUp(eventType: string) {
      followUps.add(eventType);
    },
    liveIndicators: (from: Date, to: Date) => liveIndicators(kernel, from, to, options.region.districtCode),
  };
}

export type Governance = ReturnType<typeof createGovernance>;
