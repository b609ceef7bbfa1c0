import { unwrap } from '@zhizhi/api-client';
import type { CaseDetail, CaseItem, LocalizedName } from '../cases/types';

// The services routes declare their bodies but not their answers; these are the shapes the
// services module returns (application-service.ts, catalogue/types.ts, decisions.ts).

/** Awaits an API call whose answer the client does not type, as the shape the module returns. */
export function call<T>(
  pending: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  return unwrap(pending) as Promise<T>;
}

export type TimeLimit = { value: number; unit: 'working_days' | 'days' | 'months' };
export type Option = { value: string; name: LocalizedName };

export const FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'integer',
  'date',
  'boolean',
  'choice',
  'id_number',
  'uscc',
  'phone',
  'address',
  'division',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const PERSONAL_DATA_KINDS = [
  'none',
  'name',
  'id_number',
  'phone',
  'address',
  'birth_date',
  'income',
  'health',
  'other',
] as const;
export const APPLICANT_TYPES = ['person', 'enterprise', 'organisation'] as const;
export const CHANNELS = ['window', 'web', 'mobile', 'kiosk'] as const;
export const LIMIT_UNITS = ['working_days', 'days', 'months'] as const;
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface DictionaryEntry {
  code: string;
  name: LocalizedName;
  type: FieldType;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
  options?: Option[];
  personalData: (typeof PERSONAL_DATA_KINDS)[number];
  supply?: {
    certificate?: { type: string; item: string };
    resource?: { code: string; item: string };
  };
}

export interface Material {
  code: string;
  name: LocalizedName;
  required: boolean;
  copies?: number;
  source: { kind: 'upload'; accept: string[] } | { kind: 'certificate'; certificateType: string };
}

export interface Matter {
  code: string;
  version: number;
  name: LocalizedName;
  departmentCode: string;
  divisionCodes: string[];
  legalLimit: TimeLimit;
  promisedLimit: TimeLimit;
  kind: 'immediate' | 'promised';
  visits: 0 | 1;
  applicantTypes: (typeof APPLICANT_TYPES)[number][];
  channels: (typeof CHANNELS)[number][];
  fields: { field: string; required: boolean }[];
  materials: Material[];
  fees: { name: LocalizedName; amountYuan: number; basis: string }[];
  guide: LocalizedName;
  commitment: boolean;
  commitmentCheckDays?: number;
  issues?: { type: string; name: LocalizedName };
  instantRules?: string[];
}

/** A matter in lists (no form, materials or guide). */
export type MatterSummary = Pick<
  Matter,
  | 'code'
  | 'version'
  | 'name'
  | 'departmentCode'
  | 'divisionCodes'
  | 'kind'
  | 'visits'
  | 'legalLimit'
  | 'promisedLimit'
  | 'applicantTypes'
  | 'channels'
  | 'commitment'
  | 'fees'
> & { instant: boolean };

export interface Bundle {
  code: string;
  name: LocalizedName;
  guide: LocalizedName;
  questions: { code: string; text: LocalizedName; type: 'boolean' | 'choice'; options?: Option[] }[];
  matters: { matterCode: string; when?: string }[];
}

export type PlanField = DictionaryEntry & { required: boolean; matters: string[] };
export interface PlanMaterial {
  key: string;
  name: LocalizedName;
  required: boolean;
  source: Material['source'];
  matters: string[];
}
export interface Plan {
  bundle: Bundle | null;
  matters: (Pick<
    Matter,
    'code' | 'name' | 'departmentCode' | 'kind' | 'legalLimit' | 'promisedLimit' | 'commitment' | 'fees'
  > & { issues: Matter['issues'] | null })[];
  skipped: unknown[];
  form: PlanField[];
  materials: PlanMaterial[];
  separately: unknown[];
}

export interface ValueSource {
  kind: 'certificate' | 'resource' | 'identity';
  certificateType?: string;
  certificateName?: string;
  resourceCode?: string;
  resourceName?: string;
  providerDepartmentName?: string;
  approvalNumber?: string | null;
  at: string;
  masked?: boolean;
}

export interface Application {
  id: string;
  number: string | null;
  caseId: string | null;
  bundleCode: string | null;
  matterCodes: string[];
  applicantKind: 'citizen' | 'enterprise';
  channel: string;
  divisionCode: string;
  status: string;
  form: Record<string, unknown>;
  sources: Record<string, ValueSource>;
  materials: Record<string, { fileIds: string[]; certificate?: ValueSource }>;
  commitments: Record<string, string>;
  feesFen: number;
  version: number;
  createdAt: string;
  submittedAt: string | null;
}

export interface MatterCaseSummary {
  id: string;
  number: string;
  typeCode: string;
  title: string;
  state: string;
  version: number;
  matterCode: string | null;
  dueAt: string | null;
  closedAt: string | null;
  late: boolean;
  missingMaterials: string | null;
  certificate: { id: string; number: string; nameZh: string; token: string } | null;
}

export interface ApplicationView {
  application: Application;
  plan: Plan;
  cases: MatterCaseSummary[];
}

/** GET /api/services/cases/:caseId: the case and the application behind it. */
export type ServiceCaseView = CaseDetail & {
  application: Application;
  applicantName: string;
  matter: Matter | null;
  plan: Plan;
  cases: MatterCaseSummary[];
};

export type QueueItem = CaseItem;

export interface IndicatorScope {
  scopeType: 'division' | 'department';
  scopeCode: string;
  numerator: number;
  denominator: number;
  value: number | null;
}
export interface ServiceIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  target: number | null;
  direction: 'higher_better' | 'lower_better';
  scopes: IndicatorScope[];
}

export interface PublishedRating {
  departmentCode: string;
  departmentName: LocalizedName;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
  bad: number;
  rectified: number;
  averages: Record<string, number>;
}

/** Where a matter case's handling page is. */
export const serviceCasePath = (caseId: string) => `/services/cases/${caseId}`;

/** A material's download URL (staff session cookie). */
export const materialUrl = (applicationId: string, fileId: string) =>
  `/api/services/applications/${applicationId}/files/${fileId}`;

/** States of matter cases in the queue filter. */
export const QUEUE_FILTERS = ['received', 'reviewing', 'supplement', 'done'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
