import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../access';
import { rows } from '../db';
import { actorFor, createTestKernel, takeStep } from '../testing';
import type { CaseTypeDefinitionInput } from './definition';

const names = (zh: string, en: string) => ({ zh, en });
const perm = 'h.case.handle';

/** Report → dispatch (to a department, optionally with co-handlers) → handle → close → rate. */
const event: CaseTypeDefinitionInput = {
  code: 'h_event',
  name: names('事件', 'Event'),
  numberPrefix: 'HE',
  openPermission: 'h.case.open',
  readPermission: 'h.case.read',
  supervisePermission: 'h.case.supervise',
  extension: { clock: 'handle', requestPermission: perm, approvePermission: 'h.case.dispatch', maxUnits: 5 },
  duplicates: {
    categoryField: 'category',
    locationField: 'location',
    withinMeters: 200,
    withinHours: 72,
    mergedState: 'merged',
    mergePermission: 'h.case.dispatch',
    shareFields: ['result', 'photos'],
  },
  fields: [
    { code: 'category', name: names('类别', 'Category'), type: 'text', required: true },
    { code: 'location', name: names('位置', 'Location'), type: 'location', required: true },
    { code: 'result', name: names('结果', 'Result'), type: 'longtext' },
    {
      code: 'photos',
      name: names('照片', 'Photos'),
      type: 'attachments',
      maxFiles: 3,
      accept: ['image/jpeg', 'image/png'],
    },
    {
      code: 'rating',
      name: names('评价', 'Rating'),
      type: 'choice',
      options: ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'].map((v) => ({
        value: v,
        name: names(v, v),
      })),
    },
  ],
  states: [
    { code: 'reported', name: names('待派遣', 'To dispatch') },
    { code: 'dispatched', name: names('待处置', 'Dispatched') },
    { code: 'handling', name: names('处置中', 'Handling') },
    { code: 'awaiting_co', name: names('等待协办', 'Awaiting co-handlers') },
    { code: 'merged', name: names('已合并', 'Merged') },
    { code: 'closed', name: names('已办结', 'Closed'), final: true },
    { code: 'rated', name: names('已评价', 'Rated'), final: true },
  ],
  initialState: 'reported',
  transitions: [
    {
      code: 'dispatch',
      name: names('派遣', 'Dispatch'),
      from: ['reported'],
      to: 'dispatched',
      permission: 'h.case.dispatch',
      department: 'input',
      effects: [
        { kind: 'open_children', typeCode: 'h_co' },
        { kind: 'notify', to: 'department', titleZh: '新派件', titleEn: 'New case' },
      ],
    },
    {
      code: 'accept',
      name: names('受理', 'Accept'),
      from: ['dispatched'],
      to: 'handling',
      permission: perm,
      assign: 'actor',
    },
    {
      code: 'finish',
      name: names('主办完成', 'Lead done'),
      from: ['handling'],
      to: 'awaiting_co',
      permission: perm,
      assigneeOnly: true,
      requires: ['result'],
    },
    {
      code: 'close',
      name: names('办结', 'Close'),
      from: ['handling'],
      to: 'closed',
      permission: perm,
      assigneeOnly: true,
      requires: ['result', 'photos'],
      waitForChildren: true,
    },
    {
      code: 'all_done',
      name: names('协办完成', 'Co-handlers done'),
      from: ['awaiting_co'],
      to: 'closed',
      permission: perm,
      trigger: 'children_done',
    },
    {
      code: 'rate',
      name: names('评价', 'Rate'),
      from: ['closed'],
      to: 'rated',
      permission: 'h.case.open',
      requires: ['rating'],
      afterClose: { withinWorkingDays: 5 },
      effects: [
        {
          kind: 'open_case',
          typeCode: 'h_co',
          role: 'rectification',
          titleZh: '整改',
          when: "input.rating in ['dissatisfied', 'very_dissatisfied']",
        },
        { kind: 'publish', signal: 'rated' },
      ],
    },
  ],
  clocks: [
    {
      code: 'handle',
      name: names('处置时限', 'Handling limit'),
      unit: 'working_days',
      promised: 3,
      startOn: ['dispatch'],
      stopOn: ['close', 'all_done', 'merged_close'],
    },
  ],
};

