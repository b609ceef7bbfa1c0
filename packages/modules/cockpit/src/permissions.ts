import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

/** The cockpit's permissions; a grant's division or department limits what a leader sees by default. */
export const COCKPIT_PERMISSIONS = {
  /** See the cockpit and drill down (within the grant's division or department). */
  view: 'cockpit.view',
  /** Dispatch a warning as a 督办 task (the task service checks its own permission too). */
  dispatch: 'cockpit.dispatch',
  /** Enter a reported figure for an indicator one's department owns. */
  report: 'cockpit.report',
  /** Edit indicator definitions, panel layouts; rebuild counters; generate reports. */
  manage: 'cockpit.manage',
} as const;

definePermissions([
  { code: COCKPIT_PERMISSIONS.view, nameZh: '查看领导驾驶舱', nameEn: 'View the leadership cockpit' },
  { code: COCKPIT_PERMISSIONS.dispatch, nameZh: '驾驶舱预警督办', nameEn: 'Dispatch cockpit warnings' },
  { code: COCKPIT_PERMISSIONS.report, nameZh: '填报驾驶舱指标', nameEn: 'Report cockpit figures' },
  {
    code: COCKPIT_PERMISSIONS.manage,
    nameZh: '维护驾驶舱指标与布局',
    nameEn: 'Maintain cockpit indicators and layouts',
  },
]);

grantToRole('leader', [COCKPIT_PERMISSIONS.view, COCKPIT_PERMISSIONS.dispatch]);
grantToRole('dept_admin', [COCKPIT_PERMISSIONS.view, COCKPIT_PERMISSIONS.report]);
