import { describe, expect, it } from 'vitest';
import { safeErrorMessage } from './index';

describe('safeErrorMessage', () => {
  it('gives the driver message of a failed query, never its parameters', () => {
    const error = Object.assign(
      new Error('Failed query: insert into t (a) values ($1)\nparams: 330213195001019013'),
      {
        cause: new Error('value too long for type character varying(64)'),
      },
    );
    expect(safeErrorMessage(error)).toBe('value too long for type character varying(64)');
    expect(safeErrorMessage(error)).not.toContain('330213195001019013');
  });
  it('keeps ordinary messages and drops a parameter list', () => {
    expect(safeErrorMessage(new Error('boom'))).toBe('boom');
    expect(safeErrorMessage(new Error('bad\nparams: secret'))).toBe('bad');
    expect(safeErrorMessage('plain')).toBe('plain');
  });
});
