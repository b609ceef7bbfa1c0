export {
  checkRows,
  type CheckContext,
  compileRules,
  type Finding,
  type FindingGroup,
  type ItemRules,
  type QualityReport,
  type QualityRule,
  ruleSchema,
} from './rules';
export { OBJECTION_CASE_TYPE, objectionType, QUALITY_CASE_TYPE, qualityIssueType } from './case-types';
export { CYCLE_DAYS, qualityScore, timeliness } from './scores';
export { dataQualityScore } from './schema';
