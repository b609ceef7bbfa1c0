import type { CaseTypeDefinitionInput } from '@zhizhi/kernel/cases';
import { P } from './permissions';

const n = (zh: string, en: string) => ({ zh, en });

export const EVENT_TYPE = 'governance_event';
export const CO_TYPE = 'governance_co';
export const RECTIFICATION_TYPE = 'governance_rectification';

/** 好差评 five levels, best first. */
export const RATINGS = [
  { value: 'very_satisfied', name: n('非常满意', 'Very satisfied') },
  { value: 'satisfied', name: n('满意', 'Satisfied') },
  { value: 'basically_satisfied', name: n('基本满意', 'Basically satisfied') },
  { value: 'dissatisfied', name: n('不满意', 'Dissatisfied') },
  { value: 'very_dissatisfied', name: n('非常不满意', 'Very dissatisfied') },
] as const;
export type Rating = (typeof RATINGS)[number]['value'];
export const GOOD_RATINGS: readonly string[] = ['very_satisfied', 'satisfied', 'basically_satisfied'];

export const CHANNELS = [
  { value: 'grid', name: n('网格员上报', 'Grid worker') },
  { value: 'public', name: n('群众上报', 'Citizen report') },
  { value: 'hotline', name: n('12345热线', '12345 hotline') },
  { value: 'open311', name: n('Open311 接口', 'Open311') },
  { value: 'event', name: n('系统事件', 'System event') },
] as const;
export type Channel = (typeof CHANNELS)[number]['value'];

const PHOTO = {
  type: 'attachments' as const,
  maxFiles: 9,
  accept: ['image/jpeg', 'image/png', 'image/webp'],
};

/**
 * 基层治理事件: reported → (auto-)dispatched to the responsible unit → accepted → handled (with
 * co-handlers) → closed with evidence → rated by the reporter; returned (退单) cases wait in the
 * dispatcher's dispute queue for 改派 or 驳回.
 */
