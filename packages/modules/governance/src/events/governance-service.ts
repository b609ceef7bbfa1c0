import { randomInt } from 'node:crypto';
import { type Actor, can, requirePermission, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { casesCase, casesHistory } from '@zhizhi/kernel/cases';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import type { LngLat } from '@zhizhi/kernel/geo';
import { hashPassword, verifyPassword } from '@zhizhi/kernel/identity';
import type { Kernel } from '@zhizhi/kernel';
import { orgDepartment, orgDivision } from '@zhizhi/kernel/org';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  CHANNELS,
  type Channel,
  EVENT_TYPE,
  governanceCoType,
  governanceEventType,
  governanceRectificationType,
  RATINGS,
} from './case-types';
import { DEFAULT_CATEGORIES, DEFAULT_PLATFORMS } from './default-categories';
import {
  channelActor,
  type IntakeInput,
  intakeSchema,
  invalid,
  maskName,
  maskPhone,
  type RegionGeo,
} from './intake';
import { P } from './permissions';
import { routeReport } from './routing';
import { governanceCategory, governancePlatform, governanceReport } from './schema';

export {
  channelActor,
  type IntakeInput,
  intakeSchema,
  maskName,
  maskPhone,
  type RegionGeo,
} from './intake';

const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Grassroots governance (基层治理四平台) on the case engine: categories, intake from every
 * channel with automatic routing by the dispatch catalogue, public tracking and rating.
 */
