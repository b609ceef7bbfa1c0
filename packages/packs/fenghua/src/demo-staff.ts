import { townOfficeCode, townUnitCode } from './departments';
import { FENGHUA_DISTRICT_CODE } from './divisions';
import { syntheticName, syntheticPhone } from './people';

export type DemoRoleCode =
  | 'admin'
  | 'dept_admin'
  | 'auditor'
  | 'leader'
  | 'grid_worker'
  | 'town_operator'
  | 'dispatcher'
  | 'handler';

/**
 * A role held within a division scope (that division and everything under it); `ownDepartment`
 * limits it further to the staff member's department (a handler sees only their unit's cases).
 */
export type DemoRoleGrant = { roleCode: DemoRoleCode; divisionCode: string; ownDepartment?: boolean };

/** A demo staff account. No password here: the seeder generates one per install and prints it. */
export type DemoStaffSeed = {
  /** ASCII login name. */
  username: string;
  /** Synthetic Chinese name. */
  displayName: string;
  /** What the account stands for on the demo login page, e.g. 人社局部门管理员. */
  title: string;
  departmentCode: string;
  /** Synthetic 1990000xxxx number. */
  phone: string;
  roles: DemoRoleGrant[];
};

const XIKOU = '330213100000';
const JINPING = '330213001000';
// Demo villages: 南门社区 (锦屏街道) in the old town, 岩头村 (溪口镇) the tourist 岩头古村.
const NANMEN_COMMUNITY = '330213001005';
const YANTOU_VILLAGE = '330213100225';

function staff(
  n: number,
  username: string,
  title: string,
  departmentCode: string,
  roleCode: DemoRoleCode,
  divisionCode: string,
): DemoStaffSeed {
  return {
    username,
    displayName: syntheticName(1000 + n),
    title,
    departmentCode,
    phone: syntheticPhone(n),
    // A department administrator administers their own department only.
    roles: [{ roleCode, divisionCode, ...(roleCode === 'dept_admin' ? { ownDepartment: true } : {}) }],
  };
}

/** One account per demo role (two grid workers: a community in town, a village in the hills). */
export const fenghuaDemoStaff: DemoStaffSeed[] = [
  staff(1, 'admin', '系统管理员', 'dsj', 'admin', FENGHUA_DISTRICT_CODE),
  staff(2, 'rsj.admin', '人社局部门管理员', 'rsj', 'dept_admin', FENGHUA_DISTRICT_CODE),
  staff(3, 'audit', '审计员', 'sjj', 'auditor', FENGHUA_DISTRICT_CODE),
  staff(4, 'leader', '区领导', 'qfb', 'leader', FENGHUA_DISTRICT_CODE),
  staff(
    5,
    'grid.jinping',
    '锦屏街道南门社区网格员',
    townOfficeCode('330213001000'),
    'grid_worker',
    NANMEN_COMMUNITY,
  ),
  staff(6, 'grid.xikou', '溪口镇岩头村网格员', townOfficeCode(XIKOU), 'grid_worker', YANTOU_VILLAGE),
  staff(7, 'xikou.window', '溪口镇便民服务中心窗口', townOfficeCode(XIKOU), 'town_operator', XIKOU),
  staff(8, 'dispatcher', '区社会治理中心调度员', 'shzl', 'dispatcher', FENGHUA_DISTRICT_CODE),
  {
    ...staff(9, 'zhzf.xikou', '溪口镇综合执法队队员', townUnitCode('zhzf', XIKOU), 'handler', XIKOU),
    roles: [{ roleCode: 'handler', divisionCode: XIKOU, ownDepartment: true }],
  },
  {
    ...staff(10, 'zhzf.jinping', '锦屏街道综合执法队队员', townUnitCode('zhzf', JINPING), 'handler', JINPING),
    roles: [{ roleCode: 'handler', divisionCode: JINPING, ownDepartment: true }],
  },
  // A second department administrator: 民政局 requests 人社局 data (e.g. for 低保 reviews) through sharing.
  staff(11, 'mzj.admin', '民政局部门管理员', 'mzj', 'dept_admin', FENGHUA_DISTRICT_CODE),
  // 一网通办: the district centre's window, and handlers of the bureaus in the 开餐馆 bundle.
  staff(12, 'zwfw.window', '区政务服务中心综合受理窗口', 'zwfw', 'town_operator', FENGHUA_DISTRICT_CODE),
  ...(
    [
      [13, 'scjgj.handler', '市场监管局审批科办件人员', 'scjgj'],
      [14, 'zhzfj.handler', '综合行政执法局审批人员', 'zhzfj'],
      [15, 'yjj.handler', '应急管理局审批人员', 'yjj'],
      // 双随机一公开: two inspectors of 市场监管局 on the inspector roster (执法检查人员名录).
      [16, 'scjgj.inspector1', '市场监管局执法人员（双随机检查）', 'scjgj'],
      [17, 'scjgj.inspector2', '市场监管局执法人员（双随机检查）', 'scjgj'],
    ] as const
  ).map(([n, username, title, department]) => ({
    ...staff(n, username, title, department, 'handler', FENGHUA_DISTRICT_CODE),
    roles: [{ roleCode: 'handler' as const, divisionCode: FENGHUA_DISTRICT_CODE, ownDepartment: true }],
  })),
  // 一屏通览: the bureau answerable for the supervision targets receives the cockpit's 督办 tasks.
  staff(18, 'scjgj.admin', '市场监管局部门管理员（督办任务）', 'scjgj', 'dept_admin', FENGHUA_DISTRICT_CODE),
];