export const governanceEventType: CaseTypeDefinitionInput = {
  code: EVENT_TYPE,
  name: n('基层治理事件', 'Grassroots governance event'),
  numberPrefix: 'SJ',
  openPermission: P.report,
  readPermission: P.read,
  supervisePermission: P.supervise,
  extension: { clock: 'handle', requestPermission: P.handle, approvePermission: P.dispatch, maxUnits: 10 },
  duplicates: {
    categoryField: 'category',
    locationField: 'location',
    withinMeters: 100,
    withinHours: 72,
    mergedState: 'merged',
    mergePermission: P.dispatch,
    shareFields: ['result', 'result_photos'],
  },
  fields: [
    { code: 'category', name: n('事件类别', 'Category'), type: 'text', required: true, maxLength: 96 },
    {
      code: 'description',
      name: n('事件描述', 'Description'),
      type: 'longtext',
      required: true,
      maxLength: 2000,
    },
    { code: 'location', name: n('事发位置', 'Location'), type: 'location' },
    { code: 'address', name: n('事发地址', 'Address'), type: 'text', maxLength: 200 },
    { code: 'photos', name: n('现场照片', 'Photos'), ...PHOTO },
    {
      code: 'channel',
      name: n('来源渠道', 'Channel'),
      type: 'choice',
      required: true,
      options: CHANNELS.map((c) => ({ value: c.value, name: c.name })),
    },
    { code: 'hotline_order_no', name: n('12345工单编号', '12345 order number'), type: 'text', maxLength: 64 },
    { code: 'result', name: n('处置结果', 'Result'), type: 'longtext', maxLength: 2000 },
    { code: 'result_photos', name: n('处置后照片', 'Evidence photos'), ...PHOTO },
    {
      code: 'rating',
      name: n('评价', 'Rating'),
      type: 'choice',
      options: RATINGS.map((r) => ({ value: r.value, name: r.name })),
    },
    { code: 'rating_comment', name: n('评价意见', 'Rating comment'), type: 'longtext', maxLength: 500 },
  ],
  states: [
    { code: 'reported', name: n('待分拨', 'To dispatch') },
    { code: 'dispatched', name: n('待签收', 'To accept') },
    { code: 'handling', name: n('处置中', 'Handling') },
    { code: 'awaiting_info', name: n('待补充', 'Awaiting information') },
    { code: 'awaiting_co', name: n('待协办', 'Awaiting co-handlers') },
    { code: 'returned', name: n('退单待审', 'Returned, under review') },
    { code: 'merged', name: n('已合并', 'Merged') },
    { code: 'closed', name: n('已办结', 'Closed'), final: true },
    { code: 'rated', name: n('已评价', 'Rated'), final: true },
  ],
  initialState: 'reported',
  transitions: [
    {
      code: 'dispatch',
      name: n('分拨', 'Dispatch'),
      from: ['reported'],
      to: 'dispatched',
      permission: P.dispatch,
      department: 'input',
      effects: [
        { kind: 'open_children', typeCode: CO_TYPE },
        { kind: 'notify', to: 'department', titleZh: '新派件', titleEn: 'New case' },
      ],
    },
    {
      code: 'accept',
      name: n('签收', 'Accept'),
      from: ['dispatched'],
      to: 'handling',
      permission: P.handle,
      assign: 'actor',
    },
    {
      code: 'assign',
      name: n('指派', 'Assign'),
      from: ['dispatched', 'handling'],
      to: 'handling',
      permission: P.assign,
      assign: 'input',
      effects: [{ kind: 'notify', to: 'assignee', titleZh: '指派给您', titleEn: 'Assigned to you' }],
    },
    {
      code: 'return',
      name: n('退单', 'Return'),
      from: ['dispatched', 'handling'],
      to: 'returned',
      permission: P.handle,
      assign: 'clear',
      noteRequired: true,
    },
    {
      code: 'redispatch',
      name: n('改派', 'Re-dispatch'),
      from: ['returned', 'reported'],
      to: 'dispatched',
      permission: P.dispatch,
      department: 'input',
      noteRequired: true,
      effects: [
        { kind: 'open_children', typeCode: CO_TYPE },
        { kind: 'notify', to: 'department', titleZh: '改派件', titleEn: 'Re-dispatched case' },
      ],
    },
    {
      code: 'reject_return',
      name: n('驳回退单', 'Reject the return'),
      from: ['returned'],
      to: 'dispatched',
      permission: P.dispatch,
      noteRequired: true,
      effects: [
        { kind: 'notify', to: 'department', titleZh: '退单被驳回，请继续办理', titleEn: 'Return rejected' },
      ],
    },
    {
      code: 'await_info',
      name: n('待补充信息', 'Ask for information'),
      from: ['handling'],
      to: 'awaiting_info',
      permission: P.handle,
      assigneeOnly: true,
      noteRequired: true,
    },
    {
      code: 'resume',
      name: n('恢复办理', 'Resume'),
      from: ['awaiting_info'],
      to: 'handling',
      permission: P.handle,
    },
    {
      code: 'close',
      name: n('办结', 'Close'),
      from: ['handling'],
      to: 'closed',
      permission: P.handle,
      assigneeOnly: true,
      requires: ['result', 'result_photos'],
      waitForChildren: true,
    },
    {
      code: 'lead_done',
      name: n('主办完成', 'Lead part done'),
      from: ['handling'],
      to: 'awaiting_co',
      permission: P.handle,
      assigneeOnly: true,
      requires: ['result', 'result_photos'],
    },
    {
      code: 'co_done',
      name: n('协办全部完成', 'All co-handlers done'),
      from: ['awaiting_co'],
      to: 'closed',
      permission: P.handle,
      trigger: 'children_done',
    },
    {
      code: 'rate',
      name: n('评价', 'Rate'),
      from: ['closed'],
      to: 'rated',
      permission: P.rate,
      requires: ['rating'],
      afterClose: { withinWorkingDays: 10 },
      effects: [
        {
          kind: 'open_case',
          typeCode: RECTIFICATION_TYPE,
          role: 'rectification',
          titleZh: '差评整改',
          when: "input.rating in ['dissatisfied', 'very_dissatisfied']",
        },
        {
          kind: 'notify',
          to: 'department',
          titleZh: '收到差评，已生成整改件',
          titleEn: 'Bad rating: a rectification case was opened',
          urgent: true,
          when: "input.rating in ['dissatisfied', 'very_dissatisfied']",
        },
      ],
    },
    {
      code: 'reopen',
      name: n('重新办理', 'Reopen'),
      from: ['closed', 'rated'],
      to: 'dispatched',
      permission: P.dispatch,
      noteRequired: true,
      afterClose: { withinWorkingDays: 10 },
    },
  ],
  clocks: [
    {
      code: 'handle',
      name: n('处置时限', 'Handling limit'),
      unit: 'working_days',
      promised: 5,
      statutory: 15,
      startOn: ['dispatch', 'redispatch', 'reject_return', 'reopen'],
      stopOn: ['close', 'co_done', 'return', 'merge', 'merged_close'],
      pauseOn: ['await_info'],
      resumeOn: ['resume'],
      warnAt: 0.8,
    },
    {
      code: 'accept',
      name: n('签收时限', 'Acceptance limit'),
      unit: 'working_hours',
      promised: 2,
      startOn: ['dispatch', 'redispatch', 'reject_return', 'reopen'],
      stopOn: ['accept', 'assign', 'return', 'merge'],
      warnAt: 0.5,
    },
  ],
};

