import type { Kernel } from '@zhizhi/kernel';
import { type Actor, can, requirePermission, scopeOf } from '@zhizhi/kernel/access';
import { rows } from '@zhizhi/kernel/db';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { severityRank, type Severity } from './alarms/rule-types';
import { latestSeries } from './latest';
import { SENSING_PERMISSIONS as P } from './permissions';
import type { StationKind } from './registry/types';
import {
  sensingAlarm,
  sensingDevice,
  sensingMetric,
  sensingRule,
  sensingSeries,
  sensingStation,
} from './schema';

/** A device counts as online when it reported within this window. */
export const ONLINE_MS = 30 * 60_000;

export type Resolution = 'raw' | '1m' | '1h';

/** The resolution a chart of this span needs (≤ ~1,500 points a series). */
export function resolutionFor(spanMs: number): Resolution {
  if (spanMs <= 6 * 3_600_000) return 'raw';
  if (spanMs <= 3 * 86_400_000) return '1m';
  return '1h';
}

/** What every view of a station shows of it. */
function stationFields(s: typeof sensingStation.$inferSelect) {
  const { id, code, nameZh, nameEn, kind, lng, lat, divisionCode, townshipCode, attributes } = s;
  return { id, code, nameZh, nameEn, kind, lng, lat, divisionCode, townshipCode, attributes };
}

