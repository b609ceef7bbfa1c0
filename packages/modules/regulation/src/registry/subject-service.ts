import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { and, asc, count, desc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import { regulationRatingCurrent, regulationSubject, regulationSubjectHistory } from '../schema';
import { parseMarketSubject } from '../subjects/subject';

export type SubjectRow = typeof regulationSubject.$inferSelect;

/** Where a subject is and who supervises it, beside the registration itself. */
const placementSchema = z.object({
  divisionCode: z.string().regex(/^\d{12}$/, 'a 12-digit division code'),
  departmentCode: z.string().trim().min(1).max(32),
  lng: z.number().min(73).max(136).nullable().optional(),
  lat: z.number().min(3).max(54).nullable().optional(),
});

/** Matches a registered address to the standard address library (places), when it is wired. */
export type AddressMatcher = (
  address: string,
) => Promise<{ addressId: string; lng: number | null; lat: number | null } | null>;

export interface SubjectSearch {
  q?: string;
  kind?: string;
  divisionCode?: string;
  creditClass?: string;
  departmentCode?: string;
  limit?: number;
  offset?: number;
}

const TRACKED = [
  'name',
  'kind',
  'legalRepresentative',
  'address',
  'industryCode',
  'licences',
  'status',
  'divisionCode',
  'departmentCode',
] as const;

function placement(input: unknown) {
  const parsed = placementSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new InputError('regulation.subject.invalid_input', 'The market subject is invalid.', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return parsed.data;
}

/**
 * The market-subject registry (市场主体名录): registration keyed by 统一社会信用代码 (a wrong check
 * character is an overridable warning), changes with a status history, search.
 */
export function createSubjectRegistry(
  kernel: Kernel,
  deps: { matchAddress?: AddressMatcher; onChanged?: (tx: Executor, subjectId: string) => Promise<void> },
) {
  const { db, clock } = kernel;

  async function register(
    actor: Actor,
    input: Record<string, unknown>,
    options: { acceptCheckWarning?: boolean } = {},
    executor?: Executor,
  ): Promise<SubjectRow> {
    requirePermission(actor, P.manageSubjects, { divisionCode: String(input.divisionCode ?? '') });
    const subject = parseMarketSubject(input, options);
    const place = placement(input);
    // Matching reads the address library on its own connection: not inside a caller's transaction
    // (PGlite has one connection), so registrations in bulk inside one are left unmatched.
    const matched =
      deps.matchAddress && !executor ? await deps.matchAddress(subject.address).catch(() => null) : null;
    const now = clock.now();
    const row: SubjectRow = {
      id: newId(),
      uscc: subject.uscc,
      name: subject.name,
      kind: subject.kind,
      legalRepresentative: subject.legalRepresentative,
      address: subject.address,
      addressId: matched?.addressId ?? null,
      divisionCode: place.divisionCode,
      departmentCode: place.departmentCode,
      lng: place.lng ?? matched?.lng ?? null,
      lat: place.lat ?? matched?.lat ?? null,
      industryCode: subject.industryCode,
      licences: subject.licences,
      status: subject.status,
      checkOverridden: subject.checkOverridden,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const work = async (tx: Executor) => {
      const inserted = await tx.insert(regulationSubject).values(row).onConflictDoNothing().returning();
      if (!inserted.length)
        throw new ConflictError(
          'regulation.subject.exists',
          'A subject with this credit code is registered.',
        );
      await tx.insert(regulationSubjectHistory).values({
        id: newId(),
        subjectId: row.id,
        version: 1,
        at: now,
        actorName: actor.name,
        status: row.status,
        changes: {},
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.subject.registered',
        subjectType: 'regulation_subject',
        subjectId: row.id,
        data: { kind: row.kind, checkOverridden: row.checkOverridden },
      });
      await deps.onChanged?.(tx, row.id);
    };
    if (executor) await work(executor);
    else await kernel.transaction(work);
    return row;
  }

  async function update(
    actor: Actor,
    id: string,
    input: { expectedVersion: number } & Record<string, unknown>,
    options: { acceptCheckWarning?: boolean } = {},
  ): Promise<SubjectRow> {
    const current = await get(actor, id);
    requirePermission(actor, P.manageSubjects, { divisionCode: current.divisionCode });
    const merged = { ...current, ...input, uscc: current.uscc };
    const subject = parseMarketSubject(merged, { acceptCheckWarning: true, ...options });
    const place = placement(merged);
    const next = { ...subject, ...place };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of TRACKED) {
      const before = current[key];
      const after = next[key];
      if (JSON.stringify(before) !== JSON.stringify(after)) changes[key] = [before, after];
    }
    if (!Object.keys(changes).length) return current;
    const now = clock.now();
    return kernel.transaction(async (tx) => {
      const [updated] = await tx
        .update(regulationSubject)
        .set({
          name: next.name,
          kind: next.kind,
          legalRepresentative: next.legalRepresentative,
          address: next.address,
          industryCode: next.industryCode,
          licences: next.licences,
          status: next.status,
          divisionCode: next.divisionCode,
          departmentCode: next.departmentCode,
          lng: next.lng ?? current.lng,
          lat: next.lat ?? current.lat,
          version: current.version + 1,
          updatedAt: now,
        })
        .where(and(eq(regulationSubject.id, id), eq(regulationSubject.version, input.expectedVersion)))
        .returning();
      if (!updated)
        throw new ConflictError('regulation.subject.version_conflict', 'The subject was changed meanwhile.');
      await tx.insert(regulationSubjectHistory).values({
        id: newId(),
        subjectId: id,
        version: updated.version,
        at: now,
        actorName: actor.name,
        status: updated.status,
        changes,
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.subject.updated',
        subjectType: 'regulation_subject',
        subjectId: id,
        data: { fields: Object.keys(changes) },
      });
      await deps.onChanged?.(tx, id);
      return updated;
    });
  }

  async function find(executor: Executor, idOrUscc: string): Promise<SubjectRow | null> {
    const key = idOrUscc.trim().toUpperCase();
    const [row] = /^[0-9A-F-]{36}$/.test(key)
      ? await executor.select().from(regulationSubject).where(eq(regulationSubject.id, key.toLowerCase()))
      : await executor.select().from(regulationSubject).where(eq(regulationSubject.uscc, key));
    return row ?? null;
  }

  async function get(actor: Actor, idOrUscc: string, executor: Executor = db): Promise<SubjectRow> {
    requirePermission(actor, P.read);
    const row = await find(executor, idOrUscc);
    if (!row) throw new NotFoundError('regulation.subject.not_found', 'No such market subject.');
    return row;
  }

  async function history(actor: Actor, id: string) {
    const subject = await get(actor, id);
    return db
      .select()
      .from(regulationSubjectHistory)
      .where(eq(regulationSubjectHistory.subjectId, subject.id))
      .orderBy(desc(regulationSubjectHistory.version));
  }

  /** Search by name, credit code or legal representative, with filters; the general class beside. */
  async function search(actor: Actor, query: SubjectSearch) {
    requirePermission(actor, P.read);
    const where: SQL[] = [];
    const q = query.q?.trim();
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(
        or(
          ilike(regulationSubject.name, pattern),
          like(regulationSubject.uscc, `${q.toUpperCase()}%`),
          ilike(regulationSubject.legalRepresentative, pattern),
          ilike(regulationSubject.address, pattern),
        )!,
      );
    }
    if (query.kind) where.push(eq(regulationSubject.kind, query.kind));
    if (query.departmentCode) where.push(eq(regulationSubject.departmentCode, query.departmentCode));
    if (query.divisionCode) {
      const prefix = query.divisionCode.replace(/(000)+$/, '');
      where.push(like(regulationSubject.divisionCode, `${prefix}%`));
    }
    if (query.creditClass) where.push(eq(regulationRatingCurrent.creditClass, query.creditClass));
    const condition = where.length ? and(...where) : undefined;
    const joined = () =>
      db
        .select({ subject: regulationSubject, creditClass: regulationRatingCurrent.creditClass })
        .from(regulationSubject)
        .leftJoin(
          regulationRatingCurrent,
          and(
            eq(regulationRatingCurrent.subjectId, regulationSubject.id),
            eq(regulationRatingCurrent.ruleSetCode, 'general'),
          ),
        );
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 200);
    const rows = await joined()
      .where(condition)
      .orderBy(asc(regulationSubject.name), asc(regulationSubject.id))
      .limit(limit)
      .offset(Math.max(query.offset ?? 0, 0));
    const [total] = await db
      .select({ n: count() })
      .from(regulationSubject)
      .leftJoin(
        regulationRatingCurrent,
        and(
          eq(regulationRatingCurrent.subjectId, regulationSubject.id),
          eq(regulationRatingCurrent.ruleSetCode, 'general'),
        ),
      )
      .where(condition);
    return {
      total: Number(total?.n ?? 0),
      items: rows.map((r) => ({ ...r.subject, creditClass: r.creditClass ?? null })),
    };
  }

  /** Subjects by id (for views that list several). */
  async function byIds(executor: Executor, ids: readonly string[]) {
    if (!ids.length) return new Map<string, SubjectRow>();
    const rows = await executor
      .select()
      .from(regulationSubject)
      .where(inArray(regulationSubject.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The number of subjects per kind (for the overview). */
  async function countByKind() {
    const rows = await db
      .select({ kind: regulationSubject.kind, n: sql<number>`count(*)::int` })
      .from(regulationSubject)
      .groupBy(regulationSubject.kind);
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  }

  return { register, update, find, get, history, search, byIds, countByKind };
}

export type SubjectRegistry = ReturnType<typeof createSubjectRegistry>;
