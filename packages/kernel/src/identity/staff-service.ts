import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  type Actor,
  can,
  requireAuthenticated,
  requirePermission,
  requireStaffAccount,
  scopeOf,
  systemActor,
} from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors';
import { newId } from '../ids';
import { orgDepartment, orgDivision } from '../org/schema';
import { checkPasswordStrength, hashPassword } from './passwords';
import { identityRole, identityRoleAssignment, identitySession, identityStaff } from './schema';
import { maskPhone } from './validators';

export interface RoleAssignmentInput {
  roleCode: string;
  divisionCode: string;
  departmentId?: string | null;
}

export interface CreateStaffInput {
  username: string;
  displayName: string;
  password: string;
  departmentId: string | null;
  phone?: string | null;
  roles: RoleAssignmentInput[];
  mustChangePassword?: boolean;
}

export interface UpdateStaffInput {
  displayName?: string;
  departmentId?: string | null;
  phone?: string | null;
  status?: 'active' | 'disabled';
}

export interface StaffServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
}

// The current name of a role assignment's division, for display.
const divisionNameOfAssignment = sql<
  string | null
>`(select name from org_division d where d.code = ${identityRoleAssignment.divisionCode} and d.valid_to is null limit 1)`;

const USERNAME = /^[a-z][a-z0-9._-]{1,63}$/;

