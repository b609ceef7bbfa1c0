import type { DivisionInput } from '@zhizhi/kernel/org';
import villageRows from '../data/villages.json' with { type: 'json' };

/** One administrative division row for `org_division` (the kernel's import shape). */
export type DivisionSeed = DivisionInput;

/** A current township (街道/镇) with the extra facts other pack files need. */
export type TownshipSeed = {
  code: string;
  name: string;
  kind: '街道' | '镇';
  /** Hanyu pinyin of the place name without the 街道/镇 suffix, for English names. */
  pinyin: string;
  validFrom: string;
  /** Approximate seat of the township government, WGS 84. */
  lng: number;
  lat: number;
};

export const FENGHUA_DISTRICT_CODE = '330213000000';

// 国务院 国函〔2016〕158号 of 2016-09-14 approved 撤销县级奉化市、设立宁波市奉化区 (the province's
// notice 浙政发〔2016〕36号 followed on 2016-09-28). The approval date is used as the change date.
const DISTRICT_FROM = '2016-09-14';
// 浙江省人民政府 approved 撤销尚田镇、莼湖镇 (设立尚田街道、莼湖街道) on 2019-08-26, per a secondary
// source; the official document was not available offline, so treat this date as assumed.
const STREETS_2019_FROM = '2019-08-26';

// Seats are approximate, from general map knowledge and possibly a few kilometres off, not surveyed:
// good enough to place a label and seed approximate township polygons; replace with surveyed points.
function township(
  code: string,
  name: string,
  pinyin: string,
  lng: number,
  lat: number,
  validFrom = DISTRICT_FROM,
): TownshipSeed {
  return { code, name, kind: name.endsWith('街道') ? '街道' : '镇', pinyin, validFrom, lng, lat };
}

export const fenghuaTownships: TownshipSeed[] = [
  township('330213001000', '锦屏街道', 'Jinping', 121.406, 29.655),
  township('330213002000', '岳林街道', 'Yuelin', 121.422, 29.662),
  township('330213003000', '江口街道', 'Jiangkou', 121.432, 29.706),
  township('330213004000', '西坞街道', 'Xiwu', 121.476, 29.672),
  township('330213005000', '萧王庙街道', 'Xiaowangmiao', 121.336, 29.658),
  township('330213006000', '方桥街道', 'Fangqiao', 121.463, 29.738),
  township('330213007000', '尚田街道', 'Shangtian', 121.398, 29.598, STREETS_2019_FROM),
  township('330213008000', '莼湖街道', 'Chunhu', 121.528, 29.572, STREETS_2019_FROM),
  township('330213100000', '溪口镇', 'Xikou', 121.24, 29.68),
  township('330213106000', '裘村镇', 'Qiucun', 121.598, 29.565),
  township('330213107000', '大堰镇', 'Dayan', 121.226, 29.558),
  township('330213108000', '松岙镇', "Song'ao", 121.686, 29.566),
];

/** Township codes of older lists and the code that replaced each (撤镇设街道, 2019). */
export const RENAMED_TOWNSHIP_CODES: Readonly<Record<string, string>> = {
  '330213103000': '330213007000',
  '330213104000': '330213008000',
};

const historicDivisions: DivisionSeed[] = [
  {
    code: '330283000000',
    name: '奉化市',
    level: 'district',
    kind: '县级市',
    parentCode: null,
    validFrom: '1988-10-05', // 撤县设市 in 1988 (sources agree on the year); month and day assumed
    validTo: '2016-09-13',
    replacedBy: FENGHUA_DISTRICT_CODE,
    lng: 121.406,
    lat: 29.655,
    sort: 100,
  },
  {
    code: '330213103000',
    name: '尚田镇',
    level: 'town',
    kind: '镇',
    parentCode: FENGHUA_DISTRICT_CODE,
    validFrom: DISTRICT_FROM, // the 330213 code exists only since the district did
    validTo: '2019-08-25',
    replacedBy: '330213007000',
    lng: 121.398,
    lat: 29.598,
    sort: 100,
  },
  {
    code: '330213104000',
    name: '莼湖镇',
    level: 'town',
    kind: '镇',
    parentCode: FENGHUA_DISTRICT_CODE,
    validFrom: DISTRICT_FROM,
    validTo: '2019-08-25',
    replacedBy: '330213008000',
    lng: 121.528,
    lat: 29.572,
    sort: 101,
  },
];

/** A village-level row as extracted from the NBS 2023 list (see scripts/extract-divisions.mjs). */
export type VillageRow = { code: string; name: string; townCode: string };

/**
 * Village-level kind from the NBS code rule: 001–199 居委会 (社区), 200–399 村委会,
 * 400–599 "类似居委会/村委会" (here: farm and forest 生活区, treated as 村).
 */
export function villageKind(code: string): '社区' | '村' {
  return Number(code.slice(9, 12)) < 200 ? '社区' : '村';
}

/** Display name: 西岸村委会 → 西岸村 (the committee names the village); 居委会/社区 names stay as published. */
export function villageDisplayName(statName: string): string {
  return statName.endsWith('村委会') ? statName.slice(0, -2) : statName;
}

/** Maps a township code from an older list to the current one (identity for current codes). */
export function currentTownshipCode(code: string): string {
  return RENAMED_TOWNSHIP_CODES[code] ?? code;
}

/** Village-level divisions from the extracted 2023 list, parented to current township codes. */
export function villageDivisions(rows: readonly VillageRow[]): DivisionSeed[] {
  const townFrom = new Map(fenghuaTownships.map((town) => [town.code, town.validFrom]));
  const seq = new Map<string, number>();
  return rows.map((row) => {
    const parentCode = currentTownshipCode(row.townCode);
    const sort = (seq.get(parentCode) ?? 0) + 1;
    seq.set(parentCode, sort);
    return {
      code: row.code,
      name: villageDisplayName(row.name),
      level: 'village',
      kind: villageKind(row.code),
      parentCode,
      // Real per-village dates are unknown; the township's start date is assumed.
      validFrom: townFrom.get(parentCode) ?? DISTRICT_FROM,
      validTo: null,
      replacedBy: null,
      lng: null,
      lat: null,
      sort,
    };
  });
}

/** The raw village-level rows of the NBS 2023 list (names as published, e.g. 西岸村委会). */
export const fenghuaVillageRows: readonly VillageRow[] = villageRows;

/** Every division of the Fenghua pack: district, 12 townships, villages/communities, historic rows. */
export const fenghuaDivisions: DivisionSeed[] = [
  {
    code: FENGHUA_DISTRICT_CODE,
    name: '奉化区',
    level: 'district',
    kind: '区',
    parentCode: null,
    validFrom: DISTRICT_FROM,
    validTo: null,
    replacedBy: null,
    // District government, 锦屏南路1号 (approximate).
    lng: 121.407,
    lat: 29.655,
    sort: 0,
  },
  ...fenghuaTownships.map(
    (town, i): DivisionSeed => ({
      code: town.code,
      name: town.name,
      level: 'town',
      kind: town.kind,
      parentCode: FENGHUA_DISTRICT_CODE,
      validFrom: town.validFrom,
      validTo: null,
      replacedBy: null,
      lng: town.lng,
      lat: town.lat,
      sort: i + 1,
    }),
  ),
  ...villageDivisions(villageRows),
  ...historicDivisions,
];
