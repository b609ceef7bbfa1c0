import { describe, expect, it } from 'vitest';
import type { OpenItem } from './resources';
import { csvField, csvLine } from './downloads';
import { deliveredItems, deliverRow, stricter, typedValue } from './rows';

const item = (over: Partial<OpenItem>): OpenItem => ({
  id: '00000000-0000-7000-8000-000000000000',
  resourceId: '00000000-0000-7000-8000-000000000001',
  code: 'x',
  name: 'x',
  nameKey: 'x',
  type: 'string',
  grade: 'L1',
  personalKind: null,
  authoritative: false,
  rules: [],
  sort: 0,
  ...over,
});

describe('open-data rows', () => {
  it('quotes CSV fields per RFC 4180 only when needed', () => {
    expect(csvField('会计')).toBe('会计');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvLine([1, true, null, 'x'])).toBe('1,true,,x\r\n');
  });

  it('delivers only approved items, never looser than the current grade', () => {
    const items = [
      item({ code: 'name', grade: 'L3', personalKind: 'name' }),
      item({ code: 'phone', grade: 'L2', personalKind: 'phone' }),
      item({ code: 'trade' }),
    ];
    const delivered = deliveredItems(items, { name: 'light', trade: 'clear' });
    expect(delivered.map((i) => [i.code, i.mode])).toEqual([
      ['name', 'strict'],
      ['trade', 'clear'],
    ]);
    expect(deliverRow({ name: '张三丰', phone: '13812345678', trade: '电工' }, delivered)).toEqual({
      name: '张*丰',
      trade: '电工',
    });
    expect(stricter('redact', 'clear')).toBe('redact');
  });

  it('types filter values as the item stores them', () => {
    expect(typedValue('integer', '5')).toBe(5);
    expect(typedValue('integer', '5.5')).toBeUndefined();
    expect(typedValue('decimal', '5.5')).toBe(5.5);
    expect(typedValue('boolean', 'true')).toBe(true);
    expect(typedValue('boolean', 'yes')).toBeUndefined();
    expect(typedValue('string', '会计')).toBe('会计');
  });
});
