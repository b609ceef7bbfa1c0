import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import {
  type Actor,
  definePermissions,
  requireAuthenticated,
  requirePermission,
  systemActor,
} from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { ConflictError, InputError, NotFoundError } from '../errors';
import { isUuid, newId } from '../ids';
import { createKeyStore } from './keys';
import { qrPngDataUrl, qrSvg } from './qr';
import { kernelCode } from './schema';
import { formatToken, parseToken, signatureMatches } from './token';

definePermissions([
  { code: 'codes.manage', nameZh: '管理二维码签名密钥', nameEn: 'Manage QR code signing keys' },
]);

/** Most codes one `issueMany` call takes (5 bound parameters each, well under PostgreSQL's 65,535). */
export const MAX_BATCH = 5_000;
const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export interface IssuedCode {
  id: string;
  kind: string;
  entityId: string;
  serial: number;
  /** What the QR code carries (see `url`). */
  token: string;
  issuedAt: Date;
  createdBy: string | null;
}

export interface ResolvedCode {
  id: string;
  kind: string;
  entityId: string;
  issuedAt: Date;
}

export interface RevokedCode {
  id: string;
  kind: string;
  entityId: string;
  revokedAt: Date;
}

/** Why a token failed the offline check: not shaped like a token, unknown key, or wrong signature. */
export type VerifyFailure = 'format' | 'key' | 'signature';
export type VerifyResult =
  | { ok: true; token: string; kid: number; serial: number }
  | { ok: false; reason: VerifyFailure };

export interface CodeServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  /** Derive signing keys from this (≥ 32 characters) instead of storing random ones. */
  secret?: string;
}

type CodeRow = typeof kernelCode.$inferSelect;

function checkKind(kind: string) {
  if (kind.length > 64 || !KIND.test(kind))
    throw new InputError('codes.kind.invalid', 'A code kind is dotted lower case, e.g. places.doorplate.', {
      kind,
    });
}

function checkEntityIds(entityIds: readonly string[]) {
  for (const id of entityIds)
    if (typeof id !== 'string' || id.length === 0 || id.length > 200)
      throw new InputError('codes.entity_id.invalid', 'Every entity id must be 1–200 characters.');
}

/** Serials as [first, last] runs: a batch's audit entry stays small. */
function serialRuns(serials: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const s of [...serials].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && s === last[1] + 1) last[1] = s;
    else runs.push([s, s]);
  }
  return runs;
}

