import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import { newId } from '../ids';
import { entryHash, GENESIS_HASH } from './hash';
import { auditEntry } from './schema';

/** One state change to record. */
export interface AuditRecord {
  actor: Actor;
  /** Dotted action, e.g. `org.department.updated`. */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** The matter or request this served. */
  purpose?: string | null;
  /** What changed. Mask personal data before passing it. */
  data?: Record<string, unknown>;
}

/** Serialises appends so each entry links to the true previous head, on every node. */
const AUDIT_CHAIN_LOCK = 727_002;

/**
 * Appends an entry to the hash chain inside the caller's transaction: the entry exists
 * exactly when the change it describes commits.
 */
export async function recordAudit(tx: Executor, clock: Clock, record: AuditRecord) {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [head] = await tx
    .select({ hash: auditEntry.hash })
    .from(auditEntry)
    .orderBy(desc(auditEntry.seq))
    .limit(1);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const fields = {
    id: newId(),
    at: clock.now(),
    actorType: record.actor.type,
    actorId: record.actor.id,
    actorName: record.actor.name,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId ?? null,
    purpose: record.purpose ?? null,
    // Through JSON once, so what is hashed is exactly what jsonb gives back.
    data: JSON.parse(JSON.stringify(record.data ?? {})) as Record<string, unknown>,
  };
  const hash = entryHash(prevHash, fields);
  const [row] = await tx
    .insert(auditEntry)
    .values({ ...fields, prevHash, hash })
    .returning({ seq: auditEntry.seq });
  return { seq: row.seq, id: fields.id, hash };
}
