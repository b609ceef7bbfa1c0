import type { Kernel } from '@zhizhi/kernel';
import { InputError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, asc, count, eq, gte, lt, sql, sum } from 'drizzle-orm';
import { dataResource } from '../catalog/schema';
import { publicResource, urlCode } from './resources';
import { dataOpenDeveloper, dataOpenUsage } from './schema';
import { beijingDay } from './usage';

const downloads = sql<string>`coalesce(sum(case when ${dataOpenUsage.kind} like 'download_%' then ${dataOpenUsage.count} else 0 end), 0)`;
const apiCalls = sql<string>`coalesce(sum(case when ${dataOpenUsage.kind} = 'api_call' then ${dataOpenUsage.count} else 0 end), 0)`;

/** The first day of the month after `month` (YYYY-MM). */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Published usage statistics (no developer is named): totals, by month, per resource and department. */
export function createOpenStats(kernel: Kernel) {
  const { db, clock } = kernel;

  async function stats(query: { month?: string } = {}) {
    const month = query.month ?? beijingDay(clock.now()).slice(0, 7);
    if (!/^20\d{2}-(0[1-9]|1[0-2])$/.test(month))
      throw new InputError('data.open.month_invalid', 'month is YYYY-MM.', {
        errors: [{ path: '/month', message: 'YYYY-MM' }],
      });
    const inMonth = and(gte(dataOpenUsage.day, `${month}-01`), lt(dataOpenUsage.day, nextMonth(month)));
    const [[resources], [developers], [all]] = await Promise.all([
      db.select({ n: count() }).from(dataResource).where(publicResource),
      db.select({ n: count() }).from(dataOpenDeveloper).where(eq(dataOpenDeveloper.status, 'active')),
      db.select({ downloads, apiCalls }).from(dataOpenUsage),
    ]);
    const monthKey = sql<string>`to_char(${dataOpenUsage.day}, 'YYYY-MM')`;
    const byMonth = await db
      .select({ month: monthKey, downloads, apiCalls })
      .from(dataOpenUsage)
      .groupBy(monthKey)
      .orderBy(asc(monthKey));
    const perResource = await db
      .select({
        code: dataResource.code,
        name: dataResource.name,
        departmentName: orgDepartment.name,
        departmentNameEn: orgDepartment.nameEn,
        downloads,
        apiCalls,
        rows: sum(dataOpenUsage.rows),
      })
      .from(dataOpenUsage)
      .innerJoin(dataResource, eq(dataResource.id, dataOpenUsage.resourceId))
      .innerJoin(orgDepartment, eq(orgDepartment.id, dataResource.providerDepartmentId))
      .where(and(inMonth, publicResource))
      .groupBy(dataResource.code, dataResource.name, orgDepartment.name, orgDepartment.nameEn)
      .orderBy(asc(dataResource.code));
    const departments = await db
      .select({
        id: orgDepartment.id,
        name: orgDepartment.name,
        nameEn: orgDepartment.nameEn,
        resources: count(),
      })
      .from(dataResource)
      .innerJoin(orgDepartment, eq(orgDepartment.id, dataResource.providerDepartmentId))
      .where(publicResource)
      .groupBy(orgDepartment.id, orgDepartment.name, orgDepartment.nameEn)
      .orderBy(asc(orgDepartment.name));
    const usageByDepartment = await db
      .select({ id: dataResource.providerDepartmentId, downloads, apiCalls })
      .from(dataOpenUsage)
      .innerJoin(dataResource, eq(dataResource.id, dataOpenUsage.resourceId))
      .where(and(inMonth, publicResource))
      .groupBy(dataResource.providerDepartmentId);
    return {
      month,
      totals: {
        openResources: Number(resources?.n ?? 0),
        downloads: Number(all?.downloads ?? 0),
        apiCalls: Number(all?.apiCalls ?? 0),
        developers: Number(developers?.n ?? 0),
      },
      byMonth: byMonth.slice(-24).map((m) => ({
        month: m.month,
        downloads: Number(m.downloads),
        apiCalls: Number(m.apiCalls),
      })),
      perResource: perResource.map((r) => ({
        code: r.code,
        urlCode: urlCode(r.code),
        name: r.name,
        departmentName: r.departmentName,
        departmentNameEn: r.departmentNameEn,
        downloads: Number(r.downloads),
        apiCalls: Number(r.apiCalls),
        rows: Number(r.rows ?? 0),
      })),
      perDepartment: departments.map((d) => {
        const usage = usageByDepartment.find((u) => u.id === d.id);
        return {
          name: d.name,
          nameEn: d.nameEn,
          resources: Number(d.resources),
          downloads: Number(usage?.downloads ?? 0),
          apiCalls: Number(usage?.apiCalls ?? 0),
        };
      }),
    };
  }

  return { stats };
}
