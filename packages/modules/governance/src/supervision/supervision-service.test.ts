import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupervisionFixture, type SupervisionFixture } from './test/factories';

describe('supervision tasks (督查督办)', () => {
  let f: SupervisionFixture;
  beforeAll(async () => {
    f = await createSupervisionFixture();
  });
  afterAll(() => f.close());

  const assignmentOf = (
    task: { assignments: { id: string; departmentId: string }[] },
    departmentId: string,
  ) => task.assignments.find((a) => a.departmentId === departmentId)!.id;

  it('dispatches to two departments: pending assignments, audit, events, notifications and timers', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const task = await f.dispatch();
    expect(task).toMatchObject({
      status: 'open',
      deadline: '2026-03-06',
      dueAt: new Date('2026-03-06T15:59:59.999Z'),
      remindAt: new Date('2026-03-04T01:00:00Z'),
      remindWorkingDays: 2,
      overdue: false,
    });
    expect(task.assignments.map((a) => [a.departmentName, a.status, a.progress])).toEqual([
      ['区人社局', 'pending', 0],
      ['溪口镇人民政府', 'pending', 0],
    ]);
    expect(
      await f.countOf('audit_entry', sql`action = 'governance.task.created' and subject_id = ${task.id}`),
    ).toBe(1);
    expect(
      (await f.eventsOf('governance.task.assigned')).filter((e) => e.payload.taskId === task.id),
    ).toHaveLength(2);
    const inbox = await f.kernel.notifications.list(f.people.rsjStaff);
    expect(inbox.items.find((m) => m.subjectId === task.id)).toMatchObject({
      titleZh: '新督办任务：春季防汛隐患排查',
      link: `/supervision/${task.id}`,
    });
    expect(await f.countOf('jobs_job', sql`dedupe_key like ${`governance.task:${task.id}:%`}`)).toBe(2);
  });

  it('refuses bad input with stable codes and changes nothing', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const before = await f.countOf('governance_task');
    const auditBefore = await f.countOf('audit_entry');
    const { rsj } = f.departments;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'governance.task.invalid_input'],
      [{ deadline: '2026-02-30' }, 'governance.task.invalid_input'],
      [{ departmentIds: [] }, 'governance.task.invalid_input'],
      [{ departmentIds: [rsj.id, rsj.id] }, 'governance.task.invalid_input'],
      [{ remindWorkingDays: 31 }, 'governance.task.invalid_input'],
      [{ deadline: '2026-03-01' }, 'governance.task.deadline_past'],
      [{ deadline: '2030-01-01' }, 'governance.task.deadline_too_far'],
      [{ departmentIds: ['0190f1d2-0000-7000-8000-000000000000'] }, 'governance.task.department_not_found'],
      // A source links inside the platform only: not another host, not a script.
      [{ source: { label: '预警', path: 'https://example.com/x' } }, 'governance.task.invalid_input'],
      [{ source: { label: '预警', path: '//example.com/x' } }, 'governance.task.invalid_input'],
      [{ source: { label: '预警', path: '/\\example.com' } }, 'governance.task.invalid_input'],
      [{ source: { label: '预警', path: 'javascript:alert(1)' } }, 'governance.task.invalid_input'],
      [{ source: { label: ' ', path: '/cockpit' } }, 'governance.task.invalid_input'],
    ];
    for (const [input, code] of cases) {
      await expect(f.dispatch(input as never), JSON.stringify(input)).rejects.toMatchObject({ code });
    }
    const invalid = await f.dispatch({ title: '' }).catch((e) => e);
    expect(invalid.details.errors).toEqual([{ path: '/title', message: expect.any(String) }]);
    expect(await f.countOf('governance_task')).toBe(before);
    expect(await f.countOf('audit_entry')).toBe(auditBefore);
  });

  it('keeps where a task came from, as a link inside the platform; a leader’s own task has none', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const source = { label: '驾驶舱预警：全区一网通办率', path: '/cockpit/indicators/plan.x?scope=district' };
    const raised = await f.dispatch({ source });
    expect(raised).toMatchObject({ sourceLabel: source.label, sourcePath: source.path });
    const read = await f.supervision.getTask(f.people.rsjStaff, raised.id);
    expect(read).toMatchObject({ sourceLabel: source.label, sourcePath: source.path });
    expect(await f.dispatch()).toMatchObject({ sourceLabel: null, sourcePath: null });
  });

  it('lets only leaders dispatch and only the assigned department accept and report', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const { rsj, xikou } = f.departments;
    await expect(
      f.supervision.createTask(f.people.rsjStaff, {
        title: 'x',
        requirements: 'y',
        deadline: '2026-03-06',
        departmentIds: [rsj.id],
      }),
    ).rejects.toMatchObject({ code: 'access.denied' });
    const task = await f.dispatch();
    const rsjAssignment = assignmentOf(task, rsj.id);
    await expect(f.supervision.accept(f.people.leader, task.id, rsjAssignment)).rejects.toMatchObject({
      code: 'access.denied',
    });
    // The town office cannot even see the bureau's assignment; the district-wide bureau admin cannot act for the town.
    await expect(f.supervision.accept(f.people.xikouStaff, task.id, rsjAssignment)).rejects.toMatchObject({
      code: 'governance.task.assignment_not_found',
    });
    await expect(
      f.supervision.accept(f.people.rsjStaff, task.id, assignmentOf(task, xikou.id)),
    ).rejects.toMatchObject({ code: 'governance.task.assignment_not_found' });
    // An admin sees everything but is not the department's staff.
    await expect(f.supervision.accept(f.people.admin, task.id, rsjAssignment)).rejects.toMatchObject({
      code: 'governance.task.not_your_department',
    });
    await expect(f.supervision.urge(f.people.rsjStaff, task.id, rsjAssignment)).rejects.toMatchObject({
      code: 'access.denied',
    });
  });

  it('shows each department only its own assignment, and lists only its tasks', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const { rsj, xikou } = f.departments;
    const both = await f.dispatch({ title: '两部门任务' });
    const townOnly = await f.dispatch({ title: '仅溪口镇任务', departmentIds: [xikou.id] });
    const seenByRsj = await f.supervision.getTask(f.people.rsjStaff, both.id);
    expect(seenByRsj.assignments.map((a) => a.departmentId)).toEqual([rsj.id]);
    expect(seenByRsj.assignments[0].actions).toEqual(['accept']);
    await expect(f.supervision.getTask(f.people.rsjStaff, townOnly.id)).rejects.toMatchObject({
      code: 'governance.task.not_found',
    });
    const rsjList = await f.supervision.listTasks(f.people.rsjStaff, { pageSize: 100 });
    expect(rsjList.items.map((t) => t.id)).toContain(both.id);
    expect(rsjList.items.map((t) => t.id)).not.toContain(townOnly.id);
    const leaderView = await f.supervision.getTask(f.people.leader, both.id);
    expect(leaderView.assignments).toHaveLength(2);
    expect(leaderView.assignments[0].actions).toEqual(['urge']);
  });

  it('runs the loop: accept, report with an attachment, complete, evaluate both → closed', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const { rsj, xikou } = f.departments;
    const task = await f.dispatch({ title: '闭环任务' });
    const a = assignmentOf(task, rsj.id);
    const b = assignmentOf(task, xikou.id);
    await expect(
      f.supervision.report(f.people.rsjStaff, task.id, a, { progress: 10, note: '未签收先报送' }),
    ).rejects.toMatchObject({ code: 'governance.task.not_accepted' });
    expect((await f.supervision.accept(f.people.rsjStaff, task.id, a)).assignments[0].status).toBe(
      'in_progress',
    );
    await expect(f.supervision.accept(f.people.rsjStaff, task.id, a)).rejects.toMatchObject({
      code: 'governance.task.already_accepted',
    });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const photo = await f.supervision.uploadAttachment(f.people.rsjStaff, { name: '现场.png', content: png });
    const othersPhoto = await f.supervision.uploadAttachment(f.people.xikouStaff, {
      name: 'x.png',
      content: png,
    });
    await expect(
      f.supervision.report(f.people.rsjStaff, task.id, a, {
        progress: 40,
        note: '已排查',
        fileIds: [othersPhoto.id],
      }),
    ).rejects.toMatchObject({ code: 'governance.task.file_not_found' });
    await expect(
      f.supervision.report(f.people.rsjStaff, task.id, a, { progress: 140, note: '超过' }),
    ).rejects.toMatchObject({ code: 'governance.task.invalid_input' });
    const reported = await f.supervision.report(f.people.rsjStaff, task.id, a, {
      progress: 40,
      note: '已排查 12 处',
      fileIds: [photo.id],
    });
    expect(reported.assignments[0]).toMatchObject({ progress: 40, actions: ['report', 'complete'] });
    expect(reported.assignments[0].activity.at(-1)).toMatchObject({
      kind: 'progress',
      progress: 40,
      note: '已排查 12 处',
      files: [{ id: photo.id, name: '现场.png', mime: 'image/png' }],
    });
    expect((await f.supervision.readAttachment(f.people.leader, task.id, photo.id)).name).toBe('现场.png');
    await expect(f.supervision.readAttachment(f.people.xikouStaff, task.id, photo.id)).rejects.toMatchObject({
      code: 'governance.task.file_not_found',
    });
    await expect(
      f.supervision.evaluate(f.people.leader, task.id, a, { grade: 'good', comment: '过早' }),
    ).rejects.toMatchObject({ code: 'governance.task.not_completed' });
    await f.supervision.complete(f.people.rsjStaff, task.id, a, { note: '全部整改完毕' });
    await f.supervision.accept(f.people.xikouStaff, task.id, b);
    await f.supervision.complete(f.people.xikouStaff, task.id, b, { note: '已完成' });
    const leaderInbox = await f.kernel.notifications.list(f.people.leader);
    expect(leaderInbox.items.filter((m) => m.subjectId === task.id).map((m) => m.titleZh)).toContain(
      '区人社局已办结：闭环任务',
    );
    const first = await f.supervision.evaluate(f.people.leader, task.id, a, {
      grade: 'excellent',
      comment: '认真',
    });
    expect(first.status).toBe('open');
    await expect(
      f.supervision.evaluate(f.people.leader, task.id, a, { grade: 'good', comment: '再评' }),
    ).rejects.toMatchObject({ code: 'governance.task.already_evaluated' });
    const closed = await f.supervision.evaluate(f.people.leader, task.id, b, {
      grade: 'pass',
      comment: '合格',
    });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toEqual(f.clock.now());
    expect(closed.assignments.map((x) => [x.status, x.grade])).toEqual([
      ['evaluated', 'excellent'],
      ['evaluated', 'pass'],
    ]);
    const evaluated = (await f.eventsOf('governance.task.evaluated')).filter(
      (e) => e.payload.taskId === task.id,
    );
    expect(evaluated.map((e) => e.payload.taskClosed)).toEqual([false, true]);
    const actions = await f.countOf(
      'audit_entry',
      sql`subject_id = ${task.id} and action in ('governance.task.accepted', 'governance.task.progressed', 'governance.task.completed', 'governance.task.evaluated', 'governance.task.closed')`,
    );
    expect(actions).toBe(2 + 1 + 2 + 2 + 1);
    expect((await f.kernel.audit.verify(f.people.admin)).ok).toBe(true);
  });

  it('urges an unfinished department with an urgent message, and not a finished one', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const { rsj } = f.departments;
    const task = await f.dispatch({ title: '催办任务', departmentIds: [rsj.id] });
    const a = assignmentOf(task, rsj.id);
    const urged = await f.supervision.urge(f.people.leader, task.id, a, { message: '请今天报送' });
    expect(urged.assignments[0]).toMatchObject({ urgeCount: 1, lastUrgedAt: f.clock.now() });
    const inbox = await f.kernel.notifications.list(f.people.rsjStaff);
    expect(inbox.items.find((m) => m.subjectId === task.id && m.urgent)).toMatchObject({
      titleZh: '催办：催办任务',
      bodyZh: '请今天报送',
    });
    await f.supervision.accept(f.people.rsjStaff, task.id, a);
    await f.supervision.complete(f.people.rsjStaff, task.id, a, { note: '完成' });
    await expect(f.supervision.urge(f.people.leader, task.id, a)).rejects.toMatchObject({
      code: 'governance.task.already_completed',
    });
  });

  it('lets exactly one of two concurrent steps win, and closes the task once', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const { rsj, xikou } = f.departments;
    const task = await f.dispatch({ title: '并发任务' });
    const a = assignmentOf(task, rsj.id);
    const b = assignmentOf(task, xikou.id);
    const accepts = await Promise.allSettled([
      f.supervision.accept(f.people.rsjStaff, task.id, a),
      f.supervision.accept(f.people.rsjStaff, task.id, a),
    ]);
    expect(accepts.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(accepts.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'governance.task.already_accepted' },
    });
    await f.supervision.complete(f.people.rsjStaff, task.id, a, { note: '完成' });
    await f.supervision.accept(f.people.xikouStaff, task.id, b);
    await f.supervision.complete(f.people.xikouStaff, task.id, b, { note: '完成' });
    await Promise.all([
      f.supervision.evaluate(f.people.leader, task.id, a, { grade: 'good', comment: '好' }),
      f.supervision.evaluate(f.people.leader, task.id, b, { grade: 'good', comment: '好' }),
    ]);
    expect((await f.supervision.getTask(f.people.leader, task.id)).status).toBe('closed');
    expect(
      await f.countOf('audit_entry', sql`subject_id = ${task.id} and action = 'governance.task.closed'`),
    ).toBe(1);
    const evaluated = (await f.eventsOf('governance.task.evaluated')).filter(
      (e) => e.payload.taskId === task.id,
    );
    expect(evaluated.map((e) => e.payload.taskClosed).sort()).toEqual([false, true]);
  });

  it('filters and pages the list', async () => {
    f.clock.set('2026-03-02T01:00:00Z');
    const { xikou } = f.departments;
    for (let i = 1; i <= 3; i++) await f.dispatch({ title: `分页任务 ${i}`, departmentIds: [xikou.id] });
    const page1 = await f.supervision.listTasks(f.people.leader, { q: '分页任务', pageSize: 2 });
    const page2 = await f.supervision.listTasks(f.people.leader, { q: '分页任务', pageSize: 2, page: 2 });
    expect(page1.total).toBe(3);
    expect([...page1.items, ...page2.items].map((t) => t.title)).toEqual([
      '分页任务 3',
      '分页任务 2',
      '分页任务 1',
    ]);
    expect((await f.supervision.listTasks(f.people.leader, { q: '50%_' })).total).toBe(0);
    const closed = await f.supervision.listTasks(f.people.leader, { status: 'closed' });
    expect(closed.items.every((t) => t.status === 'closed')).toBe(true);
    await expect(f.supervision.listTasks(f.people.leader, { pageSize: 1000 })).rejects.toMatchObject({
      code: 'governance.task.invalid_input',
    });
  });
});