/** 一码通服: signed QR codes bound to any entity. Issue and revoke run in the caller's transaction. */
export function createCodeService(deps: CodeServiceDeps) {
  const { db, clock } = deps;
  const keys = createKeyStore({ db, clock, secret: deps.secret });

  const invalid = () => new InputError('codes.code.invalid', 'This code is not valid.');

  async function present(rows: CodeRow[], tx?: Executor): Promise<IssuedCode[]> {
    const keyById = new Map<number, Buffer>();
    for (const kid of new Set(rows.map((r) => r.keyId))) {
      const key = await keys.byId(kid, tx);
      if (!key) throw new Error(`Code signing key ${kid} is missing.`);
      keyById.set(kid, key);
    }
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      entityId: r.entityId,
      serial: r.serial,
      token: formatToken(keyById.get(r.keyId)!, r.keyId, r.serial),
      issuedAt: r.createdAt,
      createdBy: r.createdBy,
    }));
  }

  function activeRows(executor: Executor, kind: string, entityIds: string[]) {
    return executor
      .select()
      .from(kernelCode)
      .where(
        and(eq(kernelCode.kind, kind), inArray(kernelCode.entityId, entityIds), isNull(kernelCode.revokedAt)),
      );
  }

  /** The active code of each entity, creating the missing ones with a single insert. */
  async function ensureActive(tx: Executor, kind: string, entityIds: readonly string[], actor: Actor) {
    const unique = [...new Set(entityIds)];
    const byEntity = new Map<string, CodeRow>();
    for (const row of await activeRows(tx, kind, unique)) byEntity.set(row.entityId, row);
    const missing = unique.filter((id) => !byEntity.has(id));
    const created: CodeRow[] = [];
    if (missing.length > 0) {
      const { kid } = await keys.current(tx);
      const now = clock.now();
      const inserted = await tx
        .insert(kernelCode)
        .values(
          missing.map((entityId) => ({
            id: newId(),
            kind,
            entityId,
            keyId: kid,
            createdAt: now,
            createdBy: actor.id,
          })),
        )
        // Another transaction issuing the same code concurrently wins; we then read its row.
        .onConflictDoNothing({
          target: [kernelCode.kind, kernelCode.entityId],
          where: sql`revoked_at is null`,
        })
        .returning();
      for (const row of inserted) {
        byEntity.set(row.entityId, row);
        created.push(row);
      }
      const raced = missing.filter((id) => !byEntity.has(id));
      if (raced.length > 0)
        for (const row of await activeRows(tx, kind, raced)) byEntity.set(row.entityId, row);
      if (byEntity.size < unique.length)
        throw new ConflictError(
          'codes.code.busy',
          'The code was changed at the same time; please try again.',
        );
    }
    return { byEntity, created };
  }

  /** The entity's active code, issuing one if it has none (idempotent). */
  async function issue(
    tx: Executor,
    input: { kind: string; entityId: string; actor: Actor },
  ): Promise<IssuedCode> {
    requireAuthenticated(input.actor);
    checkKind(input.kind);
    checkEntityIds([input.entityId]);
    const { byEntity, created } = await ensureActive(tx, input.kind, [input.entityId], input.actor);
    const row = byEntity.get(input.entityId)!;
    if (created.length > 0)
      await recordAudit(tx, clock, {
        actor: input.actor,
        action: 'codes.code.issued',
        subjectType: 'code',
        subjectId: row.id,
        data: { kind: row.kind, serial: row.serial },
      });
    return (await present([row], tx))[0];
  }

  /** Active codes for many entities (a print run), in the order given; one audit entry for the new ones. */
  async function issueMany(
    tx: Executor,
    kind: string,
    entityIds: readonly string[],
    actor: Actor,
  ): Promise<IssuedCode[]> {
    requireAuthenticated(actor);
    checkKind(kind);
    if (entityIds.length > MAX_BATCH)
      throw new InputError('codes.batch_too_large', `At most ${MAX_BATCH} codes at a time.`, {
        max: MAX_BATCH,
      });
    checkEntityIds(entityIds);
    if (entityIds.length === 0) return [];
    const { byEntity, created } = await ensureActive(tx, kind, entityIds, actor);
    if (created.length > 0)
      await recordAudit(tx, clock, {
        actor,
        action: 'codes.code.batch_issued',
        subjectType: 'code',
        data: { kind, count: created.length, serials: serialRuns(created.map((r) => r.serial)) },
      });
    const presented = new Map((await present([...byEntity.values()], tx)).map((c) => [c.entityId, c]));
    return entityIds.map((id) => presented.get(id)!);
  }

  /** The entity's active code, or null. Pass the transaction when inside one. */
  async function get(kind: string, entityId: string, executor?: Executor): Promise<IssuedCode | null> {
    const [row] = await activeRows(executor ?? db, kind, [entityId]);
    return row ? (await present([row], executor))[0] : null;
  }

  async function verifyWith(input: unknown, tx?: Executor): Promise<VerifyResult> {
    const parsed = parseToken(input);
    if (!parsed) return { ok: false, reason: 'format' };
    const key = await keys.byId(parsed.kid, tx);
    if (!key) return { ok: false, reason: 'key' };
    if (!signatureMatches(key, parsed)) return { ok: false, reason: 'signature' };
    return { ok: true, token: parsed.token, kid: parsed.kid, serial: parsed.serial };
  }

  /** Offline check: shape and signature only, no code lookup. Never throws for bad input. */
  function verify(token: unknown): Promise<VerifyResult> {
    return verifyWith(token);
  }

  /** What a scanned token stands for. Bad tokens all fail alike (`codes.code.invalid`). */
  async function resolve(token: string): Promise<ResolvedCode> {
    const checked = await verify(token);
    if (!checked.ok) throw invalid();
    const [row] = await db.select().from(kernelCode).where(eq(kernelCode.serial, checked.serial));
    if (!row) throw new NotFoundError('codes.code.not_found', 'No such code.');
    if (row.revokedAt)
      throw new NotFoundError('codes.code.revoked', 'This code has been revoked.', {
        revokedAt: row.revokedAt.toISOString(),
      });
    return { id: row.id, kind: row.kind, entityId: row.entityId, issuedAt: row.createdAt };
  }

  /** Revokes a code by token or id; the entity may then be issued a new one. */
  async function revoke(tx: Executor, tokenOrId: string, reason: string, actor: Actor): Promise<RevokedCode> {
    requireAuthenticated(actor);
    const why = reason.trim();
    if (!why || why.length > 500)
      throw new InputError('codes.reason.invalid', 'Give a reason for revoking (at most 500 characters).');
    let where: SQL;
    if (isUuid(tokenOrId)) where = eq(kernelCode.id, tokenOrId);
    else {
      const checked = await verifyWith(tokenOrId, tx);
      if (!checked.ok) throw invalid();
      where = eq(kernelCode.serial, checked.serial);
    }
    const [row] = await tx.select().from(kernelCode).where(where);
    if (!row) throw new NotFoundError('codes.code.not_found', 'No such code.');
    const now = clock.now();
    const [revoked] = await tx
      .update(kernelCode)
      .set({ revokedAt: now, revokedBy: actor.id, revokedReason: why })
      .where(and(eq(kernelCode.id, row.id), isNull(kernelCode.revokedAt)))
      .returning({ id: kernelCode.id });
    if (!revoked) throw new ConflictError('codes.code.revoked', 'This code is already revoked.');
    // The reason stays on the row only: free text may name people.
    await recordAudit(tx, clock, {
      actor,
      action: 'codes.code.revoked',
      subjectType: 'code',
      subjectId: row.id,
      data: { kind: row.kind, serial: row.serial },
    });
    return { id: row.id, kind: row.kind, entityId: row.entityId, revokedAt: now };
  }

  /** Makes a new signing key current (codes.manage). Existing codes keep their tokens; all keys still verify. */
  async function rotateKey(actor: Actor = systemActor): Promise<{ kid: number }> {
    requirePermission(actor, 'codes.manage');
    return deps.transaction(async (tx) => {
      const kid = await keys.rotate(tx);
      await recordAudit(tx, clock, {
        actor,
        action: 'codes.key.rotated',
        subjectType: 'code_key',
        subjectId: String(kid),
      });
      return { kid };
    });
  }

  /** The public link a QR code carries; the server mounts the resolver at `/c/:token`. */
  function url(token: string, baseUrl: string): string {
    return `${baseUrl.replace(/\/+$/, '')}/c/${token}`;
  }

  return { issue, issueMany, get, verify, resolve, revoke, rotateKey, url, qrSvg, qrPngDataUrl };
}

export type CodeService = ReturnType<typeof createCodeService>;
