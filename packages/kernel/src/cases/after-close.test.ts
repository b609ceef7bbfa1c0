import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { ManualClock } from '../clock';
import { createTestKernel, takeStep } from '../testing';

const n = (zh: string, en: string) => ({ zh, en });
const LEVELS = [
  ['very_satisfied', '非常满意', 'Very satisfied'],
  ['satisfied', '满意', 'Satisfied'],
  ['basically_satisfied', '基本满意', 'Basically satisfied'],
  ['dissatisfied', '不满意', 'Dissatisfied'],
  ['very_dissatisfied', '非常不满意', 'Very dissatisfied'],
].map(([value, zh, en]) => ({ value, name: n(zh, en) }));

/** Closing, then rating (好差评, five levels) and reopening within 15 working days of closing. */
const rated = {
  code: 'test_rated',
  name: n('可评价工单', 'Rated ticket'),
  numberPrefix: 'PJ',
  openPermission: 'x.open',
  readPermission: 'x.read',
  fields: [{ code: 'rating', name: n('评价', 'Rating'), type: 'choice' as const, options: LEVELS }],
  states: [
    { code: 'open', name: n('处理中', 'Open') },
    { code: 'closed', name: n('已办结', 'Closed'), final: true },
  ],
  initialState: 'open',
  transitions: [
    { code: 'close', name: n('办结', 'Close'), from: ['open'], to: 'closed', permission: 'x.handle' },
    {
      code: 'rate',
      name: n('评价', 'Rate'),
      from: ['closed'],
      to: 'closed',
      permission: 'x.rate',
      requires: ['rating'],
      afterClose: { withinWorkingDays: 15 },
    },
    {
      code: 'reopen',
      name: n('重新办理', 'Reopen'),
      from: ['closed'],
      to: 'open',
      permission: 'x.handle',
      noteRequired: true,
      afterClose: { withinWorkingDays: 15 },
    },
  ],
};

describe('steps after closing', () => {
  const clock = new ManualClock('2026-03-02T02:00:00Z');
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel({ clock });
    await t.kernel.cases.defineCaseType(t.kernel.db, rated);
  });
  afterAll(() => t.close());

  const step = (
    id: string,
    transition: string,
    extra: { data?: Record<string, unknown>; note?: string } = {},
  ) => takeStep(t.kernel, systemActor, id, transition, extra);

  it('rates a closed case on five levels without reopening it, and reopens within the window', async () => {
    const opened = await t.kernel.cases.openCase(systemActor, {
      typeCode: 'test_rated',
      title: '路灯不亮',
      divisionCode: '330213001005',
      data: {},
    });
    const closed = await step(opened.id, 'close');
    clock.advance(86_400_000);
    const afterRating = await step(opened.id, 'rate', { data: { rating: 'satisfied' } });
    expect(afterRating).toMatchObject({ state: 'closed', data: { rating: 'satisfied' } });
    expect(afterRating.closedAt).toEqual(closed.closedAt);
    await expect(step(opened.id, 'rate', { data: { rating: 'meh' } })).rejects.toMatchObject({
      code: 'cases.data.invalid',
    });
    const reopened = await step(opened.id, 'reopen', { note: '路灯仍不亮' });
    expect(reopened).toMatchObject({ state: 'open', closedAt: null });
  });

  it('refuses rating or reopening once 15 working days have passed since closing', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const opened = await t.kernel.cases.openCase(systemActor, {
      typeCode: 'test_rated',
      title: '井盖缺失',
      divisionCode: '330213001005',
      data: {},
    });
    await step(opened.id, 'close');
    clock.set('2026-03-24T02:00:00Z'); // 16 working days later
    await expect(step(opened.id, 'rate', { data: { rating: 'dissatisfied' } })).rejects.toMatchObject({
      code: 'cases.transition.window_passed',
    });
    await expect(step(opened.id, 'reopen', { note: '仍未处理' })).rejects.toMatchObject({
      code: 'cases.transition.window_passed',
    });
  });

  it('rejects a type whose transition leaves a final state without afterClose', async () => {
    const bad = {
      ...rated,
      code: 'test_bad',
      transitions: [
        ...rated.transitions,
        { code: 'undo', name: n('撤销', 'Undo'), from: ['closed'], to: 'open', permission: 'x.handle' },
      ],
    };
    await expect(t.kernel.cases.defineCaseType(t.kernel.db, bad)).rejects.toMatchObject({
      code: 'cases.type.invalid',
    });
  });
});
