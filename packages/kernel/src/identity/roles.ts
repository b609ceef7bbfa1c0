import type { Executor } from '../db/types';
import { identityRole } from './schema';

/** Built-in roles. Modules' permissions reach `admin` through '*'. */
export const builtinRoles = [
  { code: 'admin', nameZh: '系统管理员', nameEn: 'System administrator', permissions: ['*'] },
  {
    code: 'dept_admin',
    nameZh: '部门管理员',
    nameEn: 'Department administrator',
    permissions: ['org.read', 'staff.read', 'staff.manage'],
  },
  {
    code: 'auditor',
    nameZh: '审计员',
    nameEn: 'Auditor',
    permissions: ['audit.read', 'org.read', 'staff.read', 'jobs.read'],
  },
  { code: 'leader', nameZh: '领导', nameEn: 'Leader', permissions: ['org.read', 'audit.read'] },
  { code: 'grid_worker', nameZh: '网格员', nameEn: 'Grid worker', permissions: ['org.read'] },
  {
    code: 'town_operator',
    nameZh: '窗口工作人员',
    nameEn: 'Service window operator',
    permissions: ['org.read', 'identity.register'],
  },
] as const;

/** Inserts or refreshes the built-in roles (idempotent; runs at every start). */
export async function ensureBuiltinRoles(executor: Executor): Promise<void> {
  for (const role of builtinRoles) {
    await executor
      .insert(identityRole)
      .values({ ...role, permissions: [...role.permissions], builtin: true })
      .onConflictDoUpdate({
        target: identityRole.code,
        set: { nameZh: role.nameZh, nameEn: role.nameEn, permissions: [...role.permissions], builtin: true },
      });
  }
}
