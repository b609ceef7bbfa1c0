export {
  checkSubjectCode,
  inspectSubjectCode,
  type CheckedSubjectCode,
  type CheckSubjectCodeOptions,
} from './uscc';
export {
  INDUSTRY_CODE,
  licenceSchema,
  marketSubjectSchema,
  parseMarketSubject,
  SUBJECT_KINDS,
  SUBJECT_STATUSES,
  type Licence,
  type MarketSubject,
  type MarketSubjectInput,
  type SubjectKind,
  type SubjectStatus,
} from './subject';
