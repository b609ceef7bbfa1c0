import { randomBytes } from 'node:crypto';
import { casesCase } from '@zhizhi/kernel/cases';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import type { Kernel } from '@zhizhi/kernel';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { EVENT_TYPE } from './case-types';
import type { GovernanceService } from './governance-service';
import { governanceReport } from './schema';

/** Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the governance events. */
export interface Open311Options {
  /** The jurisdiction_id clients may pass (e.g. `fenghua.gov.cn`); any other is refused. */
  jurisdictionId: string;
  /** Where this endpoint is served, for discovery (absolute URL, no trailing slash). */
  baseUrl: string;
  contact: string;
  /** Postal code of the district (奉化 315500). */
  zipcode: string | null;
}

type Lang = 'zh' | 'en';

/** Beijing-time ISO 8601 with offset, as the spec's examples give it. */
function w3c(at: Date | null): string | null {
  if (!at) return null;
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

const dateParam = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'a W3C date-time');

export const open311QuerySchema = z.object({
  jurisdiction_id: z.string().max(100).optional(),
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(2000).optional(),
  start_date: dateParam.optional(),
  end_date: dateParam.optional(),
  status: z.string().max(20).optional(),
});

export const open311PostSchema = z.object({
  jurisdiction_id: z.string().max(100).optional(),
  api_key: z.string().max(200).optional(),
  service_code: z.string().min(1).max(96),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().max(200).optional(),
  address_id: z.string().max(64).optional(),
  email: z.string().max(200).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  first_name: z.string().max(40).optional(),
  last_name: z.string().max(40).optional(),
  phone: z.string().max(32).optional(),
  description: z.string().max(4000).optional(),
  media_url: z.string().max(2000).optional(),
});

const sqlCategory = sql<string>`${casesCase.data} ->> 'category'`;

