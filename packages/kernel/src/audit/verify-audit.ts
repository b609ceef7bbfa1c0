import { and, asc, eq, gt } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import { entryHash, GENESIS_HASH, merkleRoot } from './hash';
import { auditDailyRoot, auditEntry } from './schema';

export type AuditProblemKind = 'edited' | 'deleted' | 'reordered' | 'broken_link' | 'truncated';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  problems: AuditProblem[];
  verifiedAt: string;
}

const BATCH = 2000;
const MAX_PROBLEMS = 100;

/**
 * Walks the whole chain: recomputes every hash (edits), checks every link (deletions,
 * reordering), then checks sealed daily roots (deletions at the tail).
 */
export async function verifyAudit(db: Executor, clock: Clock): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  let headSeq: number | null = null;
  const add = (p: AuditProblem) => problems.length < MAX_PROBLEMS && problems.push(p);
  for (;;) {
    const batch = await db
      .select()
      .from(auditEntry)
      .where(gt(auditEntry.seq, prevSeq))
      .orderBy(asc(auditEntry.seq))
      .limit(BATCH);
    for (const row of batch) {
      const { seq: _seq, prevHash: _prev, hash: _hash, ...fields } = row;
      const recomputed = entryHash(row.prevHash, fields);
      if (recomputed !== row.hash) {
        add({
          seq: row.seq,
          kind: 'edited',
          message: `Entry ${row.seq} (${row.action}) was changed after it was written.`,
        });
      }
      if (row.prevHash !== prevHash) add(await describeBrokenLink(db, row.seq, row.prevHash, prevSeq));
      prevHash = row.hash;
      prevSeq = row.seq;
      headSeq = row.seq;
      checked++;
    }
    if (batch.length < BATCH) break;
  }
  for (const p of await verifySealedDays(db, headSeq)) add(p);
  return {
    ok: problems.length === 0,
    checked,
    headSeq,
    headHash: headSeq === null ? null : prevHash,
    problems,
    verifiedAt: clock.now().toISOString(),
  };
}

async function describeBrokenLink(db: Executor, seq: number, linkedHash: string, prevSeq: number) {
  const [linked] = await db
    .select({ seq: auditEntry.seq })
    .from(auditEntry)
    .where(eq(auditEntry.hash, linkedHash))
    .limit(1);
  if (linked && linked.seq > seq) {
    return {
      seq,
      kind: 'reordered' as const,
      message: `Entry ${seq} points back to entry ${linked.seq}, which now stands after it: entries were reordered.`,
    };
  }
  if (!linked && linkedHash !== GENESIS_HASH) {
    return {
      seq,
      kind: 'deleted' as const,
      message: `The entry before ${seq} is missing (after ${prevSeq || 'the start'}): an entry was deleted.`,
    };
  }
  return {
    seq,
    kind: 'broken_link' as const,
    message: `Entry ${seq} does not link to the entry before it (${prevSeq || 'the start'}).`,
  };
}

async function verifySealedDays(db: Executor, headSeq: number | null): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  const days = await db.select().from(auditDailyRoot).orderBy(asc(auditDailyRoot.day));
  for (const day of days) {
    if (headSeq === null || day.lastSeq > headSeq) {
      problems.push({
        seq: day.lastSeq,
        kind: 'truncated',
        message: `Entries up to ${day.lastSeq}, sealed on ${day.day}, are gone: the log was cut short.`,
      });
      continue;
    }
    const hashes = await db
      .select({ hash: auditEntry.hash })
      .from(auditEntry)
      .where(and(gt(auditEntry.seq, day.firstSeq - 1)))
      .orderBy(asc(auditEntry.seq))
      .limit(day.count);
    const inRange = hashes.length === day.count ? merkleRoot(hashes.map((h) => h.hash)) : null;
    if (inRange !== day.root) {
      problems.push({
        seq: day.firstSeq,
        kind: 'edited',
        message: `The entries sealed for ${day.day} (${day.firstSeq}–${day.lastSeq}) no longer match their sealed root.`,
      });
    }
  }
  return problems;
}
