export { createAuthService, type AuthService, type AuthServiceDeps } from './auth-service';
export {
  createApplicantService,
  type ApplicantService,
  type ApplicantServiceDeps,
  type ApplicantKind,
  type ApplicantIdentity,
  type ApplicantPreferences,
  type PresentedApplicant,
  type RegisterApplicantInput,
} from './applicant-service';
export {
  createStaffService,
  type StaffService,
  type StaffServiceDeps,
  type CreateStaffInput,
  type UpdateStaffInput,
  type RoleAssignmentInput,
} from './staff-service';
export { loadStaffActor } from './actor-loader';
export {
  createRegistryService,
  type RegistryService,
  type RegisterCitizenInput,
  type RegisterEnterpriseInput,
} from './registry-service';
export * from './validators';
export { hashPassword, verifyPassword, checkPasswordStrength } from './passwords';
export {
  builtinRoles,
  ensureBuiltinRoles,
  defineRoles,
  grantToRole,
  allBuiltinRoles,
  type RoleDefinition,
} from './roles';
export { randomToken, tokenDigest } from './tokens';
export {
  identityStaff,
  identityRole,
  identityRoleAssignment,
  identitySession,
  identityApiKey,
  identityCitizen,
  identityEnterprise,
  identityApplicant,
  identityApplicantSession,
} from './schema';
