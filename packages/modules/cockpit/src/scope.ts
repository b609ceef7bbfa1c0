import { type Executor, rows } from '@zhizhi/kernel/db';
import { InputError } from '@zhizhi/kernel/errors';
import { sql } from 'drizzle-orm';
import type { Level } from './definitions';

/** A place or department the cockpit shows: the district, a town, a village, a department (org code). */
export type ScopeRef = { type: Level; code: string };
export type PeriodKind = 'year' | 'month' | 'all';
export type Period = { kind: PeriodKind; from: Date; to: Date; fromMonth: string | null; toMonth: string };

const DIVISION = /^\d{12}$/;

/** `district` | `town:<code>` | `village:<code>` | `department:<org code>`. */
export function parseScope(text: string | undefined, district: string): ScopeRef {
  if (!text || text === 'district') return { type: 'district', code: district };
  const [type, code] = text.split(':', 2);
  if (type === 'town' && DIVISION.test(code ?? '') && code.endsWith('000') && !code.endsWith('000000'))
    return { type, code };
  if (type === 'village' && DIVISION.test(code ?? '') && !code.endsWith('000')) return { type, code };
  if (type === 'department' && /^[a-z0-9_-]{1,40}$/i.test(code ?? '')) return { type, code };
  throw new InputError(
    'cockpit.scope.invalid',
    'scope is district, town:<12-digit code>, village:<12-digit code> or department:<code>.',
  );
}

export function scopeKey(scope: ScopeRef): string {
  return scope.type === 'district' ? 'district' : `${scope.type}:${scope.code}`;
}

/** Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** This year, this month or everything, up to now (Beijing time). */
export function periodOf(kind: PeriodKind, now: Date): Period {
  const today = beijingDay(now);
  const toMonth = `${today.slice(0, 7)}-01`;
  if (kind === 'all')
    return { kind, from: new Date('2000-01-01T00:00:00+08:00'), to: now, fromMonth: null, toMonth };
  const fromDay = kind === 'year' ? `${today.slice(0, 4)}-01-01` : toMonth;
  return { kind, from: new Date(`${fromDay}T00:00:00+08:00`), to: now, fromMonth: fromDay, toMonth };
}

/** The name of a scope: the department's, or the division's current name; null when unknown. */
/** A scope's names in Chinese and English (English falls back to Chinese, as for every division); null when unknown. */
export async function scopeNamesOf(
  executor: Executor,
  scope: ScopeRef,
): Promise<{ name: string; nameEn: string } | null> {
  const [row] =
    scope.type === 'department'
      ? await rows<{ name: string; name_en: string }>(
          executor,
          sql`select name, name_en from org_department where code = ${scope.code}`,
        )
      : // Divisions have only their official Chinese names (the English interface shows them too).
        await rows<{ name: string; name_en: string }>(
          executor,
          sql`select name, '' as name_en from org_division where code = ${scope.code} order by valid_from desc limit 1`,
        );
  return row ? { name: row.name, nameEn: row.name_en || row.name } : null;
}

export async function scopeNameOf(executor: Executor, scope: ScopeRef): Promise<string | null> {
  return (await scopeNamesOf(executor, scope))?.name ?? null;
}
