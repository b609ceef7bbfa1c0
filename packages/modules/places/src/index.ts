export { createPlaces, type Places, type PlacesOptions } from './create-places';
export { DOORPLATE_CODE_KIND } from './doorplates/doorplate-service';
export {
  ACCEPT_CONFIDENCE,
  SOURCE_KINDS,
  type SourceKind,
  type StartImportInput,
} from './imports/import-service';
export { MAX_ADDRESS_LENGTH } from './library/queries';
export { engineFromSeeds, nodesFromSeeds } from './library/seed-engine';
export { gazetteerPlaces } from './library/store';
export { buildLibraryIndex, type LibraryIndex, type LibraryNode } from './matcher/library-index';
export {
  type MatchCandidate,
  type MatchExplanation,
  type MatchOutcome,
  type MatchResult,
  matchAddress,
} from './matcher/match';
export { soundSimilarity } from './matcher/pinyin';
export { foldChars } from './parser/chars';
export {
  createGazetteer,
  type Gazetteer,
  type GazetteerDivision,
  type GazetteerInput,
  type GazetteerPlace,
} from './parser/gazetteer';
export { parseAddress } from './parser/parse';
export { PLACES_PERMISSIONS } from './permissions';
export { REVIEW_CASE_TYPE } from './review/case-type';
export * from './types';