/** A co-handling (协办) or rectification (整改) child case. */
const co: CaseTypeDefinitionInput = {
  code: 'h_co',
  name: names('协办件', 'Co-handling'),
  numberPrefix: 'HX',
  openPermission: 'h.case.open',
  readPermission: 'h.case.read',
  fields: [
    { code: 'category', name: names('类别', 'Category'), type: 'text' },
    { code: 'result', name: names('结果', 'Result'), type: 'longtext' },
  ],
  states: [
    { code: 'open', name: names('办理中', 'Open') },
    { code: 'done', name: names('已完成', 'Done'), final: true },
  ],
  initialState: 'open',
  transitions: [
    {
      code: 'done',
      name: names('完成', 'Done'),
      from: ['open'],
      to: 'done',
      permission: perm,
      requires: ['result'],
    },
  ],
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('case handling: joint handling, merging, extensions, supervision, rectification', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let dispatcher: Actor;
  let handler: Actor;
  let coHandler: Actor;
  beforeAll(async () => {
    t = await createTestKernel();
    await t.kernel.db.execute(
      sql`insert into identity_role (code, name_zh, name_en, permissions, builtin) values
        ('h_dispatcher', '调度员', 'Dispatcher', '["h.case.open","h.case.read","h.case.dispatch","h.case.supervise"]', false),
        ('h_handler', '处置员', 'Handler', '["h.case.read","h.case.handle"]', false)`,
    );
    const mk = async (username: string, departmentId: string | null, role: string, division: string) => {
      await t.kernel.staff.createStaff(systemActor, {
        username,
        displayName: username,
        password: 'secret-123',
        departmentId,
        roles: [{ roleCode: role, divisionCode: division, departmentId: departmentId ?? undefined }],
        mustChangePassword: false,
      });
      return actorFor(t.kernel, username, 'secret-123');
    };
    dispatcher = await mk('dispatcher', null, 'h_dispatcher', '330213000000');
    handler = await mk('xikou', t.departments.xikou.id, 'h_handler', '330213000000');
    coHandler = await mk('rsj', t.departments.rsj.id, 'h_handler', '330213000000');
    await t.kernel.cases.defineCaseType(t.kernel.db, co);
    await t.kernel.cases.defineCaseType(t.kernel.db, event);
  });
  afterAll(() => t.close());

  const open = (location = { lng: 121.24, lat: 29.68 }, category = 'road.pothole') =>
    t.kernel.cases.openCase(dispatcher, {
      typeCode: 'h_event',
      title: '村口路面坑洞',
      divisionCode: '330213100225',
      data: { category, location },
    });
  const photo = () =>
    t.kernel.files.store(handler, { name: 'after.png', content: PNG, allowed: ['image/png', 'image/jpeg'] });

  it('dispatches to a department with co-handlers; the lead waits; the last co-handler closes the parent', async () => {
    const c = await open();
    const dispatched = await t.kernel.cases.transition(dispatcher, c.id, {
      transition: 'dispatch',
      expectedVersion: 1,
      departmentId: t.departments.xikou.id,
      coDepartmentIds: [t.departments.rsj.id],
      limits: { handle: 2 },
    });
    expect(dispatched.departmentId).toBe(t.departments.xikou.id);
    const detail = await t.kernel.cases.getCase(dispatcher, c.id);
    const child = detail.related.find((r) => r.parentRole === 'co')!;
    expect(child).toMatchObject({ departmentId: t.departments.rsj.id, state: 'open' });
    expect(detail.clocks[0]).toMatchObject({ status: 'running', limit: 2 });
    // The department heard of it.
    const inbox = await t.kernel.notifications.list(handler);
    expect(inbox.items[0].titleZh).toContain('新派件');

    await takeStep(t.kernel, handler, c.id, 'accept');
    // Closing directly is refused while the co-handler works.
    await expect(
      takeStep(t.kernel, handler, c.id, 'close', {
        data: { result: '已修补', photos: [(await photo()).id] },
      }),
    ).rejects.toMatchObject({ code: 'cases.case.children_open' });
    await takeStep(t.kernel, handler, c.id, 'finish', { data: { result: '已修补路面' } });
    // A person cannot take the automatic step.
    await expect(takeStep(t.kernel, handler, c.id, 'all_done')).rejects.toMatchObject({
      code: 'cases.transition.automatic',
    });
    await takeStep(t.kernel, coHandler, child.id, 'done', { data: { result: '已协助封闭施工' } });
    const closed = await t.kernel.cases.getCase(dispatcher, c.id);
    expect(closed.state).toBe('closed');
    expect(closed.history.at(-1)).toMatchObject({ transition: 'all_done', actorType: 'system' });
    expect(closed.late).toBe(false);
  });

  it('merges duplicates near in place and time; they close with the primary and share its outcome', async () => {
    const primary = await open({ lng: 121.3, lat: 29.7 }, 'road.light');
    const near = await open({ lng: 121.3005, lat: 29.7005 }, 'road.light'); // ~70 m
    const far = await open({ lng: 121.31, lat: 29.7 }, 'road.light'); // ~970 m
    const other = await open({ lng: 121.3, lat: 29.7 }, 'noise');
    const candidates = await t.kernel.cases.findDuplicates(dispatcher, primary.id);
    expect(candidates.map((c) => c.case.id)).toEqual([near.id]);
    expect(candidates[0].distanceMeters).toBeGreaterThan(50);
    void far;
    void other;
    await expect(t.kernel.cases.merge(dispatcher, primary.id, [primary.id])).rejects.toMatchObject({
      code: 'cases.merge.self',
    });
    await t.kernel.cases.merge(dispatcher, primary.id, [near.id]);
    const merged = await t.kernel.cases.getCase(dispatcher, near.id);
    expect(merged).toMatchObject({ state: 'merged', mergedInto: primary.id, available: [] });
    await expect(takeStep(t.kernel, dispatcher, near.id, 'dispatch')).rejects.toMatchObject({
      code: 'cases.case.merged',
    });
    await t.kernel.cases.transition(dispatcher, primary.id, {
      transition: 'dispatch',
      expectedVersion: (await t.kernel.cases.getCase(dispatcher, primary.id)).version,
      departmentId: t.departments.xikou.id,
    });
    await takeStep(t.kernel, handler, primary.id, 'accept');
    const file = await photo();
    await takeStep(t.kernel, handler, primary.id, 'close', {
      data: { result: '路灯已修复', photos: [file.id] },
    });
    const shared = await t.kernel.cases.getCase(dispatcher, near.id);
    expect(shared.state).toBe('closed');
    expect(shared.data).toMatchObject({ result: '路灯已修复', photos: [file.id] });
    expect(shared.history.at(-1)?.transition).toBe('merged_close');
  });

  it('extension: requested with a reason, decided by someone else, the deadline moves', async () => {
    const c = await open();
    await t.kernel.cases.transition(dispatcher, c.id, {
      transition: 'dispatch',
      expectedVersion: 1,
      departmentId: t.departments.xikou.id,
    });
    await takeStep(t.kernel, handler, c.id, 'accept');
    const before = (await t.kernel.cases.getCase(handler, c.id)).clocks[0].dueAt!;
    await expect(
      t.kernel.cases.requestExtension(handler, c.id, { units: 9, reason: '需协调' }),
    ).rejects.toMatchObject({ code: 'cases.extension.invalid_units' });
    await t.kernel.cases.requestExtension(handler, c.id, { units: 2, reason: '需等待沥青到货' });
    await expect(
      t.kernel.cases.requestExtension(handler, c.id, { units: 1, reason: '再延' }),
    ).rejects.toMatchObject({
      code: 'cases.extension.pending',
    });
    const listed = await t.kernel.cases.listCases(dispatcher, {
      typeCode: 'h_event',
      pendingExtension: true,
    });
    expect(listed.items.map((i) => i.id)).toContain(c.id);
    await t.kernel.cases.decideExtension(dispatcher, c.id, { approve: true, note: '同意' });
    const after = await t.kernel.cases.getCase(handler, c.id);
    expect(after.clocks[0]).toMatchObject({ extended: 2 });
    expect(after.clocks[0].dueAt!.getTime()).toBeGreaterThan(before.getTime());
    expect(after.dueAt?.getTime()).toBe(after.clocks[0].dueAt!.getTime());
    expect(after.meta.pendingExtension).toBeUndefined();
    const inbox = await t.kernel.notifications.list(handler);
    expect(inbox.items.some((m) => m.titleZh.startsWith('延期申请已批准'))).toBe(true);
  });

  it('supervision notes reach the assignee as urgent messages without disturbing the version', async () => {
    const c = await open();
    await t.kernel.cases.transition(dispatcher, c.id, {
      transition: 'dispatch',
      expectedVersion: 1,
      departmentId: t.departments.xikou.id,
    });
    const accepted = await takeStep(t.kernel, handler, c.id, 'accept');
    await t.kernel.cases.supervise(dispatcher, c.id, '请于今日内处置完毕');
    await expect(t.kernel.cases.supervise(handler, c.id, '我自己督办')).rejects.toMatchObject({
      code: 'access.denied',
    });
    await expect(t.kernel.cases.supervise(dispatcher, c.id, '  ')).rejects.toMatchObject({
      code: 'cases.supervise.note_required',
    });
    const after = await t.kernel.cases.getCase(handler, c.id);
    expect(after.version).toBe(accepted.version);
    expect(after.history.at(-1)).toMatchObject({ transition: 'supervise', note: '请于今日内处置完毕' });
    const inbox = await t.kernel.notifications.list(handler, { unreadOnly: true });
    expect(inbox.items[0]).toMatchObject({ urgent: true, bodyZh: '请于今日内处置完毕' });
    expect(await t.kernel.notifications.markRead(handler, 'all')).toBe(inbox.unread);
  });

  it('a bad rating opens a rectification case; a good one does not', async () => {
    const rate = async (rating: string) => {
      const c = await open();
      await t.kernel.cases.transition(dispatcher, c.id, {
        transition: 'dispatch',
        expectedVersion: 1,
        departmentId: t.departments.xikou.id,
      });
      await takeStep(t.kernel, handler, c.id, 'accept');
      await takeStep(t.kernel, handler, c.id, 'close', {
        data: { result: '已处理', photos: [(await photo()).id] },
      });
      await takeStep(t.kernel, dispatcher, c.id, 'rate', { data: { rating } });
      return (await t.kernel.cases.getCase(dispatcher, c.id)).related;
    };
    expect(await rate('satisfied')).toEqual([]);
    const related = await rate('very_dissatisfied');
    expect(related).toHaveLength(1);
    expect(related[0]).toMatchObject({ parentRole: 'rectification', departmentId: t.departments.xikou.id });
    expect(related[0].title).toMatch(/^整改：/);
    const signals = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*)::int as n from events_outbox where type = 'cases.case.signal'`,
    );
    expect(signals[0].n).toBe(2);
  });

  it('refuses bad attachments and unknown departments, changing nothing', async () => {
    const c = await open();
    await expect(
      t.kernel.cases.transition(dispatcher, c.id, {
        transition: 'dispatch',
        expectedVersion: 1,
        departmentId: '01900000-0000-7000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'cases.transition.unknown_department' });
    await t.kernel.cases.transition(dispatcher, c.id, {
      transition: 'dispatch',
      expectedVersion: 1,
      departmentId: t.departments.xikou.id,
    });
    await takeStep(t.kernel, handler, c.id, 'accept');
    const pdf = await t.kernel.files.store(handler, {
      name: 'x.pdf',
      content: Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1'),
      allowed: ['application/pdf'],
    });
    await expect(
      takeStep(t.kernel, handler, c.id, 'close', { data: { result: '已处理', photos: [pdf.id] } }),
    ).rejects.toMatchObject({ code: 'cases.data.file_type' });
    await expect(
      takeStep(t.kernel, handler, c.id, 'close', {
        data: { result: '已处理', photos: ['01900000-0000-7000-8000-000000000000'] },
      }),
    ).rejects.toMatchObject({ code: 'cases.data.unknown_file' });
    const still = await t.kernel.cases.getCase(handler, c.id);
    expect(still.state).toBe('handling');
  });

  it('lists cases in scope with filters and keyset paging', async () => {
    const all = await t.kernel.cases.listCases(dispatcher, { typeCode: 'h_event', limit: 3 });
    expect(all.items).toHaveLength(3);
    const next = await t.kernel.cases.listCases(dispatcher, {
      typeCode: 'h_event',
      limit: 3,
      before: all.next!,
    });
    expect(next.items[0].id < all.items[2].id).toBe(true);
    const mine = await t.kernel.cases.listCases(handler, { typeCode: 'h_event', assignee: 'me' });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.assigneeId === handler.id)).toBe(true);
    // The co-handling department sees only its own department's cases (and none of xikou's).
    const theirs = await t.kernel.cases.listCases(coHandler, { typeCode: 'h_event' });
    expect(theirs.items.every((i) => i.departmentId === t.departments.rsj.id)).toBe(true);
    const byNumber = await t.kernel.cases.listCases(dispatcher, {
      typeCode: 'h_event',
      q: all.items[0].number,
    });
    expect(byNumber.items.map((i) => i.id)).toEqual([all.items[0].id]);
  });
});
