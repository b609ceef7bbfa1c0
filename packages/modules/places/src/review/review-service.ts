import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { casesCase } from '@zhizhi/kernel/cases';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { LibraryStore } from '../library/store';
import type { MatchExplanation, MatchResult } from '../matcher/match';
import { PLACES_PERMISSIONS as P } from '../permissions';
import { placesImportRecord } from '../schema';
import { REVIEW_CASE_TYPE } from './case-type';
import { applyAcceptance, type Proposal, proposalOf } from './decisions';

export interface ClusterInput {
  importId: string;
  raw: string;
  result: MatchResult;
  kind: 'match' | 'proposal';
}

export interface ReviewOpener {
  /** The open review case of this record's cluster, opened if there is none. */
  clusterCase(tx: Executor, actor: Actor, input: ClusterInput): Promise<string>;
}

const OUTCOME_ZH: Record<string, string> = {
  agree: '一致',
  alias: '别名一致',
  similar: '音近/字近',
  conflict: '冲突',
  not_in_library: '库中没有',
  replaced: '已更名',
};

/** Why a record needs a person, in Chinese (the case's `reason` field). */
export function reasonOf(
  kind: 'match' | 'proposal',
  explanation: readonly MatchExplanation[],
  confidence: number,
): string {
  const points = explanation
    .filter((e) => e.outcome !== 'agree')
    .map(
      (e) => `${e.label}: ${e.query ?? '—'} → ${e.library ?? '—'}（${OUTCOME_ZH[e.outcome] ?? e.outcome}）`,
    );
  const head =
    kind === 'proposal'
      ? '标准地址库中缺少该地址，建议新增。'
      : `匹配置信度 ${confidence.toFixed(2)}，低于自动采纳线。`;
  return [head, ...points].join('\n').slice(0, 2000);
}

/**
 * The review queue (地址审核) over the case engine: one case per cluster of records naming the same
 * place; the reviewer's decision is applied to the library in the case's transaction.
 */
