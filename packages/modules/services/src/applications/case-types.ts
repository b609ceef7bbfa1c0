import type { CaseTypeDefinitionInput } from '@zhizhi/kernel/cases';
import { SERVICES_PERMISSIONS as P } from '../permissions';

/** The case types applications run on. Codes are stable: other modules and the web refer to them. */
export const CASE_TYPES = {
  application: 'services_application',
  matter: 'services_matter_case',
  rectification: 'services_rectification',
  check: 'services_commitment_check',
} as const;

/** The kernel code kind of certificates (一码通服): scanning opens `/certificate/{code}`. */
export const CERTIFICATE_CODE_KIND = 'services.certificate';

/** States of a matter case that end it, with the application outcome each counts as. */
export const MATTER_FINAL = { approved: 'approved', refused: 'refused', not_accepted: 'refused' } as const;

const n = (zh: string, en: string) => ({ zh, en });
const text = (code: string, zh: string, en: string, maxLength = 500) => ({
  code,
  name: n(zh, en),
  type: 'text' as const,
  maxLength,
});
const score = (code: string, zh: string, en: string) => ({
  code,
  name: n(zh, en),
  type: 'integer' as const,
});

/** The five online indicators of 好差评 (GB/T 39735), each rated 1 (非常不满意) … 5 (非常满意). */
export const RATING_INDICATORS = [
  { code: 'overall', zh: '整体满意度', en: 'Overall satisfaction' },
  { code: 'efficiency', zh: '办事效率', en: 'Efficiency' },
  { code: 'guide', zh: '办事指南精确度', en: 'Accuracy of the guide' },
  { code: 'convenience', zh: '办事便捷度', en: 'Convenience' },
  { code: 'platform', zh: '平台操作性', en: 'Ease of use of the platform' },
] as const;

export const RATING_LEVELS = [
  { value: 5, zh: '非常满意', en: 'Very satisfied' },
  { value: 4, zh: '满意', en: 'Satisfied' },
  { value: 3, zh: '基本满意', en: 'Fairly satisfied' },
  { value: 2, zh: '不满意', en: 'Dissatisfied' },
  { value: 1, zh: '非常不满意', en: 'Very dissatisfied' },
] as const;

/** The overall application (办件): one clock over all its matters; it concludes when they all have. */
export function applicationCaseType(): CaseTypeDefinitionInput {
  return {
    code: CASE_TYPES.application,
    name: n('政务服务办件', 'Service application'),
    numberPrefix: 'BJ',
    openPermission: P.accept,
    readPermission: P.read,
    fields: [
      text('application_id', '申请编号', 'Application id', 64),
      text('bundle_code', '一件事', 'Bundle', 64),
      text('applicant', '申请人', 'Applicant', 200),
      text('channel', '申办渠道', 'Channel', 16),
      ...RATING_INDICATORS.map((i) => score(`rating_${i.code}`, i.zh, i.en)),
      text('rating_comment', '评价内容', 'Rating comment', 1000),
    ],
    states: [
      { code: 'in_progress', name: n('办理中', 'In progress') },
      { code: 'concluded', name: n('已办结', 'Concluded'), final: true },
    ],
    initialState: 'in_progress',
    transitions: [
      {
        code: 'conclude',
        name: n('全部事项办结', 'All matters concluded'),
        from: ['in_progress'],
        to: 'concluded',
        permission: P.handle,
        trigger: 'children_done',
      },
      {
        code: 'rate',
        name: n('好差评', 'Rate the service'),
        from: ['concluded'],
        to: 'concluded',
        permission: P.rate,
        afterClose: { withinWorkingDays: 30 },
        requires: RATING_INDICATORS.map((i) => `rating_${i.code}`),
        effects: [
          {
            kind: 'open_case',
            typeCode: CASE_TYPES.rectification,
            role: 'rectification',
            titleZh: '差评整改',
            when: 'input.rating_overall <= 2',
          },
        ],
      },
    ],
    clocks: [
      {
        code: 'overall',
        name: n('总体办理时限', 'Overall time limit'),
        unit: 'working_days',
        promised: 20,
        startOn: ['open'],
        stopOn: ['conclude'],
      },
    ],
  };
}

