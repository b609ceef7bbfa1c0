import { NotAllowedError } from '@zhizhi/kernel';
import { type Actor, can, divisionPrefix, type Grant, requireAuthenticated } from '@zhizhi/kernel/access';
import { and, eq, like, or, type SQL } from 'drizzle-orm';
import { TASK_MANAGE, TASK_READ, TASK_REPORT } from './permissions';
import { governanceTaskAssignment } from './schema';

/** Where an assignment lies: its department and that department's division. */
export interface AssignmentScope {
  departmentId: string;
  divisionCode: string;
}

const holds = (actor: Actor, grant: Grant, permission: string) =>
  can({ ...actor, grants: [grant] }, permission);

/**
 * Department work is done by the department's own people: a report grant limited to a department
 * acts for it; an unlimited one acts for the holder's own department only (a 部门管理员 with a
 * district-wide role must not report for another bureau).
 */
function reportDepartment(actor: Actor, grant: Grant): string | null {
  return grant.departmentId ?? actor.departmentId;
}

export function canReportFor(actor: Actor, scope: AssignmentScope): boolean {
  return actor.grants.some(
    (g) =>
      reportDepartment(actor, g) === scope.departmentId && can({ ...actor, grants: [g] }, TASK_REPORT, scope),
  );
}

export function canManage(actor: Actor, scope: AssignmentScope): boolean {
  return can(actor, TASK_MANAGE, scope);
}

/** Readers and managers see assignments in their scope; reporters see their own department's. */
export function canSee(actor: Actor, scope: AssignmentScope): boolean {
  return can(actor, TASK_READ, scope) || canManage(actor, scope) || canReportFor(actor, scope);
}

/** True when the actor holds any supervision permission at all. */
export function holdsAnySupervision(actor: Actor): boolean {
  return [TASK_READ, TASK_MANAGE, TASK_REPORT].some((p) => can(actor, p));
}

/** `canSee` as SQL over governance_task_assignment, for scoped lists. Undefined = nothing visible. */
export function visibleAssignmentsSql(actor: Actor): SQL | undefined {
  const a = governanceTaskAssignment;
  const parts: (SQL | undefined)[] = [];
  for (const g of actor.grants) {
    const inDivision = like(a.divisionCode, `${divisionPrefix(g.divisionCode)}%`);
    if (holds(actor, g, TASK_READ) || holds(actor, g, TASK_MANAGE)) {
      parts.push(g.departmentId ? and(inDivision, eq(a.departmentId, g.departmentId)) : inDivision);
    }
    const own = holds(actor, g, TASK_REPORT) ? reportDepartment(actor, g) : null;
    if (own) parts.push(and(inDivision, eq(a.departmentId, own)));
  }
  return parts.length ? or(...parts) : undefined;
}

/** The coarse gate of the read paths: some supervision permission, anywhere. */
export function requireSupervisionAccess(actor: Actor): void {
  requireAuthenticated(actor);
  if (!holdsAnySupervision(actor))
    throw new NotAllowedError('access.denied', `You do not have permission "${TASK_READ}" here.`, {
      permission: TASK_READ,
    });
}

/** Department steps are for the department's own people. */
export function requireReporter(actor: Actor, scope: AssignmentScope): void {
  if (!canReportFor(actor, scope))
    throw new NotAllowedError(
      'governance.task.not_your_department',
      'Only staff of the assigned department may accept or report on this assignment.',
    );
}
