import { eq } from 'drizzle-orm';
import type { Actor, Grant } from '../access';
import type { Executor } from '../db/types';
import { identityRole, identityRoleAssignment, identityStaff } from './schema';

/** Builds the Actor for a staff member: their role assignments with each role's permissions. */
export async function loadStaffActor(
  db: Executor,
  staffId: string,
  type: Actor['type'] = 'staff',
): Promise<Actor | null> {
  const [staff] = await db
    .select({
      id: identityStaff.id,
      name: identityStaff.displayName,
      departmentId: identityStaff.departmentId,
      status: identityStaff.status,
    })
    .from(identityStaff)
    .where(eq(identityStaff.id, staffId));
  if (staff?.status !== 'active') return null;
  const assignments = await db
    .select({
      roleCode: identityRoleAssignment.roleCode,
      divisionCode: identityRoleAssignment.divisionCode,
      departmentId: identityRoleAssignment.departmentId,
      permissions: identityRole.permissions,
    })
    .from(identityRoleAssignment)
    .innerJoin(identityRole, eq(identityRole.code, identityRoleAssignment.roleCode))
    .where(eq(identityRoleAssignment.staffId, staffId));
  const grants: Grant[] = assignments.map((a) => ({ ...a, departmentId: a.departmentId ?? null }));
  return { type, id: staff.id, name: staff.name, departmentId: staff.departmentId, grants };
}
