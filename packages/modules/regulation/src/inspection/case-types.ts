import type { CaseTypeDefinitionInput } from '@zhizhi/kernel/cases';
import { REGULATION_PERMISSIONS as P } from '../permissions';

/** The case types of regulation. Codes are stable: the web and other modules refer to them. */
export const REGULATION_CASE_TYPES = {
  inspection: 'regulation_inspection',
  referral: 'regulation_referral',
  repair: 'regulation_credit_repair',
  help: 'regulation_shop_help',
} as const;

/** The kernel code kind of shop codes (众安码): scanning opens `/shop/{code}`. */
export const SHOP_CODE_KIND = 'regulation.shop';

/** Working days within which an inspection's result is published (双随机一公开: 20). */
export const PUBLICATION_DAYS = 20;

const n = (zh: string, en: string) => ({ zh, en });
const text = (code: string, zh: string, en: string, maxLength = 500) => ({
  code,
  name: n(zh, en),
  type: 'text' as const,
  maxLength,
});
const longtext = (code: string, zh: string, en: string) => ({
  code,
  name: n(zh, en),
  type: 'longtext' as const,
  maxLength: 4000,
});
const photos = (code: string, zh: string, en: string, maxFiles = 12) => ({
  code,
  name: n(zh, en),
  type: 'attachments' as const,
  maxFiles,
  accept: ['image/jpeg', 'image/png', 'image/webp'],
});

/**
 * An inspection visit (检查): 待检查 → (合格) 待公示 | (不合格) 整改中 → 待复查 → 待公示 → 已公示.
 * Publication has its own clock: 20 working days from the end of the inspection.
 */
export function inspectionCaseType(): CaseTypeDefinitionInput {
  const finding = [longtext('findings', '检查发现', 'Findings'), photos('photos', '现场照片', 'Photos')];
  return {
    code: REGULATION_CASE_TYPES.inspection,
    name: n('监管检查', 'Inspection'),
    numberPrefix: 'JC',
    openPermission: P.managePlans,
    readPermission: P.read,
    supervisePermission: P.supervise,
    fields: [
      text('inspection_id', '检查编号', 'Inspection id', 64),
      text('subject_name', '检查对象', 'Subject', 200),
      text('subject_uscc', '统一社会信用代码', 'Credit code', 18),
      text('items', '检查事项', 'Items', 1000),
      text('inspectors', '执法人员', 'Inspectors', 500),
      {
        code: 'result',
        name: n('检查结果', 'Result'),
        type: 'choice',
        options: [
          { value: 'pass', name: n('未发现问题', 'No problems found') },
          { value: 'fail', name: n('发现问题', 'Problems found') },
        ],
      },
      ...finding,
      { code: 'location', name: n('检查位置', 'Location'), type: 'location' },
      photos('signatures', '签名', 'Signatures', 4),
      text('rectification_due', '整改期限', 'Rectify by', 10),
      longtext('rectification_reply', '整改情况', 'Rectification reply'),
      photos('rectification_photos', '整改照片', 'Rectification photos'),
      longtext('reinspection_findings', '复查情况', 'Re-inspection findings'),
      photos('reinspection_photos', '复查照片', 'Re-inspection photos'),
    ],
    states: [
      { code: 'assigned', name: n('待检查', 'To inspect') },
      { code: 'rectifying', name: n('整改中', 'Rectifying') },
      { code: 'reinspecting', name: n('待复查', 'To re-inspect') },
      { code: 'to_publish', name: n('待公示', 'To publish') },
      { code: 'published', name: n('已公示', 'Published'), final: true },
    ],
    initialState: 'assigned',
    transitions: [
      {
        code: 'record_pass',
        name: n('登记检查结果：未发现问题', 'Record: no problems'),
        from: ['assigned'],
        to: 'to_publish',
        permission: P.recordStep,
        requires: ['result', 'location', 'signatures'],
      },
      {
        code: 'record_fail',
        name: n('登记检查结果：责令整改', 'Record: order rectification'),
        from: ['assigned'],
        to: 'rectifying',
        permission: P.recordStep,
        requires: ['result', 'findings', 'photos', 'location', 'signatures', 'rectification_due'],
      },
      {
        code: 'reply',
        name: n('商户回复整改', 'Shop reports rectification'),
        from: ['rectifying'],
        to: 'reinspecting',
        permission: P.shopActs,
        requires: ['rectification_reply'],
      },
      {
        code: 'reinspect_pass',
        name: n('复查合格', 'Re-inspection passed'),
        from: ['reinspecting', 'rectifying'],
        to: 'to_publish',
        permission: P.recordStep,
        requires: ['reinspection_findings'],
      },
      {
        code: 'reinspect_fail',
        name: n('复查不合格，移送执法', 'Re-inspection failed: refer for enforcement'),
        from: ['reinspecting', 'rectifying'],
        to: 'to_publish',
        permission: P.recordStep,
        requires: ['reinspection_findings'],
        effects: [
          {
            kind: 'open_case',
            typeCode: REGULATION_CASE_TYPES.referral,
            role: 'referral',
            titleZh: '移送执法',
          },
        ],
      },
      {
        code: 'publish',
        name: n('公示结果', 'Publish the result'),
        from: ['to_publish'],
        to: 'published',
        permission: P.publish,
      },
    ],
    clocks: [
      {
        code: 'rectification',
        name: n('整改期限', 'Rectification period'),
        unit: 'working_days',
        promised: 15,
        startOn: ['record_fail'],
        stopOn: ['reply', 'reinspect_pass', 'reinspect_fail'],
      },
      {
        code: 'publication',
        name: n('结果公示时限', 'Publication limit'),
        unit: 'working_days',
        promised: PUBLICATION_DAYS,
        startOn: ['record_pass', 'reinspect_pass', 'reinspect_fail'],
        stopOn: ['publish'],
        warnAt: 0.75,
      },
    ],
  };
}

