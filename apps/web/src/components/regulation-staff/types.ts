import type { LocalizedName } from '../cases/types';

export { call } from '../services-staff/types';

// The regulation routes declare their inputs but not their answers; these are the shapes the
// regulation module returns (registry/subject-service.ts, credit/credit-service.ts,
// inspection/plan-service.ts, inspection/roster.ts, draw/draw.ts, indicators.ts).

export const CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];
export const CLASS_COLOR: Record<CreditClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export const SUBJECT_KINDS = ['enterprise', 'individual', 'cooperative', 'shop'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const RECORD_SOURCES = [
  'licence',
  'penalty',
  'inspection',
  'complaint',
  'court',
  'tax',
  'commitment',
] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export interface Licence {
  type: string;
  number: string;
  validFrom: string;
  validTo: string | null;
}

export interface Subject {
  id: string;
  uscc: string;
  name: string;
  kind: SubjectKind;
  legalRepresentative: string;
  address: string;
  addressId: string | null;
  divisionCode: string;
  lng: number | null;
  lat: number | null;
  industryCode: string;
  licences: Licence[];
  status: string;
  departmentCode: string;
  checkOverridden: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type SubjectListItem = Subject & { creditClass: CreditClass | null };

export interface SubjectHistoryEntry {
  id: string;
  version: number;
  at: string;
  actorName: string;
  status: string;
  changes: Record<string, [unknown, unknown]>;
}

export interface CreditRecordRow {
  id: string;
  subjectId: string;
  source: RecordSource;
  departmentCode: string;
  date: string;
  validUntil: string | null;
  repairedAt: string | null;
  severity: number;
  data: Record<string, unknown>;
  summary: string;
  origin: string;
  createdAt: string;
}

export interface RatingExplanation {
  rule: string;
  description: LocalizedName;
  points: number;
  cap: CreditClass | null;
  records: string[];
}

export interface CurrentRating {
  ruleSetCode: string;
  ruleSetVersion: number;
  creditClass: CreditClass;
  score: number;
  explanation: RatingExplanation[];
  stats: Record<string, number>;
  ratedAt: string;
}

export interface RatingHistoryRow {
  id: string;
  ruleSetCode: string;
  ruleSetVersion: number;
  creditClass: CreditClass;
  previousClass: CreditClass | null;
  score: number;
  reason: 'record' | 'repair' | 'rules' | 'subject' | 'schedule';
  ratedAt: string;
}

export interface CreditWarning {
  id: string;
  subjectId: string;
  departmentCode: string;
  kind: 'class_worsened' | 'risk_records';
  ruleSetCode: string;
  fromClass: CreditClass | null;
  toClass: CreditClass;
  message: string;
  status: 'open' | 'acknowledged';
  subjectNotified: boolean;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  subjectName: string;
  uscc: string;
}

export const INSPECTION_STATUSES = [
  'assigned',
  'rectifying',
  'reinspecting',
  'to_publish',
  'published',
] as const;

export interface Inspection {
  id: string;
  planId: string | null;
  subjectId: string;
  itemCodes: string[];
  departmentCodes: string[];
  inspectorIds: string[];
  joint: boolean;
  caseId: string | null;
  /** The case number (JC…), when the visit has a case. */
  caseNumber: string | null;
  status: (typeof INSPECTION_STATUSES)[number];
  result: 'pass' | 'fail' | null;
  rectificationDue: string | null;
  publishDue: string | null;
  referred: boolean;
  createdAt: string;
  inspectedAt: string | null;
  publishedAt: string | null;
  subjectName: string;
  uscc: string;
}

/** GET /api/regulation/subjects/:id. */
export interface SubjectProfile {
  subject: Subject;
  history: SubjectHistoryEntry[];
  records: CreditRecordRow[];
  ratings: { current: CurrentRating[]; history: RatingHistoryRow[] };
  inspections: Inspection[];
  warnings: CreditWarning[];
  code: { token: string; url: string; qrSvg: string } | null;
}

export interface CreditRule {
  code: string;
  description: LocalizedName;
  when: string;
  points: number;
  sources: RecordSource[];
  withinMonths: number | null;
  cap: 'B' | 'C' | 'D' | null;
}

export interface RuleSet {
  code: string;
  name: LocalizedName;
  sector: string | null;
  baseScore: number;
  classes: { A: number; B: number; C: number };
  rules: CreditRule[];
  version: number;
  appliesTo: { industryPrefixes: string[]; licenceTypes: string[] };
}

export type RatioByClass = Record<CreditClass, number>;

export interface InspectionItem {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  legalBasis: string;
  method: string;
  subjectKinds: string[];
  industryPrefixes: string[];
  checklist: { code: string; zh: string; en: string }[];
  ratioByClass: RatioByClass;
  active: boolean;
}

export interface Inspector {
  id: string;
  accountId: string | null;
  name: string;
  departmentCode: string;
  badgeNumber: string;
  qualifications: string[];
  conflicts: string[];
  active: boolean;
}

export interface CanonicalDrawInput {
  planId: string;
  minInspectors: number;
  items: { code: string; departmentCode: string; ratioPpm: RatioByClass }[];
  subjects: { id: string; creditClass: CreditClass; itemCodes: string[] }[];
  inspectors: { id: string; departmentCode: string; qualifications: string[]; conflicts: string[] }[];
}

export interface DrawStratum {
  itemCode: string;
  creditClass: CreditClass;
  eligible: number;
  ratioPpm: number;
  selected: number;
}

export interface DrawShortfall {
  itemCode: string;
  departmentCode: string;
  subjectId: string;
  creditClass: CreditClass;
  reason: 'too_few_qualified' | 'too_few_after_exclusions';
  required: number;
  qualified: number;
  recused: number;
  previous: number;
  available: number;
}

export interface DrawVisit {
  subjectId: string;
  creditClass: CreditClass;
  itemCodes: string[];
  departmentCodes: string[];
  inspectorIds: string[];
  joint: boolean;
}

export interface DrawResult {
  strata: DrawStratum[];
  shortfalls: DrawShortfall[];
  visits: DrawVisit[];
  digest: string;
}

export const PLAN_STATUSES = ['draft', 'committed', 'drawn'] as const;

export interface Plan {
  id: string;
  number: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  items: { code: string; ratioByClass: RatioByClass }[];
  divisionCodes: string[];
  minInspectors: number;
  status: (typeof PLAN_STATUSES)[number] | 'published';
  seed: string | null;
  seedCommitment: string | null;
  inputsDigest: string | null;
  input: CanonicalDrawInput | null;
  result: DrawResult | null;
  resultDigest: string | null;
  createdAt: string;
  createdBy: string;
  committedAt: string | null;
  drawnAt: string | null;
  seedPublishedAt: string | null;
}

/** GET /api/regulation/plans/:id. */
export interface PlanView {
  plan: Plan;
  inspections: Inspection[];
}

export interface RegulationIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  target: number | null;
  scopes: {
    scopeType: 'division' | 'department';
    scopeCode: string;
    numerator: number;
    denominator: number;
    value: number | null;
  }[];
}

/** The Beijing calendar day of an instant (records and registrations are dated in Beijing time). */
export function beijingDay(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** round-half-up(ratio × eligible), as the draw computes it (draw/input.ts `targetCount`). */
export const targetCount = (ratioPpm: number, eligible: number) =>
  Math.floor((ratioPpm * eligible + 500_000) / 1_000_000);

export const subjectPath = (id: string) => `/regulation/subjects/${id}`;
export const planPath = (id: string) => `/regulation/plans/${id}`;
export const proofPath = (planId: string) =>
  `/api/public/regulation/draws/${encodeURIComponent(planId)}/proof`;

export const REGULATION_PERMISSIONS = {
  read: 'regulation.subject.read',
  manageSubjects: 'regulation.subject.manage',
  manageRules: 'regulation.rules.manage',
  managePlans: 'regulation.plan.manage',
} as const;
