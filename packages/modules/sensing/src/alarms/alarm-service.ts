import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, scopeOf, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { SENSING_PERMISSIONS as P } from '../permissions';
import { sensingAlarm, sensingStation } from '../schema';
import { type Severity, SEVERITIES, severityRank } from './rule-types';

export type AlarmRow = typeof sensingAlarm.$inferSelect;

export const ESCALATE_JOB = 'sensing.alarm.escalate';

/** Chinese warning colours for the severities. */
export const SEVERITY_ZH: Record<Severity, string> = {
  critical: '红色（危急）',
  major: '橙色（严重）',
  minor: '黄色（一般）',
  warning: '蓝色（提示）',
  indeterminate: '未定',
};

export interface AlarmOptions {
  /** Alarms at or above this severity become event cases (default `major`). */
  caseSeverity?: Severity;
  /** Unacknowledged this long → escalated (default 30 minutes). */
  escalateAfterMinutes?: number;
  /** The department told of escalations besides the owner (default `yjj`, 应急管理局). */
  escalationDepartmentCode?: string;
  /** Maps an alarm type to an event category (default: by prefix). */
  categoryFor?: (alarmType: string) => string;
}

/** Default event categories for alarm types (the governance module's category tree). */
export function defaultCategoryFor(type: string): string {
  const prefix = type.split('.')[0];
  switch (prefix) {
    case 'water_level':
    case 'rain':
    case 'combined':
    case 'wind':
    case 'flow':
      return 'safety.flood';
    case 'dust':
      return 'environment.dust';
    case 'air':
      return 'environment.air';
    case 'noise':
      return 'environment.noise';
    case 'water_quality':
      return 'environment.river';
    case 'device':
      return 'safety.monitor';
    default:
      return 'safety.monitor';
  }
}

export interface RaiseInput {
  originatorType: 'device' | 'station';
  originatorId: string;
  stationId: string;
  ruleId: string | null;
  type: string;
  severity: Severity;
  at: Date;
  details: Record<string, unknown>;
}

/** What listeners (the live stream) hear when an alarm changes. */
export interface AlarmChange {
  kind: 'raised' | 'updated' | 'acknowledged' | 'cleared' | 'escalated';
  alarm: AlarmRow;
}