export function createOpen311(kernel: Kernel, governance: GovernanceService, options: Open311Options) {
  const { db, clock } = kernel;

  function checkJurisdiction(id: string | undefined) {
    if (id && id !== options.jurisdictionId)
      throw new NotFoundError('open311.jurisdiction.unknown', `Unknown jurisdiction_id ${id}.`);
  }

  function discovery() {
    return {
      changeset: '2026-11-29T00:00:00+08:00',
      contact: options.contact,
      key_service: 'No API key is needed to report or read events.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: options.baseUrl,
          changeset: '2026-11-29T00:00:00+08:00',
          type: 'production',
          formats: ['application/json'],
        },
      ],
    };
  }

  async function services(lang: Lang, jurisdictionId?: string) {
    checkJurisdiction(jurisdictionId);
    const categories = await governance.listCategories({ publicOnly: true });
    const groups = new Map(categories.filter((c) => !c.leaf).map((c) => [c.code, c]));
    return categories
      .filter((c) => c.leaf)
      .map((c) => {
        const group = c.parentCode ? groups.get(c.parentCode) : undefined;
        return {
          service_code: c.code,
          service_name: lang === 'zh' ? c.nameZh : c.nameEn,
          description:
            lang === 'zh'
              ? `${c.nameZh}（承诺${c.limitDays}个工作日内办结）`
              : `${c.nameEn} (handled within ${c.limitDays} working days)`,
          metadata: false,
          type: 'realtime',
          keywords: [c.nameZh, c.nameEn].join(','),
          group: group ? (lang === 'zh' ? group.nameZh : group.nameEn) : '',
        };
      });
  }

  async function serviceDefinition(code: string, lang: Lang, jurisdictionId?: string) {
    checkJurisdiction(jurisdictionId);
    const found = (await services(lang)).find((s) => s.service_code === code);
    if (!found) throw new NotFoundError('open311.service.not_found', `No service ${code}.`);
    // No extra attributes: description, location and contact are the standard fields.
    return { service_code: code, attributes: [] as unknown[] };
  }

  async function toRequests(rows: (typeof casesCase.$inferSelect)[], lang: Lang) {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const reports = new Map(
      (await db.select().from(governanceReport).where(inArray(governanceReport.caseId, ids))).map((r) => [
        r.caseId,
        r,
      ]),
    );
    const departmentIds = [...new Set(rows.map((r) => r.departmentId).filter((d): d is string => !!d))];
    const departments = new Map(
      (departmentIds.length
        ? await db.select().from(orgDepartment).where(inArray(orgDepartment.id, departmentIds))
        : []
      ).map((d) => [d.id, d]),
    );
    const categories = new Map((await governance.listCategories()).map((c) => [c.code, c]));
    return rows.map((r) => {
      const category = categories.get(String(r.data.category));
      const report = reports.get(r.id);
      const location = r.data.location as { lng: number; lat: number } | undefined;
      const department = r.departmentId ? departments.get(r.departmentId) : undefined;
      // What a citizen wrote on a public channel is public; hotline and grid notes may hold personal data.
      const publicText = report?.channel === 'public' || report?.channel === 'open311';
      return {
        service_request_id: r.number,
        status: (r.closedAt ? 'closed' : 'open') as 'open' | 'closed',
        status_notes: r.closedAt ? ((r.data.result as string | undefined) ?? null) : null,
        service_name: category
          ? lang === 'zh'
            ? category.nameZh
            : category.nameEn
          : String(r.data.category),
        service_code: String(r.data.category),
        description: publicText ? String(r.data.description ?? '') : category ? category.nameZh : '',
        agency_responsible: department ? (lang === 'zh' ? department.name : department.nameEn) : null,
        service_notice: null as string | null,
        requested_datetime: w3c(r.openedAt),
        updated_datetime: w3c(r.updatedAt),
        expected_datetime: w3c(r.dueAt),
        address: (r.data.address as string | undefined) ?? null,
        address_id: null as string | null,
        zipcode: options.zipcode,
        lat: location?.lat ?? null,
        long: location?.lng ?? null,
        media_url: null as string | null,
      };
    });
  }

  /** GET requests.json with the spec's filters: by default the last 90 days, at most 1000. */
  async function listRequests(query: z.infer<typeof open311QuerySchema>, lang: Lang) {
    checkJurisdiction(query.jurisdiction_id);
    const conditions = [eq(casesCase.typeCode, EVENT_TYPE), isNull(casesCase.mergedInto)];
    if (query.service_request_id) {
      const numbers = query.service_request_id
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 1000);
      conditions.push(inArray(casesCase.number, numbers));
    } else {
      const end = query.end_date ? new Date(query.end_date) : clock.now();
      const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - 90 * 86_400_000);
      if (start > end) throw new InputError('open311.dates.invalid', 'start_date is after end_date.');
      conditions.push(gte(casesCase.openedAt, start), lte(casesCase.openedAt, end));
      if (query.service_code) {
        const codes = query.service_code
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        conditions.push(inArray(sqlCategory, codes));
      }
      if (query.status) {
        const statuses = query.status.split(',').map((s) => s.trim());
        if (statuses.some((s) => s !== 'open' && s !== 'closed'))
          throw new InputError('open311.status.invalid', 'status is open or closed.');
        if (statuses.length === 1)
          conditions.push(
            statuses[0] === 'open' ? isNull(casesCase.closedAt) : isNotNull(casesCase.closedAt),
          );
      }
    }
    const rows = await db
      .select()
      .from(casesCase)
      .where(and(...conditions))
      .orderBy(desc(casesCase.openedAt))
      .limit(1000);
    return toRequests(rows, lang);
  }

  async function getRequest(number: string, lang: Lang, jurisdictionId?: string) {
    checkJurisdiction(jurisdictionId);
    const rows = await db
      .select()
      .from(casesCase)
      .where(and(eq(casesCase.typeCode, EVENT_TYPE), eq(casesCase.number, number)));
    if (!rows.length) throw new NotFoundError('open311.request.not_found', `No service request ${number}.`);
    const row = rows[0];
    // A merged report is answered with the case it was merged into.
    if (row.mergedInto) {
      const [primary] = await db.select().from(casesCase).where(eq(casesCase.id, row.mergedInto));
      const [answer] = await toRequests([{ ...row, state: primary.state, closedAt: primary.closedAt }], lang);
      return [answer];
    }
    return toRequests(rows, lang);
  }

  /** POST requests.json: creates the event at once and answers with its id and a token. */
  async function createRequest(input: z.infer<typeof open311PostSchema>) {
    checkJurisdiction(input.jurisdiction_id);
    if (input.lat === undefined || input.long === undefined)
      if (!input.address_string)
        throw new InputError('open311.location.required', 'lat and long (or address_string) are required.');
    const token = randomBytes(12).toString('hex');
    const name = [input.last_name, input.first_name].filter(Boolean).join('') || null;
    const { number } = await governance.reportPublic(
      {
        categoryCode: input.service_code,
        description: input.description ?? '',
        location:
          input.lat !== undefined && input.long !== undefined ? { lat: input.lat, lng: input.long } : null,
        address: input.address_string ?? null,
        reporterName: name,
        reporterPhone: input.phone?.replace(/\s+/g, '') || null,
      },
      'open311',
      token,
    );
    return [
      { service_request_id: number, token, service_notice: '已受理，可凭编号查询办理进度', account_id: null },
    ];
  }

  async function token(value: string, jurisdictionId?: string) {
    checkJurisdiction(jurisdictionId);
    const [report] = /^[0-9a-f]{24}$/.test(value)
      ? await db.select().from(governanceReport).where(eq(governanceReport.open311Token, value))
      : [];
    if (!report) throw new NotFoundError('open311.token.not_found', `No request for token ${value}.`);
    return [{ service_request_id: report.number, token: value }];
  }

  return { discovery, services, serviceDefinition, listRequests, getRequest, createRequest, token };
}

export type Open311 = ReturnType<typeof createOpen311>;
