import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { rows } from '@zhizhi/kernel/db';
import { sql } from 'drizzle-orm';
import type { DeviceInfo, Registry } from '../registry/registry';
import type { IncomingReading } from './payload';

/** A reading that was new (not a duplicate) and is now committed. */
export interface StoredReading {
  seriesId: number;
  deviceId: string;
  stationId: string;
  metric: string;
  ts: number;
  value: number;
}

export interface WriteResult {
  /** Readings stored now. */
  stored: number;
  /** Readings already present (same device, metric, timestamp): ignored. */
  duplicates: number;
}

interface Pending {
  device: DeviceInfo;
  readings: IncomingReading[];
  resolve: (result: WriteResult) => void;
  reject: (error: Error) => void;
}

export interface WriterOptions {
  /** Flush when this many readings wait (default 20,000). */
  maxBatch?: number;
  /** Flushes in flight at once (default 2 on PostgreSQL, 1 on PGlite). */
  maxFlushes?: number;
  /** Called after each commit with the new readings (rules run here, off the ack path). */
  onStored?: (readings: StoredReading[]) => void;
}

/** The batch held readings already stored (or one reading twice). */
class HadRepeats extends Error {}

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Write a device's last-seen time at most this often. */
const LAST_SEEN_EVERY_MS = 10_000;

type Bucket = {
  s: number;
  b: number;
  c: number;
  sum: number;
  min: number;
  max: number;
  lt: number;
  l: number;
};

/** New readings as columns (series id, epoch ms, value). */
interface Fresh {
  s: number[];
  t: number[];
  v: number[];
}

function rollup(fresh: Fresh, size: number): Bucket[] {
  const bySeries = new Map<number, Map<number, Bucket>>();
  for (let i = 0; i < fresh.s.length; i++) {
    const series = fresh.s[i]!;
    const ts = fresh.t[i]!;
    const value = fresh.v[i]!;
    const b = ts - (((ts % size) + size) % size);
    let buckets = bySeries.get(series);
    if (!buckets) {
      buckets = new Map();
      bySeries.set(series, buckets);
    }
    const bucket = buckets.get(b);
    if (!bucket) buckets.set(b, { s: series, b, c: 1, sum: value, min: value, max: value, lt: ts, l: value });
    else {
      bucket.c += 1;
      bucket.sum += value;
      if (value < bucket.min) bucket.min = value;
      if (value > bucket.max) bucket.max = value;
      if (ts >= bucket.lt) {
        bucket.lt = ts;
        bucket.l = value;
      }
    }
  }
  // One lock order for every writer (several nodes upsert the same buckets).
  const out: Bucket[] = [];
  for (const buckets of bySeries.values()) out.push(...buckets.values());
  return out.sort((x, y) => x.s - y.s || x.b - y.b);
}

async function upsertRollup(
  tx: Executor,
  table: 'sensing_rollup_1m' | 'sensing_rollup_1h',
  buckets: Bucket[],
) {
  if (!buckets.length) return;
  const col = <K extends keyof Bucket>(k: K) => sql.param(buckets.map((b) => b[k]));
  await tx.execute(sql`
    insert into ${sql.identifier(table)} as r (series_id, bucket, count, sum, min, max, last_ts, last)
    select s, to_timestamp(b / 1000.0), c, su, mi, ma, to_timestamp(lt / 1000.0), l
      from unnest(${col('s')}::int[], ${col('b')}::float8[], ${col('c')}::int[], ${col('sum')}::float8[],
                  ${col('min')}::float8[], ${col('max')}::float8[], ${col('lt')}::float8[], ${col('l')}::float8[])
        as u(s, b, c, su, mi, ma, lt, l)
    on conflict (series_id, bucket) do update set
      count = r.count + excluded.count,
      sum = r.sum + excluded.sum,
      min = least(r.min, excluded.min),
      max = greatest(r.max, excluded.max),
      last = case when excluded.last_ts >= r.last_ts then excluded.last else r.last end,
      last_ts = greatest(r.last_ts, excluded.last_ts)`);
}

