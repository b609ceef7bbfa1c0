import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOTLINE_COLUMNS, matchHeader, normalizeHeader } from './hotline-columns';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

describe('hotline columns', () => {
  it('gives every header name to one field only', () => {
    const names = HOTLINE_COLUMNS.flatMap((column) => column.synonyms);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(normalizeHeader(name)).toBe(name);
  });

  it('marks a header ambiguous when its best name appears twice', () => {
    expect(matchHeader(['工单编号', '来电时间', '诉求内容', '工单编号']).ambiguous).toEqual(['orderNo']);
    expect(matchHeader(['工单号', '受理时间', '诉求内容', '工单编号']).columns.get('orderNo')).toBe(3);
  });

  it('is documented in the README: every column name and every error code', () => {
    const readme = read('./README.md');
    const normalized = normalizeHeader(readme);
    for (const name of HOTLINE_COLUMNS.flatMap((column) => column.synonyms)) {
      expect(normalized, name).toContain(name);
    }
    const codes = new Set(read('./hotline-errors.ts').match(/'hotline\.(row|file)\.\w+'/g));
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) expect(readme, code).toContain(`\`${code.slice(1, -1)}\``);
  });
});
