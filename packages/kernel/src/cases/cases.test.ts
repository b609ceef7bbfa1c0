import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../access';
import { rows } from '../db';
import { actorFor, createTestKernel } from '../testing';
import type { CaseTypeDefinitionInput } from './definition';

const names = (zh: string, en: string) => ({ zh, en });

/** A small event type: report → claim → close (with a result) or return to the pool with a reason. */
const pothole: CaseTypeDefinitionInput = {
  code: 'test_event',
  name: names('测试事件', 'Test event'),
  numberPrefix: 'SJ',
  openPermission: 'test.case.open',
  readPermission: 'test.case.read',
  fields: [
    { code: 'description', name: names('描述', 'Description'), type: 'longtext', required: true },
    {
      code: 'grade',
      name: names('等级', 'Grade'),
      type: 'choice',
      required: true,
      options: [
        { value: 'normal', name: names('一般', 'Normal') },
        { value: 'major', name: names('较大', 'Major') },
      ],
    },
    { code: 'location', name: names('位置', 'Location'), type: 'location' },
    { code: 'result', name: names('处置结果', 'Result'), type: 'longtext' },
  ],
  states: [
    { code: 'reported', name: names('已上报', 'Reported') },
    { code: 'handling', name: names('处置中', 'Handling') },
    { code: 'closed', name: names('已办结', 'Closed'), final: true },
  ],
  initialState: 'reported',
  transitions: [
    {
      code: 'claim',
      name: names('认领', 'Claim'),
      from: ['reported'],
      to: 'handling',
      permission: 'test.case.handle',
      assign: 'actor',
    },
    {
      code: 'return',
      name: names('退回', 'Return'),
      from: ['handling'],
      to: 'reported',
      permission: 'test.case.handle',
      assigneeOnly: true,
      assign: 'clear',
      noteRequired: true,
    },
    {
      code: 'close',
      name: names('办结', 'Close'),
      from: ['handling'],
      to: 'closed',
      permission: 'test.case.handle',
      assigneeOnly: true,
      requires: ['result'],
      guard: "size(input.result) >= 4 && data.grade != 'major' || actor.type == 'system'",
    },
  ],
};

