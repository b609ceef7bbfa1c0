import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { type CompiledRule, compileRule, evaluateBoolean } from '@zhizhi/kernel/rules';
import { eq, sql } from 'drizzle-orm';
import type { StoredReading } from '../ingest/writer';
import { latestSeries } from '../latest';
import { sensingDevice, sensingMetric, sensingRule, sensingSeries, sensingStation } from '../schema';
import type { AlarmService } from './alarm-service';
import { RULE_CONTEXT, type RuleParams, type Severity } from './rule-types';

interface LoadedRule {
  id: string;
  code: string;
  stationId: string;
  nameZh: string;
  alarmType: string;
  severity: Severity;
  params: RuleParams;
  compiled?: CompiledRule;
}

interface StationState {
  attributes: Record<string, number | string>;
  /** Latest value per metric across the station's devices (CEL `m`). */
  latest: Map<string, { ts: number; value: number }>;
  rules: LoadedRule[];
}

interface RuleState {
  pendingSince: number | null;
  active: boolean;
}

const RULES_RELOAD_MS = 30_000;

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/**
 * Evaluates alarm rules on readings as they are stored. State (how long a condition has held, the
 * recent points a rate needs, the station's latest values) lives in memory; active alarms are
 * re-read at start so a condition that ends after a restart still clears its alarm. Readings older
 * than the newest one seen for their series are stored but not evaluated (late data cannot re-raise
 * an alarm about the past).
 */