/**
 * Stores readings with group commit: submissions arriving together share one transaction, and each
 * caller's promise resolves only after that transaction has committed (acknowledge after store).
 * Repeated readings are ignored by the primary key; late and out-of-order ones are stored like any
 * other. The 1-minute and 1-hour rollups and each series' latest value move in the same
 * transaction, counting only the readings that were new.
 */
export function createWriter(kernel: Kernel, registry: Registry, options: WriterOptions = {}) {
  const maxBatch = options.maxBatch ?? 20_000;
  // PostgreSQL commits one flush while the next is written; PGlite has one connection anyway.
  const maxFlushes = options.maxFlushes ?? (kernel.database.dialect === 'postgres' ? 2 : 1);
  const queue: Pending[] = [];
  let queued = 0;
  const flushing = new Set<Promise<void>>();
  let scheduled = false;
  const lastSeenWritten = new Map<string, number>();
  // Committed readings reach the rules in the order their flushes began, whatever order the commits
  // finish in: a device's later reading must not overtake an earlier one.
  let delivery: Promise<unknown> = Promise.resolve();

  function write(device: DeviceInfo, readings: IncomingReading[]): Promise<WriteResult> {
    if (!readings.length) return Promise.resolve({ stored: 0, duplicates: 0 });
    return new Promise<WriteResult>((resolve, reject) => {
      queue.push({ device, readings, resolve, reject });
      queued += readings.length;
      kick();
    });
  }

  function start() {
    const run: Promise<void> = flush().finally(() => {
      flushing.delete(run);
      if (queue.length) kick();
    });
    flushing.add(run);
  }

  function kick() {
    if (flushing.size >= maxFlushes || !queue.length) return;
    // While one flush commits, a second starts once enough has gathered to be worth a commit.
    if (queued >= maxBatch || (flushing.size > 0 && queued >= maxBatch / 8)) {
      start();
      return;
    }
    if (flushing.size > 0) return;
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (flushing.size < maxFlushes && queue.length) start();
    });
  }

  async function flush(): Promise<void> {
    const batch: Pending[] = [];
    let size = 0;
    while (queue.length && (size < maxBatch || !batch.length)) {
      const next = queue.shift()!;
      batch.push(next);
      size += next.readings.length;
    }
    queued -= size;
    const committed = commit(batch);
    delivery = delivery.then(() =>
      committed.then(
        ({ stored }) => {
          if (stored.length) options.onStored?.(stored);
        },
        () => {},
      ),
    );
    try {
      const { results } = await committed;
      for (const [i, p] of batch.entries()) p.resolve(results[i]!);
    } catch (error) {
      for (const p of batch) p.reject(error as Error);
    }
  }

  async function commit(batch: Pending[]): Promise<{ results: WriteResult[]; stored: StoredReading[] }> {
    const ids = await registry.seriesForBatch(batch);
    const seriesInfo = new Map<number, { deviceId: string; stationId: string; metric: string }>();
    const total = batch.reduce((n, p) => n + p.readings.length, 0);
    const s = new Array<number>(total);
    const t = new Array<number>(total);
    const v = new Array<number>(total);
    const owner = new Array<number>(total);
    let k = 0;
    for (const [o, p] of batch.entries()) {
      for (const r of p.readings) {
        const id = ids[k]!;
        if (!seriesInfo.has(id))
          seriesInfo.set(id, { deviceId: p.device.id, stationId: p.device.stationId, metric: r.metric });
        s[k] = id;
        t[k] = r.ts;
        v[k] = r.value;
        owner[k] = o;
        k++;
      }
    }
    const now = Date.now();
    const seen = [...new Set(batch.map((p) => p.device.id))].filter(
      (id) => now - (lastSeenWritten.get(id) ?? 0) >= LAST_SEEN_EVERY_MS,
    );

    const insert = (returning: boolean) =>
      sql`insert into sensing_reading (series_id, ts, value)
          select s, to_timestamp(t / 1000.0), v
            from unnest(${sql.param(s)}::int[], ${sql.param(t)}::float8[], ${sql.param(v)}::float8[]) as u(s, t, v)
          on conflict do nothing
          ${returning ? sql`returning series_id, (extract(epoch from ts) * 1000)::float8 as t, value` : sql``}`;
    // Per submission, how many of its readings were new (all of them, unless the batch had repeats).
    const counts = batch.map((p) => p.readings.length);
    const inserted = await kernel.db.transaction(async (tx) => {
      // Almost every batch is all new: insert without sending the rows back, and only when the row
      // count says some were repeats, undo that and insert again learning which were new.
      let fresh: Fresh;
      try {
        fresh = await tx.transaction(async (sp) => {
          const result = (await sp.execute(insert(false))) as {
            affectedRows?: number;
            rowCount?: number | null;
          };
          if ((result.affectedRows ?? result.rowCount) !== total) throw new HadRepeats();
          return { s, t, v };
        });
      } catch (error) {
        if (!(error instanceof HadRepeats)) throw error;
        const stored = await rows<{ series_id: number; t: number; value: number }>(tx, insert(true));
        fresh = { s: [], t: [], v: [] };
        for (const r of stored) {
          fresh.s.push(r.series_id);
          fresh.t.push(Math.round(r.t));
          fresh.v.push(r.value);
        }
        // Credit each new reading to the first submission that sent it.
        const ownerOf = new Map<string, number>();
        for (let i = total - 1; i >= 0; i--) ownerOf.set(`${s[i]}:${t[i]}`, owner[i]!);
        counts.fill(0);
        for (let i = 0; i < fresh.s.length; i++) counts[ownerOf.get(`${fresh.s[i]}:${fresh.t[i]}`)!]! += 1;
      }
      await upsertRollup(tx, 'sensing_rollup_1m', rollup(fresh, MINUTE));
      await upsertRollup(tx, 'sensing_rollup_1h', rollup(fresh, HOUR));
      const latest = new Map<number, { ts: number; value: number }>();
      for (let i = 0; i < fresh.s.length; i++) {
        const cur = latest.get(fresh.s[i]!);
        if (!cur || fresh.t[i]! > cur.ts) latest.set(fresh.s[i]!, { ts: fresh.t[i]!, value: fresh.v[i]! });
      }
      if (latest.size) {
        const order = [...latest.keys()].sort((a, b) => a - b);
        await tx.execute(sql`
          update sensing_series as x set last_ts = to_timestamp(u.t / 1000.0), last_value = u.v
            from unnest(${sql.param(order)}::int[], ${sql.param(order.map((id) => latest.get(id)!.ts))}::float8[],
                        ${sql.param(order.map((id) => latest.get(id)!.value))}::float8[]) as u(id, t, v)
           where x.id = u.id and (x.last_ts is null or x.last_ts < to_timestamp(u.t / 1000.0))`);
      }
      if (seen.length)
        await tx.execute(sql`update sensing_device set last_seen_at = to_timestamp(${now} / 1000.0)
                              where id = any(${sql.param(seen.sort())}::uuid[])`);
      return fresh;
    });
    for (const id of seen) lastSeenWritten.set(id, now);

    const stored: StoredReading[] = new Array(options.onStored ? inserted.s.length : 0);
    for (let i = 0; i < stored.length; i++) {
      const info = seriesInfo.get(inserted.s[i]!)!;
      stored[i] = {
        seriesId: inserted.s[i]!,
        deviceId: info.deviceId,
        stationId: info.stationId,
        metric: info.metric,
        ts: inserted.t[i]!,
        value: inserted.v[i]!,
      };
    }
    return {
      results: batch.map((p, i) => ({ stored: counts[i]!, duplicates: p.readings.length - counts[i]! })),
      stored,
    };
  }

  /** Waits until everything submitted so far is committed and handed to the rules (shutdown, tests). */
  async function drain() {
    while (flushing.size || queue.length) {
      if (!flushing.size && queue.length) kick();
      await (flushing.size ? Promise.race(flushing) : new Promise((r) => setImmediate(r)));
    }
    await delivery;
  }

  return { write, drain };
}

export type Writer = ReturnType<typeof createWriter>;