describe('case engine', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let handler: Actor;
  let otherTown: Actor;
  beforeAll(async () => {
    t = await createTestKernel();
    await t.kernel.db.execute(
      sql`insert into identity_role (code, name_zh, name_en, permissions, builtin) values ('test_handler', '处置员', 'Handler', '["test.case.open","test.case.read","test.case.handle"]', false)`,
    );
    await t.kernel.staff.createStaff(systemActor, {
      username: 'handler',
      displayName: '处置员甲',
      password: 'secret-123',
      departmentId: t.departments.xikou.id,
      roles: [{ roleCode: 'test_handler', divisionCode: '330213100000' }],
      mustChangePassword: false,
    });
    await t.kernel.staff.createStaff(systemActor, {
      username: 'jinping',
      displayName: '锦屏处置员',
      password: 'secret-123',
      departmentId: null,
      roles: [{ roleCode: 'test_handler', divisionCode: '330213001000' }],
      mustChangePassword: false,
    });
    handler = await actorFor(t.kernel, 'handler', 'secret-123');
    otherTown = await actorFor(t.kernel, 'jinping', 'secret-123');
    expect(await t.kernel.cases.defineCaseType(t.kernel.db, pothole)).toEqual({
      code: 'test_event',
      version: 1,
      created: true,
    });
  });
  afterAll(() => t.close());

  const open = (actor: Actor = handler) =>
    t.kernel.cases.openCase(actor, {
      typeCode: 'test_event',
      title: '岩头村路面坑洞',
      divisionCode: '330213100225',
      data: { description: '村口道路有一处坑洞', grade: 'normal', location: { lng: 121.24, lat: 29.68 } },
    });

  it('versions definitions: unchanged → same version; changed → next, and running cases keep theirs', async () => {
    expect(await t.kernel.cases.defineCaseType(t.kernel.db, pothole)).toMatchObject({
      version: 1,
      created: false,
    });
    const first = await open();
    expect(first).toMatchObject({ typeVersion: 1, state: 'reported', version: 1 });
    expect(first.number).toMatch(/^SJ20260302\d{6}$/);
    const v2 = { ...pothole, name: names('测试事件（新）', 'Test event (new)') };
    expect(await t.kernel.cases.defineCaseType(t.kernel.db, v2)).toMatchObject({ version: 2, created: true });
    expect((await t.kernel.cases.getCase(handler, first.id)).typeVersion).toBe(1);
  });

  it('rejects definitions that reference unknown states or carry a broken guard', async () => {
    await expect(
      t.kernel.cases.defineCaseType(t.kernel.db, { ...pothole, initialState: 'nowhere' }),
    ).rejects.toMatchObject({ code: 'cases.type.invalid' });
    const broken = { ...pothole, transitions: [{ ...pothole.transitions[0], guard: 'data.grade ==' }] };
    await expect(t.kernel.cases.defineCaseType(t.kernel.db, broken)).rejects.toMatchObject({
      code: 'rules.expression.invalid',
    });
  });

  it('runs claim → close with a required result, recording history, audit and events', async () => {
    const opened = await open();
    const claimed = await t.kernel.cases.transition(handler, opened.id, {
      transition: 'claim',
      expectedVersion: 1,
    });
    expect(claimed).toMatchObject({ state: 'handling', assigneeId: handler.id, version: 2 });
    await expect(
      t.kernel.cases.transition(handler, opened.id, { transition: 'close', expectedVersion: 2 }),
    ).rejects.toMatchObject({ code: 'cases.data.invalid' });
    const closed = await t.kernel.cases.transition(handler, opened.id, {
      transition: 'close',
      expectedVersion: 2,
      data: { result: '已修补路面并拍照' },
    });
    expect(closed).toMatchObject({ state: 'closed', version: 3 });
    expect(closed.closedAt).toBeInstanceOf(Date);
    const detail = await t.kernel.cases.getCase(handler, opened.id);
    expect(detail.history.map((h) => h.transition)).toEqual(['open', 'claim', 'close']);
    expect(detail.available).toEqual([]);
    const [{ n }] = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*) as n from audit_entry where subject_id = ${opened.id}`,
    );
    expect(n).toBe(3);
    const events = await rows<{ type: string }>(
      t.kernel.db,
      sql`select type from events_outbox where payload->>'caseId' = ${opened.id} order by seq`,
    );
    expect(events.map((e) => e.type)).toEqual([
      'cases.case.opened',
      'cases.case.transitioned',
      'cases.case.transitioned',
    ]);
  });

  it('lets exactly one of two concurrent transitions win; the other gets a version conflict', async () => {
    const opened = await open();
    const results = await Promise.allSettled([
      t.kernel.cases.transition(handler, opened.id, { transition: 'claim', expectedVersion: 1 }),
      t.kernel.cases.transition(handler, opened.id, { transition: 'claim', expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['cases.case.version_conflict', 'cases.transition.not_allowed']).toContain(failure.reason.code);
    const [{ n }] = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*) as n from cases_history where case_id = ${opened.id}`,
    );
    expect(n).toBe(2);
  });

  it('refuses invalid steps with clear codes and changes nothing', async () => {
    const opened = await open();
    await expect(
      t.kernel.cases.transition(handler, opened.id, {
        transition: 'close',
        expectedVersion: 1,
        data: { result: '已处理完毕' },
      }),
    ).rejects.toMatchObject({ code: 'cases.transition.not_allowed' });
    await expect(
      t.kernel.cases.transition(handler, opened.id, { transition: 'fly', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'cases.transition.unknown' });
    await t.kernel.cases.transition(handler, opened.id, { transition: 'claim', expectedVersion: 1 });
    await expect(
      t.kernel.cases.transition(handler, opened.id, { transition: 'return', expectedVersion: 2 }),
    ).rejects.toMatchObject({ code: 'cases.transition.note_required' });
    await expect(
      t.kernel.cases.transition(handler, opened.id, {
        transition: 'close',
        expectedVersion: 2,
        data: { result: '好' },
      }),
    ).rejects.toMatchObject({ code: 'cases.transition.guard_failed' });
    await expect(
      t.kernel.cases.transition(handler, opened.id, {
        transition: 'close',
        expectedVersion: 2,
        data: { result: '已处理完毕', bogus: 1 },
      }),
    ).rejects.toMatchObject({ code: 'cases.data.invalid' });
    const returned = await t.kernel.cases.transition(handler, opened.id, {
      transition: 'return',
      expectedVersion: 2,
      note: '不属于本镇职责，应转交交通部门',
    });
    expect(returned).toMatchObject({ state: 'reported', assigneeId: null, version: 3 });
    expect((await t.kernel.cases.getCase(handler, opened.id)).history.at(-1)?.note).toBe(
      '不属于本镇职责，应转交交通部门',
    );
  });

  it('hides cases outside the actor’s scope and checks field data on open', async () => {
    const opened = await open();
    await expect(t.kernel.cases.getCase(otherTown, opened.id)).rejects.toMatchObject({
      code: 'cases.case.not_found',
    });
    await expect(
      t.kernel.cases.transition(otherTown, opened.id, { transition: 'claim', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'cases.case.not_found' });
    await expect(open(otherTown)).rejects.toMatchObject({ code: 'access.denied' });
    await expect(
      t.kernel.cases.openCase(handler, {
        typeCode: 'test_event',
        title: 'x',
        divisionCode: '330213100225',
        data: { description: 'x', grade: 'huge' },
      }),
    ).rejects.toMatchObject({ code: 'cases.data.invalid' });
    await expect(
      t.kernel.cases.openCase(handler, {
        typeCode: 'nope',
        title: 'x',
        divisionCode: '330213100225',
        data: {},
      }),
    ).rejects.toMatchObject({ code: 'cases.type.not_found' });
  });
});
