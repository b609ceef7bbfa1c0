import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

/** Dispatch tasks, urge and evaluate departments (区领导, 督查室). */
export const TASK_MANAGE = 'governance.task.manage';
/** Accept and report on one's own department's assignments. */
export const TASK_REPORT = 'governance.task.report';
/** View tasks and assignments within the grant's scope. */
export const TASK_READ = 'governance.task.read';

definePermissions([
  {
    code: TASK_MANAGE,
    nameZh: '督查督办：交办、催办、评价',
    nameEn: 'Supervision: dispatch, urge, evaluate',
  },
  {
    code: TASK_REPORT,
    nameZh: '督查督办：签收与报送（本部门）',
    nameEn: 'Supervision: accept and report (own department)',
  },
  { code: TASK_READ, nameZh: '督查督办：查看', nameEn: 'Supervision: view tasks' },
]);

// Built-in roles pick these up when the kernel starts (ensureBuiltinRoles); admin has '*'.
grantToRole('leader', [TASK_MANAGE, TASK_READ]);
grantToRole('dept_admin', [TASK_REPORT]);
