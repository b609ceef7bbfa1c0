/** A role held within a scope, with the permissions it carries. */
export interface Grant {
  roleCode: string;
  permissions: readonly string[];
  /** The division the grant covers (and everything beneath it). */
  divisionCode: string;
  /** When set, only this department's records. */
  departmentId: string | null;
}

/** The registry entry behind an applicant actor (a citizen or enterprise signed in to the portal). */
export interface ApplicantRef {
  kind: 'citizen' | 'enterprise';
  /** identity_citizen.id or identity_enterprise.id. */
  registryId: string;
  /** identity_applicant.id (also the actor's id). */
  accountId: string;
}

/** Who is acting. Every service method takes one and checks it first. */
export interface Actor {
  /** `applicant`: a citizen or enterprise on the service portal; holds no grants, never staff. */
  type: 'staff' | 'api_key' | 'system' | 'anonymous' | 'applicant';
  id: string | null;
  /** Display name recorded in the audit log (masked for applicants). */
  name: string;
  departmentId: string | null;
  grants: readonly Grant[];
  /** Set only for `applicant` actors. */
  applicant?: ApplicantRef;
}

/** The platform itself (migrations, seeding, timers). Holds every permission everywhere. */
export const systemActor: Actor = {
  type: 'system',
  id: null,
  name: 'system',
  departmentId: null,
  grants: [{ roleCode: 'system', permissions: ['*'], divisionCode: '000000000000', departmentId: null }],
};

/** Not logged in. Holds no permission. */
export const anonymousActor: Actor = {
  type: 'anonymous',
  id: null,
  name: 'anonymous',
  departmentId: null,
  grants: [],
};
