import { InputError } from '@zhizhi/kernel/errors';
import { describe, expect, it } from 'vitest';
import { type MarketSubjectInput, parseMarketSubject } from './subject';

const shop: MarketSubjectInput = {
  uscc: '92330283MA2J0000XX',
  name: '奉化某某小吃店',
  kind: 'individual',
  legalRepresentative: '张三',
  address: '宁波市奉化区锦屏街道中山路 1 号',
  industryCode: 'h6210',
  licences: [
    { type: '营业执照', number: '330283600000001', validFrom: '2021-03-01' },
    { type: '食品经营许可证', number: 'JY23302830000001', validFrom: '2021-04-01', validTo: '2026-03-31' },
  ],
};

function errorOf(input: unknown, options = {}): InputError {
  try {
    parseMarketSubject(input, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseMarketSubject', () => {
  it('parses a subject with licences and defaults', () => {
    const subject = parseMarketSubject({ ...shop, uscc: '91350100M000100Y43' });
    expect(subject).toMatchObject({
      uscc: '91350100M000100Y43',
      industryCode: 'H6210',
      status: 'operating',
      checkOverridden: false,
    });
    expect(subject.licences[0].validTo).toBeNull();
    expect(subject.licences[1].validTo).toBe('2026-03-31');
  });

  it('names every bad field by path', () => {
    const error = errorOf({
      ...shop,
      kind: 'factory',
      industryCode: 'Z1',
      status: '停业',
      licences: [{ type: '食品经营许可证', number: 'JY1', validFrom: '2024-01-01', validTo: '2023-12-31' }],
    });
    expect(error.code).toBe('regulation.subject.invalid_input');
    const paths = (error.details!.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'industryCode', 'status', 'licences.0.validTo']));
    expect(error.message).not.toContain('张三');
  });

  it('accepts each registration status', () => {
    for (const status of ['operating', 'revoked', 'deregistered', 'moved_out'] as const) {
      expect(parseMarketSubject({ ...shop, uscc: '91350100M000100Y43', status }).status).toBe(status);
    }
  });

  it('refuses repeated licences', () => {
    const licence = { type: '营业执照', number: '1', validFrom: '2021-03-01' };
    expect(errorOf({ ...shop, licences: [licence, licence] }).details?.errors).toEqual([
      { path: 'licences', message: 'licences must not repeat' },
    ]);
  });

  it('checks the credit code after the fields, with the overridable warning', () => {
    expect(errorOf({ ...shop, uscc: '91350100M000100Y44' }).code).toBe('regulation.subject.uscc_check_digit');
    expect(errorOf({ ...shop, uscc: 'ABC' }).code).toBe('regulation.subject.uscc_invalid');
    const accepted = parseMarketSubject(
      { ...shop, uscc: '91350100M000100Y44' },
      { acceptCheckWarning: true },
    );
    expect(accepted.checkOverridden).toBe(true);
  });
});
