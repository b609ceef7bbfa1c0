import { randomBytes } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, scopeOf } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { SENSING_PERMISSIONS as P } from '../permissions';
import { sensingDevice, sensingMetric, sensingRule, sensingSeries, sensingStation } from '../schema';
import { deviceInput, invalid, parseRule, type RuleInput, ruleFromSeed, stationInput } from './inputs';
import type { MetricSeed, StationSeed } from './types';

/** What ingestion needs to know of a device, cached by token and by protocol address. */
export interface DeviceInfo {
  id: string;
  code: string;
  name: string;
  stationId: string;
  protocol: string;
  isGateway: boolean;
  active: boolean;
}

const CACHE_MS = 30_000;

/** A device access token: 20 characters of base64url, like ThingsBoard's. */
export function newDeviceToken(): string {
  return randomBytes(15).toString('base64url');
}

/** The township (街道/镇) a division code lies in. */
export function townshipOf(divisionCode: string): string {
  return `${divisionCode.slice(0, 9)}000`;
}

/** Stations, devices, metrics, series: the sensing registry. */
export function createRegistry(kernel: Kernel) {
  const { db, clock } = kernel;
  const byToken = new Map<string, { device: DeviceInfo | null; at: number }>();
  const changeListeners = new Set<() => void>();
  const changed = () => {
    for (const listener of changeListeners) listener();
  };
  const byAddress = new Map<string, { device: DeviceInfo | null; at: number }>();

  const toInfo = (row: typeof sensingDevice.$inferSelect): DeviceInfo => ({
    id: row.id,
    code: row.code,
    name: row.name,
    stationId: row.stationId,
    protocol: row.protocol,
    isGateway: row.protocol === 'gateway',
    active: row.active,
  });

  /** The active device holding `token`, or null (cached 30 s, so a revoked token stops within that). */
  async function deviceByToken(token: string): Promise<DeviceInfo | null> {
    const hit = byToken.get(token);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_MS) return hit.device;
    if (token.length > 64) return null;
    const [row] = await db.select().from(sensingDevice).where(eq(sensingDevice.token, token));
    const device = row?.active ? toInfo(row) : null;
    byToken.set(token, { device, at: now });
    return device;
  }

  /** The device speaking `protocol` with this station address (HJ 212 MN, SL 651 address). */
  async function deviceByAddress(protocol: string, address: string): Promise<DeviceInfo | null> {
    const key = `${protocol}:${address}`;
    const hit = byAddress.get(key);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_MS) return hit.device;
    const [row] = await db
      .select()
      .from(sensingDevice)
      .where(and(eq(sensingDevice.protocol, protocol), eq(sensingDevice.protocolAddress, address)));
    const device = row?.active ? toInfo(row) : null;
    byAddress.set(key, { device, at: now });
    return device;
  }

  const seriesIds = new Map<string, Map<string, number>>();

  /** Series ids for (device, metric) pairs, created on first sight. */
  async function seriesFor(pairs: readonly { deviceId: string; metric: string }[]): Promise<number[]> {
    const missing: { deviceId: string; metric: string }[] = [];
    for (const p of pairs) if (seriesIds.get(p.deviceId)?.get(p.metric) === undefined) missing.push(p);
    if (missing.length) {
      await db
        .insert(sensingSeries)
        .values(missing.map((p) => ({ deviceId: p.deviceId, metric: p.metric })))
        .onConflictDoNothing();
      const found = await db
        .select({ id: sensingSeries.id, deviceId: sensingSeries.deviceId, metric: sensingSeries.metric })
        .from(sensingSeries)
        .where(inArray(sensingSeries.deviceId, [...new Set(missing.map((p) => p.deviceId))]));
      for (const row of found) {
        let metrics = seriesIds.get(row.deviceId);
        if (!metrics) {
          metrics = new Map();
          seriesIds.set(row.deviceId, metrics);
        }
        metrics.set(row.metric, row.id);
      }
    }
    return pairs.map((p) => seriesIds.get(p.deviceId)!.get(p.metric)!);
  }

  /** Series ids of every reading of a write batch, in order (the writer's hot path: no strings built). */
  async function seriesForBatch(
    batch: readonly { device: DeviceInfo; readings: readonly { metric: string }[] }[],
  ): Promise<number[]> {
    const out: number[] = [];
    const missing: { deviceId: string; metric: string }[] = [];
    for (const p of batch) {
      const metrics = seriesIds.get(p.device.id);
      for (const r of p.readings) {
        const id = metrics?.get(r.metric);
        if (id === undefined) missing.push({ deviceId: p.device.id, metric: r.metric });
        else out.push(id);
      }
    }
    if (!missing.length) return out;
    await seriesFor(missing);
    return batch.flatMap((p) => p.readings.map((r) => seriesIds.get(p.device.id)!.get(r.metric)!));
  }

  async function departmentId(executor: Executor, code: string): Promise<string> {
    const [dept] = await executor
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, code));
    if (!dept)
      throw new InputError('sensing.department.unknown', `Unknown department ${code}.`, {
        errors: [{ path: '/departmentCode', message: 'unknown department' }],
      });
    return dept.id;
  }

  async function ensureMetrics(executor: Executor, metrics: readonly MetricSeed[]) {
    if (!metrics.length) return;
    await executor
      .insert(sensingMetric)
      .values(
        metrics.map((m) => ({
          code: m.code,
          nameZh: m.nameZh,
          nameEn: m.nameEn,
          unit: m.unit,
          retentionDays: m.retentionDays ?? 400,
        })),
      )
      .onConflictDoUpdate({
        target: sensingMetric.code,
        set: {
          nameZh: sql`excluded.name_zh`,
          nameEn: sql`excluded.name_en`,
          unit: sql`excluded.unit`,
          retentionDays: sql`excluded.retention_days`,
        },
      });
  }

  /** Creates or updates a station (by code) inside `tx`. */
  async function saveStation(tx: Executor, actor: Actor, input: unknown) {
    const parsed = stationInput.safeParse(input);
    if (!parsed.success) throw invalid('sensing.station.invalid', parsed.error);
    const s = parsed.data;
    const deptId = await departmentId(tx, s.departmentCode);
    requirePermission(actor, P.manage, { divisionCode: s.divisionCode, departmentId: deptId });
    const now = clock.now();
    const values = {
      code: s.code,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      kind: s.kind,
      lng: s.lng,
      lat: s.lat,
      divisionCode: s.divisionCode,
      townshipCode: townshipOf(s.divisionCode),
      departmentId: deptId,
      attributes: s.attributes,
      updatedAt: now,
    };
    const [saved] = await tx
      .insert(sensingStation)
      .values({ id: newId(), ...values, createdAt: now })
      .onConflictDoUpdate({ target: sensingStation.code, set: values })
      .returning();
    await recordAudit(tx, clock, {
      actor,
      action: 'sensing.station.saved',
      subjectType: 'sensing_station',
      subjectId: saved!.id,
      data: { code: s.code },
    });
    return saved!;
  }

  /** Adds a device to a station with a fresh token (or updates it by code, keeping its token). */
  async function saveDevice(tx: Executor, actor: Actor, stationId: string, input: unknown) {
    const parsed = deviceInput.safeParse(input);
    if (!parsed.success) throw invalid('sensing.device.invalid', parsed.error);
    const [station] = await tx.select().from(sensingStation).where(eq(sensingStation.id, stationId));
    if (!station) throw new NotFoundError('sensing.station.not_found', 'No such station.');
    requirePermission(actor, P.manage, {
      divisionCode: station.divisionCode,
      departmentId: station.departmentId,
    });
    const d = parsed.data;
    const [saved] = await tx
      .insert(sensingDevice)
      .values({
        id: newId(),
        code: d.code,
        name: d.name,
        stationId,
        protocol: d.protocol,
        protocolAddress: d.protocolAddress ?? null,
        token: newDeviceToken(),
        metrics: d.metrics,
        createdAt: clock.now(),
      })
      .onConflictDoUpdate({
        target: sensingDevice.code,
        set: {
          name: d.name,
          stationId,
          protocol: d.protocol,
          protocolAddress: d.protocolAddress ?? null,
          metrics: d.metrics,
        },
      })
      .returning();
    await recordAudit(tx, clock, {
      actor,
      action: 'sensing.device.saved',
      subjectType: 'sensing_device',
      subjectId: saved!.id,
      data: { code: d.code, stationCode: station.code },
    });
    return saved!;
  }

  /** A new token for a device; the old one stops working (within the 30 s cache on other nodes). */
  async function rotateToken(actor: Actor, deviceId: string) {
    return kernel.transaction(async (tx) => {
      const [row] = await tx
        .select({ device: sensingDevice, station: sensingStation })
        .from(sensingDevice)
        .innerJoin(sensingStation, eq(sensingStation.id, sensingDevice.stationId))
        .where(eq(sensingDevice.id, deviceId));
      if (!row) throw new NotFoundError('sensing.device.not_found', 'No such device.');
      requirePermission(actor, P.manage, {
        divisionCode: row.station.divisionCode,
        departmentId: row.station.departmentId,
      });
      const token = newDeviceToken();
      await tx.update(sensingDevice).set({ token }).where(eq(sensingDevice.id, deviceId));
      byToken.delete(row.device.token);
      await recordAudit(tx, clock, {
        actor,
        action: 'sensing.device.token_rotated',
        subjectType: 'sensing_device',
        subjectId: deviceId,
      });
      return { id: deviceId, token };
    });
  }

  /** Saves a rule from seed data (by code) on a station. */
  /** Writes a checked rule (by code) on a station. */
  async function saveRule(tx: Executor, stationId: string, r: RuleInput) {
    const values = {
      stationId,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      alarmType: r.alarmType,
      severity: r.severity,
      params: r.params,
      active: r.active,
      updatedAt: clock.now(),
    };
    const [row] = await tx
      .insert(sensingRule)
      .values({ id: newId(), code: r.code, ...values })
      .onConflictDoUpdate({ target: sensingRule.code, set: values })
      .returning();
    return row!;
  }

  async function stationForManage(tx: Executor, actor: Actor, stationId: string) {
    const [station] = await tx.select().from(sensingStation).where(eq(sensingStation.id, stationId));
    if (!station) throw new NotFoundError('sensing.station.not_found', 'No such station.');
    requirePermission(actor, P.manage, {
      divisionCode: station.divisionCode,
      departmentId: station.departmentId,
    });
    return station;
  }

  /** Registers or updates a station (by code), audited; the rules see it at once. */
  async function registerStation(actor: Actor, input: unknown) {
    const saved = await kernel.transaction((tx) => saveStation(tx, actor, input));
    changed();
    return saved;
  }

  /** Adds (or updates, by code) a device on a station; a new device gets its token here. */
  async function registerDevice(actor: Actor, stationId: string, input: unknown) {
    const saved = await kernel.transaction((tx) => saveDevice(tx, actor, stationId, input));
    changed();
    return saved;
  }

  /** Creates or edits a station's alarm rule (by code), checked and audited; effective at once. */
  async function putRule(actor: Actor, stationId: string, input: unknown) {
    const r = parseRule(input);
    const saved = await kernel.transaction(async (tx) => {
      const station = await stationForManage(tx, actor, stationId);
      const [other] = await tx
        .select({ stationId: sensingRule.stationId })
        .from(sensingRule)
        .where(eq(sensingRule.code, r.code));
      if (other && other.stationId !== station.id)
        throw new ConflictError('sensing.rule.code_taken', `Rule code ${r.code} belongs to another station.`);
      const row = await saveRule(tx, station.id, r);
      await recordAudit(tx, clock, {
        actor,
        action: 'sensing.rule.saved',
        subjectType: 'sensing_rule',
        subjectId: row.id,
        data: { code: r.code, stationCode: station.code, params: r.params },
      });
      return row;
    });
    changed();
    return saved;
  }

  /** Installs a region pack's stations, devices and rules (idempotent; tokens survive re-seeding). */
  async function seed(actor: Actor, metrics: readonly MetricSeed[], stations: readonly StationSeed[]) {
    await kernel.transaction(async (tx) => {
      await ensureMetrics(tx, metrics);
      for (const s of stations) {
        const station = await saveStation(tx, actor, s);
        for (const d of s.devices) await saveDevice(tx, actor, station.id, d);
        for (const r of s.rules ?? []) await saveRule(tx, station.id, parseRule(ruleFromSeed(r)));
      }
    });
    changed();
  }

  /**
   * A device a gateway announced (`v1/gateway/connect`) or sent telemetry for, created on first
   * sight on the gateway's station, as ThingsBoard does.
   */
  async function gatewayChild(gateway: DeviceInfo, name: string): Promise<DeviceInfo> {
    const code = `${gateway.code}:${name}`.slice(0, 64);
    const cacheKey = `gw:${code}`;
    const hit = byAddress.get(cacheKey);
    if (hit?.device && Date.now() - hit.at < CACHE_MS) return hit.device;
    await db
      .insert(sensingDevice)
      .values({
        id: newId(),
        code,
        name: name.slice(0, 100),
        stationId: gateway.stationId,
        protocol: 'json',
        token: newDeviceToken(),
        gatewayId: gateway.id,
        metrics: [],
        createdAt: clock.now(),
      })
      .onConflictDoNothing();
    const [row] = await db.select().from(sensingDevice).where(eq(sensingDevice.code, code));
    const device = toInfo(row!);
    byAddress.set(cacheKey, { device, at: Date.now() });
    return device;
  }

  /** Devices with their tokens, for the local admin CLI and for admins (sensing.manage). */
  async function listDevices(actor: Actor, query: { q?: string; limit?: number } = {}) {
    const scope = scopeOf(actor, P.manage);
    const rows = await db
      .select({
        id: sensingDevice.id,
        code: sensingDevice.code,
        name: sensingDevice.name,
        protocol: sensingDevice.protocol,
        protocolAddress: sensingDevice.protocolAddress,
        token: sensingDevice.token,
        metrics: sensingDevice.metrics,
        lastSeenAt: sensingDevice.lastSeenAt,
        rejectedCount: sensingDevice.rejectedCount,
        lastRejectReason: sensingDevice.lastRejectReason,
        stationCode: sensingStation.code,
        stationName: sensingStation.nameZh,
        divisionCode: sensingStation.divisionCode,
        departmentId: sensingStation.departmentId,
      })
      .from(sensingDevice)
      .innerJoin(sensingStation, eq(sensingStation.id, sensingDevice.stationId))
      .where(
        query.q
          ? or(like(sensingDevice.code, `%${query.q}%`), like(sensingStation.nameZh, `%${query.q}%`))
          : undefined,
      )
      .orderBy(asc(sensingDevice.code))
      .limit(Math.min(query.limit ?? 20_000, 20_000));
    return rows.filter(
      (r) =>
        scope.divisionPrefixes.some((p) => r.divisionCode.startsWith(p)) &&
        (!scope.departmentIds || scope.departmentIds.includes(r.departmentId)),
    );
  }

  return {
    deviceByToken,
    deviceByAddress,
    seriesFor,
    seriesForBatch,
    ensureMetrics,
    saveStation,
    saveDevice,
    saveRule,
    rotateToken,
    seed,
    gatewayChild,
    listDevices,
    registerStation,
    registerDevice,
    putRule,
    /** Called after stations, devices or rules change (the rule engine reloads). */
    onChanged(listener: () => void) {
      changeListeners.add(listener);
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
