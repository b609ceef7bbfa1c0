import vm from 'node:vm';
import { InputError } from '../errors';

// cel-js has no evaluation budget: comprehensions, cel.bind and list `+` can grow values
// exponentially within 4 KB, and `matches` runs JavaScript's backtracking RegExp (ReDoS).
// Expressions that could do that run under a V8 time limit; simple ones run directly.

/** Functions whose cost is linear in their inputs; anything else (macros, matches) needs the guard. */
const LINEAR_FUNCTIONS = new Set([
  'size',
  'contains',
  'startsWith',
  'endsWith',
  'lowerAscii',
  'upperAscii',
  'trim',
  'indexOf',
  'lastIndexOf',
  'substring',
  'split',
  'join',
  'int',
  'uint',
  'double',
  'string',
  'bool',
  'bytes',
  'dyn',
  'type',
  'timestamp',
  'duration',
  'has',
  'getFullYear',
  'getMonth',
  'getDate',
  'getDayOfMonth',
  'getDayOfWeek',
  'getDayOfYear',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
  'hex',
  'base64',
  'at',
]);
/** Above these, even a call-free expression may cost too much (each `+` can double a list). */
const MAX_UNGUARDED_NODES = 200;
const MAX_UNGUARDED_PLUS = 8;

/** The parts of a cel-js AST node this module reads. */
interface AstNode {
  op: string;
  args: unknown;
  start: number;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).op === 'string';
}

function visit(value: unknown, each: (node: AstNode) => void): void {
  if (Array.isArray(value)) for (const item of value) visit(item, each);
  else if (isNode(value)) {
    each(value);
    visit(value.args, each);
  }
}

/** What the compiler needs to know about an expression's cost. */
export interface CostProfile {
  /** True when evaluation must run under the time limit. */
  guarded: boolean;
}

/**
 * Profiles a parsed expression and checks literal `matches` patterns compile as JavaScript
 * regular expressions (CEL specifies RE2; features JavaScript lacks, such as `(?i)`, fail here).
 */
export function profileExpression(ast: unknown, expression: string): CostProfile {
  let nodes = 0;
  let plus = 0;
  let costlyCall = false;
  visit(ast, (node) => {
    nodes++;
    if (node.op === '+') plus++;
    if (node.op !== 'call' && node.op !== 'rcall') return;
    const [name] = node.args as [string];
    if (!LINEAR_FUNCTIONS.has(name)) costlyCall = true;
    if (name === 'matches') checkPattern(node, expression);
  });
  return { guarded: costlyCall || nodes > MAX_UNGUARDED_NODES || plus > MAX_UNGUARDED_PLUS };
}

function checkPattern(node: AstNode, expression: string): void {
  const args =
    node.op === 'rcall'
      ? (node.args as [string, AstNode, AstNode[]])[2]
      : (node.args as [string, AstNode[]])[1];
  const pattern = args[args.length - 1];
  if (!isNode(pattern) || pattern.op !== 'value' || typeof pattern.args !== 'string') return;
  try {
    new RegExp(pattern.args);
  } catch {
    const before = expression.slice(0, pattern.start).split('\n');
    throw new InputError(
      'rules.expression.invalid',
      `Invalid regular expression (line ${before.length}, column ${before[before.length - 1].length + 1}).`,
      { reason: 'invalid_regular_expression', position: pattern.start },
    );
  }
}

const script = new vm.Script('run()');
const sandbox = vm.createContext({ run: null as null | (() => unknown) });

/** True when `error` is V8 stopping a guarded evaluation. */
export function isTimeout(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Runs `task` synchronously; V8 stops it (throwing, see `isTimeout`) after `timeoutMs`. */
export function runWithTimeLimit<T>(task: () => T, timeoutMs: number): T {
  sandbox.run = task;
  try {
    return script.runInContext(sandbox, { timeout: timeoutMs }) as T;
  } finally {
    sandbox.run = null;
  }
}
