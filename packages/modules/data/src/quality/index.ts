export {
  checkRows,
  compileRules,
  type Finding,
  type ItemRules,
  type QualityReport,
  type QualityRule,
  ruleSchema,
} from './rules';
