import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import {
  regulationRatingCurrent,
  regulationRatingHistory,
  regulationRecord,
  regulationSubject,
  type RuleSetScope,
} from '../schema';
import type { SubjectRow } from '../registry/subject-service';
import { type CompiledRuleSet, type CreditClass, rate, type Rating } from './rating';
import { createRecordImport } from './record-import';
import { createRuleSets } from './rule-sets';
import { createWarnings } from './warnings';
import { type CreditRecord, creditRecordSchema, type RecordSource } from './records';

const CLASS_ORDER: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };
const BATCH = 1000;

export type RecordRow = typeof regulationRecord.$inferSelect;

/** A record to add; `origin` + `originId` make adding it twice a no-op (events are redelivered). */
export interface NewRecord {
  subjectId: string;
  source: RecordSource;
  departmentCode: string;
  date: Date | string;
  validUntil?: Date | string | null;
  severity: number;
  data?: Record<string, unknown>;
  summary: string;
  origin: string;
  originId: string;
}

type Reason = 'record' | 'repair' | 'rules' | 'subject' | 'schedule';

export interface CreditOptions {
  /** Adverse records in 12 months from which a warning is raised (default 3). */
  riskRecordsThreshold?: number;
  /** An optional notice to the subject itself (its portal account), when a warning is raised. */
  noticeToSubject?: (
    tx: Executor,
    subject: SubjectRow,
    title: { zh: string; en: string },
  ) => Promise<boolean>;
}

function toCreditRecord(r: RecordRow): CreditRecord {
  return {
    id: r.id,
    subjectId: r.subjectId,
    source: r.source as RecordSource,
    departmentCode: r.departmentCode,
    date: r.date,
    validUntil: r.validUntil,
    repairedAt: r.repairedAt,
    severity: r.severity,
    data: r.data,
  };
}

function rated(s: SubjectRow) {
  return {
    id: s.id,
    kind: s.kind as never,
    industryCode: s.industryCode,
    status: s.status as never,
    licences: s.licences,
  };
}

/**
 * Credit records (应归尽归), ratings under every rule set with history, re-rating when records,
 * subjects or rules change, and early warnings (信用预警).
 */
