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

/** A role a module contributes (e.g. governance's 调度员). */
export interface RoleDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  permissions: readonly string[];
}

const contributedRoles = new Map<string, RoleDefinition>();
const contributedGrants = new Map<string, Set<string>>();

/** Modules declare roles their business needs; they are built in like the kernel's. */
export function defineRoles(roles: readonly RoleDefinition[]): void {
  for (const r of roles) contributedRoles.set(r.code, r);
}

/** Modules add their permissions to a built-in role (e.g. the leader may assign 督办 tasks). */
export function grantToRole(roleCode: string, permissions: readonly string[]): void {
  const set = contributedGrants.get(roleCode) ?? new Set<string>();
  for (const p of permissions) set.add(p);
  contributedGrants.set(roleCode, set);
}

/** The built-in roles with what modules contributed. */
export function allBuiltinRoles(): RoleDefinition[] {
  const roles: RoleDefinition[] = [...builtinRoles, ...contributedRoles.values()];
  return roles.map((r) => ({
    ...r,
    permissions: [...new Set([...r.permissions, ...(contributedGrants.get(r.code) ?? [])])],
  }));
}

/** Inserts or refreshes the built-in roles (idempotent; runs at every start). */
export async function ensureBuiltinRoles(executor: Executor): Promise<void> {
  for (const role of allBuiltinRoles()) {
    await executor
      .insert(identityRole)
      .values({ ...role, permissions: [...role.permissions], builtin: true })
      .onConflictDoUpdate({
        target: identityRole.code,
        set: { nameZh: role.nameZh, nameEn: role.nameEn, permissions: [...role.permissions], builtin: true },
      });
  }
}
