import type { ApiResponse } from '@zhizhi/api-client';

/** Unwraps a typed client call: its answer, or an ApiProblemError. */
export { unwrap as call } from '@zhizhi/api-client';

// The answers of the regulation routes, from the typed client (apps/server/src/routes/regulation-schemas.ts).
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

export type Subject = ApiResponse<'/api/regulation/subjects/{id}', 'get'>['subject'];
export type Licence = Subject['licences'][number];
export type SubjectListItem = ApiResponse<'/api/regulation/subjects', 'get'>['items'][number];

/** GET /api/regulation/subjects/:id. */
export type SubjectProfile = ApiResponse<'/api/regulation/subjects/{id}', 'get'>;
export type SubjectHistoryEntry = SubjectProfile['history'][number];
export type CreditRecordRow = SubjectProfile['records'][number];
export type CurrentRating = SubjectProfile['ratings']['current'][number];
export type RatingExplanation = CurrentRating['explanation'][number];
export type RatingHistoryRow = SubjectProfile['ratings']['history'][number];
export type CreditWarning = ApiResponse<'/api/regulation/warnings', 'get'>['items'][number];

export const INSPECTION_STATUSES = [
  'assigned',
  'rectifying',
  'reinspecting',
  'to_publish',
  'published',
] as const;

/** A visit as the lists give it, with the subject's name and the case number (JC…). */
export type Inspection = ApiResponse<'/api/regulation/inspections', 'get'>['items'][number];

export type RuleSet = ApiResponse<'/api/regulation/rule-sets', 'get'>['items'][number];
export type CreditRule = RuleSet['rules'][number];

export type RatioByClass = Record<CreditClass, number>;

export type InspectionItem = ApiResponse<'/api/regulation/items', 'get'>['items'][number];
export type Inspector = ApiResponse<'/api/regulation/inspectors', 'get'>['items'][number];

export const PLAN_STATUSES = ['draft', 'committed', 'drawn'] as const;

export type Plan = PlanView['plan'];
/** A plan in the list (no seed, no rosters; counts instead). */
export type PlanSummary = ApiResponse<'/api/regulation/plans', 'get'>['items'][number];
export type CanonicalDrawInput = NonNullable<Plan['input']>;
export type DrawResult = NonNullable<Plan['result']>;
export type DrawStratum = DrawResult['strata'][number];
export type DrawShortfall = DrawResult['shortfalls'][number];
export type DrawVisit = DrawResult['visits'][number];

/** GET /api/regulation/plans/:id. */
export type PlanView = ApiResponse<'/api/regulation/plans/{id}', 'get'>;

export type RegulationIndicator = ApiResponse<'/api/regulation/indicators', 'get'>['items'][number];

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