const childFields: CaseTypeDefinitionInput['fields'] = [
  { code: 'category', name: n('事件类别', 'Category'), type: 'text', maxLength: 96 },
  { code: 'description', name: n('事件描述', 'Description'), type: 'longtext', maxLength: 2000 },
  { code: 'location', name: n('事发位置', 'Location'), type: 'location' },
  { code: 'address', name: n('事发地址', 'Address'), type: 'text', maxLength: 200 },
  { code: 'rating_comment', name: n('评价意见', 'Rating comment'), type: 'longtext', maxLength: 500 },
  { code: 'result', name: n('办理结果', 'Result'), type: 'longtext', maxLength: 2000 },
  { code: 'result_photos', name: n('佐证照片', 'Evidence photos'), ...PHOTO },
];

function childType(
  code: string,
  prefix: string,
  name: ReturnType<typeof n>,
  days: number,
): CaseTypeDefinitionInput {
  return {
    code,
    name,
    numberPrefix: prefix,
    openPermission: P.dispatch,
    readPermission: P.read,
    supervisePermission: P.supervise,
    fields: childFields,
    states: [
      { code: 'open', name: n('待签收', 'To accept') },
      { code: 'handling', name: n('办理中', 'Handling') },
      { code: 'done', name: n('已完成', 'Done'), final: true },
    ],
    initialState: 'open',
    transitions: [
      {
        code: 'accept',
        name: n('签收', 'Accept'),
        from: ['open'],
        to: 'handling',
        permission: P.handle,
        assign: 'actor',
      },
      {
        code: 'done',
        name: n('完成', 'Done'),
        from: ['handling'],
        to: 'done',
        permission: P.handle,
        assigneeOnly: true,
        requires: ['result'],
      },
    ],
    clocks: [
      {
        code: 'handle',
        name: n('办理时限', 'Limit'),
        unit: 'working_days',
        promised: days,
        startOn: ['open'],
        stopOn: ['done'],
        warnAt: 0.8,
      },
    ],
  };
}

/** 协办件: a co-handling department's part of a joint case. */
export const governanceCoType = childType(CO_TYPE, 'XB', n('协办件', 'Co-handling case'), 5);
/** 整改件: opened automatically when a reporter rates a closed event badly. */
export const governanceRectificationType = childType(
  RECTIFICATION_TYPE,
  'ZG',
  n('差评整改件', 'Rectification case'),
  3,
);
