export {
  compileRule,
  MAX_EXPRESSION_BYTES,
  type CompiledRule,
  type CompileRuleOptions,
} from './compile-rule';
export { evaluateRule, evaluateBoolean } from './evaluate-rule';
export type { RuleContextSchema, RuleVariableType } from './rule-types';
export type { RuleValue } from './rule-values';
