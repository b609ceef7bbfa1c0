import { createHash } from 'node:crypto';
import { canonicalJson } from '@zhizhi/kernel/audit';
import type { Clock } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { newId } from '@zhizhi/kernel/ids';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { dataAccessLog, dataGrantUsage } from './schema';

export const GENESIS = '0'.repeat(64);
/** Serialises chain appends across processes sharing one PostgreSQL. */
const ACCESS_LOG_LOCK = 727_203;
/** At most this many entries per flush (one multi-row insert). */
const MAX_BATCH = 1000;
/** How long a flush waits for calls still in progress. */
const MAX_WAIT_MS = 2;

/** One metered call, as the gateway reports it. Never values: item codes and counts only. */
export interface AccessEntry {
  consumerDepartmentId: string | null;
  grantId: string | null;
  resourceId: string | null;
  items: string[];
  rowsReturned: number;
  latencyMs: number;
  matterCode: string | null;
  accessor: string | null;
  status: number;
  code: string | null;
}

type HashedEntry = AccessEntry & { id: string; at: Date };

/** SHA-256 over the previous hash and the canonical JSON of the entry. */
export function accessEntryHash(prevHash: string, entry: HashedEntry): string {
  const fields = {
    id: entry.id,
    at: entry.at,
    consumerDepartmentId: entry.consumerDepartmentId,
    grantId: entry.grantId,
    resourceId: entry.resourceId,
    items: entry.items,
    rowsReturned: entry.rowsReturned,
    latencyMs: entry.latencyMs,
    matterCode: entry.matterCode,
    accessor: entry.accessor,
    status: entry.status,
    code: entry.code,
  };
  return createHash('sha256')
    .update(prevHash + canonicalJson(fields))
    .digest('hex');
}

/** The Beijing calendar day of an instant (quotas and statistics count by it). */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

interface Waiting {
  entry: HashedEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface AccessMeterDeps {
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
}

/**
 * Group-commit metering (ADR 0010): each call enqueues its entry and awaits the next flush;
 * one flush writes every waiting entry in one multi-row insert, chained in order under an
 * advisory lock, and adds the day's usage counters in the same transaction. A call is answered
 * only after its entry has committed, so no acknowledged call is unlogged.
 */
export function createAccessMeter(deps: AccessMeterDeps) {
  let queue: Waiting[] = [];
  let flushing: Promise<void> | null = null;
  let flushes = 0;

  async function writeBatch(batch: Waiting[]) {
    await deps.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ACCESS_LOG_LOCK})`);
      const [head] = await tx
        .select({ hash: dataAccessLog.hash })
        .from(dataAccessLog)
        .orderBy(desc(dataAccessLog.seq))
        .limit(1);
      let prevHash = head?.hash ?? GENESIS;
      const rows = batch.map(({ entry }) => {
        const hash = accessEntryHash(prevHash, entry);
        const row = { ...entry, prevHash, hash };
        prevHash = hash;
        return row;
      });
      const usage = new Map<
        string,
        { grantId: string; day: string; calls: number; rows: number; denied: number }
      >();
      for (const { entry } of batch) {
        if (!entry.grantId) continue;
        const day = beijingDay(entry.at);
        const key = `${entry.grantId}|${day}`;
        const u = usage.get(key) ?? { grantId: entry.grantId, day, calls: 0, rows: 0, denied: 0 };
        if (entry.status < 300) {
          u.calls++;
          u.rows += entry.rowsReturned;
        } else u.denied++;
        usage.set(key, u);
      }
      const insertLog = tx.insert(dataAccessLog).values(rows);
      if (!usage.size) {
        await insertLog;
        return;
      }
      const addUsage = tx
        .insert(dataGrantUsage)
        .values([...usage.values()])
        .onConflictDoUpdate({
          target: [dataGrantUsage.grantId, dataGrantUsage.day],
          set: {
            calls: sql`${dataGrantUsage.calls} + excluded.calls`,
            rows: sql`${dataGrantUsage.rows} + excluded.rows`,
            denied: sql`${dataGrantUsage.denied} + excluded.denied`,
          },
        });
      // One statement (a data-modifying CTE): the log rows and the day's counters, one round trip.
      await tx.execute(sql`with logged as (${insertLog.getSQL()}) ${addUsage.getSQL()}`);
    });
  }

  async function drain() {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      flushes++;
      try {
        await writeBatch(batch);
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  }

  // Calls begun and not yet enqueued: while some are still working, a flush waits for them, up to
  // MAX_WAIT_MS, so one commit serves as many calls as possible (group commit, ADR 0010).
  let active = 0;
  let timer: NodeJS.Timeout | null = null;

  function start() {
    if (timer) clearTimeout(timer);
    timer = null;
    flushing = drain().finally(() => {
      flushing = null;
      if (queue.length) kick();
    });
  }

  function kick() {
    if (flushing || timer) return;
    if (active > 0) timer = setTimeout(start, MAX_WAIT_MS);
    // Otherwise wait one turn of the event loop so the calls arriving together share the flush.
    else timer = setTimeout(start, 0);
  }

  /** A call has begun; it will `record` exactly once. */
  function begin() {
    active++;
  }

  /** Enqueues one entry; resolves when it has committed (rejects when its flush failed). */
  function record(entry: AccessEntry): Promise<void> {
    active = Math.max(0, active - 1);
    return new Promise<void>((resolve, reject) => {
      queue.push({ entry: { ...entry, id: newId(), at: deps.clock.now() }, resolve, reject });
      if (active === 0 && timer && !flushing) start();
      else kick();
    });
  }

  /** Resolves once everything queued so far is written (shutdown, tests). */
  async function idle() {
    while (flushing || timer || queue.length) await (flushing ?? new Promise((r) => setTimeout(r, 1)));
  }

  return { begin, record, idle, stats: () => ({ flushes, waiting: queue.length }) };
}

export type AccessMeter = ReturnType<typeof createAccessMeter>;

/** A broken entry of the access log. */
export interface AccessLogProblem {
  seq: number;
  id: string;
  kind: 'edited' | 'broken_link';
}

/**
 * Walks the access log in order, recomputing every hash (edited entries) and checking every link
 * (deleted or inserted entries); names each broken entry by seq and id.
 */
export async function verifyAccessLog(db: Executor) {
  const problems: AccessLogProblem[] = [];
  let prevHash = GENESIS;
  let prevSeq = 0;
  let checked = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(dataAccessLog)
      .where(gt(dataAccessLog.seq, prevSeq))
      .orderBy(asc(dataAccessLog.seq))
      .limit(5000);
    for (const row of batch) {
      if (accessEntryHash(row.prevHash, row) !== row.hash)
        problems.push({ seq: row.seq, id: row.id, kind: 'edited' });
      if (row.prevHash !== prevHash) problems.push({ seq: row.seq, id: row.id, kind: 'broken_link' });
      prevHash = row.hash;
      prevSeq = row.seq;
      checked++;
    }
    if (batch.length < 5000) break;
  }
  return { ok: problems.length === 0, checked, problems: problems.slice(0, 100) };
}