/** Read side for the web: the station map with live status, a station's page, its time series. */
export function createQueries(kernel: Kernel) {
  const { db, clock } = kernel;

  function scopeWhere(actor: Actor): SQL | undefined | null {
    const scope = scopeOf(actor, P.read);
    if (!scope.divisionPrefixes.length) return null;
    const parts: SQL[] = [];
    if (!scope.divisionPrefixes.includes(''))
      parts.push(
        or(...scope.divisionPrefixes.map((p) => sql`${sensingStation.divisionCode} like ${`${p}%`}`))!,
      );
    if (scope.departmentIds) parts.push(inArray(sensingStation.departmentId, scope.departmentIds));
    return parts.length ? and(...parts) : undefined;
  }

  /** Stations with their latest values, online state and worst active alarm. */
  async function stations(actor: Actor, query: { kind?: StationKind; townshipCode?: string } = {}) {
    const scoped = scopeWhere(actor);
    if (scoped === null) return [];
    const where: SQL[] = [eq(sensingStation.active, true)];
    if (scoped) where.push(scoped);
    if (query.kind) where.push(eq(sensingStation.kind, query.kind));
    if (query.townshipCode) where.push(eq(sensingStation.townshipCode, query.townshipCode));
    const list = await db
      .select()
      .from(sensingStation)
      .where(and(...where))
      .orderBy(asc(sensingStation.code));
    if (!list.length) return [];
    const ids = list.map((s) => s.id);
    const [latest, devices, alarms] = await Promise.all([
      latestSeries(db, inArray(sensingDevice.stationId, ids)),
      db
        .select({ stationId: sensingDevice.stationId, lastSeenAt: sensingDevice.lastSeenAt })
        .from(sensingDevice)
        .where(and(inArray(sensingDevice.stationId, ids), eq(sensingDevice.active, true))),
      db
        .select({
          stationId: sensingAlarm.stationId,
          severity: sensingAlarm.severity,
          acknowledged: sensingAlarm.acknowledged,
        })
        .from(sensingAlarm)
        .where(and(inArray(sensingAlarm.stationId, ids), eq(sensingAlarm.status, 'active'))),
    ]);
    const now = clock.now().getTime();
    return list.map((s) => {
      const values: Record<string, { value: number; ts: string }> = {};
      for (const l of latest)
        if (
          l.stationId === s.id &&
          l.ts &&
          l.value !== null &&
          (!values[l.metric] || values[l.metric]!.ts < l.ts.toISOString())
        )
          values[l.metric] = { value: l.value, ts: l.ts.toISOString() };
      const own = devices.filter((d) => d.stationId === s.id);
      const online = own.filter((d) => d.lastSeenAt && now - d.lastSeenAt.getTime() < ONLINE_MS).length;
      const active = alarms.filter((a) => a.stationId === s.id);
      const worst = active.reduce<Severity | null>(
        (acc, a) =>
          !acc || severityRank[a.severity as Severity] > severityRank[acc] ? (a.severity as Severity) : acc,
        null,
      );
      return {
        ...stationFields(s),
        values,
        devices: own.length,
        online,
        status: active.length
          ? ('alarm' as const)
          : own.length && online === 0
            ? ('offline' as const)
            : ('normal' as const),
        activeAlarms: active.length,
        unacknowledged: active.filter((a) => !a.acknowledged).length,
        worstSeverity: worst,
      };
    });
  }

  async function stationRow(actor: Actor, idOrCode: string) {
    const [s] = await db
      .select()
      .from(sensingStation)
      .where(
        /^[0-9a-f-]{36}$/i.test(idOrCode)
          ? eq(sensingStation.id, idOrCode)
          : eq(sensingStation.code, idOrCode),
      );
    if (!s) throw new NotFoundError('sensing.station.not_found', 'No such station.');
    requirePermission(actor, P.read, { divisionCode: s.divisionCode, departmentId: s.departmentId });
    return s;
  }

  /** One station: devices (tokens only for managers), metrics with units, rules. */
  async function station(actor: Actor, idOrCode: string) {
    const s = await stationRow(actor, idOrCode);
    const manage = can(actor, P.manage, { divisionCode: s.divisionCode, departmentId: s.departmentId });
    const [devices, rules, series] = await Promise.all([
      db
        .select()
        .from(sensingDevice)
        .where(eq(sensingDevice.stationId, s.id))
        .orderBy(asc(sensingDevice.code)),
      db.select().from(sensingRule).where(eq(sensingRule.stationId, s.id)).orderBy(asc(sensingRule.code)),
      db
        .select({
          id: sensingSeries.id,
          deviceId: sensingSeries.deviceId,
          metric: sensingSeries.metric,
          lastTs: sensingSeries.lastTs,
          lastValue: sensingSeries.lastValue,
        })
        .from(sensingSeries)
        .innerJoin(sensingDevice, eq(sensingDevice.id, sensingSeries.deviceId))
        .where(eq(sensingDevice.stationId, s.id)),
    ]);
    const metricCodes = [...new Set([...devices.flatMap((d) => d.metrics), ...series.map((x) => x.metric)])];
    const metrics = metricCodes.length
      ? await db.select().from(sensingMetric).where(inArray(sensingMetric.code, metricCodes))
      : [];
    const now = clock.now().getTime();
    return {
      ...stationFields(s),
      departmentId: s.departmentId,
      metrics: metricCodes.map((code) => {
        const m = metrics.find((x) => x.code === code);
        const last = series
          .filter((x) => x.metric === code && x.lastTs)
          .sort((a, b) => b.lastTs!.getTime() - a.lastTs!.getTime())[0];
        return {
          code,
          nameZh: m?.nameZh ?? code,
          nameEn: m?.nameEn ?? code,
          unit: m?.unit ?? '',
          last: last ? { value: last.lastValue, ts: last.lastTs!.toISOString() } : null,
        };
      }),
      devices: devices.map((d) => ({
        id: d.id,
        code: d.code,
        name: d.name,
        protocol: d.protocol,
        protocolAddress: d.protocolAddress,
        metrics: d.metrics,
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        online: !!d.lastSeenAt && now - d.lastSeenAt.getTime() < ONLINE_MS,
        rejectedCount: d.rejectedCount,
        lastRejectReason: d.lastRejectReason,
        lastRejectAt: d.lastRejectAt?.toISOString() ?? null,
        token: manage ? d.token : undefined,
      })),
      rules: rules.map((r) => ({
        id: r.id,
        code: r.code,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        alarmType: r.alarmType,
        severity: r.severity,
        params: r.params,
        active: r.active,
      })),
      canManage: manage,
    };
  }

  /**
   * A metric's time series on a station between two times, at the resolution the span needs
   * (raw, 1-minute or 1-hour rollups): per point the average, minimum and maximum.
   */
  async function series(
    actor: Actor,
    idOrCode: string,
    query: { metric: string; from: Date; to: Date; resolution?: Resolution },
  ) {
    const s = await stationRow(actor, idOrCode);
    const span = query.to.getTime() - query.from.getTime();
    if (!(span > 0) || span > 400 * 86_400_000)
      throw new InputError('sensing.series.bad_range', 'The range must be positive and at most 400 days.');
    const resolution = query.resolution ?? resolutionFor(span);
    const ids = await db
      .select({ id: sensingSeries.id })
      .from(sensingSeries)
      .innerJoin(sensingDevice, eq(sensingDevice.id, sensingSeries.deviceId))
      .where(and(eq(sensingDevice.stationId, s.id), eq(sensingSeries.metric, query.metric)));
    if (!ids.length) return { resolution, points: [] as [number, number, number, number][] };
    const seriesIds = sql.param(ids.map((i) => i.id));
    const rowsOut =
      resolution === 'raw'
        ? await rows<{ t: number; v: number; mi: number; ma: number }>(
            db,
            sql`select (extract(epoch from ts) * 1000)::float8 as t, avg(value) as v, min(value) as mi, max(value) as ma
                  from sensing_reading where series_id = any(${seriesIds}::int[]) and ts >= ${query.from} and ts < ${query.to}
                 group by ts order by ts limit 20000`,
          )
        : await rows<{ t: number; v: number; mi: number; ma: number }>(
            db,
            sql`select (extract(epoch from bucket) * 1000)::float8 as t, sum(sum) / sum(count) as v, min(min) as mi, max(max) as ma
                  from ${sql.identifier(resolution === '1m' ? 'sensing_rollup_1m' : 'sensing_rollup_1h')}
                 where series_id = any(${seriesIds}::int[]) and bucket >= ${query.from} and bucket < ${query.to}
                 group by bucket order by bucket limit 20000`,
          );
    return {
      resolution,
      points: rowsOut.map(
        (r) => [Math.round(r.t), Number(r.v), Number(r.mi), Number(r.ma)] as [number, number, number, number],
      ),
    };
  }

  return { stations, station, series };
}

export type Queries = ReturnType<typeof createQueries>;