/** A referral for enforcement (移送执法): the department decides a penalty or not to file. */
export function referralCaseType(): CaseTypeDefinitionInput {
  return {
    code: REGULATION_CASE_TYPES.referral,
    name: n('移送执法', 'Enforcement referral'),
    numberPrefix: 'YS',
    openPermission: P.inspect,
    readPermission: P.read,
    fields: [
      text('inspection_id', '检查编号', 'Inspection id', 64),
      text('subject_name', '当事人', 'Party', 200),
      text('decision_number', '处罚决定书文号', 'Decision number', 60),
      { code: 'penalty_amount', name: n('罚没款（元）', 'Fine (yuan)'), type: 'number' },
      { code: 'licence_revoked', name: n('吊销许可证', 'Licence revoked'), type: 'boolean' },
      longtext('decision_reason', '决定理由', 'Reasons'),
    ],
    states: [
      { code: 'received', name: n('待处理', 'Received') },
      { code: 'penalized', name: n('已作出处罚', 'Penalty decided'), final: true },
      { code: 'not_filed', name: n('不予立案', 'Not filed'), final: true },
    ],
    initialState: 'received',
    transitions: [
      {
        code: 'penalize',
        name: n('作出处罚决定', 'Decide a penalty'),
        from: ['received'],
        to: 'penalized',
        permission: P.decide,
        requires: ['decision_number', 'penalty_amount', 'decision_reason'],
      },
      {
        code: 'not_file',
        name: n('不予立案', 'Do not file'),
        from: ['received'],
        to: 'not_filed',
        permission: P.decide,
        noteRequired: true,
      },
    ],
    clocks: [
      {
        code: 'filing',
        name: n('立案审查时限', 'Filing review'),
        unit: 'working_days',
        promised: 15,
        startOn: ['open'],
        stopOn: ['penalize', 'not_file'],
      },
    ],
  };
}

/** Credit repair (信用修复): the subject applies, the record's department reviews. */
export function repairCaseType(): CaseTypeDefinitionInput {
  return {
    code: REGULATION_CASE_TYPES.repair,
    name: n('信用修复', 'Credit repair'),
    numberPrefix: 'XF',
    openPermission: P.shopActs,
    readPermission: P.read,
    fields: [
      text('record_id', '信用记录', 'Record', 64),
      text('record_summary', '记录内容', 'Record', 500),
      text('subject_name', '申请主体', 'Applicant', 200),
      longtext('reason', '修复理由', 'Grounds'),
      photos('evidence', '证明材料', 'Evidence', 10),
    ],
    states: [
      { code: 'reviewing', name: n('审核中', 'Under review') },
      { code: 'repaired', name: n('准予修复', 'Repaired'), final: true },
      { code: 'refused', name: n('不予修复', 'Refused'), final: true },
    ],
    initialState: 'reviewing',
    transitions: [
      {
        code: 'approve',
        name: n('准予修复', 'Approve repair'),
        from: ['reviewing'],
        to: 'repaired',
        permission: P.decide,
      },
      {
        code: 'refuse',
        name: n('不予修复', 'Refuse'),
        from: ['reviewing'],
        to: 'refused',
        permission: P.decide,
        noteRequired: true,
      },
    ],
    clocks: [
      {
        code: 'review',
        name: n('修复审核时限', 'Review limit'),
        unit: 'working_days',
        promised: 5,
        startOn: ['open'],
        stopOn: ['approve', 'refuse'],
      },
    ],
  };
}

/** 码上帮办: a shop asks its supervising department for help. */
export function helpCaseType(): CaseTypeDefinitionInput {
  return {
    code: REGULATION_CASE_TYPES.help,
    name: n('码上帮办', 'Shop help request'),
    numberPrefix: 'BB',
    openPermission: P.shopActs,
    readPermission: P.read,
    fields: [
      text('subject_name', '商户', 'Shop', 200),
      longtext('question', '求助内容', 'Request'),
      longtext('answer', '答复', 'Answer'),
    ],
    states: [
      { code: 'open', name: n('待答复', 'Awaiting answer') },
      { code: 'answered', name: n('已答复', 'Answered'), final: true },
    ],
    initialState: 'open',
    transitions: [
      {
        code: 'answer',
        name: n('答复', 'Answer'),
        from: ['open'],
        to: 'answered',
        permission: P.decide,
        requires: ['answer'],
      },
    ],
    clocks: [
      {
        code: 'answer',
        name: n('答复时限', 'Answer limit'),
        unit: 'working_days',
        promised: 3,
        startOn: ['open'],
        stopOn: ['answer'],
      },
    ],
  };
}
