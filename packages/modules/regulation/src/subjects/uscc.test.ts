import { InputError } from '@zhizhi/kernel/errors';
import { describe, expect, it } from 'vitest';
import { checkSubjectCode, inspectSubjectCode } from './uscc';

function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('checkSubjectCode', () => {
  it('accepts a valid code and normalises case and spaces', () => {
    expect(checkSubjectCode('91350100M000100Y43')).toBe('91350100M000100Y43');
    expect(checkSubjectCode(' 91512081ma62k0260e ')).toBe('91512081MA62K0260E');
    expect(inspectSubjectCode('91350100M000100Y43')).toEqual({
      code: '91350100M000100Y43',
      checkOverridden: false,
    });
  });

  it('rejects a bad layout, not overridable, without repeating the code', () => {
    for (const bad of ['91350100M000100Y4', '9135010OM000100Y43', '', null, 42]) {
      const error = caught(() => checkSubjectCode(bad, { acceptCheckWarning: true }));
      expect(error.code).toBe('regulation.subject.uscc_invalid');
      expect(error.details).toEqual({ overridable: false });
      if (typeof bad === 'string' && bad) expect(error.message).not.toContain(bad);
    }
  });

  it('reports a wrong check character as an overridable warning', () => {
    const error = caught(() => checkSubjectCode('91350100M000100Y44'));
    expect(error.code).toBe('regulation.subject.uscc_check_digit');
    expect(error.details).toEqual({ overridable: true });
    expect(error.message).toContain('acceptCheckWarning');
    expect(error.message).not.toContain('91350100M000100Y44');
  });

  it('lets a wrong check character through when a person accepts it', () => {
    expect(checkSubjectCode('91350100m000100y44', { acceptCheckWarning: true })).toBe('91350100M000100Y44');
    expect(inspectSubjectCode('91350100M000100Y44', { acceptCheckWarning: true })).toEqual({
      code: '91350100M000100Y44',
      checkOverridden: true,
    });
  });
});
