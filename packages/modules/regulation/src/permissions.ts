import { definePermissions } from '@zhizhi/kernel/access';
import { defineRoles, grantToRole } from '@zhizhi/kernel/identity';

/** The regulation module's permissions. Shop code pages and published results are public. */
export const REGULATION_PERMISSIONS = {
  /** See market subjects, their records, classes, inspections and warnings. */
  read: 'regulation.subject.read',
  /** Register and change market subjects; add credit records by hand. */
  manageSubjects: 'regulation.subject.manage',
  /** Edit rating rule sets and re-rate. */
  manageRules: 'regulation.rules.manage',
  /** Keep the item list and the inspector roster; prepare, commit and run draws. */
  managePlans: 'regulation.plan.manage',
  /** Inspect (the inspector also has to be on the roster). */
  inspect: 'regulation.inspection.conduct',
  /** Publish inspection results (双随机一公开). */
  publish: 'regulation.inspection.publish',
  /** Follow up overdue rectifications (码上督查). */
  supervise: 'regulation.inspection.supervise',
  /** Decide referred cases (行政处罚) and credit repair; answer shops' help requests. */
  decide: 'regulation.case.decide',
  /** Taken for an inspector by the module after checking the roster (record, re-inspect). */
  recordStep: 'regulation.inspection.record_step',
  /** Taken for the shop by the module after checking it is the shop (码上整改, 码上帮办, 信用修复). */
  shopActs: 'regulation.shop.act',
} as const;

definePermissions([
  {
    code: REGULATION_PERMISSIONS.read,
    nameZh: '查看市场主体与信用',
    nameEn: 'View market subjects and credit',
  },
  {
    code: REGULATION_PERMISSIONS.manageSubjects,
    nameZh: '维护市场主体与信用记录',
    nameEn: 'Maintain market subjects and credit records',
  },
  {
    code: REGULATION_PERMISSIONS.manageRules,
    nameZh: '维护信用评价规则',
    nameEn: 'Maintain credit rating rules',
  },
  {
    code: REGULATION_PERMISSIONS.managePlans,
    nameZh: '维护检查事项、执法人员名录与抽查计划',
    nameEn: 'Maintain inspection items, the inspector roster and sampling plans',
  },
  { code: REGULATION_PERMISSIONS.inspect, nameZh: '实施检查', nameEn: 'Carry out inspections' },
  { code: REGULATION_PERMISSIONS.publish, nameZh: '公示检查结果', nameEn: 'Publish inspection results' },
  { code: REGULATION_PERMISSIONS.supervise, nameZh: '整改督查', nameEn: 'Follow up rectifications' },
  {
    code: REGULATION_PERMISSIONS.decide,
    nameZh: '处罚决定、信用修复审核与帮办答复',
    nameEn: 'Decide penalties, credit repair and help requests',
  },
  {
    code: REGULATION_PERMISSIONS.shopActs,
    nameZh: '商户整改与帮办（商户）',
    nameEn: 'Rectify and ask for help (shop)',
  },
]);
defineRoles([
  {
    code: 'inspector',
    nameZh: '执法检查人员',
    nameEn: 'Inspector',
    permissions: ['org.read', REGULATION_PERMISSIONS.read, REGULATION_PERMISSIONS.inspect],
  },
]);
grantToRole('dept_admin', [
  REGULATION_PERMISSIONS.read,
  REGULATION_PERMISSIONS.manageSubjects,
  REGULATION_PERMISSIONS.manageRules,
  REGULATION_PERMISSIONS.managePlans,
  REGULATION_PERMISSIONS.publish,
  REGULATION_PERMISSIONS.supervise,
  REGULATION_PERMISSIONS.decide,
]);
grantToRole('handler', [
  REGULATION_PERMISSIONS.read,
  REGULATION_PERMISSIONS.inspect,
  REGULATION_PERMISSIONS.publish,
  REGULATION_PERMISSIONS.decide,
]);
grantToRole('leader', [REGULATION_PERMISSIONS.read, REGULATION_PERMISSIONS.supervise]);
