import { AuthenticationError, NotAllowedError } from '../errors';
import type { Actor } from './actor';
import { divisionCovers, divisionPrefix } from './division-scope';

/** Where the action applies; omitted parts are not checked. */
export interface PermissionScope {
  divisionCode?: string | null;
  departmentId?: string | null;
}

function grantAllows(permissions: readonly string[], permission: string): boolean {
  return permissions.some(
    (p) => p === '*' || p === permission || (p.endsWith('.*') && permission.startsWith(p.slice(0, -1))),
  );
}

/** True when some grant of the actor carries `permission` and covers `scope`. Deny by default. */
export function can(actor: Actor, permission: string, scope: PermissionScope = {}): boolean {
  return actor.grants.some(
    (g) =>
      grantAllows(g.permissions, permission) &&
      (!scope.divisionCode || divisionCovers(g.divisionCode, scope.divisionCode)) &&
      (!g.departmentId || !scope.departmentId || g.departmentId === scope.departmentId),
  );
}

export function requireAuthenticated(actor: Actor): void {
  if (actor.type === 'anonymous') throw new AuthenticationError('access.unauthenticated', 'Please log in.');
}

/**
 * Staff-side functions (own profile, password, API keys, inbox): 401 when anonymous, 403
 * `access.staff_only` for portal applicants, whose id is not a staff id.
 */
export function requireStaffAccount(actor: Actor): void {
  requireAuthenticated(actor);
  if (actor.type === 'applicant')
    throw new NotAllowedError('access.staff_only', 'This is available to staff accounts only.');
}

/** The one gate every service method passes first. */
export function requirePermission(actor: Actor, permission: string, scope: PermissionScope = {}): void {
  requireAuthenticated(actor);
  if (!can(actor, permission, scope)) {
    throw new NotAllowedError('access.denied', `You do not have permission "${permission}" here.`, {
      permission,
    });
  }
}

/** The actor's reach for one permission, for filtering lists in SQL. */
export interface ActorScope {
  /** Division prefixes covered ('' = everything). Empty array = nothing. */
  divisionPrefixes: string[];
  /** Department ids the grants are limited to; null = no department limit. */
  departmentIds: string[] | null;
}

export function scopeOf(actor: Actor, permission: string): ActorScope {
  const grants = actor.grants.filter((g) => grantAllows(g.permissions, permission));
  const divisionPrefixes = [...new Set(grants.map((g) => divisionPrefix(g.divisionCode)))];
  const unlimited = grants.some((g) => !g.departmentId);
  return {
    divisionPrefixes,
    departmentIds: unlimited ? null : [...new Set(grants.map((g) => g.departmentId!))],
  };
}