/** The alarm lifecycle: raise/re-trigger, acknowledge, clear, escalate; and the case hand-off. */
export function createAlarmService(kernel: Kernel, options: AlarmOptions = {}) {
  const { db, clock } = kernel;
  const caseRank = severityRank[options.caseSeverity ?? 'major'];
  const categoryFor = options.categoryFor ?? defaultCategoryFor;
  const escalateMs = (options.escalateAfterMinutes ?? 30) * 60_000;
  const listeners = new Set<(change: AlarmChange) => void>();

  function emit(change: AlarmChange) {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  async function stationOf(tx: Executor, id: string) {
    const [station] = await tx.select().from(sensingStation).where(eq(sensingStation.id, id));
    if (!station) throw new NotFoundError('sensing.station.not_found', 'No such station.');
    return station;
  }

  async function publishRaised(tx: Executor, alarm: AlarmRow) {
    const station = await stationOf(tx, alarm.stationId);
    const [dept] = await tx
      .select({ code: orgDepartment.code })
      .from(orgDepartment)
      .where(eq(orgDepartment.id, station.departmentId));
    const message = String(alarm.details.message ?? alarm.type);
    await kernel.events.publish(tx, 'sensing.alarm.raised', {
      alarmId: alarm.id,
      externalId: `sensing.alarm:${alarm.id}`,
      type: alarm.type,
      severity: alarm.severity,
      stationId: station.id,
      stationCode: station.code,
      categoryCode: categoryFor(alarm.type),
      description: `【${SEVERITY_ZH[alarm.severity as Severity]}告警】${station.nameZh}：${message}`,
      location: { lng: station.lng, lat: station.lat },
      divisionCode: station.divisionCode,
      departmentCode: dept?.code ?? '',
    });
  }

  async function updated(
    tx: Executor,
    alarm: AlarmRow,
    change: 'acknowledged' | 'cleared' | 'escalated',
    note: string,
  ) {
    await kernel.events.publish(tx, 'sensing.alarm.updated', {
      alarmId: alarm.id,
      externalId: `sensing.alarm:${alarm.id}`,
      change,
      note,
    });
  }

  /**
   * Raises an alarm, or re-triggers the active one of the same originator and type (updating its
   * severity, end time and details). Returns what happened.
   */
  async function raise(input: RaiseInput): Promise<AlarmChange> {
    const change = await kernel.transaction(async (tx) => {
      const [active] = await tx
        .select()
        .from(sensingAlarm)
        .where(
          and(
            eq(sensingAlarm.originatorId, input.originatorId),
            eq(sensingAlarm.type, input.type),
            eq(sensingAlarm.status, 'active'),
          ),
        )
        .for('update');
      if (active) {
        const [row] = await tx
          .update(sensingAlarm)
          .set({
            severity: input.severity,
            endTs: new Date(Math.max(input.at.getTime(), active.endTs.getTime())),
            details: input.details,
            triggerCount: sql`${sensingAlarm.triggerCount} + 1`,
          })
          .where(eq(sensingAlarm.id, active.id))
          .returning();
        if (severityRank[input.severity] >= caseRank && severityRank[active.severity as Severity] < caseRank)
          await publishRaised(tx, row!);
        return { kind: 'updated' as const, alarm: row! };
      }
      const station = await stationOf(tx, input.stationId);
      const [row] = await tx
        .insert(sensingAlarm)
        .values({
          id: newId(),
          originatorType: input.originatorType,
          originatorId: input.originatorId,
          stationId: station.id,
          townshipCode: station.townshipCode,
          departmentId: station.departmentId,
          ruleId: input.ruleId,
          type: input.type,
          severity: input.severity,
          status: 'active',
          startTs: input.at,
          endTs: input.at,
          details: input.details,
          createdAt: clock.now(),
        })
        .returning();
      if (severityRank[input.severity] >= caseRank) await publishRaised(tx, row!);
      await kernel.jobs.enqueue(tx, {
        kind: ESCALATE_JOB,
        payload: { alarmId: row!.id },
        runAt: new Date(clock.now().getTime() + escalateMs),
        dedupeKey: `sensing.alarm:${row!.id}:escalate`,
      });
      return { kind: 'raised' as const, alarm: row! };
    });
    emit(change);
    return change;
  }

  /** Clears the active alarm of an originator and type (condition gone), if there is one. */
  async function clearActive(originatorId: string, type: string, at: Date, details: Record<string, unknown>) {
    const change = await kernel.transaction(async (tx) => {
      const [row] = await tx
        .update(sensingAlarm)
        .set({ status: 'cleared', clearTs: at, clearedBy: 'rule', details })
        .where(
          and(
            eq(sensingAlarm.originatorId, originatorId),
            eq(sensingAlarm.type, type),
            eq(sensingAlarm.status, 'active'),
          ),
        )
        .returning();
      if (!row) return null;
      await updated(tx, row, 'cleared', `告警已自动解除：${String(details.message ?? '')}`.trim());
      return { kind: 'cleared' as const, alarm: row };
    });
    if (change) emit(change);
    return change;
  }

  async function readable(actor: Actor, id: string, permission: string) {
    const [row] = await db.select().from(sensingAlarm).where(eq(sensingAlarm.id, id));
    if (!row) throw new NotFoundError('sensing.alarm.not_found', 'No such alarm.');
    requirePermission(actor, permission, { divisionCode: row.townshipCode, departmentId: row.departmentId });
    return row;
  }

  /** A person acknowledges an alarm (idempotent). */
  async function acknowledge(actor: Actor, id: string) {
    const existing = await readable(actor, id, P.handleAlarm);
    if (existing.acknowledged) return existing;
    const row = await kernel.transaction(async (tx) => {
      const [saved] = await tx
        .update(sensingAlarm)
        .set({ acknowledged: true, ackTs: clock.now(), ackBy: actor.name })
        .where(and(eq(sensingAlarm.id, id), eq(sensingAlarm.acknowledged, false)))
        .returning();
      if (!saved) return null;
      await recordAudit(tx, clock, {
        actor,
        action: 'sensing.alarm.acknowledged',
        subjectType: 'sensing_alarm',
        subjectId: id,
      });
      await updated(tx, saved, 'acknowledged', `告警已由${actor.name}确认`);
      return saved;
    });
    if (row) emit({ kind: 'acknowledged', alarm: row });
    return row ?? (await readable(actor, id, P.handleAlarm));
  }

  /** A person clears an alarm (e.g. a faulty sensor); the rule may raise it again. */
  async function clear(actor: Actor, id: string, note?: string | null) {
    const existing = await readable(actor, id, P.handleAlarm);
    if (existing.status === 'cleared')
      throw new ConflictError('sensing.alarm.already_cleared', 'The alarm is already cleared.');
    const row = await kernel.transaction(async (tx) => {
      const [saved] = await tx
        .update(sensingAlarm)
        .set({ status: 'cleared', clearTs: clock.now(), clearedBy: actor.name })
        .where(and(eq(sensingAlarm.id, id), eq(sensingAlarm.status, 'active')))
        .returning();
      if (!saved) throw new ConflictError('sensing.alarm.already_cleared', 'The alarm is already cleared.');
      await recordAudit(tx, clock, {
        actor,
        action: 'sensing.alarm.cleared',
        subjectType: 'sensing_alarm',
        subjectId: id,
        data: note ? { note: note.slice(0, 500) } : {},
      });
      await updated(
        tx,
        saved,
        'cleared',
        `告警已由${actor.name}人工清除${note ? `：${note.slice(0, 500)}` : ''}`,
      );
      return saved;
    });
    emit({ kind: 'cleared', alarm: row });
    return row;
  }

  /** The escalation timer: still active and unacknowledged → one level up, and the duty unit is told. */
  async function escalate(tx: Executor, alarmId: string) {
    const [row] = await tx.select().from(sensingAlarm).where(eq(sensingAlarm.id, alarmId)).for('update');
    if (row?.status !== 'active' || row.acknowledged || row.escalatedAt) return;
    const current = row.severity as Severity;
    const next = SEVERITIES[Math.max(0, SEVERITIES.indexOf(current) - 1)]!;
    const [saved] = await tx
      .update(sensingAlarm)
      .set({ escalatedAt: clock.now(), severity: next })
      .where(eq(sensingAlarm.id, alarmId))
      .returning();
    const station = await stationOf(tx, row.stationId);
    const minutes = Math.round(escalateMs / 60_000);
    const codes = [options.escalationDepartmentCode ?? 'yjj'];
    const depts = await tx
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(or(inArray(orgDepartment.code, codes), eq(orgDepartment.id, row.departmentId)));
    for (const dept of depts)
      await kernel.notifications.notify(tx, {
        departmentId: dept.id,
        titleZh: `告警升级：${station.nameZh} ${String(row.details.message ?? row.type)}`,
        titleEn: `Alarm escalated: ${station.nameEn} ${row.type}`,
        bodyZh: `${minutes} 分钟内无人确认，已升级为${SEVERITY_ZH[next]}`,
        bodyEn: `Not acknowledged within ${minutes} minutes; escalated to ${next}`,
        link: `/sensing/alarms?id=${row.id}`,
        subjectType: 'sensing_alarm',
        subjectId: row.id,
        urgent: true,
      });
    await updated(tx, saved!, 'escalated', `告警 ${minutes} 分钟内无人确认，已升级为${SEVERITY_ZH[next]}`);
    if (severityRank[next] >= caseRank && severityRank[current] < caseRank) await publishRaised(tx, saved!);
    queueMicrotask(() => emit({ kind: 'escalated', alarm: saved! }));
  }

  /** Governance took the alarm in as a case. */
  async function linkCase(externalId: string, caseId: string, number: string) {
    const id = externalId.replace(/^sensing\.alarm:/, '');
    const [row] = await db
      .update(sensingAlarm)
      .set({ caseId, caseNumber: number })
      .where(eq(sensingAlarm.id, id))
      .returning();
    if (row) emit({ kind: 'updated', alarm: row });
  }

  /** Alarms the actor may read, newest first; propagated: a station's or a township's include its devices'. */
  async function list(
    actor: Actor,
    query: {
      status?: 'active' | 'cleared';
      acknowledged?: boolean;
      stationId?: string;
      townshipCode?: string;
      severity?: Severity;
      before?: Date;
      limit?: number;
    },
  ) {
    const scope = scopeOf(actor, P.read);
    if (!scope.divisionPrefixes.length) return [];
    const where: SQL[] = [];
    if (!scope.divisionPrefixes.includes(''))
      where.push(
        or(...scope.divisionPrefixes.map((p) => sql`${sensingAlarm.townshipCode} like ${`${p}%`}`))!,
      );
    if (scope.departmentIds) where.push(inArray(sensingAlarm.departmentId, scope.departmentIds));
    if (query.status) where.push(eq(sensingAlarm.status, query.status));
    if (query.acknowledged !== undefined) where.push(eq(sensingAlarm.acknowledged, query.acknowledged));
    if (query.stationId) where.push(eq(sensingAlarm.stationId, query.stationId));
    if (query.townshipCode) where.push(eq(sensingAlarm.townshipCode, query.townshipCode));
    if (query.severity) where.push(eq(sensingAlarm.severity, query.severity));
    if (query.before) where.push(lt(sensingAlarm.startTs, query.before));
    return db
      .select({
        alarm: sensingAlarm,
        stationCode: sensingStation.code,
        stationName: sensingStation.nameZh,
        stationNameEn: sensingStation.nameEn,
      })
      .from(sensingAlarm)
      .innerJoin(sensingStation, eq(sensingStation.id, sensingAlarm.stationId))
      .where(and(...where))
      .orderBy(desc(sensingAlarm.startTs))
      .limit(Math.min(query.limit ?? 100, 500));
  }

  /** Active alarms (for the engine's state after a restart). */
  async function activeAlarms(executor: Executor = db) {
    return executor.select().from(sensingAlarm).where(eq(sensingAlarm.status, 'active'));
  }

  return {
    raise,
    clearActive,
    acknowledge,
    clear,
    escalate,
    linkCase,
    list,
    activeAlarms,
    /** Live changes (for server-sent events). Returns the unsubscribe function. */
    onChange(listener: (change: AlarmChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    systemActor,
  };
}

export type AlarmService = ReturnType<typeof createAlarmService>;
