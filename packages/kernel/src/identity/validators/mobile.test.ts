import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateMobile } from './mobile';

describe('validateMobile', () => {
  it('accepts mainland numbers and normalises separators and the country code', () => {
    expect(validateMobile('13912341234')).toEqual({ ok: true, value: '13912341234' });
    expect(validateMobile('+86 139-1234-1234')).toEqual({ ok: true, value: '13912341234' });
    expect(validateMobile('0086 19912341234')).toEqual({ ok: true, value: '19912341234' });
  });

  it('rejects landlines, wrong lengths and 12x prefixes', () => {
    for (const bad of ['057488881234', '1391234123', '139123412345', '12912341234', '', undefined]) {
      expect(validateMobile(bad)).toMatchObject({ ok: false, code: 'identity.mobile.format' });
    }
  });

  it('accepts exactly 1[3-9] followed by nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (digits) => {
        expect(validateMobile(digits).ok).toBe(/^1[3-9]/.test(digits));
      }),
    );
  });
});