export function createCreditService(kernel: Kernel, options: CreditOptions = {}) {
  const { db, clock } = kernel;
  const ruleSets = createRuleSets(kernel);
  const alerts = createWarnings(kernel, options);
  const threshold = alerts.threshold;
  const currentSets = ruleSets.currentSets;
  const warn = alerts.warn;
  const importer = createRecordImport(kernel, { addRecord: (tx, input) => addRecord(tx, input) });

  function applies(scope: RuleSetScope, set: CompiledRuleSet, subject: SubjectRow) {
    if (set.sector === null) return true;
    return (
      scope.industryPrefixes.some((p) => subject.industryCode.startsWith(p)) ||
      subject.licences.some((l) => scope.licenceTypes.includes(l.type))
    );
  }

  /**
   * Rates subjects under every applicable rule set; writes the current rating when it changed and
   * a history row when the class or score changed; raises warnings. Returns how many changed.
   */
  async function rateMany(
    tx: Executor,
    subjects: readonly SubjectRow[],
    reason: Reason,
    records: Map<string, CreditRecord[]>,
  ) {
    const sets = await currentSets(tx);
    const ids = subjects.map((s) => s.id);
    const current = ids.length
      ? await tx.select().from(regulationRatingCurrent).where(inArray(regulationRatingCurrent.subjectId, ids))
      : [];
    const before = new Map(current.map((c) => [`${c.subjectId}|${c.ruleSetCode}`, c]));
    const now = clock.now();
    const upserts: (typeof regulationRatingCurrent.$inferInsert)[] = [];
    const history: (typeof regulationRatingHistory.$inferInsert)[] = [];
    const single = subjects.length === 1;
    for (const subject of subjects) {
      const own = records.get(subject.id) ?? [];
      for (const { set, version, scope } of sets) {
        if (!applies(scope, set, subject)) continue;
        const rating: Rating = rate(rated(subject), own, set, now);
        const prior = before.get(`${subject.id}|${set.code}`);
        const changed = !prior || prior.creditClass !== rating.class || prior.score !== rating.score;
        const explanationChanged =
          changed ||
          JSON.stringify(prior.explanation) !== JSON.stringify(rating.explanation) ||
          prior.ruleSetVersion !== version;
        if (!explanationChanged) continue;
        upserts.push({
          subjectId: subject.id,
          ruleSetCode: set.code,
          ruleSetVersion: version,
          creditClass: rating.class,
          score: rating.score,
          explanation: rating.explanation,
          stats: rating.stats as unknown as Record<string, number>,
          ratedAt: now,
        });
        if (!changed) continue;
        history.push({
          id: newId(),
          subjectId: subject.id,
          ruleSetCode: set.code,
          ruleSetVersion: version,
          creditClass: rating.class,
          previousClass: prior?.creditClass ?? null,
          score: rating.score,
          explanation: rating.explanation,
          reason,
          ratedAt: now,
        });
        // A first rating is not a change: no event (a new district of 50,000 subjects would flood the outbox).
        if (prior && prior.creditClass !== rating.class)
          await kernel.events.publish(tx, 'regulation.rating.changed', {
            subjectId: subject.id,
            uscc: subject.uscc,
            ruleSetCode: set.code,
            fromClass: prior?.creditClass ?? null,
            toClass: rating.class,
            score: rating.score,
          });
        if (prior && CLASS_ORDER[rating.class]! > CLASS_ORDER[prior.creditClass]!)
          await warn(tx, subject, 'class_worsened', set.code, prior.creditClass, rating.class, single);
        else if (
          set.sector === null &&
          rating.stats.adverse12m >= threshold &&
          ((prior?.stats as Record<string, number> | undefined)?.adverse12m ?? 0) < threshold
        )
          await warn(tx, subject, 'risk_records', set.code, prior?.creditClass ?? null, rating.class, single);
      }
    }
    for (let i = 0; i < upserts.length; i += 500)
      await tx
        .insert(regulationRatingCurrent)
        .values(upserts.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [regulationRatingCurrent.subjectId, regulationRatingCurrent.ruleSetCode],
          set: {
            ruleSetVersion: sql`excluded.rule_set_version`,
            creditClass: sql`excluded.credit_class`,
            score: sql`excluded.score`,
            explanation: sql`excluded.explanation`,
            stats: sql`excluded.stats`,
            ratedAt: sql`excluded.rated_at`,
          },
        });
    for (let i = 0; i < history.length; i += 500)
      await tx.insert(regulationRatingHistory).values(history.slice(i, i + 500));
    return history.length;
  }

  async function recordsOf(executor: Executor, subjectIds: readonly string[]) {
    const map = new Map<string, CreditRecord[]>();
    if (!subjectIds.length) return map;
    const rows = await executor
      .select()
      .from(regulationRecord)
      .where(inArray(regulationRecord.subjectId, [...subjectIds]));
    for (const r of rows) {
      const list = map.get(r.subjectId) ?? [];
      list.push(toCreditRecord(r));
      map.set(r.subjectId, list);
    }
    return map;
  }

  /** Re-rates one subject in the caller's transaction. */
  async function rerateSubject(tx: Executor, subjectId: string, reason: Reason) {
    const [subject] = await tx.select().from(regulationSubject).where(eq(regulationSubject.id, subjectId));
    if (!subject) return 0;
    return rateMany(tx, [subject], reason, await recordsOf(tx, [subjectId]));
  }

  /**
   * Re-rates every subject in batches of 1000, each batch in its own transaction — or all in the
   * caller's transaction when one is given (job handlers must use only theirs).
   */
  async function rerateAll(reason: Reason = 'schedule', executor?: Executor) {
    const reader = executor ?? db;
    const inTx = <T>(work: (tx: Executor) => Promise<T>) =>
      executor ? work(executor) : kernel.transaction(work);
    let after = '00000000-0000-0000-0000-000000000000';
    let subjects = 0;
    let changed = 0;
    for (;;) {
      const batch = await reader
        .select()
        .from(regulationSubject)
        .where(gt(regulationSubject.id, after))
        .orderBy(asc(regulationSubject.id))
        .limit(BATCH);
      if (!batch.length) break;
      after = batch[batch.length - 1]!.id;
      subjects += batch.length;
      changed += await inTx(async (tx) =>
        rateMany(
          tx,
          batch,
          reason,
          await recordsOf(
            tx,
            batch.map((s) => s.id),
          ),
        ),
      );
    }
    return { subjects, changed };
  }

  /** Adds a record (idempotent on origin) and re-rates its subject, in the caller's transaction. */
  async function addRecord(tx: Executor, input: NewRecord): Promise<RecordRow | null> {
    const parsed = creditRecordSchema.safeParse({
      ...input,
      id: 'new',
      validUntil: input.validUntil ?? null,
    });
    if (!parsed.success)
      throw new InputError('regulation.record.invalid_input', 'The credit record is invalid.', {
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    const summary = input.summary.trim().slice(0, 500);
    if (!summary) throw new InputError('regulation.record.invalid_input', 'A record needs a summary.');
    const [row] = await tx
      .insert(regulationRecord)
      .values({
        id: newId(),
        subjectId: parsed.data.subjectId,
        source: parsed.data.source,
        departmentCode: parsed.data.departmentCode,
        date: parsed.data.date,
        validUntil: parsed.data.validUntil,
        repairedAt: null,
        severity: parsed.data.severity,
        data: parsed.data.data,
        summary,
        origin: input.origin,
        originId: input.originId,
        createdAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    await rerateSubject(tx, row.subjectId, 'record');
    return row;
  }

  /** A record added by a person (a department's decision entered by hand). */
  async function addRecordByHand(actor: Actor, input: Omit<NewRecord, 'origin' | 'originId'>) {
    requirePermission(actor, P.manageSubjects);
    return kernel.transaction(async (tx) => {
      const [subject] = await tx
        .select({ id: regulationSubject.id })
        .from(regulationSubject)
        .where(eq(regulationSubject.id, input.subjectId));
      if (!subject) throw new NotFoundError('regulation.subject.not_found', 'No such market subject.');
      const id = newId();
      const row = await addRecord(tx, { ...input, origin: 'manual', originId: id });
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.record.added',
        subjectType: 'regulation_subject',
        subjectId: input.subjectId,
        data: { source: input.source },
      });
      return row!;
    });
  }

  /** Marks a record repaired (信用修复) from now and re-rates its subject. */
  async function markRepaired(tx: Executor, recordId: string) {
    const [row] = await tx
      .update(regulationRecord)
      .set({ repairedAt: clock.now() })
      .where(and(eq(regulationRecord.id, recordId), sql`${regulationRecord.repairedAt} is null`))
      .returning();
    if (row) await rerateSubject(tx, row.subjectId, 'repair');
    return row ?? null;
  }

  async function records(actor: Actor, subjectId: string) {
    requirePermission(actor, P.read);
    return db
      .select()
      .from(regulationRecord)
      .where(eq(regulationRecord.subjectId, subjectId))
      .orderBy(desc(regulationRecord.date));
  }

  async function ratings(actor: Actor | null, subjectId: string) {
    if (actor) requirePermission(actor, P.read);
    const current = await db
      .select()
      .from(regulationRatingCurrent)
      .where(eq(regulationRatingCurrent.subjectId, subjectId))
      .orderBy(asc(regulationRatingCurrent.ruleSetCode));
    const history = actor
      ? await db
          .select()
          .from(regulationRatingHistory)
          .where(eq(regulationRatingHistory.subjectId, subjectId))
          .orderBy(desc(regulationRatingHistory.ratedAt))
          .limit(100)
      : [];
    return { current, history };
  }

  kernel.jobs.register('regulation.rerate_all', async (payload, { tx }) => {
    await rerateAll(((payload as { reason?: Reason }).reason ?? 'schedule') as Reason, tx);
  });

  return {
    installDefaults: ruleSets.installDefaults,
    currentSets,
    rerateSubject,
    rerateAll,
    addRecord,
    addRecordByHand,
    markRepaired,
    records,
    ratings,
    listRuleSets: ruleSets.list,
    saveRuleSet: ruleSets.save,
    /** Rows a department shares (12315 complaints, court and tax records …), all or nothing. */
    importRecords: importer.importRows,
    warnings: alerts.list,
    acknowledge: alerts.acknowledge,
    system: systemActor,
  };
}

export type CreditService = ReturnType<typeof createCreditService>;
export type { CreditClass };
