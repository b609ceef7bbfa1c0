import type { ApiResponse } from '@zhizhi/api-client';

/** A library entry as lists return it. */
export type Place = ApiResponse<'/api/places/addresses/{id}', 'get'>['path'][number];
/** One entry with path, children, aliases, entrances and its doorplate code. */
export type PlaceDetail = ApiResponse<'/api/places/addresses/{id}', 'get'>;
export type SearchResult = ApiResponse<'/api/places/search', 'get'>['results'][number];
export type MatchResult = ApiResponse<'/api/places/match', 'get'>;
export type MatchCandidate = MatchResult['candidates'][number];
export type Explanation = MatchCandidate['explanation'][number];
export type AddressLabel = Explanation['label'];
export type ExplanationOutcome = Explanation['outcome'];
export type PlaceLevel = Place['level'];
export type PlacesImport = ApiResponse<'/api/places/imports/{id}', 'get'>;
export type ImportRecord = ApiResponse<'/api/places/imports/{id}/records', 'get'>['records'][number];
export type ReviewSummary = ApiResponse<'/api/places/reviews', 'get'>['items'][number];
export type Review = ApiResponse<'/api/places/reviews/{id}', 'get'>;
export type Reverse = ApiResponse<'/api/places/reverse', 'get'>;
export type Areas = ApiResponse<'/api/places/areas', 'get'>;
export type Sheet = ApiResponse<'/api/places/doorplates/sheet', 'post'>;
export type Plate = Sheet['plates'][number];
export type PublicDoorplate = ApiResponse<'/api/public/doorplates/{token}', 'get'>;
