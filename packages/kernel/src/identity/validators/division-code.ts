import { failure, type ValidationFailure } from './validation-result';

/** The level a 12-digit division code names. */
export type DivisionLevel = 'province' | 'city' | 'district' | 'town' | 'village';

/** What the township digits suggest: 001–099 街道, 100–199 镇, 200–399 乡, others special areas. */
export type TownKind = 'subdistrict' | 'town' | 'township' | 'other';

/** What the village digits suggest: 001–199 居委会 (社区), 200–399 村委会, others special areas. */
export type VillageKind = 'community' | 'village' | 'other';

/** What a structurally valid division code tells. */
export interface DivisionCodeInfo {
  ok: true;
  value: string;
  level: DivisionLevel;
  /** Digits 1–6 (GB/T 2260 county-level code; `330200` for a city, `330000` for a province). */
  countyCode: string;
  /** Hint from digits 7–9; null above town level. */
  townKind: TownKind | null;
  /** Hint from digits 10–12; null above village level. */
  villageKind: VillageKind | null;
  /** Chinese kind of the division itself for a town or village (街道, 镇, 乡, 居委会, 村委会, 其他). */
  kindName: string | null;
  /** The code of the level above; null for a province. */
  parentCode: string | null;
}

export type DivisionCodeResult = DivisionCodeInfo | ValidationFailure<'identity.division_code.format'>;

// Province-level prefixes of GB/T 2260; stable since 1997 (重庆 50).
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

const TOWN_KIND_NAMES: Record<TownKind, string> = {
  subdistrict: '街道',
  town: '镇',
  township: '乡',
  other: '其他',
};
const VILLAGE_KIND_NAMES: Record<VillageKind, string> = {
  community: '居委会',
  village: '村委会',
  other: '其他',
};

function townKind(digits: number): TownKind {
  if (digits < 100) return 'subdistrict';
  if (digits < 200) return 'town';
  if (digits < 400) return 'township';
  return 'other';
}

function villageKind(digits: number): VillageKind {
  if (digits < 200) return 'community';
  if (digits < 400) return 'village';
  return 'other';
}

/**
 * Checks the structure of a 12-digit division code (2 province, 2 city, 2 county, 3 township,
 * 3 village): a known province prefix, and no level filled in below an empty one. Says which
 * level it names and what kind of township or village the digits suggest. It does not check
 * that the division exists: codes change over time and the region pack holds the real list.
 */
export function validateDivisionCode(code: unknown): DivisionCodeResult {
  const value = typeof code === 'string' ? code.trim() : '';
  const invalid = (why: string) => failure('identity.division_code.format', `A division code ${why}.`);
  if (!/^\d{12}$/.test(value)) return invalid('has exactly 12 digits');
  if (!PROVINCES.has(value.slice(0, 2))) return invalid('starts with a province code');
  const parts = [value.slice(2, 4), value.slice(4, 6), value.slice(6, 9), value.slice(9, 12)];
  const depth = parts.findIndex((part) => /^0+$/.test(part));
  const filled = depth === -1 ? 4 : depth;
  if (parts.slice(filled).some((part) => !/^0+$/.test(part))) {
    return invalid('cannot name a lower level under an empty one');
  }
  const level: DivisionLevel = (['province', 'city', 'district', 'town', 'village'] as const)[filled];
  const lengths = [2, 4, 6, 9, 12];
  const town = filled >= 3 ? townKind(Number(parts[2])) : null;
  const village = filled === 4 ? villageKind(Number(parts[3])) : null;
  return {
    ok: true,
    value,
    level,
    countyCode: value.slice(0, 6),
    townKind: town,
    villageKind: village,
    kindName: village ? VILLAGE_KIND_NAMES[village] : town ? TOWN_KIND_NAMES[town] : null,
    parentCode: filled === 0 ? null : value.slice(0, lengths[filled - 1]).padEnd(12, '0'),
  };
}
