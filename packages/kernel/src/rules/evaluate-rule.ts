import { InputError } from '../errors';
import { type CompiledRule, programOf, type RuleProgram } from './compile-rule';
import { isTimeout, runWithTimeLimit } from './cost-guard';
import { toRuleError } from './rule-errors';
import { fromCel, type RuleValue, toCelContext } from './rule-values';

function run(rule: CompiledRule, state: RuleProgram, context: Record<string, unknown>): unknown {
  if (!state.profile.guarded) return state.program(context);
  // The limit is wall-clock time, so a busy machine or a GC pause can trip it for a cheap rule:
  // a second attempt tells those apart from a rule that is really too costly. Rules are pure.
  for (let attempt = 1; ; attempt++) {
    try {
      return runWithTimeLimit(() => state.program(context), state.timeoutMs);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      // V8 stopped it mid-way: continue from a freshly parsed program.
      state.program = state.environment.parse(rule.expression);
      if (attempt === 2) {
        throw new InputError(
          'rules.evaluation.timeout',
          `The rule took longer than ${state.timeoutMs} ms and was stopped.`,
          {
            timeoutMs: state.timeoutMs,
          },
        );
      }
    }
  }
}

/**
 * Evaluates a compiled rule against `context` (a plain object of variable values). Declared
 * variables are converted to their CEL types (numbers to int or double, ISO strings or Dates to
 * timestamps); undeclared ones are ignored. Without a schema whole numbers become int and other
 * numbers double. The result is plain JavaScript (see `RuleValue`; ints become numbers).
 * Throws InputError: `rules.context.invalid` for a missing or ill-typed variable,
 * `rules.evaluation.failed` for runtime errors (no such key, division by zero, overflow),
 * `rules.evaluation.timeout` when a costly expression exceeds its time limit.
 */
export function evaluateRule(rule: CompiledRule, context?: Record<string, unknown>): RuleValue {
  const state = programOf(rule);
  if (!state) throw new InputError('rules.rule.not_compiled', 'Rules must be built with compileRule.');
  const celContext = toCelContext(context, state.variables);
  try {
    return fromCel(run(rule, state, celContext));
  } catch (error) {
    const reason = (error as { code?: unknown })?.code;
    const missing = reason === 'unknown_variable' || reason === 'variable_type_mismatch';
    throw toRuleError(error, missing ? 'rules.context.invalid' : 'rules.evaluation.failed', rule.expression);
  }
}

/** Like `evaluateRule`, but the result must be a bool: InputError `rules.result.not_boolean` otherwise. */
export function evaluateBoolean(rule: CompiledRule, context?: Record<string, unknown>): boolean {
  const value = evaluateRule(rule, context);
  if (typeof value !== 'boolean') {
    throw new InputError('rules.result.not_boolean', 'The rule must give true or false.', {
      resultType: value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value,
    });
  }
  return value;
}
