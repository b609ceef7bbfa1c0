import type { Executor } from '@zhizhi/kernel/db';
import { rows } from '@zhizhi/kernel/db';
import { sql } from 'drizzle-orm';
import type { MeasureName } from './definitions';
import { type FactSource, factsOf, MEASURE_SPECS, talliesFromFacts } from './measures';

/** Held shared by every incremental update and exclusively by a rebuild. */
const TALLY_LOCK = 727_130;

type Fact = {
  opened_month: string | null;
  closed_month: string | null;
  division: string | null;
  departments: string[];
  flags: number;
};

export type TallyRow = {
  measure: string;
  month: string;
  scope_type: string;
  scope_code: string;
  value: number;
};

const key = (measure: string, month: string, scopeType: string, scopeCode: string) =>
  `${measure}|${month}|${scopeType}|${scopeCode}`;

/** The scopes a fact counts in: the district, its town and village (when known), its departments. */
export function scopesOf(fact: Fact, district: string): [string, string][] {
  const out: [string, string][] = [['district', district]];
  const d = fact.division;
  if (d && d.slice(6) !== '000000') out.push(['town', `${d.slice(0, 9)}000`]);
  if (d && d.slice(9) !== '000') out.push(['village', d]);
  for (const dep of fact.departments) out.push(['department', dep]);
  return out;
}

function contributions(
  source: FactSource,
  fact: Fact | null,
  district: string,
  sign: number,
  into: Map<string, number>,
) {
  if (!fact) return;
  for (const [measure, spec] of Object.entries(MEASURE_SPECS)) {
    if (spec.source !== source || (fact.flags & spec.bit) === 0) continue;
    const month = spec.basis === 'opened' ? fact.opened_month : fact.closed_month;
    if (!month) continue;
    for (const [scopeType, scopeCode] of scopesOf(fact, district)) {
      const k = key(measure, month, scopeType, scopeCode);
      into.set(k, (into.get(k) ?? 0) + sign);
    }
  }
}

const FACT_COLUMNS = sql`opened_month::text as opened_month, closed_month::text as closed_month, division, departments, flags`;

/**
 * Brings one source row's contribution up to date inside `tx`: reads the row as it is now,
 * compares it with the stored contribution and applies only the difference to the counters.
 * Idempotent and order-independent: a redelivered or late event changes nothing. Returns the
 * number of counters touched.
 */
export async function refreshFact(tx: Executor, source: FactSource, id: string, district: string) {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${TALLY_LOCK})`);
  await tx.execute(
    sql`insert into cockpit_fact (source, source_id) values (${source}, ${id}) on conflict do nothing`,
  );
  const [old] = await rows<Fact>(
    tx,
    sql`select ${FACT_COLUMNS} from cockpit_fact where source = ${source} and source_id = ${id} for update`,
  );
  const [now] = await rows<Fact>(tx, sql`select ${FACT_COLUMNS} from (${factsOf(source, id)}) f`);
  const delta = new Map<string, number>();
  contributions(source, old.flags ? old : null, district, -1, delta);
  contributions(source, now ?? null, district, 1, delta);
  const changes = [...delta].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (changes.length) {
    const values = sql.join(
      changes.map(([k, v]) => {
        const [measure, month, scopeType, scopeCode] = k.split('|');
        return sql`(${measure}, ${month}::date, ${scopeType}, ${scopeCode}, ${v})`;
      }),
      sql`, `,
    );
    await tx.execute(sql`insert into cockpit_tally (measure, month, scope_type, scope_code, value)
      values ${values}
      on conflict (measure, month, scope_type, scope_code)
      do update set value = cockpit_tally.value + excluded.value`);
  }
  if (now)
    await tx.execute(sql`update cockpit_fact set opened_month = ${now.opened_month}::date,
      closed_month = ${now.closed_month}::date, division = ${now.division},
      departments = ${JSON.stringify(now.departments)}::jsonb, flags = ${now.flags}
      where source = ${source} and source_id = ${id}`);
  else await tx.execute(sql`delete from cockpit_fact where source = ${source} and source_id = ${id}`);
  return changes.length;
}

/**
 * Replaces every fact and counter with a recomputation from source (first start, after a bulk
 * load, or on an operator's request). Holds the tally lock exclusively, so no update interleaves.
 */
export async function rebuildTallies(tx: Executor, district: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${TALLY_LOCK})`);
  await tx.execute(sql`delete from cockpit_tally`);
  await tx.execute(sql`delete from cockpit_fact`);
  for (const source of ['event', 'application'] as const) {
    await tx.execute(sql`insert into cockpit_fact (source, source_id, opened_month, closed_month, division, departments, flags)
      select ${source}, f.source_id, f.opened_month, f.closed_month, f.division, f.departments, f.flags
      from (${factsOf(source)}) f`);
    await tx.execute(sql`insert into cockpit_tally (measure, month, scope_type, scope_code, value)
      select t.measure, t.month::date, t.scope_type, t.scope_code, t.value
      from (${talliesFromFacts(source, sql`select * from cockpit_fact where source = ${source}`, district)}) t`);
  }
  // Fresh statistics for the rewritten tables (ANALYZE may run inside a transaction).
  await tx.execute(sql`analyze cockpit_fact, cockpit_tally`);
  const [count] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from cockpit_tally`);
  return count.n;
}

/** Every counter recomputed from source data now (what the stored counters must equal). */
export async function recomputeFromSource(executor: Executor, district: string): Promise<TallyRow[]> {
  const out: TallyRow[] = [];
  for (const source of ['event', 'application'] as const)
    out.push(...(await rows<TallyRow>(executor, talliesFromFacts(source, factsOf(source), district))));
  return out;
}

/** The stored counters (non-zero), in the same shape. */
export async function storedTallies(executor: Executor): Promise<TallyRow[]> {
  return rows<TallyRow>(
    executor,
    sql`select measure, month::text as month, scope_type, scope_code, value from cockpit_tally where value <> 0`,
  );
}

/** Sums of counters for measures over [fromMonth, toMonth], per scope of one type (all types when omitted). */
export async function sumTallies(
  executor: Executor,
  options: {
    measures: MeasureName[];
    fromMonth: string | null;
    toMonth: string;
    scopeType?: string;
    scopeCode?: string;
    parentPrefix?: string;
  },
) {
  if (options.measures.length === 0) return [];
  return rows<{ measure: string; scope_type: string; scope_code: string; value: number }>(
    executor,
    sql`select measure, scope_type, scope_code, sum(value)::int as value from cockpit_tally
      where measure in (${sql.join(
        options.measures.map((m) => sql`${m}`),
        sql`, `,
      )})
        and month <= ${options.toMonth}::date
        ${options.fromMonth ? sql`and month >= ${options.fromMonth}::date` : sql``}
        ${options.scopeType ? sql`and scope_type = ${options.scopeType}` : sql``}
        ${options.scopeCode ? sql`and scope_code = ${options.scopeCode}` : sql``}
        ${options.parentPrefix ? sql`and scope_code like ${`${options.parentPrefix}%`}` : sql``}
      group by 1, 2, 3`,
  );
}
