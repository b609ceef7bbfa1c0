import { describe, expect, it } from 'vitest';
import { maskModeFor, maskValue } from './mask';

describe('masking by grade', () => {
  it('chooses the mode from grade and personal kind', () => {
    expect(maskModeFor({ grade: 'L1' })).toBe('clear');
    expect(maskModeFor({ grade: 'L3' })).toBe('clear');
    expect(maskModeFor({ grade: 'L2', personalKind: 'phone' })).toBe('light');
    expect(maskModeFor({ grade: 'L3', personalKind: 'id_number' })).toBe('strict');
    expect(maskModeFor({ grade: 'L4' })).toBe('redact');
  });

  it('masks identity numbers 4 + 4 when strict, 6 + 4 when light', () => {
    expect(maskValue('33028319900101123X', 'strict', 'id_number')).toBe('3302**********123X');
    expect(maskValue('33028319900101123X', 'light', 'id_number')).toBe('330283********123X');
  });

  it('masks names, phones, addresses and bank accounts; L4 never shows', () => {
    expect(maskValue('王小明', 'strict', 'name')).toBe('王*明');
    expect(maskValue('13812345678', 'light', 'phone')).toBe('138****5678');
    expect(maskValue('浙江省宁波市奉化区锦屏街道南山路1号', 'strict', 'address')).toBe(
      `浙江省宁波市${'*'.repeat(12)}`,
    );
    expect(maskValue('6222021234567890123', 'strict', 'bank_account')).toBe(`${'*'.repeat(15)}0123`);
    expect(maskValue(123456, 'redact')).toBe('******');
    expect(maskValue(null, 'strict', 'name')).toBeNull();
    expect(maskValue('ab', 'strict', 'id_number')).toBe('**');
  });
});
