import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { InputError, NotFoundError } from '../errors';
import { indicatorsIndicator, indicatorsSnapshot } from './schema';

export const indicatorDefinitionSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_.]{2,95}$/),
  nameZh: z.string().min(1).max(100),
  nameEn: z.string().min(1).max(200),
  unit: z.enum(['percent', 'count', 'days', 'hours', 'score', 'yuan']),
  direction: z.enum(['higher_better', 'lower_better']),
  target: z.number().finite().nullable().default(null),
  formula: z.string().min(1).max(500),
  owner: z.string().min(1).max(48),
});
export type IndicatorDefinition = z.output<typeof indicatorDefinitionSchema>;

/** One scope's counts for a period, as a computer returns them. */
export interface IndicatorCount {
  scopeType: 'division' | 'department';
  scopeCode: string;
  numerator: number;
  denominator: number;
}

/** Computes an indicator for [from, to) inside the given transaction. */
export type IndicatorComputer = (context: {
  tx: Executor;
  from: Date;
  to: Date;
}) => Promise<IndicatorCount[]>;

export type Period = 'day' | 'month' | 'year';

/** The Beijing-time bounds of the period containing `periodStart` (YYYY-MM-DD). */
export function periodBounds(period: Period, periodStart: string): { from: Date; to: Date } {
  const from = new Date(`${periodStart}T00:00:00+08:00`);
  const [y, m, d] = periodStart.split('-').map(Number);
  const next = period === 'day' ? [y, m, d + 1] : period === 'month' ? [y, m + 1, 1] : [y + 1, 1, 1];
  const to = new Date(Date.UTC(next[0], next[1] - 1, next[2]) - 8 * 3_600_000);
  return { from, to };
}

/**
 * The KPI registry: modules and packs define indicators (with the plan's targets) and register
 * how to compute them; `compute` stores one snapshot per scope and period, replacing earlier ones.
 */
export function createIndicatorRegistry(deps: { db: Db; clock: Clock }) {
  const computers = new Map<string, IndicatorComputer>();

  async function define(executor: Executor, input: unknown) {
    const parsed = indicatorDefinitionSchema.safeParse(input);
    if (!parsed.success)
      throw new InputError(
        'indicators.definition.invalid',
        `Invalid indicator: ${parsed.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`).join('; ')}`,
      );
    const row = { ...parsed.data, updatedAt: deps.clock.now() };
    await executor
      .insert(indicatorsIndicator)
      .values(row)
      .onConflictDoUpdate({ target: indicatorsIndicator.code, set: row });
    return parsed.data;
  }

  function registerComputer(code: string, computer: IndicatorComputer) {
    computers.set(code, computer);
  }

  async function list() {
    return deps.db.select().from(indicatorsIndicator).orderBy(asc(indicatorsIndicator.code));
  }

  /** Whether a computer is registered for the indicator (a module registered it in this process). */
  function has(code: string) {
    return computers.has(code);
  }

  /** Computes one indicator's counts for [from, to) from source data, without storing them. */
  async function evaluate(executor: Executor, code: string, from: Date, to: Date) {
    const computer = computers.get(code);
    if (!computer)
      throw new NotFoundError(
        'indicators.computer.not_found',
        `No computer registered for indicator ${code}.`,
      );
    return computer({ tx: executor, from, to });
  }

  /** Computes one indicator for one period and stores every scope's value. */
  async function compute(tx: Executor, code: string, period: Period, periodStart: string) {
    const computer = computers.get(code);
    if (!computer)
      throw new NotFoundError(
        'indicators.computer.not_found',
        `No computer registered for indicator ${code}.`,
      );
    const [indicator] = await tx.select().from(indicatorsIndicator).where(eq(indicatorsIndicator.code, code));
    if (!indicator) throw new NotFoundError('indicators.indicator.not_found', `No indicator ${code}.`);
    const { from, to } = periodBounds(period, periodStart);
    const counts = await computer({ tx, from, to });
    const now = deps.clock.now();
    for (const c of counts) {
      const ratio = c.denominator === 0 ? null : c.numerator / c.denominator;
      const value = ratio === null ? null : indicator.unit === 'percent' ? ratio * 100 : ratio;
      const row = {
        code,
        periodStart,
        period,
        scopeType: c.scopeType,
        scopeCode: c.scopeCode,
        numerator: c.numerator,
        denominator: c.denominator,
        value,
        computedAt: now,
      };
      await tx
        .insert(indicatorsSnapshot)
        .values(row)
        .onConflictDoUpdate({
          target: [
            indicatorsSnapshot.code,
            indicatorsSnapshot.periodStart,
            indicatorsSnapshot.period,
            indicatorsSnapshot.scopeType,
            indicatorsSnapshot.scopeCode,
          ],
          set: {
            numerator: c.numerator,
            denominator: c.denominator,
            value,
            computedAt: now,
            revisions: sql`${indicatorsSnapshot.revisions} + 1`,
          },
        });
    }
    return counts.length;
  }

  /** Every registered indicator for one period (a job runs this nightly for yesterday and this month). */
  async function computeAll(tx: Executor, period: Period, periodStart: string) {
    let written = 0;
    for (const code of computers.keys()) written += await compute(tx, code, period, periodStart);
    return written;
  }

  /** A scope's values over time, oldest first. */
  async function series(
    code: string,
    options: {
      period: Period;
      scopeType: 'division' | 'department';
      scopeCode: string;
      from?: string;
      to?: string;
    },
  ) {
    return deps.db
      .select()
      .from(indicatorsSnapshot)
      .where(
        and(
          eq(indicatorsSnapshot.code, code),
          eq(indicatorsSnapshot.period, options.period),
          eq(indicatorsSnapshot.scopeType, options.scopeType),
          eq(indicatorsSnapshot.scopeCode, options.scopeCode),
          options.from ? gte(indicatorsSnapshot.periodStart, options.from) : undefined,
          options.to ? lte(indicatorsSnapshot.periodStart, options.to) : undefined,
        ),
      )
      .orderBy(asc(indicatorsSnapshot.periodStart));
  }

  /** The latest value per scope for a period kind. */
  async function latest(code: string, period: Period, scopeType: 'division' | 'department') {
    const [last] = await deps.db
      .select({ periodStart: indicatorsSnapshot.periodStart })
      .from(indicatorsSnapshot)
      .where(
        and(
          eq(indicatorsSnapshot.code, code),
          eq(indicatorsSnapshot.period, period),
          eq(indicatorsSnapshot.scopeType, scopeType),
        ),
      )
      .orderBy(desc(indicatorsSnapshot.periodStart))
      .limit(1);
    if (!last) return [];
    return deps.db
      .select()
      .from(indicatorsSnapshot)
      .where(
        and(
          eq(indicatorsSnapshot.code, code),
          eq(indicatorsSnapshot.period, period),
          eq(indicatorsSnapshot.scopeType, scopeType),
          eq(indicatorsSnapshot.periodStart, last.periodStart),
        ),
      )
      .orderBy(asc(indicatorsSnapshot.scopeCode));
  }

  return { define, registerComputer, has, evaluate, list, compute, computeAll, series, latest };
}

export type IndicatorRegistry = ReturnType<typeof createIndicatorRegistry>;
