import { InputError } from '../errors';

/** A CEL type a rule's context may declare for a variable. */
export type RuleVariableType =
  | 'int'
  | 'double'
  | 'string'
  | 'bool'
  | 'timestamp'
  | 'dyn'
  | 'list'
  | 'map'
  | `list<${string}>`
  | `map<string, ${string}>`;

/** The variables a rule may use, with their CEL types, e.g. `{ grade: 'int', tags: 'list<string>' }`. */
export type RuleContextSchema = Readonly<Record<string, RuleVariableType>>;

/** A parsed variable type. */
export type RuleType =
  | { kind: 'int' | 'double' | 'string' | 'bool' | 'timestamp' | 'dyn' }
  | { kind: 'list'; element: RuleType }
  | { kind: 'map'; value: RuleType };

const SCALARS = new Set(['int', 'double', 'string', 'bool', 'timestamp', 'dyn']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// CEL's reserved words, plus names cel-js already binds (types and the `cel` namespace).
const RESERVED = new Set(
  (
    'true false null in as break const continue else for function if import let loop package namespace ' +
    'return var void while cel int uint double string bool bytes list map type null_type dyn'
  ).split(' '),
);
const DYN: RuleType = { kind: 'dyn' };

function invalidSchema(reason: string): InputError {
  return new InputError('rules.schema.invalid', `The rule's context declaration is invalid: ${reason}.`, {
    reason,
  });
}

/** Parses `int`, `list<string>`, `map<string, list<int>>` …; map keys are always strings. */
export function parseRuleType(text: unknown): RuleType {
  if (typeof text !== 'string' || text.length > 200) throw invalidSchema(`${String(text)} is not a type`);
  const type = text.trim();
  if (SCALARS.has(type)) return { kind: type } as RuleType;
  if (type === 'list') return { kind: 'list', element: DYN };
  if (type === 'map') return { kind: 'map', value: DYN };
  const list = /^list<(.+)>$/.exec(type);
  if (list) return { kind: 'list', element: parseRuleType(list[1]) };
  const map = /^map<\s*string\s*,(.+)>$/.exec(type);
  if (map) return { kind: 'map', value: parseRuleType(map[1]) };
  throw invalidSchema(
    `unknown type "${type}" (use int, double, string, bool, timestamp, dyn, list<…>, map<string, …>)`,
  );
}

/** The type name cel-js expects. */
export function celTypeName(type: RuleType): string {
  switch (type.kind) {
    case 'timestamp':
      return 'google.protobuf.Timestamp';
    case 'list':
      return `list<${celTypeName(type.element)}>`;
    case 'map':
      return `map<string, ${celTypeName(type.value)}>`;
    default:
      return type.kind;
  }
}

/** Validates a context schema into parsed types by variable name. */
export function parseContextSchema(schema: unknown): Map<string, RuleType> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw invalidSchema('it must be an object of variable names to types');
  }
  const parsed = new Map<string, RuleType>();
  for (const [name, type] of Object.entries(schema)) {
    if (!IDENTIFIER.test(name) || RESERVED.has(name))
      throw invalidSchema(`"${name}" cannot be a variable name`);
    parsed.set(name, parseRuleType(type));
  }
  return parsed;
}
