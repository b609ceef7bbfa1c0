import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { newId } from '@zhizhi/kernel/ids';
import { orgDivision } from '@zhizhi/kernel/org';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { sensingBulletin, sensingDevice, sensingSeries, sensingStation, sensingWarning } from '../schema';

/** China's warning levels: 1 红 (I, highest), 2 橙, 3 黄, 4 蓝; 0 = none. */
export type WarningLevel = 0 | 1 | 2 | 3 | 4;

export const LEVEL_ZH: Record<WarningLevel, string> = {
  0: '无预警',
  1: '红色',
  2: '橙色',
  3: '黄色',
  4: '蓝色',
};
export const LEVEL_EN: Record<WarningLevel, string> = {
  0: 'none',
  1: 'red',
  2: 'orange',
  3: 'yellow',
  4: 'blue',
};

/** One hazard's reading of a township. */
export interface Factor {
  hazard: 'rain' | 'water' | 'wind';
  level: WarningLevel;
  reason: string;
}

/**
 * The multi-hazard rules, as data: ascending limits for blue, yellow, orange, red. Rain on the
 * latest hourly total (mm), wind on the highest speed (m/s, Beaufort 6/8/10/12 as in typhoon
 * warnings); water by the station's own levels. Two or more hazards at yellow or above raise the
 * township one level (compound risk).
 */
export interface WarningRules {
  rain1h: [number, number, number, number];
  wind: [number, number, number, number];
  /** Yellow when within this many metres below 警戒水位. */
  waterYellowMargin: number;
}

export const DEFAULT_WARNING_RULES: WarningRules = {
  rain1h: [20, 30, 50, 80],
  wind: [10.8, 17.2, 24.5, 32.7],
  waterYellowMargin: 0.5,
};

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function byLimits(value: number, limits: readonly number[]): WarningLevel {
  let level: WarningLevel = 0;
  limits.forEach((limit, i) => {
    if (value >= limit) level = (4 - i) as WarningLevel;
  });
  return level;
}

function worst(a: WarningLevel, b: WarningLevel): WarningLevel {
  if (a === 0) return b;
  if (b === 0) return a;
  return Math.min(a, b) as WarningLevel;
}

/** A station's latest values, as the warning rules read them. */
export interface StationReading {
  townshipCode: string;
  name: string;
  attributes: Record<string, number | string>;
  values: Record<string, number>;
}

/** Pure: the level and factors of each township from its stations' latest values. */
export function assessTownships(
  stations: readonly StationReading[],
  rules: WarningRules = DEFAULT_WARNING_RULES,
): Map<string, { level: WarningLevel; factors: Factor[] }> {
  const out = new Map<string, { level: WarningLevel; factors: Factor[] }>();
  const factorsOf = new Map<string, Map<Factor['hazard'], Factor>>();
  const note = (town: string, f: Factor) => {
    if (!f.level) return;
    const map = factorsOf.get(town) ?? new Map();
    factorsOf.set(town, map);
    const cur = map.get(f.hazard);
    if (!cur || worst(cur.level, f.level) !== cur.level) map.set(f.hazard, f);
  };
  for (const s of stations) {
    const rain = s.values.rain_1h;
    if (rain !== undefined)
      note(s.townshipCode, {
        hazard: 'rain',
        level: byLimits(rain, rules.rain1h),
        reason: `${s.name} 1小时降雨 ${fmt(rain)} mm`,
      });
    const wind = s.values.wind_speed;
    if (wind !== undefined)
      note(s.townshipCode, {
        hazard: 'wind',
        level: byLimits(wind, rules.wind),
        reason: `${s.name} 风速 ${fmt(wind)} m/s`,
      });
    const level = s.values.water_level;
    if (level !== undefined) {
      const num = (k: string) => {
        const v = Number(s.attributes[k]);
        return Number.isFinite(v) && s.attributes[k] !== undefined ? v : null;
      };
      const floodLimit = num('flood_limit_level');
      const warningLevel = num('warning_level');
      const guarantee = num('guarantee_level');
      let l: WarningLevel = 0;
      let what = '';
      if (guarantee !== null && level > guarantee) [l, what] = [1, `超保证水位 ${fmt(guarantee)} m`];
      else if (warningLevel !== null && level > warningLevel)
        [l, what] = [2, `超警戒水位 ${fmt(warningLevel)} m`];
      else if (warningLevel !== null && level > warningLevel - rules.waterYellowMargin)
        [l, what] = [3, `距警戒水位不足 ${fmt(rules.waterYellowMargin)} m`];
      else if (floodLimit !== null && level > floodLimit) [l, what] = [4, `超汛限水位 ${fmt(floodLimit)} m`];
      note(s.townshipCode, { hazard: 'water', level: l, reason: `${s.name} 水位 ${fmt(level)} m，${what}` });
    }
  }
  for (const [town, map] of factorsOf) {
    const factors = [...map.values()].sort((a, b) => a.level - b.level);
    let level = factors.reduce<WarningLevel>((acc, f) => worst(acc, f.level), 0);
    const serious = factors.filter((f) => f.level > 0 && f.level <= 3).length;
    if (serious >= 2 && level > 1) level = (level - 1) as WarningLevel;
    out.set(town, { level, factors });
  }
  return out;
}

