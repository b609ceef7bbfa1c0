import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access';
import { anonymousActor, systemActor } from '../access';
import { listAudit, verifyAudit } from '../audit';
import { ManualClock } from '../clock';
import type { Database } from '../db';
import { newId } from '../ids';
import { createTestDatabase } from '../testing';
import { type Calendar, createCalendar } from '.';

const bj = (local: string) => new Date(`${local}+08:00`);

const admin: Actor = {
  type: 'staff',
  id: newId(),
  name: '日历管理员',
  departmentId: null,
  grants: [
    { roleCode: 'admin', permissions: ['calendar.manage'], divisionCode: '330213000000', departmentId: null },
  ],
};
const clerk: Actor = { ...admin, id: newId(), name: '窗口人员', grants: [] };

describe('calendar overrides', () => {
  let database: Database;
  let calendar: Calendar;
  const clock = new ManualClock('2025-09-26T02:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase();
    calendar = createCalendar({ db: database.db, clock });
    await calendar.reload();
  });
  afterAll(() => database.close());

  it('lets an override win over national data and audits it', async () => {
    const saved = await calendar.setOverride(admin, '2025-10-09', {
      isWorkday: false,
      note: ' 台风停止办公 ',
    });
    expect(saved).toMatchObject({
      day: '2025-10-09',
      isWorkday: false,
      note: '台风停止办公',
      updatedBy: admin.id,
    });
    expect(calendar.dayInfo('2025-10-09')).toMatchObject({
      isWorkday: false,
      kind: 'holiday',
      overridden: true,
      note: '台风停止办公',
    });
    expect(calendar.addWorkingDays(bj('2025-09-30T10:00:00'), 1)).toEqual(bj('2025-10-10T23:59:59.999'));

    await calendar.setOverride(admin, '2025-10-12', { isWorkday: true, note: '补班' });
    expect(calendar.dayInfo('2025-10-12')).toMatchObject({ kind: 'makeup_workday', isWorkday: true });
    expect(calendar.listOverrides().map((o) => o.day)).toEqual(['2025-10-09', '2025-10-12']);

    const { items } = await listAudit(database.db, {
      subjectType: 'calendar_day',
      subjectId: '2025-10-09',
    });
    expect(items[0]).toMatchObject({
      action: 'calendar.override.set',
      actorId: admin.id,
      data: { isWorkday: false, note: '台风停止办公', previous: null },
    });
  });

  it('removes an override, audits it, and returns the day to national data', async () => {
    await calendar.setOverride(admin, '2025-10-09', { isWorkday: true, note: '恢复办公' });
    await calendar.removeOverride(admin, '2025-10-09');
    expect(calendar.dayInfo('2025-10-09')).toMatchObject({
      kind: 'workday',
      overridden: false,
      note: null,
    });
    const { items } = await listAudit(database.db, { subjectId: '2025-10-09' });
    expect(items.map((e) => e.action)).toEqual([
      'calendar.override.removed',
      'calendar.override.set',
      'calendar.override.set',
    ]);
    expect(items[1].data).toMatchObject({ previous: { isWorkday: false, note: '台风停止办公' } });
    await expect(calendar.removeOverride(admin, '2025-10-09')).rejects.toMatchObject({
      code: 'calendar.override.not_found',
    });
    expect((await verifyAudit(database.db, clock)).ok).toBe(true);
  });

  it('checks permission before anything else and validates input', async () => {
    await expect(
      calendar.setOverride(clerk, 'garbage', { isWorkday: true, note: 'x' }),
    ).rejects.toMatchObject({
      code: 'access.denied',
    });
    await expect(calendar.removeOverride(anonymousActor, '2025-10-12')).rejects.toMatchObject({
      code: 'access.unauthenticated',
    });
    await expect(
      calendar.setOverride(admin, '2025-02-30', { isWorkday: true, note: 'x' }),
    ).rejects.toMatchObject({
      code: 'calendar.day.invalid',
    });
    await expect(
      calendar.setOverride(admin, '2025-03-03', { isWorkday: 'yes' as never }),
    ).rejects.toMatchObject({
      code: 'calendar.override.invalid',
    });
    await expect(
      calendar.setOverride(admin, '2025-03-03', { isWorkday: false, note: 'x'.repeat(201) }),
    ).rejects.toMatchObject({ code: 'calendar.override.invalid' });
    expect(calendar.dayInfo('2025-03-03').overridden).toBe(false);
    expect(calendar.dayInfo('2025-10-12').overridden).toBe(true);
  });

  it('accepts an override without a note', async () => {
    await calendar.setOverride(admin, '2025-03-04', { isWorkday: false, note: '  ' });
    expect(calendar.dayInfo('2025-03-04')).toMatchObject({ overridden: true, note: null, kind: 'holiday' });
    await calendar.setOverride(admin, '2025-03-05', { isWorkday: false });
    expect(calendar.listOverrides().find((o) => o.day === '2025-03-05')).toMatchObject({ note: null });
  });

  it('lets another instance see changes after reload', async () => {
    const other = createCalendar({ db: database.db, clock });
    await other.reload();
    await calendar.setOverride(systemActor, '2027-02-08', {
      isWorkday: false,
      note: '2027 春节（待国务院通知）',
    });
    expect(other.isWorkday('2027-02-08')).toBe(true);
    await other.reload();
    expect(other.dayInfo('2027-02-08')).toMatchObject({
      isWorkday: false,
      kind: 'holiday',
      covered: false,
    });
  });
});
