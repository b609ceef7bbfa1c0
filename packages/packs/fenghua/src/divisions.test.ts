import { describe, expect, it } from 'vitest';
import towns2023 from '../data/towns.json' with { type: 'json' };
import villages2023 from '../data/villages.json' with { type: 'json' };
import {
  currentTownshipCode,
  FENGHUA_DISTRICT_CODE,
  fenghuaDivisions,
  fenghuaTownships,
  villageDisplayName,
  villageDivisions,
  villageKind,
} from './divisions';

// Copied from shared/design/DOMAIN.md (Fenghua District 330213); must match exactly.
const DOMAIN_TOWNSHIPS = [
  ['330213001000', '锦屏街道', '街道'],
  ['330213002000', '岳林街道', '街道'],
  ['330213003000', '江口街道', '街道'],
  ['330213004000', '西坞街道', '街道'],
  ['330213005000', '萧王庙街道', '街道'],
  ['330213006000', '方桥街道', '街道'],
  ['330213007000', '尚田街道', '街道'],
  ['330213008000', '莼湖街道', '街道'],
  ['330213100000', '溪口镇', '镇'],
  ['330213106000', '裘村镇', '镇'],
  ['330213107000', '大堰镇', '镇'],
  ['330213108000', '松岙镇', '镇'],
];

const current = fenghuaDivisions.filter((d) => d.validTo === null);
const byCode = new Map(fenghuaDivisions.map((d) => [d.code, d]));

describe('fenghuaDivisions', () => {
  it('has 12-digit codes, unique per validity start, with existing parents', () => {
    const keys = new Set<string>();
    for (const division of fenghuaDivisions) {
      expect(division.code).toMatch(/^\d{12}$/);
      keys.add(`${division.code}@${division.validFrom}`);
      if (division.parentCode !== null) expect(byCode.has(division.parentCode)).toBe(true);
    }
    expect(keys.size).toBe(fenghuaDivisions.length);
    expect(new Set(current.map((d) => d.code)).size).toBe(current.length);
  });

  it('has ISO dates, validTo after validFrom and replacements that exist', () => {
    for (const division of fenghuaDivisions) {
      expect(division.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (division.validTo !== null) expect(division.validTo > division.validFrom).toBe(true);
      if (division.replacedBy !== null) {
        expect(division.validTo).not.toBeNull();
        expect(byCode.get(division.replacedBy)?.validTo).toBeNull();
      }
    }
  });

  it('has one current district, 奉化区, replacing 奉化市', () => {
    const districts = current.filter((d) => d.level === 'district');
    expect(districts.map((d) => [d.code, d.name, d.kind])).toEqual([[FENGHUA_DISTRICT_CODE, '奉化区', '区']]);
    expect(byCode.get('330283000000')).toMatchObject({ name: '奉化市', replacedBy: FENGHUA_DISTRICT_CODE });
  });

  it('has the 12 townships of DOMAIN.md exactly, which are also those of the 2023 list', () => {
    const towns = current.filter((d) => d.level === 'town');
    expect(towns.map((d) => [d.code, d.name, d.kind])).toEqual(DOMAIN_TOWNSHIPS);
    expect(towns2023.map((t) => [t.code, t.name])).toEqual(
      DOMAIN_TOWNSHIPS.map(([code, name]) => [code, name]),
    );
    expect(towns.every((d) => d.parentCode === FENGHUA_DISTRICT_CODE && d.lng !== null)).toBe(true);
  });

  it('keeps 尚田镇 and 莼湖镇 as historic rows replaced by the 2019 街道', () => {
    expect(byCode.get('330213103000')).toMatchObject({ name: '尚田镇', replacedBy: '330213007000' });
    expect(byCode.get('330213104000')).toMatchObject({ name: '莼湖镇', replacedBy: '330213008000' });
    expect(currentTownshipCode('330213104000')).toBe('330213008000');
    expect(currentTownshipCode('330213100000')).toBe('330213100000');
  });

  it('puts every village under one of the 12 current townships', () => {
    const townCodes = new Set(DOMAIN_TOWNSHIPS.map(([code]) => code));
    const villages = current.filter((d) => d.level === 'village');
    expect(villages).toHaveLength(villages2023.length);
    for (const village of villages) expect(townCodes.has(village.parentCode ?? '')).toBe(true);
    // The 2023 list has no village left under the old 尚田镇/莼湖镇 codes (103/104).
    const remapped = villages2023.filter((row) => currentTownshipCode(row.townCode) !== row.townCode);
    expect(remapped).toEqual([]);
  });

  it('holds the 2023 counts per township (a changed extract shows here)', () => {
    const counts = Object.fromEntries(
      fenghuaTownships.map((t) => [t.name, current.filter((d) => d.parentCode === t.code).length]),
    );
    expect(counts).toEqual({
      锦屏街道: 34,
      岳林街道: 25,
      江口街道: 24,
      西坞街道: 26,
      萧王庙街道: 21,
      方桥街道: 20,
      尚田街道: 32,
      莼湖街道: 43,
      溪口镇: 59,
      裘村镇: 17,
      大堰镇: 24,
      松岙镇: 12,
    });
  });

  it('is sorted by code in the extracted list', () => {
    const codes = villages2023.map((row) => row.code);
    expect(codes).toEqual([...codes].sort());
  });
});

describe('village rows', () => {
  it('classifies by the NBS code rule', () => {
    expect(villageKind('330213001005')).toBe('社区');
    expect(villageKind('330213004001')).toBe('社区');
    expect(villageKind('330213001200')).toBe('村');
    expect(villageKind('330213001501')).toBe('村');
  });

  it('names a village after its committee without 委会', () => {
    expect(villageDisplayName('西岸村委会')).toBe('西岸村');
    expect(villageDisplayName('周村委会')).toBe('周村');
    expect(villageDisplayName('南门社区')).toBe('南门社区');
    expect(villageDisplayName('西坞居委会')).toBe('西坞居委会');
  });

  it('agrees between kind and name suffix for every extracted row', () => {
    for (const row of villages2023) {
      const kind = villageKind(row.code);
      if (row.name.endsWith('村委会')) expect(kind).toBe('村');
      if (row.name.endsWith('社区') || row.name.endsWith('居委会')) expect(kind).toBe('社区');
    }
  });

  it('parents rows under old township codes to the new 街道', () => {
    const [village] = villageDivisions([
      { code: '330213103201', name: '冷西村委会', townCode: '330213103000' },
    ]);
    expect(village).toMatchObject({
      parentCode: '330213007000',
      name: '冷西村',
      kind: '村',
      level: 'village',
    });
  });
});