/** Keeps each township's level current and issues a bulletin when any level changes. */
export function createWarnings(kernel: Kernel, options: { rules?: WarningRules; regionName?: string } = {}) {
  const { db, clock } = kernel;
  const rules = options.rules ?? DEFAULT_WARNING_RULES;
  const regionName = options.regionName ?? '';

  async function stationReadings(executor: Executor): Promise<StationReading[]> {
    const rows = await executor
      .select({
        id: sensingStation.id,
        townshipCode: sensingStation.townshipCode,
        name: sensingStation.nameZh,
        attributes: sensingStation.attributes,
        metric: sensingSeries.metric,
        value: sensingSeries.lastValue,
        ts: sensingSeries.lastTs,
      })
      .from(sensingSeries)
      .innerJoin(sensingDevice, eq(sensingDevice.id, sensingSeries.deviceId))
      .innerJoin(sensingStation, eq(sensingStation.id, sensingDevice.stationId))
      .where(
        and(
          eq(sensingStation.active, true),
          sql`${sensingSeries.lastTs} > ${new Date(clock.now().getTime() - 3 * 3_600_000)}`,
        ),
      );
    const map = new Map<string, StationReading & { ts: Record<string, number> }>();
    for (const r of rows) {
      const s = map.get(r.id) ?? {
        townshipCode: r.townshipCode,
        name: r.name,
        attributes: r.attributes,
        values: {},
        ts: {},
      };
      map.set(r.id, s);
      const t = r.ts?.getTime() ?? 0;
      if (r.value !== null && (s.ts[r.metric] ?? -1) < t) {
        s.values[r.metric] = r.value;
        s.ts[r.metric] = t;
      }
    }
    return [...map.values()];
  }

  /** Recomputes every township; returns the bulletin issued, if any level changed. */
  async function refresh(executor?: Executor) {
    const assessed = assessTownships(await stationReadings(executor ?? db), rules);
    const towns = await (executor ?? db)
      .select({ code: orgDivision.code, name: orgDivision.name })
      .from(orgDivision)
      .where(and(eq(orgDivision.level, 'town'), isNull(orgDivision.validTo)));
    const names = new Map(towns.map((t) => [t.code, t.name]));
    const run = (work: (tx: Executor) => Promise<typeof sensingBulletin.$inferSelect | null>) =>
      executor ? executor.transaction(work) : kernel.transaction(work);
    return run(async (tx) => {
      // One refresher at a time across nodes.
      await tx.execute(sql`select pg_advisory_xact_lock(5150212)`);
      const current = await tx.select().from(sensingWarning);
      const before = new Map(current.map((w) => [w.townshipCode, w.level as WarningLevel]));
      const changed: string[] = [];
      const now = clock.now();
      const codes = new Set([...before.keys(), ...assessed.keys()]);
      const levels: Record<string, { level: number; factors: Factor[] }> = {};
      for (const code of codes) {
        const next = assessed.get(code) ?? { level: 0 as WarningLevel, factors: [] };
        levels[code] = next;
        if ((before.get(code) ?? 0) !== next.level) changed.push(code);
        await tx
          .insert(sensingWarning)
          .values({ townshipCode: code, level: next.level, factors: next.factors, updatedAt: now })
          .onConflictDoUpdate({
            target: sensingWarning.townshipCode,
            set: { level: next.level, factors: next.factors, updatedAt: now },
          });
      }
      if (!changed.length) return null;
      const active = Object.entries(levels).filter(([, v]) => v.level > 0);
      const highest = active.reduce<WarningLevel>((acc, [, v]) => worst(acc, v.level as WarningLevel), 0);
      const describe = (lang: 'zh' | 'en') =>
        active.length
          ? active
              .sort((a, b) => a[1].level - b[1].level)
              .map(([code, v]) =>
                lang === 'zh'
                  ? `${names.get(code) ?? code}${LEVEL_ZH[v.level as WarningLevel]}预警（${v.factors.map((f) => f.reason).join('；')}）`
                  : `${code}: ${LEVEL_EN[v.level as WarningLevel]} (${v.factors.map((f) => f.hazard).join(', ')})`,
              )
              .join(lang === 'zh' ? '；' : '; ')
          : lang === 'zh'
            ? '各镇（街道）预警已解除。'
            : 'All township warnings lifted.';
      const [bulletin] = await tx
        .insert(sensingBulletin)
        .values({
          id: newId(),
          issuedAt: now,
          highestLevel: highest,
          levels,
          textZh: `${regionName}多灾种综合预警：${describe('zh')}`,
          textEn: `Multi-hazard warning: ${describe('en')}`,
        })
        .returning();
      await kernel.events.publish(tx, 'sensing.warning.changed', {
        bulletinId: bulletin!.id,
        highestLevel: highest,
        townships: changed,
      });
      return bulletin!;
    });
  }

  /** Current levels of every township that has one, with names. */
  async function current() {
    const rows = await db
      .select({
        townshipCode: sensingWarning.townshipCode,
        level: sensingWarning.level,
        factors: sensingWarning.factors,
        updatedAt: sensingWarning.updatedAt,
        name: orgDivision.name,
      })
      .from(sensingWarning)
      .leftJoin(
        orgDivision,
        and(eq(orgDivision.code, sensingWarning.townshipCode), isNull(orgDivision.validTo)),
      )
      .orderBy(sensingWarning.townshipCode);
    return rows;
  }

  /** The latest bulletins (public). */
  async function bulletins(limit = 20) {
    return db
      .select()
      .from(sensingBulletin)
      .orderBy(desc(sensingBulletin.issuedAt))
      .limit(Math.min(limit, 100));
  }

  return { refresh, current, bulletins };
}

export type Warnings = ReturnType<typeof createWarnings>;
