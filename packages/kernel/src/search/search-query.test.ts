import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nastyInput } from './nasty-input';
import { MAX_QUERY_CHARS, queryLiteral, rankExpression } from './search-query';
import { vectorLiteral } from './search-vector';

describe('queryLiteral', () => {
  it('makes the last word a prefix', () => {
    expect(queryLiteral('奉化')).toBe("'奉化':*");
    expect(queryLiteral('溪口 APP')).toBe("'溪口' & 'app':*");
  });

  it('accepts a run of Chinese by its words or by its character pairs', () => {
    expect(queryLiteral('道路破损')).toBe("( '道路' & '破损':* | '道路' & '路破' & '破损':* )");
    expect(queryLiteral('不动')).toBe("( '不' & '动':* | '不动':* )");
  });

  it('turns operators, quotes and backslashes into nothing but separators', () => {
    expect(queryLiteral("a'b & c | !d:* (e) <-> \\f")).toBe("'a' & 'b' & 'c' & 'd' & 'e' & 'f':*");
  });

  it('gives null when nothing searchable is left', () => {
    for (const input of ['', '   ', '。，！？', '的', '的了', '&|!():*'])
      expect(queryLiteral(input)).toBeNull();
  });

  it('reads only the first MAX_QUERY_CHARS characters', () => {
    const literal = queryLiteral(`${'a '.repeat(MAX_QUERY_CHARS / 2)}zzz`);
    expect(literal).not.toContain('zzz');
  });

  it('produces only quoted lexemes joined by & and |, for any input', () => {
    const shape = /^(?:'[\p{L}\p{N}\p{M}]+'(?::\*)?|[&|()]| )+$/u;
    fc.assert(
      fc.property(nastyInput, (input) => {
        const literal = queryLiteral(input);
        if (literal !== null) expect(literal).toMatch(shape);
        vectorLiteral([{ text: input, weight: 'A' }]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('rankExpression', () => {
  it('refuses a normalization that is not a bit mask', () => {
    const query = sql`'a'::tsquery`;
    expect(() => rankExpression(sql`v`, query, 1.5)).toThrow(RangeError);
    expect(() => rankExpression(sql`v`, query, 64)).toThrow(RangeError);
    expect(() => rankExpression(sql`v`, query, 32)).not.toThrow();
  });
});
