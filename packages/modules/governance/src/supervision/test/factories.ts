import { type Actor, ManualClock, systemActor } from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { actorFor, createTestKernel } from '@zhizhi/kernel/testing';
import { sql } from 'drizzle-orm';
import { createSupervisionService } from '..';
import type { CreateTaskInput } from '../inputs';

const PASSWORD = 'test-pass-1';

/**
 * A test kernel with the supervision service and four people: a district leader, a 人社局 admin
 * (district-wide dept_admin role, like the demo's rsj.admin), a 溪口镇 admin whose role is limited
 * to the town office, and a system admin without a department.
 */
export async function createSupervisionFixture(clock = new ManualClock('2026-03-02T01:00:00Z')) {
  const t = await createTestKernel({ clock });
  const supervision = createSupervisionService(t.kernel);
  const { rsj, xikou } = t.departments;
  const person = async (
    username: string,
    departmentId: string | null,
    role: { roleCode: string; divisionCode: string; departmentId?: string },
  ): Promise<Actor> => {
    await t.kernel.staff.createStaff(systemActor, {
      username,
      displayName: username,
      password: PASSWORD,
      departmentId,
      roles: [role],
      mustChangePassword: false,
    });
    return actorFor(t.kernel, username, PASSWORD);
  };
  const people = {
    leader: await person('leader', null, { roleCode: 'leader', divisionCode: '330213000000' }),
    rsjStaff: await person('rsj.admin', rsj.id, { roleCode: 'dept_admin', divisionCode: '330213000000' }),
    xikouStaff: await person('xikou.admin', xikou.id, {
      roleCode: 'dept_admin',
      divisionCode: '330213100000',
      departmentId: xikou.id,
    }),
    admin: await person('sysadmin', null, { roleCode: 'admin', divisionCode: '330213000000' }),
  };
  /** A task for both departments due Friday 6 March 2026 (reminder: Wednesday 4 March 09:00). */
  const dispatch = (input: Partial<CreateTaskInput> = {}) =>
    supervision.createTask(people.leader, {
      title: '春季防汛隐患排查',
      requirements: '排查辖区内水库、山塘隐患并报送清单。',
      deadline: '2026-03-06',
      departmentIds: [rsj.id, xikou.id],
      ...input,
    });
  /** Counts rows of a table (for "changes nothing" checks). */
  const countOf = async (table: string, where = sql`true`) =>
    Number(
      (
        await rows<{ n: number }>(
          t.kernel.db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
        )
      )[0].n,
    );
  const eventsOf = (type: string) =>
    rows<{ payload: Record<string, unknown> }>(
      t.kernel.db,
      sql`select payload from events_outbox where type = ${type} order by seq`,
    );
  return { ...t, clock, supervision, people, dispatch, countOf, eventsOf };
}

export type SupervisionFixture = Awaited<ReturnType<typeof createSupervisionFixture>>;
