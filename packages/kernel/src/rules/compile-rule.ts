import { Environment, type ParseResult } from '@marcbachmann/cel-js';
import { InputError } from '../errors';
import { type CostProfile, profileExpression } from './cost-guard';
import { toRuleError } from './rule-errors';
import { celTypeName, parseContextSchema, type RuleContextSchema, type RuleType } from './rule-types';

/** A checked, ready-to-run CEL expression. Build with `compileRule`; evaluate with `evaluateRule`. */
export interface CompiledRule {
  readonly expression: string;
  /** The static CEL type of the result (`bool`, `int`, `dyn` …) as the type checker infers it. */
  readonly resultType: string;
  /** The declared variables, or null when the rule was compiled without a schema (all dyn). */
  readonly schema: RuleContextSchema | null;
}

/** Options for `compileRule`. */
export interface CompileRuleOptions {
  /** Fail at compile time (`rules.result.not_boolean`) unless the result can be a bool. */
  expectBoolean?: boolean;
  /** Time limit for evaluating costly expressions (comprehensions, matches), 1–1000 ms; default 100. */
  timeoutMs?: number;
}

/** Longest expression accepted, in UTF-8 bytes. */
export const MAX_EXPRESSION_BYTES = 4096;

// Tighter than cel-js's defaults (100 000 nodes, depth 250): rules are short, and deep nesting
// costs stack in the recursive checker and evaluator.
const LIMITS = {
  maxAstNodes: 2000,
  maxDepth: 48,
  maxListElements: 1000,
  maxMapEntries: 1000,
  maxCallArguments: 16,
};

/** What evaluation needs; kept out of the public object so cel-js types stay private. */
export interface RuleProgram {
  environment: Environment;
  program: ParseResult;
  variables: Map<string, RuleType> | null;
  profile: CostProfile;
  timeoutMs: number;
}

const programs = new WeakMap<CompiledRule, RuleProgram>();

/** The program behind a compiled rule; undefined for objects `compileRule` did not make. */
export function programOf(rule: CompiledRule): RuleProgram | undefined {
  return programs.get(rule);
}

function environmentFor(variables: Map<string, RuleType> | null): Environment {
  // Mixed list and map literals are list<dyn> / map<…, dyn>, as in the CEL specification.
  const environment = new Environment({
    unlistedVariablesAreDyn: variables === null,
    homogeneousAggregateLiterals: false,
    limits: LIMITS,
  });
  for (const [name, type] of variables ?? []) {
    try {
      environment.registerVariable(name, celTypeName(type));
    } catch (error) {
      throw new InputError('rules.schema.invalid', `The variable name "${name}" cannot be used.`, {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return environment;
}

/**
 * Parses and type-checks a CEL expression. With `contextSchema`, only the declared variables
 * exist and their types are checked (`grade > "x"` on an int fails here); without it every
 * variable is dyn and checked only at evaluation. Throws InputError `rules.expression.too_long`
 * over 4 KB, `rules.expression.invalid` with line and column for syntax and type errors,
 * `rules.schema.invalid` for a bad schema.
 */
export function compileRule(
  expression: string,
  contextSchema?: RuleContextSchema,
  options: CompileRuleOptions = {},
): CompiledRule {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new InputError('rules.expression.invalid', 'A rule needs a CEL expression.');
  }
  if (Buffer.byteLength(expression, 'utf8') > MAX_EXPRESSION_BYTES) {
    throw new InputError(
      'rules.expression.too_long',
      `A rule may be at most ${MAX_EXPRESSION_BYTES} bytes long.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 100;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 1000) {
    throw new InputError('rules.options.invalid', 'timeoutMs must be a whole number from 1 to 1000.');
  }
  const variables = contextSchema === undefined ? null : parseContextSchema(contextSchema);
  const environment = environmentFor(variables);
  let program: ParseResult;
  let resultType: string;
  let profile: CostProfile;
  try {
    program = environment.parse(expression);
    const checked = program.check();
    if (!checked.valid) throw checked.error;
    resultType = checked.type ?? 'dyn';
    profile = profileExpression(program.ast, expression);
  } catch (error) {
    throw toRuleError(error, 'rules.expression.invalid', expression);
  }
  if (options.expectBoolean && resultType !== 'bool' && resultType !== 'dyn') {
    throw new InputError(
      'rules.result.not_boolean',
      `The rule must give true or false, but gives ${resultType}.`,
      {
        resultType,
      },
    );
  }
  const schema = variables && Object.freeze(Object.fromEntries(Object.entries(contextSchema ?? {})));
  const rule: CompiledRule = Object.freeze({ expression, resultType, schema });
  programs.set(rule, { environment, program, variables, profile, timeoutMs });
  return rule;
}