export function createGovernanceService(kernel: Kernel, region: RegionGeo) {
  const { db, clock } = kernel;

  /** Case types, platforms and the default category tree (idempotent; runs at every start). */
  async function install(executor: Executor = db) {
    await kernel.cases.defineCaseType(executor, governanceCoType);
    await kernel.cases.defineCaseType(executor, governanceRectificationType);
    await kernel.cases.defineCaseType(executor, governanceEventType);
    await executor
      .insert(governancePlatform)
      .values([...DEFAULT_PLATFORMS])
      .onConflictDoNothing();
    // New default categories reach existing installations; edited ones keep their edits.
    await executor.insert(governanceCategory).values(DEFAULT_CATEGORIES).onConflictDoNothing();
  }

  async function listPlatforms() {
    return db.select().from(governancePlatform).orderBy(asc(governancePlatform.sort));
  }

  async function renamePlatform(actor: Actor, code: string, input: { nameZh: string; nameEn: string }) {
    requirePermission(actor, P.categories);
    const parsed = z
      .object({ nameZh: z.string().trim().min(1).max(20), nameEn: z.string().trim().min(1).max(60) })
      .safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    return kernel.transaction(async (tx) => {
      const [row] = await tx
        .update(governancePlatform)
        .set(parsed.data)
        .where(eq(governancePlatform.code, code))
        .returning();
      if (!row) throw new NotFoundError('governance.platform.not_found', 'No such platform.');
      await recordAudit(tx, clock, {
        actor,
        action: 'governance.platform.renamed',
        subjectType: 'platform',
        subjectId: code,
        data: parsed.data,
      });
      return row;
    });
  }

  /** Every category; `publicOnly` gives what citizens may report (active, public). */
  async function listCategories(options: { publicOnly?: boolean; activeOnly?: boolean } = {}) {
    const rows = await db.select().from(governanceCategory).orderBy(asc(governanceCategory.sort));
    const parents = new Set(rows.map((r) => r.parentCode).filter(Boolean));
    return rows
      .filter((r) => (!options.activeOnly && !options.publicOnly) || r.active)
      .filter((r) => !options.publicOnly || r.public)
      .map((r) => ({ ...r, leaf: !parents.has(r.code) }));
  }

  const categorySchema = z.object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/)
      .max(96),
    nameZh: z.string().trim().min(1).max(40),
    nameEn: z.string().trim().min(1).max(120),
    platform: z.string().min(1).max(16),
    limitDays: z.number().int().min(1).max(60),
    public: z.boolean().default(true),
    active: z.boolean().default(true),
    sort: z.number().int().min(0).max(100_000).default(0),
  });

  /** Adds or changes a category (its parent must exist); audited. */
  async function saveCategory(actor: Actor, input: unknown) {
    requirePermission(actor, P.categories);
    const parsed = categorySchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    const c = parsed.data;
    const parentCode = c.code.includes('.') ? c.code.slice(0, c.code.lastIndexOf('.')) : null;
    return kernel.transaction(async (tx) => {
      const [platform] = await tx
        .select()
        .from(governancePlatform)
        .where(eq(governancePlatform.code, c.platform));
      if (!platform) throw new InputError('governance.platform.not_found', `No platform ${c.platform}.`);
      if (parentCode) {
        const [parent] = await tx
          .select()
          .from(governanceCategory)
          .where(eq(governanceCategory.code, parentCode));
        if (!parent)
          throw new InputError('governance.category.no_parent', `Create the group ${parentCode} first.`);
      }
      const row = { ...c, parentCode };
      const [saved] = await tx
        .insert(governanceCategory)
        .values(row)
        .onConflictDoUpdate({ target: governanceCategory.code, set: row })
        .returning();
      await recordAudit(tx, clock, {
        actor,
        action: 'governance.category.saved',
        subjectType: 'category',
        subjectId: c.code,
        data: row,
      });
      return saved;
    });
  }

  async function leafCategory(executor: Executor, code: string) {
    const [category] = await executor
      .select()
      .from(governanceCategory)
      .where(and(eq(governanceCategory.code, code), eq(governanceCategory.active, true)));
    if (!category)
      throw new InputError('governance.category.unknown', `Unknown event category ${code}.`, {
        errors: [{ path: '/categoryCode', message: 'unknown category' }],
      });
    const [child] = await executor
      .select({ code: governanceCategory.code })
      .from(governanceCategory)
      .where(eq(governanceCategory.parentCode, code))
      .limit(1);
    if (child)
      throw new InputError(
        'governance.category.not_leaf',
        `${category.nameZh} is a group; choose a category in it.`,
        {
          errors: [{ path: '/categoryCode', message: 'choose a leaf category' }],
        },
      );
    return category;
  }

  async function resolveDivision(executor: Executor, input: IntakeInput): Promise<string> {
    if (input.location && !region.contains(input.location))
      throw new InputError('governance.location.outside_district', 'The location is outside the district.', {
        errors: [{ path: '/location', message: 'outside the district' }],
      });
    let code = input.divisionCode ?? null;
    if (code) {
      const districtPrefix = region.districtCode.slice(0, 6);
      const [division] = await executor
        .select({ code: orgDivision.code })
        .from(orgDivision)
        .where(and(eq(orgDivision.code, code), isNull(orgDivision.validTo)));
      if (!division || !code.startsWith(districtPrefix) || code === region.districtCode)
        throw new InputError('governance.division.unknown', 'Unknown township or village of this district.', {
          errors: [{ path: '/divisionCode', message: 'unknown division' }],
        });
    } else if (input.location) {
      code = region.townOf(input.location)?.code ?? null;
    }
    if (!code)
      throw new InputError(
        'governance.location.required',
        'Give the location or the township of the event.',
        {
          errors: [{ path: '/location', message: 'required' }],
        },
      );
    return code;
  }

  /**
   * Takes in one event inside `tx`: validates, opens the case, records the channel, and routes it
   * by the dispatch catalogue (no matching rule → it waits in the dispatcher's queue).
   */
  async function intakeInTx(tx: Executor, actor: Actor, channel: Channel, input: IntakeInput) {
    const category = await leafCategory(tx, input.categoryCode);
    const divisionCode = await resolveDivision(tx, input);
    const description = input.description.trim();
    const where = input.address?.trim() || description.replace(/\s+/g, ' ').slice(0, 30);
    const data: Record<string, unknown> = { category: category.code, description, channel };
    if (input.location) data.location = { lng: input.location.lng, lat: input.location.lat };
    if (input.address?.trim()) data.address = input.address.trim();
    if (input.photos?.length) data.photos = input.photos;
    if (input.hotlineOrderNo) data.hotline_order_no = input.hotlineOrderNo;
    const opened = await kernel.cases.openInTransaction(tx, actor, {
      typeCode: EVENT_TYPE,
      title: `${category.nameZh}：${where}`.slice(0, 200),
      divisionCode,
      data,
    });
    await tx.insert(governanceReport).values({
      caseId: opened.id,
      number: opened.number,
      channel,
      reporterName: input.reporterName?.trim() || null,
      reporterPhone: input.reporterPhone?.trim() || null,
      trackingHash: input.trackingHash ?? null,
      open311Token: input.open311Token ?? null,
      externalId: input.externalId ?? null,
      createdAt: clock.now(),
    });
    const route = await routeReport(kernel, tx, {
      departmentCode: input.departmentCode,
      category,
      divisionCode,
      data,
    });
    if (route)
      return kernel.cases.transitionInTransaction(tx, channelActor('event'), opened.id, {
        transition: 'dispatch',
        expectedVersion: opened.version,
        ...route,
      });
    return opened;
  }

  function parseIntake(input: unknown): IntakeInput {
    const parsed = intakeSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    return parsed.data;
  }

  /** A grid worker's (or any staff member's) report, in their scope. */
  async function reportAsStaff(actor: Actor, input: unknown) {
    const parsed = parseIntake(input);
    return kernel.transaction(async (tx) => {
      let divisionCode = await resolveDivision(tx, parsed);
      if (!parsed.divisionCode && !can(actor, P.report, { divisionCode })) {
        // A grid worker reports for their own village: the township found from the location is
        // wider than their grant, so the event goes to the village they cover within it.
        const own = actor.grants
          .filter(
            (g) =>
              can({ ...actor, grants: [g] }, P.report) && g.divisionCode.startsWith(divisionCode.slice(0, 9)),
          )
          .map((g) => g.divisionCode)
          .sort((a, b) => b.localeCompare(a))[0];
        if (own) divisionCode = own;
      }
      requirePermission(actor, P.report, { divisionCode });
      return intakeInTx(tx, actor, 'grid', { ...parsed, divisionCode });
    });
  }

  function newTrackingPassword(): string {
    return Array.from({ length: 8 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
  }

  /** A citizen's report from the public page (no login): returns the number and tracking password once. */
  async function reportPublic(
    input: unknown,
    channel: 'public' | 'open311' = 'public',
    open311Token?: string,
  ) {
    const parsed = parseIntake(input);
    const categories = await listCategories({ publicOnly: true });
    if (!categories.some((c) => c.code === parsed.categoryCode && c.leaf))
      throw new InputError('governance.category.unknown', `Unknown event category ${parsed.categoryCode}.`, {
        errors: [{ path: '/categoryCode', message: 'unknown category' }],
      });
    if (!parsed.location && !parsed.divisionCode)
      throw new InputError('governance.location.required', 'Give the location of the event.', {
        errors: [{ path: '/location', message: 'required' }],
      });
    const password = newTrackingPassword();
    const trackingHash = await hashPassword(password);
    const created = await kernel.transaction((tx) =>
      intakeInTx(tx, channelActor(channel), channel, { ...parsed, trackingHash, open311Token }),
    );
    return { case: created, number: created.number, password };
  }

  async function reportByNumber(executor: Executor, number: string) {
    const [report] = await executor
      .select()
      .from(governanceReport)
      .where(eq(governanceReport.number, number));
    return report ?? null;
  }

  /** The reporter's view of their event: number + tracking password, nothing personal. */
  async function track(number: string, password: string) {
    const report = /^[A-Z]{1,6}\d{14}$/.test(number) ? await reportByNumber(db, number) : null;
    const ok = report?.trackingHash ? await verifyPassword(report.trackingHash, password) : false;
    if (!report || !ok)
      throw new NotFoundError('governance.tracking.not_found', 'No event with this number and password.');
    return publicView(report.caseId);
  }

  /** What anyone may see of an event: state, category, place, timeline of steps, result. */
  async function publicView(caseId: string) {
    const [row] = await db.select().from(casesCase).where(eq(casesCase.id, caseId));
    if (!row) throw new NotFoundError('governance.tracking.not_found', 'No such event.');
    const history = await db
      .select({ transition: casesHistory.transition, toState: casesHistory.toState, at: casesHistory.at })
      .from(casesHistory)
      .where(eq(casesHistory.caseId, caseId))
      .orderBy(asc(casesHistory.seq));
    const [category] = await db
      .select()
      .from(governanceCategory)
      .where(eq(governanceCategory.code, String(row.data.category)));
    const [department] = row.departmentId
      ? await db
          .select({ name: orgDepartment.name, nameEn: orgDepartment.nameEn })
          .from(orgDepartment)
          .where(eq(orgDepartment.id, row.departmentId))
      : [];
    const states = new Map(governanceEventType.states.map((s) => [s.code, s.name]));
    const steps = new Map(governanceEventType.transitions.map((t) => [t.code, t.name]));
    const publicSteps = new Set([
      'open',
      'dispatch',
      'redispatch',
      'accept',
      'assign',
      'close',
      'co_done',
      'merge',
      'merged_close',
      'rate',
      'reopen',
      'reject_return',
    ]);
    const closable = row.closedAt && row.state === 'closed';
    let rateUntil: string | null = null;
    if (closable) {
      const until = kernel.calendar.addWorkingDays(row.closedAt!, 10);
      if (clock.now() <= until) rateUntil = until.toISOString();
    }
    return {
      number: row.number,
      state: row.state,
      stateName: states.get(row.state) ?? { zh: row.state, en: row.state },
      category: category
        ? { code: category.code, nameZh: category.nameZh, nameEn: category.nameEn }
        : {
            code: String(row.data.category),
            nameZh: String(row.data.category),
            nameEn: String(row.data.category),
          },
      address: (row.data.address as string | undefined) ?? null,
      location: (row.data.location as LngLat | undefined) ?? null,
      department: department ?? null,
      openedAt: row.openedAt,
      closedAt: row.closedAt,
      dueAt: row.dueAt,
      result: (row.data.result as string | undefined) ?? null,
      resultPhotos: ((row.data.result_photos as string[] | undefined) ?? []).length,
      rating: (row.data.rating as string | undefined) ?? null,
      rateUntil,
      timeline: history
        .filter((h) => publicSteps.has(h.transition))
        .map((h) => ({
          at: h.at,
          step: h.transition,
          stepName:
            h.transition === 'open'
              ? { zh: '已受理', en: 'Received' }
              : h.transition === 'merged_close'
                ? { zh: '与同类事件一并办结', en: 'Closed with the case it was merged into' }
                : (steps.get(h.transition) ?? { zh: h.transition, en: h.transition }),
          state: h.toState,
        })),
    };
  }

  const ratingSchema = z.object({
    rating: z.enum(RATINGS.map((r) => r.value) as [string, ...string[]]),
    comment: z.string().trim().max(500).nullish(),
  });

  /** The reporter rates a closed event (好差评); a bad rating opens a rectification case. */
  async function ratePublic(number: string, password: string, input: unknown) {
    const parsed = ratingSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    const view = await track(number, password);
    if (view.state !== 'closed')
      throw new ConflictError('governance.rating.not_closed', 'Only a closed event can be rated, once.');
    const report = (await reportByNumber(db, number))!;
    const { version } = await kernel.cases.getCase(systemActor, report.caseId);
    await kernel.cases.transition(channelActor(report.channel as Channel), report.caseId, {
      transition: 'rate',
      expectedVersion: version,
      data: {
        rating: parsed.data.rating,
        ...(parsed.data.comment ? { rating_comment: parsed.data.comment } : {}),
      },
    });
    return track(number, password);
  }

  /** How an event came in, with the reporter's contact masked unless the actor may dispatch. */
  async function channelOf(actor: Actor, caseId: string) {
    const [report] = await db.select().from(governanceReport).where(eq(governanceReport.caseId, caseId));
    if (!report) return null;
    const [row] = await db
      .select({ divisionCode: casesCase.divisionCode, departmentId: casesCase.departmentId })
      .from(casesCase)
      .where(eq(casesCase.id, caseId));
    const full = row ? can(actor, P.dispatch, { divisionCode: row.divisionCode }) : false;
    return {
      channel: report.channel,
      channelName: CHANNELS.find((c) => c.value === report.channel)?.name ?? null,
      reporterName: full ? report.reporterName : maskName(report.reporterName),
      reporterPhone: full ? report.reporterPhone : maskPhone(report.reporterPhone),
      externalId: report.externalId,
      masked: !full,
    };
  }

  /** Located events in the actor's scope, for the events map. */
  async function mapPoints(actor: Actor, query: { open?: boolean; limit?: number }) {
    const page = await kernel.cases.listCases(actor, {
      typeCode: EVENT_TYPE,
      open: query.open,
      limit: Math.min(query.limit ?? 200, 200),
    });
    return page.items
      .filter((c) => c.data.location)
      .map((c) => ({
        id: c.id,
        number: c.number,
        title: c.title,
        state: c.state,
        lng: (c.data.location as LngLat).lng,
        lat: (c.data.location as LngLat).lat,
        dueAt: c.dueAt,
        closedAt: c.closedAt,
      }));
  }

  return {
    install,
    listPlatforms,
    renamePlatform,
    listCategories,
    saveCategory,
    intakeInTx,
    reportAsStaff,
    reportPublic,
    track,
    publicView,
    ratePublic,
    channelOf,
    mapPoints,
    reportByNumber,
    region,
  };
}

export type GovernanceService = ReturnType<typeof createGovernanceService>;