/** Staff accounts and their roles, administered within the actor's scope. */
export function createStaffService(deps: StaffServiceDeps) {
  const { db, clock } = deps;

  async function departmentOf(executor: Executor, departmentId: string | null | undefined) {
    if (!departmentId) return null;
    const [d] = await executor.select().from(orgDepartment).where(eq(orgDepartment.id, departmentId));
    if (!d) throw new InputError('org.department.not_found', 'No such department.');
    return d;
  }

  function scopeWhere(actor: Actor, permission: string): SQL | undefined {
    const scope = scopeOf(actor, permission);
    const parts: SQL[] = [];
    if (!scope.divisionPrefixes.includes('')) {
      parts.push(
        or(...scope.divisionPrefixes.map((p) => sql`${orgDepartment.divisionCode} like ${`${p}%`}`)) ??
          sql`false`,
      );
    }
    if (scope.departmentIds)
      parts.push(
        scope.departmentIds.length ? inArray(identityStaff.departmentId, scope.departmentIds) : sql`false`,
      );
    return parts.length ? and(...parts) : undefined;
  }

  async function rolesOf(staffIds: string[]) {
    const map = new Map<string, (RoleAssignmentInput & { divisionName: string | null })[]>();
    if (!staffIds.length) return map;
    const rows = await db
      .select({
        staffId: identityRoleAssignment.staffId,
        roleCode: identityRoleAssignment.roleCode,
        divisionCode: identityRoleAssignment.divisionCode,
        departmentId: identityRoleAssignment.departmentId,
        divisionName: divisionNameOfAssignment,
      })
      .from(identityRoleAssignment)
      .where(inArray(identityRoleAssignment.staffId, staffIds));
    for (const { staffId, ...grant } of rows) {
      const list = map.get(staffId) ?? [];
      list.push(grant);
      map.set(staffId, list);
    }
    return map;
  }

  async function listStaff(
    actor: Actor,
    filter: { q?: string; departmentId?: string; page?: number; pageSize?: number } = {},
  ) {
    requirePermission(actor, 'staff.read');
    const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 200);
    const page = Math.max(filter.page ?? 1, 1);
    const where = and(
      scopeWhere(actor, 'staff.read'),
      filter.q
        ? or(
            ilike(identityStaff.username, `%${filter.q}%`),
            ilike(identityStaff.displayName, `%${filter.q}%`),
          )
        : undefined,
      filter.departmentId ? eq(identityStaff.departmentId, filter.departmentId) : undefined,
    );
    const base = db
      .select()
      .from(identityStaff)
      .leftJoin(orgDepartment, eq(orgDepartment.id, identityStaff.departmentId));
    const [{ total }] = await db
      .select({ total: count() })
      .from(identityStaff)
      .leftJoin(orgDepartment, eq(orgDepartment.id, identityStaff.departmentId))
      .where(where);
    const found = await base
      .where(where)
      .orderBy(asc(identityStaff.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const roles = await rolesOf(found.map((r) => r.identity_staff.id));
    return {
      total: Number(total),
      items: found.map((r) =>
        present(r.identity_staff, r.org_department?.name ?? null, roles.get(r.identity_staff.id) ?? []),
      ),
    };
  }

  function present(
    s: typeof identityStaff.$inferSelect,
    departmentName: string | null,
    roles: RoleAssignmentInput[],
  ) {
    return {
      id: s.id,
      username: s.username,
      displayName: s.displayName,
      departmentId: s.departmentId,
      departmentName,
      phone: s.phone ? maskPhone(s.phone) : null,
      status: s.status as 'active' | 'disabled',
      lockedUntil: s.lockedUntil && s.lockedUntil > clock.now() ? s.lockedUntil : null,
      roles,
    };
  }

  async function getStaff(actor: Actor, id: string) {
    requirePermission(actor, 'staff.read');
    const [row] = await db
      .select()
      .from(identityStaff)
      .leftJoin(orgDepartment, eq(orgDepartment.id, identityStaff.departmentId))
      .where(and(eq(identityStaff.id, id), scopeWhere(actor, 'staff.read')));
    if (!row) throw new NotFoundError('identity.staff.not_found', 'No such staff member.');
    const roles = await rolesOf([id]);
    return present(row.identity_staff, row.org_department?.name ?? null, roles.get(id) ?? []);
  }

  async function requireManageable(actor: Actor, id: string) {
    const [row] = await db.select().from(identityStaff).where(eq(identityStaff.id, id));
    if (!row) throw new NotFoundError('identity.staff.not_found', 'No such staff member.');
    const department = await departmentOf(db, row.departmentId);
    requirePermission(actor, 'staff.manage', {
      divisionCode: department?.divisionCode,
      departmentId: row.departmentId,
    });
    return row;
  }

  /** Granting a role needs staff.manage there, and every permission the role carries (no escalation). */
  async function checkAssignable(executor: Executor, actor: Actor, roles: RoleAssignmentInput[]) {
    for (const r of roles) {
      const [role] = await executor.select().from(identityRole).where(eq(identityRole.code, r.roleCode));
      if (!role) throw new InputError('identity.role.not_found', `No role ${r.roleCode}.`);
      const [division] = await executor
        .select({ code: orgDivision.code })
        .from(orgDivision)
        .where(eq(orgDivision.code, r.divisionCode))
        .limit(1);
      if (!division)
        throw new InputError('org.division.not_found', `No division with code ${r.divisionCode}.`);
      const scope = { divisionCode: r.divisionCode, departmentId: r.departmentId ?? null };
      requirePermission(actor, 'staff.manage', scope);
      for (const p of role.permissions) {
        if (!can(actor, p, scope))
          throw new NotAllowedError(
            'identity.role.escalation',
            `You cannot grant role ${r.roleCode}: it carries "${p}", which you do not hold there.`,
          );
      }
    }
  }

  async function createStaff(actor: Actor, input: CreateStaffInput) {
    requireAuthenticated(actor);
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username))
      throw new InputError(
        'identity.staff.invalid_username',
        'Username: 2–64 lowercase letters, digits, dot, dash or underscore, starting with a letter.',
      );
    checkPasswordStrength(input.password);
    const department = await departmentOf(db, input.departmentId);
    requirePermission(actor, 'staff.manage', {
      divisionCode: department?.divisionCode,
      departmentId: input.departmentId,
    });
    await checkAssignable(db, actor, input.roles);
    const passwordHash = await hashPassword(input.password);
    const id = newId();
    await deps.transaction(async (tx) => {
      const [clash] = await tx
        .select({ id: identityStaff.id })
        .from(identityStaff)
        .where(eq(identityStaff.username, username));
      if (clash) throw new ConflictError('identity.staff.username_taken', `Username ${username} is taken.`);
      const now = clock.now();
      await tx.insert(identityStaff).values({
        id,
        username,
        displayName: input.displayName.trim(),
        passwordHash,
        departmentId: input.departmentId,
        phone: input.phone ?? null,
        mustChangePassword: input.mustChangePassword ?? true,
        createdAt: now,
        updatedAt: now,
      });
      await insertRoles(tx, id, input.roles);
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.staff.created',
        subjectType: 'staff',
        subjectId: id,
        data: { username, departmentId: input.departmentId, roles: input.roles },
      });
    });
    return getStaffUnchecked(id);
  }

  /** Reads back a record this service just wrote (the caller's permission was checked already). */
  async function getStaffUnchecked(id: string) {
    return getStaff(systemActor, id);
  }

  async function insertRoles(tx: Executor, staffId: string, roles: RoleAssignmentInput[]) {
    if (!roles.length) return;
    await tx.insert(identityRoleAssignment).values(
      roles.map((r) => ({
        id: newId(),
        staffId,
        roleCode: r.roleCode,
        divisionCode: r.divisionCode,
        departmentId: r.departmentId ?? null,
        createdAt: clock.now(),
      })),
    );
  }

  async function updateStaff(actor: Actor, id: string, input: UpdateStaffInput) {
    await requireManageable(actor, id);
    if (input.departmentId !== undefined) {
      const department = await departmentOf(db, input.departmentId);
      requirePermission(actor, 'staff.manage', {
        divisionCode: department?.divisionCode,
        departmentId: input.departmentId,
      });
    }
    if (input.status === 'disabled' && id === actor.id)
      throw new ConflictError('identity.staff.self_disable', 'You cannot disable your own account.');
    await deps.transaction(async (tx) => {
      await tx
        .update(identityStaff)
        .set({ ...input, updatedAt: clock.now() })
        .where(eq(identityStaff.id, id));
      if (input.status === 'disabled')
        await tx.delete(identitySession).where(eq(identitySession.staffId, id));
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.staff.updated',
        subjectType: 'staff',
        subjectId: id,
        data: { changes: { ...input, phone: input.phone ? maskPhone(input.phone) : input.phone } },
      });
    });
    return getStaffUnchecked(id);
  }

  async function setRoles(actor: Actor, id: string, roles: RoleAssignmentInput[]) {
    await requireManageable(actor, id);
    await checkAssignable(db, actor, roles);
    const previous = (await rolesOf([id])).get(id) ?? [];
    await checkAssignable(db, actor, previous); // may only remove what one could grant
    await deps.transaction(async (tx) => {
      await tx.delete(identityRoleAssignment).where(eq(identityRoleAssignment.staffId, id));
      await insertRoles(tx, id, roles);
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.staff.roles_set',
        subjectType: 'staff',
        subjectId: id,
        data: { previous, roles },
      });
    });
    return getStaffUnchecked(id);
  }

  async function resetPassword(actor: Actor, id: string, password: string) {
    await requireManageable(actor, id);
    checkPasswordStrength(password);
    const passwordHash = await hashPassword(password);
    await deps.transaction(async (tx) => {
      await tx
        .update(identityStaff)
        .set({
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: clock.now(),
        })
        .where(eq(identityStaff.id, id));
      await tx.delete(identitySession).where(eq(identitySession.staffId, id));
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.staff.password_reset',
        subjectType: 'staff',
        subjectId: id,
      });
    });
  }

  async function unlock(actor: Actor, id: string) {
    await requireManageable(actor, id);
    await deps.transaction(async (tx) => {
      await tx
        .update(identityStaff)
        .set({ failedLogins: 0, lockedUntil: null })
        .where(eq(identityStaff.id, id));
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.staff.unlocked',
        subjectType: 'staff',
        subjectId: id,
      });
    });
  }

  async function listRoles(actor: Actor) {
    requirePermission(actor, 'staff.read');
    return db.select().from(identityRole).orderBy(asc(identityRole.code));
  }

  /** The signed-in user's own view: profile, roles with names, effective permissions, preferences. */
  async function me(actor: Actor) {
    requireStaffAccount(actor);
    const [row] = await db
      .select()
      .from(identityStaff)
      .leftJoin(orgDepartment, eq(orgDepartment.id, identityStaff.departmentId))
      .where(eq(identityStaff.id, actor.id!));
    if (!row) throw new NotFoundError('identity.staff.not_found', 'No such staff member.');
    const roles = await db
      .select({
        roleCode: identityRoleAssignment.roleCode,
        nameZh: identityRole.nameZh,
        nameEn: identityRole.nameEn,
        divisionCode: identityRoleAssignment.divisionCode,
        departmentId: identityRoleAssignment.departmentId,
        divisionName: divisionNameOfAssignment,
      })
      .from(identityRoleAssignment)
      .innerJoin(identityRole, eq(identityRole.code, identityRoleAssignment.roleCode))
      .where(eq(identityRoleAssignment.staffId, actor.id!));
    const permissions = [...new Set(actor.grants.flatMap((g) => g.permissions))].sort();
    const s = row.identity_staff;
    const d = row.org_department;
    return {
      id: s.id,
      username: s.username,
      displayName: s.displayName,
      department: d ? { id: d.id, name: d.name, nameEn: d.nameEn } : null,
      roles,
      permissions,
      preferences: s.preferences,
      mustChangePassword: s.mustChangePassword,
    };
  }

  return { listStaff, getStaff, createStaff, updateStaff, setRoles, resetPassword, unlock, listRoles, me };
}

export type StaffService = ReturnType<typeof createStaffService>;
