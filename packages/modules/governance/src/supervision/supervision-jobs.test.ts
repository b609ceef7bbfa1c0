import { ManualClock } from '@zhizhi/kernel';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupervisionFixture, type SupervisionFixture } from './test/factories';

describe('supervision reminders and overdue warnings (durable timers)', () => {
  const clock = new ManualClock('2026-03-02T01:00:00Z'); // Monday 2 March 2026, 09:00 Beijing
  let f: SupervisionFixture;
  beforeAll(async () => {
    f = await createSupervisionFixture(clock);
  });
  afterAll(() => f.close());

  const activityKinds = async (taskId: string, kind: string) =>
    f.countOf('governance_task_activity', sql`task_id = ${taskId} and kind = ${kind}`);
  const eventsFor = async (type: string, taskId: string) =>
    (await f.eventsOf(type)).filter((e) => e.payload.taskId === taskId);
  const runTimers = async () => {
    await f.kernel.jobs.runDue();
    await f.kernel.jobs.runDue();
  };

  it('reminds unfinished departments once, N working days before the deadline, and warns once when overdue', async () => {
    clock.set('2026-03-02T01:00:00Z');
    const { rsj, xikou } = f.departments;
    const task = await f.dispatch({ title: '定时提醒任务' });
    const rsjA = task.assignments.find((a) => a.departmentId === rsj.id)!.id;
    const xikouA = task.assignments.find((a) => a.departmentId === xikou.id)!.id;
    // 人社局 finishes early: neither the reminder nor the warning concerns it.
    await f.supervision.accept(f.people.rsjStaff, task.id, rsjA);
    await f.supervision.complete(f.people.rsjStaff, task.id, rsjA, { note: '提前办结' });

    clock.set('2026-03-04T00:59:59Z'); // Wednesday 08:59:59: not yet
    await runTimers();
    expect(await activityKinds(task.id, 'reminded')).toBe(0);

    clock.set('2026-03-04T01:00:00Z'); // Wednesday 09:00 Beijing, two working days before Friday
    await runTimers();
    await runTimers();
    expect(await activityKinds(task.id, 'reminded')).toBe(1);
    expect((await eventsFor('governance.task.reminded', task.id)).map((e) => e.payload.assignmentId)).toEqual(
      [xikouA],
    );
    const townInbox = await f.kernel.notifications.list(f.people.xikouStaff);
    expect(townInbox.items.filter((m) => m.subjectId === task.id).map((m) => m.titleZh)).toContain(
      '督办任务即将到期：定时提醒任务',
    );
    expect((await f.supervision.getTask(f.people.leader, task.id)).overdue).toBe(false);

    clock.set('2026-03-06T15:59:59.999Z'); // the last instant of Friday in Beijing
    await runTimers();
    expect(await activityKinds(task.id, 'overdue')).toBe(0);
    expect((await f.supervision.getTask(f.people.leader, task.id)).overdue).toBe(false);

    clock.set('2026-03-06T16:00:00Z'); // Saturday 00:00 Beijing
    await runTimers();
    await runTimers();
    expect(await activityKinds(task.id, 'overdue')).toBe(1);
    expect((await eventsFor('governance.task.overdue', task.id)).map((e) => e.payload.assignmentId)).toEqual([
      xikouA,
    ]);
    const leaderInbox = await f.kernel.notifications.list(f.people.leader);
    expect(leaderInbox.items.find((m) => m.titleZh === '督办任务逾期：定时提醒任务')).toMatchObject({
      bodyZh: '未按期办结：溪口镇人民政府',
      urgent: true,
    });
    expect(
      await f.countOf('jobs_job', sql`dedupe_key like ${`governance.task:${task.id}:%`} and status = 'done'`),
    ).toBe(2);
    expect(
      await f.countOf('audit_entry', sql`subject_id = ${task.id} and action = 'governance.task.overdue'`),
    ).toBe(1);

    const view = await f.supervision.getTask(f.people.leader, task.id);
    expect(view.overdue).toBe(true);
    expect(view.assignments.map((a) => a.status)).toEqual(['completed', 'overdue']);
    expect(
      (await f.supervision.listTasks(f.people.leader, { status: 'overdue' })).items.map((t) => t.id),
    ).toContain(task.id);
    // Unfinished past the deadline: the leader may close it out, but only as 不合格.
    await expect(
      f.supervision.evaluate(f.people.leader, task.id, xikouA, { grade: 'good', comment: '逾期' }),
    ).rejects.toMatchObject({ code: 'governance.task.unfinished_must_fail' });
    await f.supervision.evaluate(f.people.leader, task.id, xikouA, { grade: 'fail', comment: '逾期未办结' });
    const closed = await f.supervision.evaluate(f.people.leader, task.id, rsjA, {
      grade: 'excellent',
      comment: '提前',
    });
    expect(closed.status).toBe('closed');
  });

  it('counts the reminder in working days across National Day and its 调休', async () => {
    clock.set('2025-09-26T02:00:00Z'); // Friday 26 Sep 2025
    const task = await f.dispatch({ title: '节后到期', deadline: '2025-10-09', remindWorkingDays: 2 });
    // Back from Thursday 9 Oct: 1–8 Oct are off, so the 2nd working day before is Monday 29 Sep.
    expect(task.remindAt).toEqual(new Date('2025-09-29T01:00:00Z'));
  });

  it('sends no reminder when its moment had already passed at dispatch, and counts 0 as the deadline day', async () => {
    clock.set('2026-03-05T02:00:00Z'); // Thursday
    const late = await f.dispatch({ title: '临期任务', deadline: '2026-03-06', remindWorkingDays: 2 });
    expect(late.remindAt).toBeNull();
    expect(await f.countOf('jobs_job', sql`dedupe_key = ${`governance.task:${late.id}:remind`}`)).toBe(0);
    const sameDay = await f.dispatch({ title: '当日提醒', deadline: '2026-03-06', remindWorkingDays: 0 });
    expect(sameDay.remindAt).toEqual(new Date('2026-03-06T01:00:00Z'));
  });

  it('does nothing when the timer finds the task closed or finished', async () => {
    clock.set('2026-03-09T01:00:00Z'); // Monday 9 March
    const { rsj } = f.departments;
    const task = await f.dispatch({ title: '提前闭环', deadline: '2026-03-13', departmentIds: [rsj.id] });
    const a = task.assignments[0].id;
    await f.supervision.accept(f.people.rsjStaff, task.id, a);
    await f.supervision.complete(f.people.rsjStaff, task.id, a, { note: '完成' });
    await f.supervision.evaluate(f.people.leader, task.id, a, { grade: 'good', comment: '好' });
    clock.set('2026-03-14T00:00:00Z');
    await runTimers();
    expect(await activityKinds(task.id, 'reminded')).toBe(0);
    expect(await activityKinds(task.id, 'overdue')).toBe(0);
    expect(
      await f.countOf('jobs_job', sql`dedupe_key like ${`governance.task:${task.id}:%`} and status = 'done'`),
    ).toBe(2);
  });
});
