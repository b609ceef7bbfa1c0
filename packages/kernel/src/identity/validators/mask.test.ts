import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('keeps the first 6 and last 4 of an ID number', () => {
    expect(maskIdNumber('33028319900101123X')).toBe('330283********123X');
    expect(maskIdNumber('1234567890')).toBe('**********');
  });

  it('keeps the first 3 and last 4 of a phone number', () => {
    expect(maskPhone('13912341234')).toBe('139****1234');
    expect(maskPhone('1391234')).toBe('*******');
  });

  it('keeps the family name and, from three characters, the last one', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName('𠀋一二')).toBe('𠀋*二');
  });

  it('keeps the length and hides at least the middle, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 0, maxLength: 40 }), (raw) => {
        const value = raw.trim();
        for (const mask of [maskIdNumber, maskPhone, maskName]) {
          const masked = mask(value);
          expect(Array.from(masked)).toHaveLength(Array.from(value).length);
          if (value.length >= 2) expect(masked).toContain('*');
        }
        if (value.length === 18) expect(maskIdNumber(value).slice(6, 14)).toBe('********');
      }),
    );
  });
});
