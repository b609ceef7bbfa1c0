import { describe, expect, it } from 'vitest';
import { flattenChecklist, recordFieldOf } from './record-paths';

describe('flattenChecklist', () => {
  it('joins item and point codes with a dot and drops unanswered points', () => {
    expect(
      flattenChecklist({
        'SCJG-SP-01': { licence: 'ok', health_certificates: 'problem' },
        'SCJG-JG-01': { scales: 'na', marking: undefined as never },
      }),
    ).toEqual({
      'SCJG-SP-01.licence': 'ok',
      'SCJG-SP-01.health_certificates': 'problem',
      'SCJG-JG-01.scales': 'na',
    });
  });

  it('gives an empty checklist when nothing is answered', () => {
    expect(flattenChecklist(undefined)).toEqual({});
  });
});

describe('recordFieldOf', () => {
  it('maps a checklist point error to its radio group', () => {
    expect(recordFieldOf('checklist.SCJG-SP-01.licence')).toEqual(['checklist', 'SCJG-SP-01', 'licence']);
  });

  it('puts signature errors on the inspector’s pad', () => {
    expect(recordFieldOf('signatures')).toBe('signatureInspector');
  });

  it('maps nested location errors to the location field', () => {
    expect(recordFieldOf('location.lng')).toBe('location');
    expect(recordFieldOf('rectificationDays')).toBe('rectificationDays');
  });

  it('names no field for errors about the whole checklist or unknown paths', () => {
    expect(recordFieldOf('checklist')).toBeNull();
    expect(recordFieldOf('expectedVersion')).toBeNull();
  });
});
