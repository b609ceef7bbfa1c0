import { definePermissions } from '@zhizhi/kernel/access';
import type { CaseTypeDefinitionInput } from '@zhizhi/kernel/cases';

/** Only the platform re-checks (system actor after a load); no role holds it. */
export const RECHECK_PERMISSION = 'data.quality.recheck';

definePermissions([
  {
    code: RECHECK_PERMISSION,
    nameZh: '数据质量复核（系统）',
    nameEn: 'Re-check data quality (system)',
  },
]);

export const QUALITY_CASE_TYPE = 'data_quality_issue';
export const OBJECTION_CASE_TYPE = 'data_objection';

const n = (zh: string, en: string) => ({ zh, en });
const text = (code: string, zh: string, en: string, maxLength = 200) => ({
  code,
  name: n(zh, en),
  type: 'text' as const,
  maxLength,
});

/**
 * 数据质量问题: opened by a load with findings, for the provider department; 5 working days to
 * correct. The next load without findings closes it (整改复核通过); the department may close it
 * with a reason.
 */
export const qualityIssueType: CaseTypeDefinitionInput = {
  code: QUALITY_CASE_TYPE,
  name: n('数据质量问题', 'Data quality issue'),
  numberPrefix: 'SJZL',
  openPermission: RECHECK_PERMISSION,
  readPermission: 'data.catalog.read',
  fields: [
    text('resource_id', '数据资源标识', 'Resource id', 36),
    text('resource_code', '信息资源代码', 'Resource code', 32),
    { code: 'load_version', name: n('归集版本', 'Load version'), type: 'integer' },
    { code: 'finding_count', name: n('问题数', 'Findings'), type: 'integer' },
    { code: 'summary', name: n('问题摘要', 'Summary'), type: 'longtext', maxLength: 8000 },
  ],
  states: [
    { code: 'open', name: n('待整改', 'To correct') },
    { code: 'corrected', name: n('已整改', 'Corrected'), final: true },
    { code: 'closed', name: n('关闭', 'Closed'), final: true },
  ],
  initialState: 'open',
  transitions: [
    {
      code: 'recheck_pass',
      name: n('复核通过', 'Re-check passed'),
      from: ['open'],
      to: 'corrected',
      permission: RECHECK_PERMISSION,
      effects: [
        {
          kind: 'notify',
          to: 'department',
          titleZh: '数据质量问题已复核通过',
          titleEn: 'Data quality issue re-checked and closed',
        },
      ],
    },
    {
      code: 'close',
      name: n('关闭', 'Close'),
      from: ['open'],
      to: 'closed',
      permission: 'data.catalog.manage',
      noteRequired: true,
    },
  ],
  clocks: [
    {
      code: 'correct',
      name: n('整改时限', 'Correction limit'),
      unit: 'working_days',
      promised: 5,
      startOn: ['open'],
      stopOn: ['recheck_pass', 'close'],
    },
  ],
};

/**
 * 数据异议: a staff member disputes a resource's data; the provider department answers within
 * 5 working days — corrected (re-checked by the next load) or rejected with a reason.
 */
export const objectionType: CaseTypeDefinitionInput = {
  code: OBJECTION_CASE_TYPE,
  name: n('数据异议', 'Data objection'),
  numberPrefix: 'SJYY',
  openPermission: 'data.catalog.read',
  readPermission: 'data.catalog.read',
  fields: [
    text('resource_id', '数据资源标识', 'Resource id', 36),
    text('resource_code', '信息资源代码', 'Resource code', 32),
    text('item_code', '信息项', 'Item', 64),
    text('row_key', '记录标识', 'Row key', 200),
    { code: 'reason', name: n('异议理由', 'Reason'), type: 'longtext', maxLength: 2000, required: true },
    { code: 'answer', name: n('答复意见', 'Answer'), type: 'longtext', maxLength: 2000 },
  ],
  states: [
    { code: 'open', name: n('待答复', 'To answer') },
    { code: 'corrected', name: n('已更正待复核', 'Corrected, to re-check') },
    { code: 'verified', name: n('复核通过', 'Re-checked'), final: true },
    { code: 'rejected', name: n('不予更正', 'Rejected'), final: true },
  ],
  initialState: 'open',
  transitions: [
    {
      code: 'correct',
      name: n('已更正', 'Corrected'),
      from: ['open'],
      to: 'corrected',
      permission: 'data.catalog.manage',
      requires: ['answer'],
      effects: [
        {
          kind: 'notify',
          to: 'opener',
          titleZh: '您的数据异议已更正',
          titleEn: 'Your data objection was corrected',
        },
        { kind: 'publish', signal: 'data.objection.answered' },
      ],
    },
    {
      code: 'reject',
      name: n('不予更正', 'Reject'),
      from: ['open'],
      to: 'rejected',
      permission: 'data.catalog.manage',
      requires: ['answer'],
      effects: [
        {
          kind: 'notify',
          to: 'opener',
          titleZh: '您的数据异议已答复',
          titleEn: 'Your data objection was answered',
        },
        { kind: 'publish', signal: 'data.objection.answered' },
      ],
    },
    {
      code: 'verify',
      name: n('复核通过', 'Re-check passed'),
      from: ['corrected'],
      to: 'verified',
      permission: RECHECK_PERMISSION,
    },
    {
      code: 'reopen',
      name: n('复核未通过', 'Re-check failed'),
      from: ['corrected'],
      to: 'open',
      permission: RECHECK_PERMISSION,
      effects: [
        {
          kind: 'notify',
          to: 'department',
          titleZh: '数据异议复核未通过',
          titleEn: 'Data objection re-check failed',
        },
      ],
    },
  ],
  clocks: [
    {
      code: 'answer',
      name: n('答复时限', 'Answer limit'),
      unit: 'working_days',
      promised: 5,
      startOn: ['open', 'reopen'],
      stopOn: ['correct', 'reject'],
    },
  ],
};
