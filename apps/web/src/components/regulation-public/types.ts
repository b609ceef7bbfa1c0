/**
 * Shapes of the regulation routes' answers. The routes declare no response schemas, so the typed
 * client knows their paths and inputs but not their bodies; these follow the module's services.
 */

export type CreditClass = 'A' | 'B' | 'C' | 'D';
export type InspectionStatus = 'assigned' | 'rectifying' | 'reinspecting' | 'to_publish' | 'published';
export type PointAnswer = 'ok' | 'problem' | 'na';

export interface ChecklistPoint {
  code: string;
  zh: string;
  en: string;
}

export interface InspectionItem {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  legalBasis: string;
  method: string;
  checklist: ChecklistPoint[];
  active: boolean;
}

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
  kind: string;
  legalRepresentative?: string;
  address: string;
  industryCode: string;
  status: string;
  licences: Licence[];
  divisionCode?: string;
}

export interface Inspection {
  id: string;
  planId: string | null;
  subjectId: string;
  itemCodes: string[];
  departmentCodes: string[];
  inspectorIds: string[];
  joint: boolean;
  caseId: string | null;
  status: InspectionStatus;
  result: 'pass' | 'fail' | null;
  checklist: Record<string, PointAnswer> | null;
  findings: string | null;
  rectificationDue: string | null;
  rectifiedAt: string | null;
  publishDue: string | null;
  referred: boolean;
  createdAt: string;
  inspectedAt: string | null;
  concludedAt: string | null;
  publishedAt: string | null;
}

export interface MyVisit extends Inspection {
  subjectName: string;
  address: string;
  uscc: string;
}

export interface MyVisits {
  inspector: { id: string; name: string; departmentCode: string } | null;
  items: MyVisit[];
}

export interface CaseSummary {
  id: string;
  number: string;
  version: number;
  state: string;
  data: Record<string, unknown>;
  dueAt?: string | null;
}

export interface InspectionView {
  inspection: Inspection;
  subject: Subject;
  plan: { number: string; nameZh: string; nameEn: string } | null;
  items: InspectionItem[];
  inspectors: { id: string; name: string; departmentCode: string; badgeNumber: string }[];
  case: CaseSummary | null;
  isInspector: boolean;
}

export interface Inspector {
  id: string;
  accountId: string | null;
  name: string;
  departmentCode: string;
  badgeNumber: string;
  active: boolean;
}

export type ShopAction = 'view' | 'review' | 'inspect' | 'rectify' | 'supervise' | 'help';

export interface ShopVisit {
  id: string;
  status: InspectionStatus;
  caseId: string | null;
  caseVersion: number;
  findings: string | null;
  rectificationDue: string | null;
  overdue: boolean;
  itemCodes: string[];
}

export interface ShopPage {
  subject: Subject & { licences: (Licence & { valid: boolean })[] };
  creditClass: CreditClass | null;
  latestInspection: {
    result: 'pass' | 'fail' | null;
    rectified: boolean;
    inspectedAt: string | null;
    publishedAt: string | null;
  } | null;
  reviews: {
    count: number;
    average: number | null;
    latest: { stars: number; comment: string | null; createdAt: string }[];
  };
  actions: ShopAction[];
  inspector: { id: string; name: string } | null;
  visits: ShopVisit[];
}

export interface PublishedResult {
  id: string;
  planNumber: string | null;
  subjectName: string;
  uscc: string;
  items: { code: string; zh: string; en: string }[];
  departmentCodes: string[];
  joint: boolean;
  result: 'pass' | 'fail' | null;
  rectified: boolean;
  referred: boolean;
  inspectedAt: string | null;
  publishedAt: string | null;
}

export interface PublicDraw {
  id: string;
  number: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  status: 'committed' | 'drawn' | 'published' | string;
  seedCommitment: string | null;
  inputsDigest: string | null;
  resultDigest: string | null;
  committedAt: string | null;
  drawnAt: string | null;
  subjects: number;
  visits: number;
}

export interface DrawStratum {
  itemCode: string;
  creditClass: CreditClass;
  eligible: number;
  ratioPpm: number;
  selected: number;
}

export interface DrawProof {
  format: string;
  planId: string;
  name?: { zh: string; en: string };
  committedAt: string;
  drawnAt: string | null;
  seedPublishedAt: string | null;
  published: { planId: string; seedCommitment: string; inputsDigest: string; resultDigest: string | null };
  seed: string | null;
  input: { subjects: unknown[]; inspectors: unknown[]; items: { code: string }[] };
  result: { strata: DrawStratum[]; visits: unknown[]; shortfalls: unknown[]; digest: string } | null;
}

export interface CreditRecord {
  id: string;
  source: string;
  departmentCode: string;
  date: string;
  validUntil: string | null;
  repairedAt: string | null;
  severity: number;
  summary: string;
}

export interface RatingExplanation {
  rule: string;
  description: { zh: string; en: string };
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
  ratedAt: string;
}

export interface OwnCredit {
  subject: Subject;
  records: CreditRecord[];
  ratings: CurrentRating[];
  codeToken: string;
  codeUrl: string;
}

export interface StoredFile {
  id: string;
  name: string;
  mime?: string;
  size?: number;
}
