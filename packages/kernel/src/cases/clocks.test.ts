import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { ManualClock } from '../clock';
import { rows } from '../db';
import { createTestKernel, takeStep } from '../testing';
import type { CaseTypeDefinitionInput } from './definition';

const n = (zh: string, en: string) => ({ zh, en });
const step = (code: string, from: string[], to: string) => ({
  code,
  name: n(code, code),
  from,
  to,
  permission: 'test.handle',
});

/** An application: accept starts a 5-working-day promise (20 statutory); asking for materials pauses it. */
const application: CaseTypeDefinitionInput = {
  code: 'test_application',
  name: n('测试办件', 'Test application'),
  numberPrefix: 'BJ',
  openPermission: 'test.open',
  readPermission: 'test.read',
  fields: [{ code: 'result', name: n('结果', 'Result'), type: 'text' }],
  states: [
    { code: 'submitted', name: n('已申报', 'Submitted') },
    { code: 'handling', name: n('办理中', 'Handling') },
    { code: 'waiting', name: n('待补正', 'Awaiting materials') },
    { code: 'done', name: n('已办结', 'Done'), final: true },
  ],
  initialState: 'submitted',
  transitions: [
    step('accept', ['submitted'], 'handling'),
    step('request_materials', ['handling'], 'waiting'),
    step('materials_received', ['waiting'], 'handling'),
    step('finish', ['handling'], 'done'),
  ],
  clocks: [
    {
      code: 'handle',
      name: n('办理时限', 'Handling limit'),
      unit: 'working_days',
      promised: 5,
      statutory: 20,
      startOn: ['accept'],
      stopOn: ['finish'],
      pauseOn: ['request_materials'],
      resumeOn: ['materials_received'],
    },
    {
      code: 'accept',
      name: n('受理时限', 'Acceptance limit'),
      unit: 'working_hours',
      promised: 4,
      startOn: ['open'],
      stopOn: ['accept'],
    },
  ],
};

describe('case clocks on the working-day calendar', () => {
  const clock = new ManualClock('2025-09-30T02:00:00Z'); // Tue 30 Sep 2025, 10:00 Beijing, the eve of National Day
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel({ clock });
    await t.kernel.cases.defineCaseType(t.kernel.db, application);
  });
  afterAll(() => t.close());

  const go = (id: string, transition: string) => takeStep(t.kernel, systemActor, id, transition);
  const clocksOf = async (id: string) =>
    Object.fromEntries((await t.kernel.cases.getCase(systemActor, id)).clocks.map((c) => [c.code, c]));

  it('counts 5 working days across National Day and its 调休 Saturday, and 4 office hours for acceptance', async () => {
    clock.set('2025-09-30T02:00:00Z');
    const opened = await t.kernel.cases.openCase(systemActor, {
      typeCode: 'test_application',
      title: '测试',
      divisionCode: '330213100000',
      data: {},
    });
    // 4 office hours from 10:00: 10–12 (2 h) + 13:30–15:30 (2 h).
    expect((await clocksOf(opened.id)).accept).toMatchObject({
      status: 'running',
      dueAt: new Date('2025-09-30T07:30:00Z'),
    });
    await go(opened.id, 'accept');
    const { handle, accept } = await clocksOf(opened.id);
    expect(accept.status).toBe('stopped');
    // Day of receipt not counted; 1–8 Oct are off; 9, 10, 11 (调休 Saturday), 13, 14 → end of 14 Oct.
    expect(handle).toMatchObject({
      status: 'running',
      dueAt: new Date('2025-10-14T15:59:59.999Z'),
      overdue: false,
    });
    expect(handle.statutoryDueAt!.getTime()).toBeGreaterThan(handle.dueAt!.getTime());
    expect(handle.warnAt!.getTime()).toBeLessThan(handle.dueAt!.getTime());
  });

  it('pauses while awaiting materials and moves the deadline by the working days paused', async () => {
    clock.set('2025-09-30T02:00:00Z');
    const opened = await t.kernel.cases.openCase(systemActor, {
      typeCode: 'test_application',
      title: '补正',
      divisionCode: '330213100000',
      data: {},
    });
    await go(opened.id, 'accept');
    clock.set('2025-10-09T02:00:00Z');
    await go(opened.id, 'request_materials');
    clock.set('2025-10-10T02:00:00Z');
    expect((await clocksOf(opened.id)).handle.status).toBe('paused');
    await go(opened.id, 'materials_received');
    expect((await clocksOf(opened.id)).handle).toMatchObject({
      status: 'running',
      paused: 1,
      dueAt: new Date('2025-10-15T15:59:59.999Z'),
    });
  });

  it('raises the overdue alert exactly once, from a durable timer, and none for a finished case', async () => {
    clock.set('2025-09-30T02:00:00Z');
    const late = await t.kernel.cases.openCase(systemActor, {
      typeCode: 'test_application',
      title: '逾期',
      divisionCode: '330213100000',
      data: {},
    });
    await go(late.id, 'accept');
    const onTime = await t.kernel.cases.openCase(systemActor, {
      typeCode: 'test_application',
      title: '按时',
      divisionCode: '330213100000',
      data: {},
    });
    await go(onTime.id, 'accept');
    clock.set('2025-10-13T02:00:00Z');
    await go(onTime.id, 'finish');
    clock.set('2025-10-16T01:00:00Z');
    await t.kernel.jobs.runDue();
    await t.kernel.jobs.runDue();
    const alerts = await rows<{ case_id: string; kind: string }>(
      t.kernel.db,
      sql`select case_id, kind from cases_clock_alert where clock = 'handle' order by kind`,
    );
    expect(alerts.filter((a) => a.case_id === late.id).map((a) => a.kind)).toEqual(['overdue']);
    expect(alerts.filter((a) => a.case_id === onTime.id)).toEqual([]);
    const events = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*) as n from events_outbox where type = 'cases.clock.overdue' and payload->>'caseId' = ${late.id}`,
    );
    expect(events[0].n).toBe(1);
    expect((await clocksOf(late.id)).handle.overdue).toBe(true);
  });
});