export function createReviewService(
  kernel: Kernel,
  store: LibraryStore,
  options: { departmentCode?: string } = {},
) {
  const { db, clock } = kernel;
  let departmentId: string | null | undefined;

  async function reviewDepartment(tx: Executor): Promise<string | null> {
    if (departmentId !== undefined) return departmentId;
    const [row] = await tx
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, options.departmentCode ?? 'mzj'));
    departmentId = row?.id ?? null;
    return departmentId;
  }

  const opener: ReviewOpener = {
    async clusterCase(tx, actor, input) {
      const standard = input.result.parsed.standard;
      const [open] = await tx
        .select({ caseId: placesImportRecord.caseId })
        .from(placesImportRecord)
        .innerJoin(casesCase, eq(casesCase.id, placesImportRecord.caseId))
        .where(and(eq(placesImportRecord.standard, standard), eq(casesCase.state, 'open')))
        .limit(1);
      if (open?.caseId) return open.caseId;
      const top = input.result.candidates[0];
      const { gazetteer } = await store.current(tx);
      const divisionCode =
        input.result.parsed.divisionCode ?? top?.node.divisionCode ?? gazetteer.prefix.districtCode;
      const opened = await kernel.cases.openInTransaction(tx, actor, {
        typeCode: REVIEW_CASE_TYPE,
        title: `${input.kind === 'proposal' ? '新增地址' : '地址匹配'}：${input.raw}`.slice(0, 200),
        divisionCode,
        departmentId: await reviewDepartment(tx),
        data: {
          kind: input.kind,
          import_id: input.importId,
          raw: input.raw.slice(0, 500),
          standard: standard.slice(0, 500),
          candidate_id: top?.node.id ?? undefined,
          candidate: top?.node.key.slice(0, 500) ?? undefined,
          confidence: top?.confidence ?? 0,
          reason: reasonOf(input.kind, top?.explanation ?? [], top?.confidence ?? 0),
        },
      });
      return opened.id;
    },
  };

  async function list(actor: Actor, filter: { state?: 'open' | 'accepted' | 'rejected'; limit?: number }) {
    requirePermission(actor, P.read);
    const rows = await db
      .select({
        id: casesCase.id,
        number: casesCase.number,
        state: casesCase.state,
        title: casesCase.title,
        data: casesCase.data,
        openedAt: casesCase.openedAt,
        // Qualified by hand: drizzle renders ${casesCase.id} unqualified here, which the subquery reads as r.id.
        records: sql<number>`(select count(*) from places_import_record r where r.case_id = "cases_case"."id")`,
      })
      .from(casesCase)
      .where(and(eq(casesCase.typeCode, REVIEW_CASE_TYPE), eq(casesCase.state, filter.state ?? 'open')))
      .orderBy(filter.state && filter.state !== 'open' ? desc(casesCase.updatedAt) : asc(casesCase.openedAt))
      .limit(Math.min(filter.limit ?? 100, 500));
    return rows.map((row) => ({ ...row, records: Number(row.records) }));
  }

  async function get(actor: Actor, caseId: string) {
    requirePermission(actor, P.read);
    const [row] = /^[0-9a-f-]{36}$/i.test(caseId)
      ? await db
          .select()
          .from(casesCase)
          .where(and(eq(casesCase.id, caseId), eq(casesCase.typeCode, REVIEW_CASE_TYPE)))
      : [];
    if (!row) throw new NotFoundError('places.review.not_found', 'No such review case.');
    const records = await db
      .select()
      .from(placesImportRecord)
      .where(eq(placesImportRecord.caseId, caseId))
      .orderBy(asc(placesImportRecord.rowNo))
      .limit(200);
    const { index, gazetteer } = await store.current();
    const data = row.data as Record<string, unknown>;
    const candidate = typeof data.candidate_id === 'string' ? index.byId(data.candidate_id) : undefined;
    const first = records[0];
    const explanation = (first?.explanation as { elements?: MatchExplanation[] } | null)?.elements ?? [];
    let proposal: Proposal | null = null;
    if (data.kind === 'proposal' && first) {
      proposal = proposalOf(first.raw, gazetteer, index);
    }
    return {
      id: row.id,
      number: row.number,
      state: row.state,
      version: row.version,
      title: row.title,
      data,
      candidate: candidate
        ? {
            id: candidate.id,
            key: candidate.key,
            level: candidate.level,
            lng: candidate.lng,
            lat: candidate.lat,
          }
        : null,
      explanation,
      proposal,
      records: records.map((r) => ({
        id: r.id,
        importId: r.importId,
        rowNo: r.rowNo,
        sourceRecordId: r.sourceRecordId,
        raw: r.raw,
        outcome: r.outcome,
      })),
    };
  }

  /** Accept or reject; accepting applies the decision to the library in the same transaction. */
  async function decide(
    actor: Actor,
    caseId: string,
    input: { decision: 'accept' | 'reject'; note?: string; expectedVersion: number },
  ) {
    requirePermission(actor, P.review);
    if (input.decision !== 'accept' && input.decision !== 'reject') {
      throw new InputError('places.review.decision', 'decision must be accept or reject.');
    }
    const review = await get(actor, caseId);
    if (review.state !== 'open')
      throw new InputError('places.review.closed', 'This review has been decided already.');
    const result = await kernel.transaction(async (tx) => {
      await kernel.cases.transitionInTransaction(tx, actor, caseId, {
        transition: input.decision,
        expectedVersion: input.expectedVersion,
        note: input.note ?? null,
        data: input.note ? { decision_note: input.note.slice(0, 2000) } : undefined,
      });
      const recordIds = review.records.map((r) => r.id);
      let addressId: string | null = null;
      if (input.decision === 'accept') {
        const engine = await store.current(tx);
        addressId = await applyAcceptance(tx, kernel, engine, review, actor);
      }
      if (recordIds.length > 0) {
        await tx
          .update(placesImportRecord)
          .set({ outcome: input.decision === 'accept' ? 'accepted' : 'rejected', addressId })
          .where(inArray(placesImportRecord.id, recordIds));
      }
      await recordAudit(tx, clock, {
        actor,
        action: `places.review.${input.decision}ed`,
        subjectType: 'case',
        subjectId: caseId,
        data: { addressId, records: recordIds.length },
      });
      await kernel.events.publish(tx, 'places.review.decided', {
        caseId,
        decision: input.decision,
        addressId,
      });
      return { addressId };
    });
    store.invalidate();
    return { ...(await get(actor, caseId)), addressId: result.addressId };
  }

  return { opener, list, get, decide };
}

export type ReviewService = ReturnType<typeof createReviewService>;
