import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { KernelError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { eq } from 'drizzle-orm';
import { EVENT_TYPE } from './case-types';

/** Where a new report goes: its department, handling limit, grade and the note saying why. */
export interface ReportRoute {
  departmentId: string;
  limits: { handle: number };
  grade?: string;
  note: string;
}

/**
 * The route of a new report: straight to the responsible department a module named (a sensing
 * alarm's station owner), else by the dispatch catalogue; null leaves it to the dispatcher.
 */
export async function routeReport(
  kernel: Kernel,
  tx: Executor,
  report: {
    departmentCode?: string | null;
    category: { code: string; limitDays: number };
    divisionCode: string;
    data: Record<string, unknown>;
  },
): Promise<ReportRoute | null> {
  const { category, divisionCode, data } = report;
  if (report.departmentCode) {
    const [department] = await tx
      .select({ id: orgDepartment.id, name: orgDepartment.name })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, report.departmentCode));
    if (department)
      return {
        departmentId: department.id,
        limits: { handle: category.limitDays },
        note: `按责任单位直接分拨至${department.name}`,
      };
  }
  let route: Awaited<ReturnType<typeof kernel.dispatch.route>> | null = null;
  try {
    route = await kernel.dispatch.route(tx, EVENT_TYPE, { category: category.code, divisionCode, data });
  } catch (error) {
    if (!(error instanceof KernelError)) throw error; // no catalogue or no rule: the dispatcher decides
  }
  if (!route?.departmentId) return null;
  return {
    departmentId: route.departmentId,
    limits: { handle: route.limitDays ?? category.limitDays },
    grade: route.grade,
    note: `按派单目录（第 ${route.catalogueVersion} 版第 ${route.ruleIndex + 1} 条）自动分拨`,
  };
}
