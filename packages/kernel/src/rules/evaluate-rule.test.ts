import { describe, expect, it } from 'vitest';
import type { InputError } from '../errors';
import { type CompiledRule, compileRule, evaluateBoolean, evaluateRule } from '.';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as InputError).code;
  }
  return undefined;
}

describe('evaluateRule', () => {
  it('routes a 12345 order with a typed context', () => {
    const rule = compileRule(
      'order.category == "环境卫生" && order.division.startsWith("330213001") && urgency >= 2',
      {
        order: 'map<string, string>',
        urgency: 'int',
      },
    );
    expect(
      evaluateBoolean(rule, { order: { category: '环境卫生', division: '330213001002' }, urgency: 2 }),
    ).toBe(true);
    expect(
      evaluateBoolean(rule, { order: { category: '环境卫生', division: '330213002001' }, urgency: 3 }),
    ).toBe(false);
  });

  it('converts declared variables: numbers, ISO timestamps, lists and maps', () => {
    const schema = {
      n: 'int',
      d: 'double',
      at: 'timestamp',
      tags: 'list<string>',
      m: 'map<string, int>',
    } as const;
    const rule = compileRule(
      '[n + 1, d * 2.0, at < timestamp("2026-01-01T00:00:00Z"), tags.size(), m.a]',
      schema,
    );
    expect(
      evaluateRule(rule, { n: 41, d: 1.25, at: '2025-10-01T08:00:00+08:00', tags: ['x', 'y'], m: { a: 7 } }),
    ).toEqual([42, 2.5, true, 2, 7]);
    expect(
      evaluateRule(compileRule('at.getHours("Asia/Shanghai")', schema), {
        at: new Date('2025-10-01T01:00:00Z'),
      }),
    ).toBe(9);
  });

  it('treats whole numbers as int and others as double without a schema', () => {
    const rule = compileRule('c.priority > 2 && c.score > 1.5 && "急" in c.tags');
    expect(evaluateRule(rule, { c: { priority: 3, score: 2.5, tags: ['急'] } })).toBe(true);
    expect(evaluateRule(compileRule('[1, 2.5, "x"].exists(v, v == x)'), { x: 2.5 })).toBe(true);
  });

  it('ignores undeclared context keys and reports missing or ill-typed declared ones', () => {
    const rule = compileRule('grade > 2', { grade: 'int' });
    expect(evaluateRule(rule, { grade: 3, other: () => 1 })).toBe(true);
    expect(codeOf(() => evaluateRule(rule, {}))).toBe('rules.context.invalid');
    expect(() => evaluateRule(rule, { grade: 2.5 })).toThrow(
      expect.objectContaining({
        code: 'rules.context.invalid',
        details: { path: 'grade', expected: 'a whole number' },
      }),
    );
    expect(codeOf(() => evaluateRule(compileRule('t', { t: 'timestamp' }), { t: 'yesterday' }))).toBe(
      'rules.context.invalid',
    );
    expect(codeOf(() => evaluateRule(rule, 'grade' as never))).toBe('rules.context.invalid');
  });

  it('refuses oversized and cyclic contexts', () => {
    const rule = compileRule('size(l)');
    expect(evaluateRule(rule, { l: Array(5000).fill(1) })).toBe(5000);
    expect(codeOf(() => evaluateRule(rule, { l: Array(200_000).fill(1) }))).toBe('rules.context.invalid');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codeOf(() => evaluateRule(rule, { l: cyclic }))).toBe('rules.context.invalid');
  });

  it('returns plain JavaScript values', () => {
    expect(evaluateRule(compileRule('{"a": 1, "b": [2u, 2.5], "c": duration("90m"), "d": type(1)}'))).toEqual(
      {
        a: 1,
        b: [2, 2.5],
        c: 5_400_000,
        d: 'int',
      },
    );
    expect(evaluateRule(compileRule('timestamp("2025-01-01T00:00:00Z")'))).toEqual(
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(codeOf(() => evaluateRule(compileRule('9007199254740993')))).toBe('rules.result.out_of_range');
  });

  it('reports runtime errors with their position', () => {
    expect(() => evaluateRule(compileRule('1 + x / 0'), { x: 1 })).toThrow(
      expect.objectContaining({
        code: 'rules.evaluation.failed',
        details: expect.objectContaining({ reason: 'division_by_zero', line: 1, column: 5 }),
      }),
    );
    expect(codeOf(() => evaluateRule(compileRule('m.missing'), { m: {} }))).toBe('rules.evaluation.failed');
    expect(codeOf(() => evaluateRule(compileRule('9223372036854775807 + x'), { x: 1 }))).toBe(
      'rules.evaluation.failed',
    );
  });

  it('insists on a bool for evaluateBoolean', () => {
    expect(codeOf(() => evaluateBoolean(compileRule('x'), { x: 'yes' }))).toBe('rules.result.not_boolean');
    expect(evaluateBoolean(compileRule('x'), { x: true })).toBe(true);
  });

  it('refuses objects that compileRule did not make', () => {
    const fake: CompiledRule = { expression: 'true', resultType: 'bool', schema: null };
    expect(codeOf(() => evaluateRule(fake))).toBe('rules.rule.not_compiled');
  });
});

describe('evaluation time limit', () => {
  it('stops a catastrophic regular expression and keeps the rule usable', () => {
    const rule = compileRule('s.matches("^(a+)+$")', { s: 'string' }, { timeoutMs: 50 });
    const started = performance.now();
    expect(codeOf(() => evaluateRule(rule, { s: `${'a'.repeat(40)}!` }))).toBe('rules.evaluation.timeout');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(evaluateRule(rule, { s: 'aaa' })).toBe(true);
  });

  it('stops exponential growth through chained comprehensions', () => {
    const rule = compileRule(`[[1, 2, 3, 4, 5, 6, 7, 8]]${'.map(x, x + x)'.repeat(40)}.size()`, undefined, {
      timeoutMs: 50,
    });
    expect(codeOf(() => evaluateRule(rule))).toBe('rules.evaluation.timeout');
  });

  it('runs cheap comprehensions normally', () => {
    const rule = compileRule('materials.all(m, m.files.exists(f, f.type == "pdf"))', { materials: 'list' });
    const materials = Array.from({ length: 50 }, () => ({ files: [{ type: 'jpg' }, { type: 'pdf' }] }));
    for (let i = 0; i < 200; i++) expect(evaluateRule(rule, { materials })).toBe(true);
  });

  it('rejects an out-of-range time limit', () => {
    expect(codeOf(() => compileRule('true', undefined, { timeoutMs: 0 }))).toBe('rules.options.invalid');
  });
});