/** One matter of an application, handled by its department: 受理 → 审查 (补正 pauses) → 决定. */
export function matterCaseType(): CaseTypeDefinitionInput {
  const decided = ['approve', 'refuse', 'not_accept', 'approve_commitment', 'approve_instant'];
  return {
    code: CASE_TYPES.matter,
    name: n('事项办件', 'Matter case'),
    numberPrefix: 'SX',
    openPermission: P.accept,
    readPermission: P.read,
    fields: [
      text('application_id', '申请编号', 'Application id', 64),
      text('matter_code', '事项编码', 'Matter code', 40),
      text('matter_name', '事项名称', 'Matter', 200),
      text('applicant', '申请人', 'Applicant', 200),
      text('legal_due', '法定办结期限', 'Legal deadline', 40),
      text('promised_due', '承诺办结期限', 'Promised deadline', 40),
      text('decision_basis', '决定依据', 'Basis of the decision', 200),
      text('certificate_no', '证照编号', 'Certificate number', 40),
      {
        code: 'missing_materials',
        name: n('需补正材料', 'Materials to supplement'),
        type: 'text',
        maxLength: 1000,
      },
    ],
    states: [
      { code: 'received', name: n('待受理', 'Received') },
      { code: 'reviewing', name: n('审查中', 'Under review') },
      { code: 'supplement', name: n('待补正', 'Awaiting materials') },
      { code: 'approved', name: n('准予许可', 'Approved'), final: true },
      { code: 'refused', name: n('不予许可', 'Refused'), final: true },
      { code: 'not_accepted', name: n('不予受理', 'Not accepted'), final: true },
    ],
    initialState: 'received',
    transitions: [
      {
        code: 'accept',
        name: n('受理', 'Accept'),
        from: ['received'],
        to: 'reviewing',
        permission: P.handle,
        assign: 'actor',
      },
      {
        code: 'request_supplement',
        name: n('一次性告知补正', 'Request more materials'),
        from: ['received', 'reviewing'],
        to: 'supplement',
        permission: P.handle,
        requires: ['missing_materials'],
        noteRequired: true,
      },
      {
        code: 'supplement',
        name: n('申请人补正', 'Applicant supplements'),
        from: ['supplement'],
        to: 'reviewing',
        permission: P.supplement,
      },
      {
        code: 'approve',
        name: n('准予', 'Approve'),
        from: ['reviewing'],
        to: 'approved',
        permission: P.handle,
      },
      {
        code: 'refuse',
        name: n('不予许可', 'Refuse'),
        from: ['reviewing'],
        to: 'refused',
        permission: P.handle,
        requires: ['decision_basis'],
        noteRequired: true,
      },
      {
        code: 'not_accept',
        name: n('不予受理', 'Do not accept'),
        from: ['received'],
        to: 'not_accepted',
        permission: P.handle,
        noteRequired: true,
      },
      {
        code: 'approve_commitment',
        name: n('告知承诺当场准予', 'Approved on commitment'),
        from: ['received'],
        to: 'approved',
        permission: P.decideAutomatically,
      },
      {
        code: 'approve_instant',
        name: n('智能秒办', 'Approved instantly'),
        from: ['received'],
        to: 'approved',
        permission: P.decideAutomatically,
      },
    ],
    clocks: [
      {
        code: 'handling',
        name: n('承诺办结时限', 'Promised time limit'),
        unit: 'working_days',
        promised: 20,
        startOn: ['open'],
        pauseOn: ['request_supplement'],
        resumeOn: ['supplement'],
        stopOn: decided,
      },
    ],
  };
}

/** A bad rating's rectification (差评整改): call back within a day, rectify within fifteen. */
export function rectificationCaseType(limits: { callbackDays: number; rectifyDays: number }) {
  return {
    code: CASE_TYPES.rectification,
    name: n('差评整改', 'Rectification of a bad rating'),
    numberPrefix: 'ZG',
    openPermission: P.rectify,
    readPermission: P.read,
    fields: [
      text('application_id', '申请编号', 'Application id', 64),
      text('rating_comment', '评价内容', 'Rating comment', 1000),
      text('callback_result', '回访情况', 'Call-back result', 1000),
      text('rectification', '整改情况', 'What was rectified', 2000),
    ],
    states: [
      { code: 'open', name: n('待回访', 'Awaiting call-back') },
      { code: 'called_back', name: n('整改中', 'Being rectified') },
      { code: 'rectified', name: n('已整改', 'Rectified'), final: true },
    ],
    initialState: 'open',
    transitions: [
      {
        code: 'call_back',
        name: n('回访', 'Call back'),
        from: ['open'],
        to: 'called_back',
        permission: P.rectify,
        requires: ['callback_result'],
        assign: 'actor',
      },
      {
        code: 'rectify',
        name: n('整改完成', 'Rectified'),
        from: ['called_back'],
        to: 'rectified',
        permission: P.rectify,
        requires: ['rectification'],
      },
    ],
    clocks: [
      {
        code: 'rectify',
        name: n('整改时限', 'Rectification limit'),
        unit: 'working_days',
        promised: limits.rectifyDays,
        startOn: ['open'],
        stopOn: ['rectify'],
      },
      {
        code: 'callback',
        name: n('回访时限', 'Call-back limit'),
        unit: 'working_days',
        promised: limits.callbackDays,
        startOn: ['open'],
        stopOn: ['call_back'],
      },
    ],
  } satisfies CaseTypeDefinitionInput;
}

/** The later check of a commitment approval (承诺核查), due within the matter's check days. */
export function commitmentCheckCaseType(): CaseTypeDefinitionInput {
  return {
    code: CASE_TYPES.check,
    name: n('告知承诺核查', 'Commitment check'),
    numberPrefix: 'HC',
    openPermission: P.handle,
    readPermission: P.read,
    fields: [
      text('application_id', '申请编号', 'Application id', 64),
      text('matter_code', '事项编码', 'Matter code', 40),
      text('certificate_no', '证照编号', 'Certificate number', 40),
      text('finding', '核查结论', 'Finding', 2000),
    ],
    states: [
      { code: 'scheduled', name: n('待核查', 'Scheduled') },
      { code: 'kept', name: n('承诺属实', 'Commitment kept'), final: true },
      { code: 'broken', name: n('承诺不实', 'Commitment broken'), final: true },
    ],
    initialState: 'scheduled',
    transitions: [
      {
        code: 'confirm',
        name: n('核查属实', 'Confirmed'),
        from: ['scheduled'],
        to: 'kept',
        permission: P.handle,
        requires: ['finding'],
      },
      {
        code: 'find_broken',
        name: n('核查不实', 'Found untrue'),
        from: ['scheduled'],
        to: 'broken',
        permission: P.handle,
        requires: ['finding'],
        noteRequired: true,
      },
    ],
    clocks: [
      {
        code: 'check',
        name: n('核查时限', 'Check limit'),
        unit: 'working_days',
        promised: 60,
        startOn: ['open'],
        stopOn: ['confirm', 'find_broken'],
      },
    ],
  };
}
