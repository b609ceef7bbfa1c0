import type { Kernel } from '@zhizhi/kernel';
import type { Actor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { casesCase } from '@zhizhi/kernel/cases';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/catalogue-service';
import { SERVICES_PERMISSIONS as P } from '../permissions';
import { servicesApplication, servicesRating } from '../schema';
import { applicantRef } from './applicants';
import { RATING_INDICATORS } from './case-types';

const CONCLUDED = new Set(['approved', 'partly_approved', 'refused']);
/** 不满意 and 非常不满意 are bad ratings (差评). */
export const BAD_RATING = 2;

export interface RatingInput {
  /** Each of the five indicators, 1 (非常不满意) … 5 (非常满意). */
  scores: Record<string, number>;
  comment?: string | null;
}

/**
 * 好差评: the applicant rates a concluded application once; a bad overall rating (≤ 2) opens a
 * rectification case through the overall case's `rate` step, after which they may rate once more.
 */
export function createRatings(kernel: Kernel, deps: { catalogue: Catalogue }) {
  const { db, clock } = kernel;

  function checkScores(input: RatingInput) {
    const errors = RATING_INDICATORS.flatMap((i) => {
      const v = input.scores?.[i.code];
      return Number.isInteger(v) && v >= 1 && v <= 5
        ? []
        : [
            {
              path: `scores.${i.code}`,
              code: 'services.rating.score',
              message: `${i.en}: a whole number 1–5.`,
            },
          ];
    });
    const extra = Object.keys(input.scores ?? {}).filter((k) => !RATING_INDICATORS.some((i) => i.code === k));
    for (const path of extra)
      errors.push({
        path: `scores.${path}`,
        code: 'services.rating.unknown',
        message: `No indicator ${path}.`,
      });
    if ((input.comment ?? '').length > 1000)
      errors.push({ path: 'comment', code: 'services.rating.comment', message: 'At most 1000 characters.' });
    if (errors.length) throw new InputError('services.rating.invalid', 'The rating is invalid.', { errors });
  }

  async function rate(actor: Actor, applicationId: string, input: RatingInput) {
    checkScores(input);
    const ref = applicantRef(actor);
    const [row] = /^[0-9a-f-]{36}$/i.test(applicationId)
      ? await db.select().from(servicesApplication).where(eq(servicesApplication.id, applicationId))
      : [];
    if (!row || !ref || ref.kind !== row.applicantKind || ref.registryId !== row.applicantRegistryId)
      throw new NotFoundError('services.application.not_found', 'No such application.');
    if (!CONCLUDED.has(row.status) || !row.caseId)
      throw new ConflictError(
        'services.rating.not_concluded',
        'Rate the service once the application is concluded.',
      );
    const earlier = await db
      .select()
      .from(servicesRating)
      .where(eq(servicesRating.applicationId, row.id))
      .orderBy(asc(servicesRating.round));
    if (earlier.length >= 2 || (earlier.length === 1 && earlier[0].overall > BAD_RATING))
      throw new ConflictError('services.rating.already_rated', 'This application has been rated.');
    const round = earlier.length + 1;
    const matters = await deps.catalogue.currentMatters(db, row.matterCodes);
    const departmentCodes = [...new Set([...matters.values()].map((m) => m.departmentCode))];
    // The applicant's step on their own case, with a grant scoped to it alone.
    const rater: Actor = {
      ...actor,
      grants: [
        {
          roleCode: 'applicant',
          permissions: [P.rate, P.read],
          divisionCode: row.divisionCode,
          departmentId: null,
        },
      ],
    };
    return kernel.transaction(async (tx) => {
      const [parent] = await tx.select().from(casesCase).where(eq(casesCase.id, row.caseId!));
      const data = Object.fromEntries([
        ...RATING_INDICATORS.map((i) => [`rating_${i.code}`, input.scores[i.code]]),
        ...(input.comment?.trim() ? [['rating_comment', input.comment.trim()]] : []),
      ]);
      await kernel.cases.transitionInTransaction(tx, rater, parent.id, {
        transition: 'rate',
        expectedVersion: parent.version,
        data,
      });
      const overall = input.scores.overall;
      let rectificationCaseId: string | null = null;
      if (overall <= BAD_RATING) {
        const [opened] = await tx
          .select({ id: casesCase.id })
          .from(casesCase)
          .where(and(eq(casesCase.parentId, parent.id), eq(casesCase.parentRole, 'rectification')))
          .orderBy(desc(casesCase.openedAt))
          .limit(1);
        rectificationCaseId = opened?.id ?? null;
      }
      const id = newId();
      await tx.insert(servicesRating).values({
        id,
        applicationId: row.id,
        round,
        departmentCodes,
        divisionCode: row.divisionCode,
        scores: input.scores,
        overall,
        comment: input.comment?.trim() || null,
        rectificationCaseId,
        ratedAt: clock.now(),
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'services.rating.recorded',
        subjectType: 'services_application',
        subjectId: row.id,
        data: { round, overall, rectificationCaseId: rectificationCaseId ?? undefined },
      });
      await kernel.events.publish(tx, 'services.rating.recorded', {
        applicationId: row.id,
        round,
        overall,
        departmentCodes,
        rectificationCaseId,
      });
      return { round, overall, rectificationCaseId, mayRateAgain: round === 1 && overall <= BAD_RATING };
    });
  }

  async function ratingsOf(applicationId: string) {
    return db
      .select()
      .from(servicesRating)
      .where(eq(servicesRating.applicationId, applicationId))
      .orderBy(asc(servicesRating.round));
  }

  /** Results published by department (公开): counts, averages per indicator, share satisfied, bad ones rectified. */
  async function published(range: { from?: Date; to?: Date } = {}) {
    const where = and(
      range.from ? gte(servicesRating.ratedAt, range.from) : undefined,
      range.to ? lt(servicesRating.ratedAt, range.to) : undefined,
    );
    const ratings = await db.select().from(servicesRating).where(where);
    const rectified = new Set(
      (
        await db
          .select({ id: casesCase.id, closedAt: casesCase.closedAt })
          .from(casesCase)
          .where(eq(casesCase.typeCode, 'services_rectification'))
      )
        .filter((c) => c.closedAt)
        .map((c) => c.id),
    );
    const departments = new Map(
      (
        await db
          .select({ code: orgDepartment.code, name: orgDepartment.name, nameEn: orgDepartment.nameEn })
          .from(orgDepartment)
      ).map((d) => [d.code, { zh: d.name, en: d.nameEn }]),
    );
    const byDepartment = new Map<string, (typeof ratings)[number][]>();
    for (const r of ratings)
      for (const code of r.departmentCodes) byDepartment.set(code, [...(byDepartment.get(code) ?? []), r]);
    return [...byDepartment.entries()]
      .map(([code, list]) => {
        const bad = list.filter((r) => r.overall <= BAD_RATING);
        return {
          departmentCode: code,
          departmentName: departments.get(code) ?? { zh: code, en: code },
          ratings: list.length,
          satisfied: list.filter((r) => r.overall >= 4).length,
          satisfactionRate: list.length ? list.filter((r) => r.overall >= 4).length / list.length : null,
          bad: bad.length,
          rectified: bad.filter((r) => r.rectificationCaseId && rectified.has(r.rectificationCaseId)).length,
          averages: Object.fromEntries(
            RATING_INDICATORS.map((i) => [
              i.code,
              list.reduce((s, r) => s + (r.scores[i.code] ?? 0), 0) / list.length,
            ]),
          ),
        };
      })
      .sort((a, b) => b.ratings - a.ratings || a.departmentCode.localeCompare(b.departmentCode));
  }

  return { rate, ratingsOf, published };
}

export type Ratings = ReturnType<typeof createRatings>;
