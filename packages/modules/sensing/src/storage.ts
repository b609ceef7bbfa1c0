import type { Kernel } from '@zhizhi/kernel';
import { type Executor, rows } from '@zhizhi/kernel/db';
import { sql } from 'drizzle-orm';

const month = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
const nameOf = (d: Date) =>
  `sensing_reading_${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Monthly partitions of `sensing_reading`, created ahead (this month and the next `ahead`), and the
 * retention sweep. A partition can only be attached while the default partition holds no rows of
 * its month, so months are made well before their data arrives; rows of months without a
 * partition (very late data) live in the default one.
 */
export function createStorage(kernel: Kernel) {
  async function ensurePartitions(executor: Executor = kernel.db, ahead = 2, behind = 1) {
    const now = month(kernel.clock.now());
    await executor.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(5150213)`);
      for (let i = -behind; i <= ahead; i++) {
        const from = addMonths(now, i);
        const to = addMonths(now, i + 1);
        const name = nameOf(from);
        const exists = await rows(tx, sql`select 1 from pg_class where relname = ${name}`);
        if (exists.length) continue;
        const inDefault = await rows(
          tx,
          sql`select 1 from sensing_reading_default where ts >= ${from} and ts < ${to} limit 1`,
        );
        if (inDefault.length) continue; // its rows stay in the default partition
        await tx.execute(
          sql.raw(
            `create table if not exists ${name} partition of sensing_reading for values from ('${from.toISOString()}') to ('${to.toISOString()}')`,
          ),
        );
      }
    });
  }

  /** Partitions of the reading table, oldest first, with their row estimates. */
  async function partitions(executor: Executor = kernel.db) {
    return rows<{ name: string; bound: string }>(
      executor,
      sql`select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
            from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
           where p.relname = 'sensing_reading' order by c.relname`,
    );
  }

  /**
   * Deletes raw readings past each metric's retention (rollups stay), in batches so requests are not
   * starved, and drops monthly partitions entirely older than the longest retention.
   */
  async function sweepRetention(executor: Executor = kernel.db, batch = 50_000): Promise<number> {
    let deleted = 0;
    for (;;) {
      const result = await rows<{ n: number }>(
        executor,
        sql`with doomed as (
              select r.series_id, r.ts from sensing_reading r
                join sensing_series s on s.id = r.series_id
                join sensing_metric m on m.code = s.metric
               where r.ts < now() - make_interval(days => m.retention_days)
               limit ${batch})
            , gone as (delete from sensing_reading r using doomed d
                        where r.series_id = d.series_id and r.ts = d.ts returning 1)
            select count(*)::int as n from gone`,
      );
      const n = result[0]?.n ?? 0;
      deleted += n;
      if (n < batch) break;
    }
    const [longest] = await rows<{ days: number | null }>(
      executor,
      sql`select max(retention_days)::int as days from sensing_metric`,
    );
    const cutoff = month(new Date(kernel.clock.now().getTime() - (longest?.days ?? 400) * 86_400_000));
    for (const p of await partitions(executor)) {
      const m = /^sensing_reading_(\d{4})(\d{2})$/.exec(p.name);
      if (!m) continue;
      const to = addMonths(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)), 1);
      if (to <= cutoff) await executor.execute(sql.raw(`drop table if exists ${p.name}`));
    }
    return deleted;
  }

  return { ensurePartitions, partitions, sweepRetention };
}
