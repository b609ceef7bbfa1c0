import { definePermissions } from '@zhizhi/kernel/access';
import type { CaseTypeDefinitionInput } from '@zhizhi/kernel/cases';
import { grantToRole } from '@zhizhi/kernel/identity';

/** The case type that carries an application for a restricted-open resource. */
export const OPEN_APPLICATION_TYPE = 'data_open_application';

export const OPEN_DATA_PERMISSIONS = {
  /** Decide open-data applications for the own department's resources. */
  review: 'data.open.review',
} as const;

definePermissions([
  {
    code: OPEN_DATA_PERMISSIONS.review,
    nameZh: '审核数据开放申请（本部门）',
    nameEn: 'Decide open-data applications (own department)',
  },
]);
grantToRole('dept_admin', [OPEN_DATA_PERMISSIONS.review]);

const n = (zh: string, en: string) => ({ zh, en });

/**
 * 数据开放申请: a developer asks for a restricted-open resource; the provider department approves
 * (possibly fewer items: `approved_items`, comma-separated item codes) or rejects with a reason,
 * within 10 working days.
 */
export const openApplicationType: CaseTypeDefinitionInput = {
  code: OPEN_APPLICATION_TYPE,
  name: n('数据开放申请', 'Open-data application'),
  numberPrefix: 'KF',
  openPermission: OPEN_DATA_PERMISSIONS.review,
  readPermission: OPEN_DATA_PERMISSIONS.review,
  fields: [
    {
      code: 'organisation',
      name: n('申请单位', 'Organisation'),
      type: 'text',
      maxLength: 100,
      required: true,
    },
    { code: 'applicant', name: n('联系人', 'Contact'), type: 'text', maxLength: 40, required: true },
    {
      code: 'resource_code',
      name: n('资源代码', 'Resource code'),
      type: 'text',
      maxLength: 32,
      required: true,
    },
    { code: 'resource_name', name: n('资源名称', 'Resource'), type: 'text', maxLength: 100, required: true },
    {
      code: 'item_codes',
      name: n('申请数据项', 'Items asked for'),
      type: 'text',
      maxLength: 4000,
      required: true,
    },
    { code: 'purpose', name: n('用途', 'Purpose'), type: 'longtext', maxLength: 1000, required: true },
    { code: 'duration_days', name: n('使用期限（天）', 'Duration (days)'), type: 'integer', required: true },
    { code: 'approved_items', name: n('同意数据项', 'Items approved'), type: 'text', maxLength: 4000 },
  ],
  states: [
    { code: 'submitted', name: n('待审核', 'To decide') },
    { code: 'approved', name: n('已同意', 'Approved'), final: true },
    { code: 'rejected', name: n('已拒绝', 'Rejected'), final: true },
  ],
  initialState: 'submitted',
  transitions: [
    {
      code: 'approve',
      name: n('同意', 'Approve'),
      from: ['submitted'],
      to: 'approved',
      permission: OPEN_DATA_PERMISSIONS.review,
    },
    {
      code: 'reject',
      name: n('拒绝', 'Reject'),
      from: ['submitted'],
      to: 'rejected',
      permission: OPEN_DATA_PERMISSIONS.review,
      noteRequired: true,
    },
  ],
  clocks: [
    {
      code: 'review',
      name: n('审核时限', 'Decision limit'),
      unit: 'working_days',
      promised: 10,
      statutory: 20,
      startOn: ['open'],
      stopOn: ['approve', 'reject'],
      warnAt: 0.8,
    },
  ],
};
