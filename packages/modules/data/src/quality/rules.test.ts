import fc from 'fast-check';
import { usccCheckCharacter } from '@zhizhi/kernel/identity';
import { describe, expect, it } from 'vitest';
import { checkRows, compileRules } from './rules';

// 11010519491231002X is GB 11643's own example; the credit code gets its check character computed.
const GOOD_ID = '11010519491231002X';
const BAD_ID = '110105194912310021';
const GOOD_USCC = `91330213MA2GQ3WJ5${usccCheckCharacter('91330213MA2GQ3WJ5')}`;

describe('data quality rules', () => {
  const rules = compileRules([
    {
      item: 'id_number',
      rules: [{ kind: 'required' }, { kind: 'format', format: 'id_number' }, { kind: 'unique' }],
    },
    { item: 'phone', rules: [{ kind: 'format', format: 'phone' }] },
    { item: 'age', rules: [{ kind: 'range', min: 0, max: 150 }] },
    { item: 'sex', rules: [{ kind: 'enum', values: ['男', '女'] }] },
    { item: 'town', rules: [{ kind: 'format', format: 'division_code' }] },
    { item: 'born', rules: [{ kind: 'format', format: 'date' }] },
  ]);

  it('finds each kind of problem by row and item, never echoing the value', () => {
    const report = checkRows(rules, [
      {
        id_number: GOOD_ID,
        phone: '13800001111',
        age: 30,
        sex: '男',
        town: '330213100000',
        born: '1949-12-31',
      },
      {
        id_number: BAD_ID,
        phone: '0574-88001122',
        age: 200,
        sex: '未知',
        town: '3302131',
        born: '2025-02-30',
      },
      { id_number: GOOD_ID, phone: '12345', age: 'abc' },
      { id_number: '  ', sex: '' },
    ]);
    expect(report.rows).toBe(4);
    expect(report.findings.map((f) => `${f.row}:${f.item}:${f.code}`)).toEqual([
      '2:id_number:data.quality.format.id_number',
      '2:age:data.quality.range',
      '2:sex:data.quality.enum',
      '2:town:data.quality.format.division_code',
      '2:born:data.quality.format.date',
      '3:id_number:data.quality.duplicate',
      '3:phone:data.quality.format.phone',
      '3:age:data.quality.range',
      '4:id_number:data.quality.required',
    ]);
    expect(JSON.stringify(report)).not.toContain(BAD_ID);
    expect(report.items.id_number).toEqual({ checks: 10, passed: 7 }); // rows 1–3: required, format, unique; row 4: required
    expect(report.passRate).toBeGreaterThan(0);
    expect(report.passRate).toBeLessThan(1);
  });

  it('accepts a valid credit code and refuses bad rule sets up front', () => {
    const uscc = compileRules([{ item: 'uscc', rules: [{ kind: 'format', format: 'uscc' }] }]);
    expect(checkRows(uscc, [{ uscc: GOOD_USCC }]).findings).toEqual([]);
    expect(() => compileRules([{ item: 'x', rules: [{ kind: 'pattern', regex: '(' }] }])).toThrow(
      expect.objectContaining({ code: 'data.rules.invalid' }),
    );
    expect(() => compileRules([{ item: 'x', rules: [{ kind: 'format', format: 'iban' }] }])).toThrow(
      expect.objectContaining({ code: 'data.rules.invalid' }),
    );
  });

  it('never lists more findings than the cap, but says it cut them', () => {
    const many = Array.from({ length: 50 }, () => ({ id_number: '' }));
    const report = checkRows(rules, many, { maxFindings: 10 });
    expect(report.findings).toHaveLength(10);
    expect(report.truncated).toBe(true);
  });

  it('property: findings never contain row values, and checks = passed + failed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id_number: fc.string(), phone: fc.string(), age: fc.string() }), {
          maxLength: 30,
        }),
        (rows) => {
          const report = checkRows(rules, rows);
          const failed = Object.values(report.items).reduce((n, i) => n + i.checks - i.passed, 0);
          expect(report.findings.length).toBe(failed);
          for (const f of report.findings)
            expect(Object.keys(f).sort()).toEqual(['code', 'item', 'row', 'rule']);
        },
      ),
    );
  });
});
