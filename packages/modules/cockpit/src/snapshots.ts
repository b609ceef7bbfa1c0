import type { Kernel } from '@zhizhi/kernel';
import { sql } from 'drizzle-orm';
import type { ScopeRef } from './scope';
import { periodOf, scopeKey } from './scope';
import type { ValueReader } from './values';

/**
 * Stores each indicator's year-to-date value per scope (district, towns, departments) for a day,
 * replacing an earlier snapshot of the same day. Trends and the weekly report read these.
 */
export async function snapshotDay(kernel: Kernel, reader: ValueReader, district: string, day: string) {
  const end = new Date(`${day}T23:59:59.999+08:00`);
  const now = kernel.clock.now();
  const at = end < now ? end : now;
  const period = { ...periodOf('year', at), to: at };
  let written = 0;
  for (const def of await reader.indicators()) {
    const values = [];
    for (const level of ['district', 'town', 'department'] as const) {
      if (!def.levels.includes(level)) continue;
      values.push(...(await reader.scopeValues(def, period, level)));
    }
    if (!values.some((v) => v.scope.type === 'district'))
      values.push({
        scope: { type: 'district', code: district } as ScopeRef,
        value: null,
        numerator: null,
        denominator: null,
        computedAt: now,
        freshness: 'live',
      });
    for (const v of values) {
      await kernel.db.execute(sql`insert into cockpit_snapshot (code, day, scope, value, numerator, denominator, computed_at)
        values (${def.code}, ${day}::date, ${scopeKey(v.scope)}, ${v.value}, ${v.numerator}, ${v.denominator}, ${now.toISOString()}::timestamptz)
        on conflict (code, day, scope) do update set value = excluded.value, numerator = excluded.numerator,
          denominator = excluded.denominator, computed_at = excluded.computed_at`);
      written++;
    }
  }
  return written;
}