export function createRuleEngine(kernel: Kernel, alarms: AlarmService) {
  const stations = new Map<string, StationState>();
  /** Metric names and units for alarm messages (水位 86.50 m, not water_level 86.5). */
  const metricNames = new Map<string, { name: string; unit: string }>();
  const unitOf = (metric: string) =>
    metricNames.get(metric)?.unit ? ` ${metricNames.get(metric)!.unit}` : '';
  const said = (metric: string, value: number) => {
    const m = metricNames.get(metric);
    return m ? `${m.name} ${fmt(value)} ${m.unit}` : `${metric} ${fmt(value)}`;
  };
  const state = new Map<string, RuleState>();
  const newest = new Map<number, number>();
  const windows = new Map<number, { ts: number; value: number }[]>();
  let loadedAt = 0;
  let loading: Promise<void> | null = null;
  // Bumped by every invalidation; a load started before an edit does not count as fresh after it.
  let generation = 0;
  let loadedGeneration = -1;
  // One chain per alarm key, so a raise and a clear of the same alarm never race.
  const chains = new Map<string, Promise<unknown>>();
  /** Resolves when every alarm write queued so far has finished (tests, benchmarks). */
  let pending = new Set<Promise<unknown>>();
  /** Time from a reading's arrival to the alarm's commit, for the benchmark. */
  const latencies: number[] = [];

  async function load(executor: Executor) {
    const startedGeneration = generation;
    // One after another: the executor may be a job's transaction, one connection that must not be
    // sent a query while another is still running on it (pg warns, and will refuse).
    const stationRows = await executor
      .select({ id: sensingStation.id, attributes: sensingStation.attributes })
      .from(sensingStation);
    const ruleRows = await executor.select().from(sensingRule).where(eq(sensingRule.active, true));
    const latestRows = await latestSeries(executor, sql`${sensingSeries.lastTs} is not null`);
    const active = await alarms.activeAlarms(executor);
    const metricRows = await executor.select().from(sensingMetric);
    metricNames.clear();
    for (const m of metricRows) metricNames.set(m.code, { name: m.nameZh, unit: m.unit });
    const next = new Map<string, StationState>();
    for (const s of stationRows)
      next.set(s.id, {
        attributes: s.attributes,
        latest: stations.get(s.id)?.latest ?? new Map(),
        rules: [],
      });
    for (const r of latestRows) {
      const st = next.get(r.stationId);
      const cur = st?.latest.get(r.metric);
      if (st && r.ts && r.value !== null && (!cur || cur.ts < r.ts.getTime()))
        st.latest.set(r.metric, { ts: r.ts.getTime(), value: r.value });
    }
    for (const r of ruleRows) {
      const rule: LoadedRule = {
        id: r.id,
        code: r.code,
        stationId: r.stationId,
        nameZh: r.nameZh,
        alarmType: r.alarmType,
        severity: r.severity as Severity,
        params: r.params,
      };
      if (rule.params.kind === 'expression') {
        try {
          rule.compiled = compileRule(rule.params.expression, RULE_CONTEXT);
        } catch (error) {
          kernel.logger?.warn(
            { rule: r.code, code: (error as { code?: string }).code },
            'alarm rule does not compile; skipped',
          );
          continue;
        }
      }
      next.get(r.stationId)?.rules.push(rule);
    }
    for (const a of active) {
      if (!a.ruleId) continue;
      const key = `${a.ruleId}:${a.originatorId}`;
      const s = state.get(key) ?? { pendingSince: null, active: false };
      s.active = true;
      state.set(key, s);
    }
    stations.clear();
    for (const [k, v] of next) stations.set(k, v);
    loadedAt = Date.now();
    loadedGeneration = startedGeneration;
  }

  async function ensureLoaded(executor: Executor = kernel.db) {
    while (Date.now() - loadedAt >= RULES_RELOAD_MS || loadedGeneration !== generation) {
      loading ??= load(executor).finally(() => {
        loading = null;
      });
      await loading;
    }
  }

  function enqueue(key: string, work: () => Promise<unknown>) {
    const prev = chains.get(key) ?? Promise.resolve();
    const next = prev.then(work, work).catch((error) => {
      kernel.logger?.error({ err: (error as Error).message, alarm: key }, 'alarm write failed');
    });
    chains.set(key, next);
    pending.add(next);
    void next.finally(() => {
      pending.delete(next);
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  function raise(
    rule: LoadedRule,
    originatorType: 'device' | 'station',
    originatorId: string,
    at: number,
    arrived: number,
    details: Record<string, unknown>,
  ) {
    enqueue(`${rule.alarmType}:${originatorId}`, async () => {
      await alarms.raise({
        originatorType,
        originatorId,
        stationId: rule.stationId,
        ruleId: rule.id,
        type: rule.alarmType,
        severity: rule.severity,
        at: new Date(at),
        details: { ...details, rule: rule.code, ruleName: rule.nameZh },
      });
      latencies.push(Date.now() - arrived);
      if (latencies.length > 100_000) latencies.splice(0, 50_000);
    });
  }

  function clear(rule: LoadedRule, originatorId: string, at: number, details: Record<string, unknown>) {
    enqueue(`${rule.alarmType}:${originatorId}`, () =>
      alarms.clearActive(originatorId, rule.alarmType, new Date(at), {
        ...details,
        rule: rule.code,
        ruleName: rule.nameZh,
      }),
    );
  }

  /** Applies a condition to the rule's state: raise after `durationSeconds`, clear when it ends. */
  function step(
    rule: LoadedRule,
    originatorType: 'device' | 'station',
    originatorId: string,
    ts: number,
    arrived: number,
    condition: 'on' | 'off' | 'hold',
    durationSeconds: number,
    details: () => Record<string, unknown>,
  ) {
    const key = `${rule.id}:${originatorId}`;
    const s = state.get(key) ?? { pendingSince: null, active: false };
    state.set(key, s);
    if (condition === 'on') {
      s.pendingSince ??= ts;
      if (ts - s.pendingSince >= durationSeconds * 1000) {
        // Re-triggers of an active alarm are rate-limited to one write a minute per alarm.
        const last = (s as RuleState & { lastWrite?: number }).lastWrite ?? 0;
        if (!s.active || ts - last >= 60_000) {
          (s as RuleState & { lastWrite?: number }).lastWrite = ts;
          s.active = true;
          raise(rule, originatorType, originatorId, ts, arrived, details());
        }
      }
    } else if (condition === 'hold' && !s.active) {
      s.pendingSince = null;
    } else if (condition === 'off') {
      s.pendingSince = null;
      if (s.active) {
        s.active = false;
        clear(rule, originatorId, ts, details());
      }
    }
  }

  function thresholdOf(station: StationState, value: number | string): number | null {
    if (typeof value === 'number') return value;
    const attr = station.attributes[value];
    const n = typeof attr === 'number' ? attr : Number(attr);
    return Number.isFinite(n) ? n : null;
  }

  function evaluate(r: StoredReading, station: StationState, arrived: number) {
    for (const rule of station.rules) {
      const p = rule.params;
      if (p.kind === 'threshold' && p.metric === r.metric) {
        const th = thresholdOf(station, p.value);
        if (th === null) continue;
        const above = p.op === '>' ? r.value > th : r.value < th;
        const back = p.op === '>' ? r.value <= th - p.hysteresis : r.value >= th + p.hysteresis;
        const condition = above ? 'on' : back ? 'off' : 'hold';
        step(rule, 'device', r.deviceId, r.ts, arrived, condition, p.durationSeconds, () => ({
          metric: r.metric,
          value: r.value,
          threshold: th,
          message: `${rule.nameZh}：${said(r.metric, r.value)}，${above ? '超过' : '回落至'}阈值 ${fmt(th)}${unitOf(r.metric)}`,
        }));
      } else if (p.kind === 'rate' && p.metric === r.metric) {
        const win = windows.get(r.seriesId) ?? [];
        win.push({ ts: r.ts, value: r.value });
        const from = r.ts - p.windowMinutes * 60_000;
        while (win.length && win[0]!.ts < from) win.shift();
        windows.set(r.seriesId, win);
        const first = win[0]!;
        // A rate needs at least half the window of history.
        if (r.ts - first.ts < (p.windowMinutes * 60_000) / 2) continue;
        const rate = ((r.value - first.value) / (r.ts - first.ts)) * 3_600_000;
        const on = p.ratePerHour > 0 ? rate > p.ratePerHour : rate < p.ratePerHour;
        step(rule, 'device', r.deviceId, r.ts, arrived, on ? 'on' : 'off', 0, () => ({
          metric: r.metric,
          value: r.value,
          ratePerHour: Number(rate.toFixed(3)),
          threshold: p.ratePerHour,
          message: `${rule.nameZh}：${said(r.metric, r.value)}，每小时变化 ${fmt(rate)}`,
        }));
      } else if (p.kind === 'expression' && rule.compiled) {
        const m: Record<string, number> = {};
        for (const [k, v] of station.latest) m[k] = v.value;
        let on: boolean;
        try {
          on = evaluateBoolean(rule.compiled, { m, attr: station.attributes });
        } catch {
          continue; // a metric it names has not reported yet
        }
        step(rule, 'station', rule.stationId, r.ts, arrived, on ? 'on' : 'off', p.durationSeconds, () => ({
          values: m,
          message: `${rule.nameZh}`,
        }));
      }
    }
  }

  /** Called after each ingest commit. */
  function onStored(readings: StoredReading[]) {
    const arrived = Date.now();
    const work = ensureLoaded()
      .then(() => {
        for (const r of readings) {
          const seen = newest.get(r.seriesId);
          if (seen !== undefined && r.ts <= seen) continue;
          newest.set(r.seriesId, r.ts);
          const station = stations.get(r.stationId);
          if (!station) continue;
          const cur = station.latest.get(r.metric);
          if (!cur || cur.ts <= r.ts) station.latest.set(r.metric, { ts: r.ts, value: r.value });
          if (station.rules.length) evaluate(r, station, arrived);
        }
      })
      .catch((error) => kernel.logger?.error({ err: (error as Error).message }, 'alarm rules failed'));
    // Counted as pending, so `settle` also waits for readings still being checked.
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }

  /** No data for N minutes: checks every device of stations with a `nodata` rule (periodic job). */
  async function checkNoData(now: number, executor: Executor = kernel.db) {
    // Its own load, on the caller's executor: waiting for a load on another connection from inside a
    // job's transaction would deadlock PGlite's single connection.
    await load(executor);
    const devices = await executor
      .select({
        id: sensingDevice.id,
        stationId: sensingDevice.stationId,
        lastSeenAt: sensingDevice.lastSeenAt,
        createdAt: sensingDevice.createdAt,
        code: sensingDevice.code,
      })
      .from(sensingDevice)
      .where(eq(sensingDevice.active, true));
    for (const d of devices) {
      const station = stations.get(d.stationId);
      for (const rule of station?.rules ?? []) {
        if (rule.params.kind !== 'nodata') continue;
        const last = (d.lastSeenAt ?? d.createdAt).getTime();
        const silent = now - last >= rule.params.minutes * 60_000;
        const minutes = Math.floor((now - last) / 60_000);
        step(rule, 'device', d.id, now, now, silent ? 'on' : 'off', 0, () => ({
          lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
          message: silent ? `设备 ${d.code} 已 ${minutes} 分钟无数据` : `设备 ${d.code} 恢复上报`,
        }));
      }
    }
  }

  return {
    onStored,
    checkNoData,
    /** Rules and attributes are reloaded before the next readings are checked. */
    invalidate() {
      generation++;
    },
    /** Forces a reload of rules and attributes (after an edit). */
    reload: () => {
      generation++;
      return ensureLoaded();
    },
    /** Waits for queued alarm writes. */
    async settle() {
      while (pending.size) await Promise.all([...pending]);
    },
    latencies: () => latencies.slice(),
    resetLatencies: () => {
      latencies.length = 0;
      pending = new Set(pending);
    },
  };
}

export type RuleEngine = ReturnType<typeof createRuleEngine>;
