import type { Kernel } from '@zhizhi/kernel';
import { type Executor, rows } from '@zhizhi/kernel/db';
import { sql } from 'drizzle-orm';

/**
 * 浙政钉 verification and activation, measured on the platform's own staff accounts: an enabled
 * account counts as activated once its holder has set their own password (no pending forced change).
 */
export async function registerStaffActivation(kernel: Kernel, executor: Executor, district: string) {
  await kernel.indicators.define(executor, {
    code: 'identity.staff_activation',
    nameZh: '工作人员账号激活率',
    nameEn: 'Staff accounts activated',
    unit: 'percent',
    direction: 'higher_better',
    target: 100,
    formula: 'enabled staff accounts that set their own password / enabled staff accounts',
    owner: 'cockpit',
  });
  kernel.indicators.registerComputer('identity.staff_activation', async ({ tx }) => {
    const list = await rows<{ department: string | null; n: number; d: number }>(
      tx,
      sql`select dep.code as department, count(*) filter (where not s.must_change_password)::int as n, count(*)::int as d
        from identity_staff s left join org_department dep on dep.id = s.department_id
        where s.status = 'active' group by 1`,
    );
    const n = list.reduce((a, r) => a + r.n, 0);
    const d = list.reduce((a, r) => a + r.d, 0);
    return [
      { scopeType: 'division' as const, scopeCode: district, numerator: n, denominator: d },
      ...list
        .filter((r) => r.department)
        .map((r) => ({
          scopeType: 'department' as const,
          scopeCode: r.department as string,
          numerator: r.n,
          denominator: r.d,
        })),
    ];
  });
}
