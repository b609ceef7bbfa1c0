/** A permission code with its display names. */
export interface PermissionDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
}

const registry = new Map<string, PermissionDefinition>();

/** Modules declare the permissions they check, so admins see them named. */
export function definePermissions(definitions: readonly PermissionDefinition[]): void {
  for (const d of definitions) registry.set(d.code, d);
}

export function listPermissions(): PermissionDefinition[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

definePermissions([
  {
    code: '*',
    nameZh: '全部权限（含今后各模块新增的权限）',
    nameEn: 'Every permission, including those modules add later',
  },
  { code: 'org.read', nameZh: '查看组织机构', nameEn: 'View organisation' },
  { code: 'org.manage', nameZh: '管理组织机构', nameEn: 'Manage organisation' },
  { code: 'staff.read', nameZh: '查看人员', nameEn: 'View staff' },
  { code: 'staff.manage', nameZh: '管理人员与角色', nameEn: 'Manage staff and roles' },
  { code: 'audit.read', nameZh: '查看审计日志', nameEn: 'View audit log' },
  { code: 'jobs.read', nameZh: '查看定时任务', nameEn: 'View jobs' },
  { code: 'jobs.manage', nameZh: '管理定时任务', nameEn: 'Manage jobs' },
  { code: 'calendar.manage', nameZh: '维护工作日历', nameEn: 'Maintain working calendar' },
  { code: 'cases.catalogue.manage', nameZh: '维护派单目录', nameEn: 'Maintain dispatch catalogues' },
  { code: 'identity.register', nameZh: '登记群众与企业', nameEn: 'Register citizens and enterprises' },
]);
