import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import { compileRule, evaluateRule, MAX_EXPRESSION_BYTES } from '.';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as InputError).code;
  }
  return undefined;
}

describe('compileRule', () => {
  it('compiles a typed rule and infers its result type', () => {
    const rule = compileRule('grade >= 2 && name.startsWith("张")', { grade: 'int', name: 'string' });
    expect(rule).toMatchObject({ resultType: 'bool', schema: { grade: 'int', name: 'string' } });
    expect(compileRule('size(tags) * 2', { tags: 'list<string>' }).resultType).toBe('int');
    expect(compileRule('anything.goes').resultType).toBe('dyn');
  });

  it('names the line and column of a syntax error', () => {
    expect(() => compileRule('grade > > 1', { grade: 'int' })).toThrow(
      expect.objectContaining({
        code: 'rules.expression.invalid',
        message: expect.stringContaining('line 1, column 9'),
        details: expect.objectContaining({ position: 8, line: 1, column: 9, reason: 'unexpected_token' }),
      }),
    );
    expect(() => compileRule('a &&\n  b >', { a: 'bool', b: 'int' })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ line: 2, column: 6 }) }),
    );
  });

  it('rejects comparing a declared int with a string at compile time', () => {
    expect(() => compileRule('grade > "x"', { grade: 'int' })).toThrow(
      expect.objectContaining({
        code: 'rules.expression.invalid',
        details: expect.objectContaining({ reason: 'no_such_overload' }),
      }),
    );
  });

  it('rejects undeclared variables when a schema is given, and defers checks without one', () => {
    expect(codeOf(() => compileRule('grad > 1', { grade: 'int' }))).toBe('rules.expression.invalid');
    const loose = compileRule('grade > "x"');
    expect(codeOf(() => evaluateRule(loose, { grade: 3 }))).toBe('rules.evaluation.failed');
  });

  it('type-checks timestamps, lists and maps', () => {
    const schema = { at: 'timestamp', tags: 'list<string>', scores: 'map<string, double>' } as const;
    expect(
      compileRule('at > timestamp("2025-01-01T00:00:00Z") && "a" in tags && scores.x > 1.5', schema)
        .resultType,
    ).toBe('bool');
    expect(codeOf(() => compileRule('tags[0] + 1', schema))).toBe('rules.expression.invalid');
    expect(codeOf(() => compileRule('at + 1', schema))).toBe('rules.expression.invalid');
  });

  it('limits expressions to 4 KB of UTF-8', () => {
    const ascii = `"${'a'.repeat(MAX_EXPRESSION_BYTES - 2)}"`;
    expect(compileRule(ascii).resultType).toBe('string');
    expect(codeOf(() => compileRule(`"${'办'.repeat(1400)}"`))).toBe('rules.expression.too_long');
    expect(codeOf(() => compileRule(''))).toBe('rules.expression.invalid');
  });

  it('applies structural limits to deeply nested expressions', () => {
    expect(codeOf(() => compileRule(`${'('.repeat(100)}1${')'.repeat(100)}`))).toBe(
      'rules.expression.invalid',
    );
  });

  it('rejects a malformed schema', () => {
    expect(codeOf(() => compileRule('x', { x: 'lisst' as 'list' }))).toBe('rules.schema.invalid');
    expect(codeOf(() => compileRule('x', { in: 'int' }))).toBe('rules.schema.invalid');
    expect(codeOf(() => compileRule('x', { 'a-b': 'int' }))).toBe('rules.schema.invalid');
    expect(codeOf(() => compileRule('x', [] as never))).toBe('rules.schema.invalid');
  });

  it('can require a boolean result at compile time', () => {
    expect(codeOf(() => compileRule('1 + 2', undefined, { expectBoolean: true }))).toBe(
      'rules.result.not_boolean',
    );
    expect(compileRule('x', undefined, { expectBoolean: true }).resultType).toBe('dyn');
  });

  it('reports an invalid regular expression literal at compile time', () => {
    expect(() => compileRule('name.matches("(a")', { name: 'string' })).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ reason: 'invalid_regular_expression', position: 13 }),
      }),
    );
  });

  it('never throws anything but InputError, for any text and any context', () => {
    const token = fc.constantFrom(
      'a',
      'b.c',
      '1',
      '2.5',
      '"s"',
      'true',
      'null',
      '[',
      ']',
      '{',
      '}',
      '(',
      ')',
      ',',
      ':',
      '.',
      '+',
      '-',
      '*',
      '/',
      '%',
      '==',
      '<',
      '>=',
      '&&',
      '||',
      '!',
      '?',
      'in',
      'size(',
      '.map(x, ',
      '.exists(x, ',
      'x',
      'has(',
      'int(',
      'timestamp(',
      'cel.bind(v, ',
      'dyn(',
      '.matches(',
      '"(a+)+$"',
      '1u',
      'b"x"',
      '9223372036854775807',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(token, { maxLength: 25 }).map((t) => t.join(' ')),
    );
    const context = fc.dictionary(fc.constantFrom('a', 'b', 'x'), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 3,
    });
    fc.assert(
      fc.property(text, context, (expression, values) => {
        try {
          evaluateRule(compileRule(expression), values);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but InputError for well-formed expressions of any type mix', () => {
    const { expr } = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(
          'a',
          'b',
          'x',
          '0',
          '-1',
          '2.5',
          '"s"',
          'true',
          'null',
          '[]',
          '{}',
          'b"x"',
          '1u',
          'c.d',
        ),
        fc
          .tuple(
            tie('expr'),
            fc.constantFrom('+', '-', '*', '/', '%', '==', '<', '>=', '&&', '||', 'in'),
            tie('expr'),
          )
          .map(([l, op, r]) => `(${l} ${op} ${r})`),
        fc
          .tuple(fc.constantFrom('size', 'int', 'string', 'double', 'dyn', 'type', '!', '-'), tie('expr'))
          .map(([f, e]) => `${f}(${e})`),
        fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `[${l}, ${r}]`),
        fc.tuple(tie('expr'), tie('expr')).map(([k, v]) => `{${k}: ${v}}`),
        fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, t, e]) => `(${c} ? ${t} : ${e})`),
        fc
          .tuple(tie('expr'), fc.constantFrom('map', 'filter', 'all', 'exists'), tie('expr'))
          .map(([l, m, body]) => `${l}.${m}(x, ${body})`),
        fc.tuple(tie('expr'), tie('expr')).map(([l, i]) => `${l}[${i}]`),
      ),
    }));
    const context = fc.record({
      a: fc.jsonValue({ maxDepth: 2 }),
      b: fc.integer(),
      c: fc.object({ maxDepth: 1 }),
    });
    fc.assert(
      fc.property(expr, context, (expression, values) => {
        try {
          evaluateRule(compileRule(expression), values);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
