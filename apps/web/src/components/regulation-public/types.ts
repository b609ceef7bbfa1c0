import type { ApiResponse } from '@zhizhi/api-client';

/**
 * The regulation routes' answers on the inspector's, the shop code's and the public pages, from the
 * typed client. Shapes the staff pages share (subjects, items, inspectors, credit) come from
 * ../regulation-staff/types.
 */
export type {
  CreditClass,
  CurrentRating,
  DrawStratum,
  Inspector,
  InspectionItem,
  Licence,
  RatingExplanation,
  Subject,
} from '../regulation-staff/types';

export type CreditRecord = OwnCredit['records'][number];

/** GET /api/regulation/inspections/:id: subject, items, inspectors, case and clocks. */
export type InspectionView = ApiResponse<'/api/regulation/inspections/{id}', 'get'>;
/** A visit as the recording steps answer it. */
export type Inspection = InspectionView['inspection'];
export type InspectionStatus = Inspection['status'];
export type PointAnswer = NonNullable<Inspection['checklist']>[string];
export type ChecklistPoint = InspectionView['items'][number]['checklist'][number];
export type CaseSummary = NonNullable<InspectionView['case']>;

export type MyVisits = ApiResponse<'/api/regulation/inspections/mine', 'get'>;
export type MyVisit = MyVisits['items'][number];

export type ShopPage = ApiResponse<'/api/public/shops/{token}', 'get'>;
export type ShopAction = ShopPage['actions'][number];
export type ShopVisit = ShopPage['visits'][number];

export type PublishedResult = ApiResponse<'/api/public/regulation/results', 'get'>['items'][number];
export type PublicDraw = ApiResponse<'/api/public/regulation/draws', 'get'>['items'][number];
export type DrawProof = ApiResponse<'/api/public/regulation/draws/{id}/proof', 'get'>;

export type OwnCredit = ApiResponse<'/api/applicant/regulation', 'get'>;

export interface StoredFile {
  id: string;
  name: string;
  mime?: string;
  size?: number;
}
