import { createHash } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import { type Actor, can, systemActor } from '@zhizhi/kernel/access';
import { casesCase } from '@zhizhi/kernel/cases';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError, RateLimitedError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, avg, count, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CreditService } from '../credit/credit-service';
import { REGULATION_CASE_TYPES, SHOP_CODE_KIND } from '../inspection/case-types';
import type { InspectionService } from '../inspection/inspection-service';
import type { Roster } from '../inspection/roster';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import {
  regulationInspection,
  regulationRatingCurrent,
  regulationRecord,
  regulationShopReview,
  regulationSubject,
} from '../schema';

const reviewSchema = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
});

/** The six actions of a shop code page (众安码), by who scans it. */
export type ShopAction = 'view' | 'review' | 'inspect' | 'rectify' | 'supervise' | 'help';

/**
 * 众安码: a signed code per street shop (kernel `codes`); scanning it opens `/shop/{code}` with the
 * actions the scanner may take: 码上查看, 码上评价 (anyone), 码上检查 (inspectors on the roster),
 * 码上整改 and 码上帮办 (the shop itself, signed in to the portal), 码上督查 (supervisors).
 */
export function createShopService(
  kernel: Kernel,
  deps: { roster: Roster; inspections: InspectionService; credit: CreditService; reviewSalt: string },
) {
  const { db, clock } = kernel;

  /** Issues a code to every shop and individual business that has none (idempotent). */
  async function issueCodes(executor: Executor = db, actor: Actor = systemActor) {
    const subjects = await executor
      .select({ id: regulationSubject.id })
      .from(regulationSubject)
      .where(inArray(regulationSubject.kind, ['shop', 'individual']));
    let issued = 0;
    for (let i = 0; i < subjects.length; i += 2000) {
      const codes = await kernel.codes.issueMany(
        executor,
        SHOP_CODE_KIND,
        subjects.slice(i, i + 2000).map((s) => s.id),
        actor,
      );
      issued += codes.length;
    }
    return issued;
  }

  /** A subject's code (issued on first ask). */
  async function codeOf(subjectId: string) {
    return (
      (await kernel.codes.get(SHOP_CODE_KIND, subjectId)) ??
      (await kernel.transaction((tx) =>
        kernel.codes.issue(tx, { kind: SHOP_CODE_KIND, entityId: subjectId, actor: systemActor }),
      ))
    );
  }

  async function subjectOf(token: string) {
    const code = await kernel.codes.resolve(token);
    if (code.kind !== SHOP_CODE_KIND) throw new NotFoundError('codes.code.not_found', 'No such shop code.');
    const [subject] = await db
      .select()
      .from(regulationSubject)
      .where(eq(regulationSubject.id, code.entityId));
    if (!subject) throw new NotFoundError('codes.code.not_found', 'No such shop code.');
    return subject;
  }

  /** What the page shows to `actor` (anonymous for a consumer): public facts and the allowed actions. */
  async function page(token: string, actor: Actor) {
    const subject = await subjectOf(token);
    const today = new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const [rating] = await db
      .select({ creditClass: regulationRatingCurrent.creditClass, ratedAt: regulationRatingCurrent.ratedAt })
      .from(regulationRatingCurrent)
      .where(
        and(
          eq(regulationRatingCurrent.subjectId, subject.id),
          eq(regulationRatingCurrent.ruleSetCode, 'general'),
        ),
      );
    const [latest] = await db
      .select()
      .from(regulationInspection)
      .where(and(eq(regulationInspection.subjectId, subject.id), isNotNull(regulationInspection.publishedAt)))
      .orderBy(desc(regulationInspection.publishedAt))
      .limit(1);
    const [reviewStats] = await db
      .select({ n: count(), stars: avg(regulationShopReview.stars) })
      .from(regulationShopReview)
      .where(eq(regulationShopReview.subjectId, subject.id));
    const reviews = await db
      .select({
        stars: regulationShopReview.stars,
        comment: regulationShopReview.comment,
        createdAt: regulationShopReview.createdAt,
      })
      .from(regulationShopReview)
      .where(eq(regulationShopReview.subjectId, subject.id))
      .orderBy(desc(regulationShopReview.createdAt))
      .limit(10);
    const isShop = (await deps.inspections.shopSubject(db, actor))?.id === subject.id;
    const inspector = can(actor, P.inspect) ? await deps.roster.inspectorOf(db, actor.id) : null;
    const supervisor = can(actor, P.supervise);
    const open = isShop || inspector || supervisor ? await openVisits(subject.id) : [];
    const itemNames = open.length
      ? new Map((await deps.roster.listItems()).map((i) => [i.code, i]))
      : new Map();
    const actions: ShopAction[] = ['view', 'review'];
    if (inspector) actions.push('inspect');
    if (isShop) actions.push('rectify', 'help');
    if (supervisor) actions.push('supervise');
    return {
      subject: {
        id: subject.id,
        name: subject.name,
        uscc: subject.uscc,
        kind: subject.kind,
        address: subject.address,
        industryCode: subject.industryCode,
        status: subject.status,
        licences: subject.licences.map((l) => ({
          ...l,
          valid: l.validFrom <= today && (!l.validTo || l.validTo >= today),
        })),
      },
      creditClass: rating?.creditClass ?? null,
      latestInspection: latest
        ? {
            result: latest.result,
            rectified: latest.result === 'fail' && !latest.referred,
            inspectedAt: latest.inspectedAt,
            publishedAt: latest.publishedAt,
          }
        : null,
      reviews: {
        count: Number(reviewStats?.n ?? 0),
        average: reviewStats?.stars ? Number(Number(reviewStats.stars).toFixed(1)) : null,
        latest: reviews,
      },
      actions,
      inspector: inspector ? { id: inspector.id, name: inspector.name } : null,
      /** Rectification orders and visits, for the shop, its inspectors and supervisors. */
      visits: open.map((v) => ({
        id: v.id,
        status: v.status,
        caseId: isShop ? null : v.caseId,
        caseVersion: v.caseVersion,
        findings: v.findings,
        rectificationDue: v.rectificationDue,
        overdue: v.status === 'rectifying' && !!v.rectificationDue && v.rectificationDue < today,
        itemCodes: v.itemCodes,
        items: v.itemCodes.map((c) => ({
          code: c,
          zh: itemNames.get(c)?.nameZh ?? c,
          en: itemNames.get(c)?.nameEn ?? c,
        })),
      })),
    };
  }

  async function openVisits(subjectId: string) {
    const rows = await db
      .select({ inspection: regulationInspection, version: casesCase.version })
      .from(regulationInspection)
      .innerJoin(casesCase, eq(casesCase.id, regulationInspection.caseId))
      .where(
        and(
          eq(regulationInspection.subjectId, subjectId),
          inArray(regulationInspection.status, ['assigned', 'rectifying', 'reinspecting', 'to_publish']),
        ),
      )
      .orderBy(desc(regulationInspection.createdAt));
    return rows.map((r) => ({ ...r.inspection, caseVersion: r.version }));
  }

  /** 码上评价: one review per client and shop a day; the client is kept only as a salted hash. */
  async function review(token: string, input: unknown, clientKey: string) {
    const body = reviewSchema.safeParse(input ?? {});
    if (!body.success)
      throw new InputError(
        'regulation.review.invalid_input',
        'Rate 1–5 stars; a comment of at most 500 characters.',
        {
          errors: body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      );
    const subject = await subjectOf(token);
    const clientHash = createHash('sha256')
      .update(`${deps.reviewSalt}\n${subject.id}\n${clientKey}`)
      .digest('hex');
    const since = new Date(clock.now().getTime() - 86_400_000);
    const [recent] = await db
      .select({ n: count() })
      .from(regulationShopReview)
      .where(
        and(
          eq(regulationShopReview.subjectId, subject.id),
          eq(regulationShopReview.clientHash, clientHash),
          gte(regulationShopReview.createdAt, since),
        ),
      );
    if (Number(recent?.n ?? 0) > 0)
      throw new RateLimitedError('regulation.review.too_often', 'You have rated this shop today.');
    const row = {
      id: newId(),
      subjectId: subject.id,
      stars: body.data.stars,
      comment: body.data.comment || null,
      createdAt: clock.now(),
      clientHash,
    };
    await db.insert(regulationShopReview).values(row);
    return { id: row.id, stars: row.stars };
  }

  async function departmentId(tx: Executor, code: string) {
    const [d] = await tx
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, code));
    return d?.id ?? null;
  }

  function shopActor(actor: Actor, divisionCode: string): Actor {
    return {
      ...actor,
      grants: [{ roleCode: 'shop', permissions: [P.shopActs, P.read], divisionCode, departmentId: null }],
    };
  }

  async function requireShop(actor: Actor, token: string) {
    const subject = await subjectOf(token);
    if ((await deps.inspections.shopSubject(db, actor))?.id !== subject.id)
      throw new NotFoundError('regulation.shop.not_yours', 'Sign in as this shop to do that.');
    return subject;
  }

  /** 码上帮办: the shop asks its supervising department for help; it becomes a case. */
  async function askForHelp(actor: Actor, token: string, question: string) {
    const subject = await requireShop(actor, token);
    const text = question?.trim() ?? '';
    if (!text || text.length > 4000)
      throw new InputError(
        'regulation.help.invalid_input',
        'Describe what you need (at most 4000 characters).',
      );
    return kernel.transaction(async (tx) => {
      const opened = await kernel.cases.openInTransaction(tx, shopActor(actor, subject.divisionCode), {
        typeCode: REGULATION_CASE_TYPES.help,
        title: `码上帮办：${subject.name}`,
        divisionCode: subject.divisionCode,
        departmentId: await departmentId(tx, subject.departmentCode),
        data: { subject_name: subject.name, question: text },
      });
      return { caseId: opened.id, number: opened.number };
    });
  }

  /** 信用修复: the subject applies to have an adverse record repaired; the record's department reviews. */
  async function applyForRepair(
    actor: Actor,
    input: { recordId: string; reason: string; evidence?: string[] },
  ) {
    const shop = await deps.inspections.shopSubject(db, actor);
    const [record] = /^[0-9a-f-]{36}$/i.test(input.recordId ?? '')
      ? await db.select().from(regulationRecord).where(eq(regulationRecord.id, input.recordId))
      : [];
    if (!shop || !record || record.subjectId !== shop.id)
      throw new NotFoundError('regulation.record.not_found', 'No such record of yours.');
    if (record.repairedAt)
      throw new ConflictError('regulation.repair.already_repaired', 'This record is already repaired.');
    const reason = input.reason?.trim() ?? '';
    if (!reason || reason.length > 4000)
      throw new InputError('regulation.repair.invalid_input', 'Give the grounds for repair.', {
        errors: [{ path: 'reason', message: 'required, at most 4000 characters' }],
      });
    const [pending] = await db
      .select({ id: casesCase.id })
      .from(casesCase)
      .where(
        and(
          eq(casesCase.typeCode, REGULATION_CASE_TYPES.repair),
          eq(casesCase.state, 'reviewing'),
          sql`${casesCase.data} ->> 'record_id' = ${record.id}`,
        ),
      )
      .limit(1);
    if (pending)
      throw new ConflictError('regulation.repair.pending', 'A repair of this record is under review.');
    return kernel.transaction(async (tx) => {
      const opened = await kernel.cases.openInTransaction(tx, shopActor(actor, shop.divisionCode), {
        typeCode: REGULATION_CASE_TYPES.repair,
        title: `信用修复：${shop.name}`,
        divisionCode: shop.divisionCode,
        departmentId: await departmentId(tx, record.departmentCode),
        data: {
          record_id: record.id,
          record_summary: record.summary,
          subject_name: shop.name,
          reason,
          ...(input.evidence?.length ? { evidence: input.evidence } : {}),
        },
      });
      return { caseId: opened.id, number: opened.number };
    });
  }

  /** The shop's own view on the portal: its records (with repair status) and classes. */
  async function own(actor: Actor) {
    const shop = await deps.inspections.shopSubject(db, actor);
    if (!shop)
      throw new NotFoundError(
        'regulation.shop.not_registered',
        'No market subject is registered under this account.',
      );
    const records = await db
      .select()
      .from(regulationRecord)
      .where(eq(regulationRecord.subjectId, shop.id))
      .orderBy(desc(regulationRecord.date));
    const { current } = await deps.credit.ratings(null, shop.id);
    const code = await codeOf(shop.id);
    return { subject: shop, records, ratings: current, codeToken: code.token };
  }

  return { issueCodes, codeOf, page, review, askForHelp, applyForRepair, own };
}

export type ShopService = ReturnType<typeof createShopService>;
