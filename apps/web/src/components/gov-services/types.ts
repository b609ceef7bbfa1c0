/** Shapes the services (一网通办) endpoints answer; the generated client leaves them untyped. */

export interface Names {
  zh: string;
  en: string;
}

export interface TimeLimit {
  value: number;
  unit: 'working_days' | 'days' | 'months';
}

export interface Fee {
  name: Names;
  amountYuan: number;
  basis: string;
}

export type Channel = 'window' | 'web' | 'mobile' | 'kiosk';

/** A matter in lists (presentMatter). */
export interface MatterSummary {
  code: string;
  version: number;
  name: Names;
  departmentCode: string;
  divisionCodes: string[];
  kind: 'immediate' | 'promised';
  visits: 0 | 1;
  legalLimit: TimeLimit;
  promisedLimit: TimeLimit;
  applicantTypes: ('person' | 'enterprise' | 'organisation')[];
  channels: Channel[];
  commitment: boolean;
  instant: boolean;
  fees: Fee[];
}

export type MaterialSource =
  | { kind: 'upload'; accept: string[] }
  | { kind: 'certificate'; certificateType: string };

/** A full matter version (the guide page). */
export interface Matter extends Omit<MatterSummary, 'instant'> {
  guide: Names;
  materials: { code: string; name: Names; required: boolean; copies: number; source: MaterialSource }[];
  instantRules: string[];
  commitmentCheckDays: number;
  issues?: { type: string; name: Names };
}

export type FieldType =
  | 'text'
  | 'longtext'
  | 'number'
  | 'integer'
  | 'date'
  | 'boolean'
  | 'choice'
  | 'id_number'
  | 'uscc'
  | 'phone'
  | 'address'
  | 'division';

export interface PlanField {
  code: string;
  name: Names;
  type: FieldType;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: { value: string; name: Names }[];
  required: boolean;
  matters: string[];
}

export interface PlanMaterial {
  key: string;
  name: Names;
  required: boolean;
  source: MaterialSource;
  matters: string[];
}

export interface PlanMatter {
  code: string;
  name: Names;
  departmentCode: string;
  kind: 'immediate' | 'promised';
  legalLimit: TimeLimit;
  promisedLimit: TimeLimit;
  commitment: boolean;
  fees: Fee[];
  issues: { type: string; name: Names } | null;
}

export interface Plan {
  bundle: string;
  matters: PlanMatter[];
  skipped: { matterCode: string; when: string }[];
  form: PlanField[];
  materials: PlanMaterial[];
  separately: { fields: number; materials: number };
}

export interface Bundle {
  code: string;
  name: Names;
  guide: Names;
  questions: {
    code: string;
    text: Names;
    type: 'boolean' | 'choice';
    options?: { value: string; name: Names }[];
  }[];
  matters: { matterCode: string; when?: string }[];
}

/** Where a pre-filled value came from (一证通办). */
export interface ValueSource {
  kind: 'certificate' | 'resource' | 'identity';
  certificateType?: string;
  certificateName?: string;
  resourceCode?: string;
  resourceName?: string;
  providerDepartmentName?: string;
  grantId?: string;
  approvalNumber?: string | null;
  matterCode?: string;
  at: string;
  masked?: boolean;
}

export interface MaterialEntry {
  fileIds: string[];
  certificate?: ValueSource;
}

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'supplement'
  | 'approved'
  | 'partly_approved'
  | 'refused';

export interface Application {
  id: string;
  number: string | null;
  caseId: string | null;
  bundleCode: string | null;
  matterCodes: string[];
  answers: Record<string, unknown>;
  applicantKind: 'citizen' | 'enterprise';
  channel: Channel;
  divisionCode: string;
  status: ApplicationStatus;
  form: Record<string, unknown>;
  sources: Record<string, ValueSource>;
  materials: Record<string, MaterialEntry>;
  commitments: Record<string, string>;
  feesFen: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  concludedAt: string | null;
}

export interface CaseSummary {
  id: string;
  number: string;
  typeCode: string;
  title: string;
  state: string;
  version: number;
  departmentId: string | null;
  matterCode: string | null;
  dueAt: string | null;
  closedAt: string | null;
  late: boolean;
  missingMaterials: string | null;
  certificate: { id: string; number: string; nameZh: string; token: string } | null;
}

export interface Rating {
  id: string;
  round: number;
  overall: number;
  scores: Record<string, number>;
  comment: string | null;
  rectificationCaseId: string | null;
  ratedAt: string;
}

export interface ApplicationView {
  application: Application;
  plan: Plan;
  cases: CaseSummary[];
  ratings?: Rating[];
}

export interface StoredFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface SubmitResult {
  number: string;
  caseId: string;
  queryPassword: string;
  application: Application;
}

export interface RateResult {
  round: number;
  overall: number;
  rectificationCaseId: string | null;
  mayRateAgain: boolean;
}

export interface Notice {
  id: string;
  applicationId: string | null;
  titleZh: string;
  titleEn: string;
  createdAt: string;
  read: boolean;
}

export interface Tracking {
  number: string;
  status: ApplicationStatus;
  channel: Channel;
  submittedAt: string | null;
  concludedAt: string | null;
  matters: {
    number: string;
    name: string;
    state: string;
    department: { zh: string | null; en: string | null };
    dueAt: string | null;
    closedAt: string | null;
    certificate: { number: string; token: string } | null;
  }[];
}

export interface PublicCertificate {
  number: string;
  type: string;
  name: string;
  status: 'valid' | 'revoked' | string;
  matterCode: string;
  issuedAt: string;
  issuer: { zh: string | null; en: string | null };
  holder: string;
  identifier: string | null;
  address: string | null;
  scope: string | null;
  verified: boolean;
}

export interface PublishedRating {
  departmentCode: string;
  departmentName: Names;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
  bad: number;
  rectified: number;
  averages: Record<string, number>;
}

/** A field or material problem of services.form.invalid / services.materials.missing. */
export interface FieldProblem {
  path: string;
  code?: string;
  message: string;
}
