import { createHmac, randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { ConflictError } from '../errors';
import { kernelCodeKey } from './schema';
import { MAX_KID } from './token';

/** Serialises key rotations across nodes. */
const KEY_ROTATION_LOCK = 727_010;
/** How long an absent key id is remembered, so forged tokens cannot make every request query. */
const MISSING_TTL_MS = 5_000;

export interface SigningKey {
  kid: number;
  key: Buffer;
}

/**
 * Signing keys, kept in `kernel_code_key`. Only keys read outside a transaction are cached: a key
 * created inside a caller's transaction may still roll back.
 */
export function createKeyStore(deps: { db: Db; clock: Clock; secret?: string }) {
  const { db, clock } = deps;
  if (deps.secret !== undefined && deps.secret.length < 32)
    throw new Error('The codes secret must be at least 32 characters.');
  const cache = new Map<number, Buffer>();
  const missingUntil = new Map<number, number>();

  function material(row: { id: number; secret: string | null }): Buffer {
    if (row.secret) return Buffer.from(row.secret, 'base64url');
    if (!deps.secret)
      throw new Error(
        `Code signing key ${row.id} is derived from a configured secret, but none is configured.`,
      );
    return createHmac('sha256', deps.secret).update(`zhizhi.codes.key:${row.id}`).digest();
  }

  function newRow(id: number) {
    // With a configured secret the key is derived from it, so nothing secret is stored.
    return { id, secret: deps.secret ? null : randomBytes(32).toString('base64url'), createdAt: clock.now() };
  }

  async function newest(executor: Executor) {
    const [row] = await executor.select().from(kernelCodeKey).orderBy(desc(kernelCodeKey.id)).limit(1);
    return row;
  }

  /** The key new tokens are signed with; the first one is created on first use. */
  async function current(executor: Executor): Promise<SigningKey> {
    let row = await newest(executor);
    if (!row) {
      await executor.insert(kernelCodeKey).values(newRow(0)).onConflictDoNothing();
      row = await newest(executor);
    }
    return { kid: row.id, key: material(row) };
  }

  /**
   * Key `kid`, or null when there is none. With a transaction the read goes through it (on PGlite
   * any other query would wait for it); otherwise through the pool, and the key is cached.
   */
  async function byId(kid: number, tx?: Executor): Promise<Buffer | null> {
    const cached = cache.get(kid);
    if (cached) return cached;
    if (!tx && (missingUntil.get(kid) ?? 0) > Date.now()) return null;
    const [row] = await (tx ?? db).select().from(kernelCodeKey).where(eq(kernelCodeKey.id, kid));
    if (!row) {
      if (!tx) missingUntil.set(kid, Date.now() + MISSING_TTL_MS);
      return null;
    }
    const key = material(row);
    if (!tx) {
      cache.set(kid, key);
      missingUntil.delete(kid);
    }
    return key;
  }

  /** Makes a new key current inside `tx`; returns its id. Older keys keep verifying. */
  async function rotate(tx: Executor): Promise<number> {
    await tx.execute(sql`select pg_advisory_xact_lock(${KEY_ROTATION_LOCK})`);
    const { kid } = await current(tx);
    if (kid >= MAX_KID)
      throw new ConflictError('codes.key.exhausted', `All ${MAX_KID + 1} signing key ids are used.`);
    await tx.insert(kernelCodeKey).values(newRow(kid + 1));
    missingUntil.delete(kid + 1);
    return kid + 1;
  }

  return { current, byId, rotate };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
