import type { CaseTypeDefinitionInput } from '@zhizhi/kernel/cases';
import { SHARE_PERMISSIONS as P } from './permissions';

const n = (zh: string, en: string) => ({ zh, en });

export const SHARE_REQUEST_TYPE = 'data_share_request';

/**
 * 数据共享申请: opened by the consumer department, handled by the provider department, which
 * approves (the approval becomes the grant) or rejects with a reason within 5 working days
 * (statutory 10: the national rule for conditional sharing).
 */
export const shareRequestType: CaseTypeDefinitionInput = {
  code: SHARE_REQUEST_TYPE,
  name: n('数据共享申请', 'Data sharing request'),
  numberPrefix: 'GX',
  openPermission: P.request,
  readPermission: P.read,
  fields: [
    {
      code: 'kind',
      name: n('申请类型', 'Kind'),
      type: 'choice',
      required: true,
      options: [
        { value: 'new', name: n('新申请', 'New') },
        { value: 'renewal', name: n('续期', 'Renewal') },
      ],
    },
    {
      code: 'resource_code',
      name: n('资源代码', 'Resource code'),
      type: 'text',
      required: true,
      maxLength: 32,
    },
    {
      code: 'items',
      name: n('申请信息项', 'Items requested'),
      type: 'longtext',
      required: true,
      maxLength: 4000,
    },
    { code: 'purpose', name: n('用途', 'Purpose'), type: 'longtext', required: true, maxLength: 1000 },
    {
      code: 'legal_basis',
      name: n('依据', 'Legal basis'),
      type: 'longtext',
      required: true,
      maxLength: 1000,
    },
    {
      code: 'matter_code',
      name: n('服务事项编码', 'Service matter code'),
      type: 'text',
      required: true,
      maxLength: 32,
    },
    { code: 'duration_days', name: n('使用期限（天）', 'Duration (days)'), type: 'integer', required: true },
    { code: 'approved_items', name: n('批准信息项', 'Items approved'), type: 'longtext', maxLength: 4000 },
  ],
  states: [
    { code: 'pending', name: n('待审核', 'Pending review') },
    { code: 'approved', name: n('已批准', 'Approved'), final: true },
    { code: 'rejected', name: n('已驳回', 'Rejected'), final: true },
  ],
  initialState: 'pending',
  transitions: [
    {
      code: 'approve',
      name: n('批准', 'Approve'),
      from: ['pending'],
      to: 'approved',
      permission: P.approve,
      assign: 'actor',
      requires: ['approved_items'],
      effects: [
        {
          kind: 'notify',
          to: 'opener',
          titleZh: '数据共享申请已批准',
          titleEn: 'Data sharing request approved',
        },
      ],
    },
    {
      code: 'reject',
      name: n('驳回', 'Reject'),
      from: ['pending'],
      to: 'rejected',
      permission: P.approve,
      assign: 'actor',
      noteRequired: true,
      effects: [
        {
          kind: 'notify',
          to: 'opener',
          titleZh: '数据共享申请被驳回',
          titleEn: 'Data sharing request rejected',
        },
      ],
    },
  ],
  clocks: [
    {
      code: 'review',
      name: n('审核时限', 'Review time limit'),
      unit: 'working_days',
      promised: 5,
      statutory: 10,
      startOn: ['open'],
      stopOn: ['approve', 'reject'],
    },
  ],
};
