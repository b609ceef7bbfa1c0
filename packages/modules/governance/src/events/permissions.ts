import { definePermissions } from '@zhizhi/kernel/access';
import { defineRoles, grantToRole } from '@zhizhi/kernel/identity';

/** The permissions of grassroots event handling, checked in the case's division and department. */
export const P = {
  report: 'governance.case.report',
  read: 'governance.case.read',
  dispatch: 'governance.case.dispatch',
  assign: 'governance.case.assign',
  handle: 'governance.case.handle',
  supervise: 'governance.case.supervise',
  rate: 'governance.case.rate',
  categories: 'governance.category.manage',
  hotline: 'governance.hotline.import',
  catalogue: 'cases.catalogue.manage',
} as const;

definePermissions([
  { code: P.report, nameZh: '上报基层治理事件', nameEn: 'Report grassroots events' },
  { code: P.read, nameZh: '查看基层治理事件', nameEn: 'View grassroots events' },
  {
    code: P.dispatch,
    nameZh: '分拨、改派、合并与审批延期',
    nameEn: 'Dispatch, re-dispatch, merge, approve extensions',
  },
  { code: P.assign, nameZh: '指派处置人员', nameEn: 'Assign handlers' },
  { code: P.handle, nameZh: '签收与处置事件', nameEn: 'Accept and handle events' },
  { code: P.supervise, nameZh: '督办事件', nameEn: 'Write supervision notes' },
  { code: P.rate, nameZh: '代群众评价（回访）', nameEn: 'Record ratings (call-backs)' },
  { code: P.categories, nameZh: '维护事件分类与四平台', nameEn: 'Maintain event categories and platforms' },
  { code: P.hotline, nameZh: '导入12345工单', nameEn: 'Import 12345 hotline orders' },
]);

defineRoles([
  {
    code: 'dispatcher',
    nameZh: '调度员（指挥中心）',
    nameEn: 'Dispatcher (command centre)',
    permissions: ['org.read', P.report, P.read, P.dispatch, P.assign, P.supervise, P.rate, P.hotline],
  },
  {
    code: 'handler',
    nameZh: '处置人员',
    nameEn: 'Case handler',
    permissions: ['org.read', P.read, P.handle],
  },
]);
grantToRole('grid_worker', [P.report, P.read]);
grantToRole('leader', [P.read, P.supervise]);
grantToRole('dept_admin', [P.read, P.assign]);
