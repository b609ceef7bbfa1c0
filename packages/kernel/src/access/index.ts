export { type Actor, type ApplicantRef, type Grant, systemActor, anonymousActor } from './actor';
export { divisionCovers, divisionPrefix } from './division-scope';
export {
  can,
  requirePermission,
  requireAuthenticated,
  requireStaffAccount,
  scopeOf,
  type PermissionScope,
  type ActorScope,
} from './require-permission';
export { definePermissions, listPermissions, type PermissionDefinition } from './permissions';
