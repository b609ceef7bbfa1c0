import { soundKey } from '../matcher/pinyin';
import type { AddressLabel } from '../types';

/** A division as the gazetteer needs it (the kernel's `org_division` rows fit). */
export interface GazetteerDivision {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'town' | 'village';
  parentCode: string | null;
  validTo?: string | null;
  replacedBy?: string | null;
}

/** A named place of the library's top level: road, estate, natural village, POI. */
export interface GazetteerPlace {
  name: string;
  label: 'road' | 'poi';
  divisionCode: string;
  aliases?: readonly string[];
}

/** One reading of a known name. */
export interface GazetteerEntry {
  label: AddressLabel;
  /** The standard name (current name for historic ones, full name for short forms). */
  normalized: string;
  /** Division code for divisions; the place's division for roads and POIs. */
  code: string | null;
  /** 'full' = the official name, 'short' = without its suffix, 'historic', 'alias'. */
  kind: 'full' | 'short' | 'historic' | 'alias';
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: GazetteerEntry[] | null;
  /** `next` as an array, made on first use by the fuzzy walk (iterating a Map allocates). */
  kids?: [string, TrieNode][];
}

export interface Gazetteer {
  /** Matches of known names starting at `pos` in `text`, shortest first. */
  matchAt(text: string, pos: number): { end: number; entries: GazetteerEntry[] }[];
  /**
   * Known roads, POIs and villages (3–8 characters) that the text at `pos` spells with exactly one
   * character wrong, ending at a boundary beyond `after`: one trie walk for every length.
   */
  fuzzyAt(
    text: string,
    pos: number,
    boundary: Uint8Array,
    after: number,
  ): { end: number; entry: GazetteerEntry }[];
  /** A known two-character name of `label` that sounds the same as `span` (toneless pinyin). */
  soundAlike(span: string): GazetteerEntry | null;
  /** Every reading of exactly `name` (all villages of that name, in every township). */
  lookup(name: string): readonly GazetteerEntry[];
  /** The division with this code, if known. */
  division(code: string): GazetteerDivision | undefined;
  /** Township code of a division code (itself for townships), following replacements. */
  townOf(code: string): string | null;
  /** Current name of a division code. */
  nameOf(code: string): string | null;
  /** Prefix names (province, city, district) for the standard string. */
  readonly prefix: { prov: string; city: string; district: string; districtCode: string };
}

// GB/T 2260 province-level codes (two digits) and names.
const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
};

// Zhejiang's prefecture-level cities (four-digit codes); other provinces' districts pass `city`.
const ZHEJIANG_CITIES: Record<string, string> = {
  '3301': '杭州市',
  '3302': '宁波市',
  '3303': '温州市',
  '3304': '嘉兴市',
  '3305': '湖州市',
  '3306': '绍兴市',
  '3307': '金华市',
  '3308': '衢州市',
  '3309': '舟山市',
  '3310': '台州市',
  '3311': '丽水市',
};

const TOWN_SUFFIXES = ['街道', '镇', '乡'];
const FUZZY_LABELS = new Set<AddressLabel>(['road', 'poi', 'community']);
const VILLAGE_SUFFIXES = ['社区', '村'];

/** Name without its administrative suffix (锦屏街道 → 锦屏, 西岸村 → 西岸), or null if too short. */
export function shortName(name: string, suffixes: readonly string[]): string | null {
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return null;
}

// Most positions start no known name: one shared empty answer instead of a new array each time.
const NO_MATCHES: { end: number; entries: GazetteerEntry[] }[] = [];

function takeFuzzy(
  found: { end: number; entry: GazetteerEntry }[],
  entries: readonly GazetteerEntry[] | null,
  end: number,
  pos: number,
  boundary: Uint8Array,
  after: number,
) {
  if (!entries || end - pos < 3 || end <= after || boundary[end] !== 1) return;
  for (const entry of entries) {
    if (entry.kind !== 'short' && FUZZY_LABELS.has(entry.label)) found.push({ end, entry });
  }
}

export interface GazetteerInput {
  /** Province, city and district rows plus the region's townships and villages (historic rows too). */
  divisions: readonly GazetteerDivision[];
  places: readonly GazetteerPlace[];
  /** Development zones (开发区) of the region. */
  devzones?: readonly string[];
  /** The region's city when the divisions hold no city row and it is not in Zhejiang's table. */
  city?: string;
}

export function createGazetteer(input: GazetteerInput): Gazetteer {
  const root: TrieNode = { next: new Map(), entries: null };
  const byCode = new Map(input.divisions.map((d) => [d.code, d]));
  // Names without their first character: a typo there cannot be walked in the trie.
  const tailIndex = new Map<string, GazetteerEntry[]>();
  const soundIndex = new Map<string, GazetteerEntry>();

  const add = (name: string, entry: GazetteerEntry) => {
    if (name.length === 0) return;
    let node = root;
    for (const ch of name) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), entries: null };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.entries ??= [];
    if (
      !node.entries.some(
        (e) => e.label === entry.label && e.normalized === entry.normalized && e.code === entry.code,
      )
    ) {
      node.entries.push(entry);
    }
  };
  const addFuzzy = (name: string, entry: GazetteerEntry) => {
    if (name.length < 3) return;
    const tail = name.slice(1);
    const tails = tailIndex.get(tail);
    if (tails) tails.push(entry);
    else tailIndex.set(tail, [entry]);
  };

  const current = (code: string): GazetteerDivision | undefined => {
    let division = byCode.get(code);
    for (let hops = 0; division?.validTo && division.replacedBy && hops < 5; hops++) {
      division = byCode.get(division.replacedBy) ?? division;
      if (!division.replacedBy) break;
    }
    return division;
  };

  for (const name of Object.values(PROVINCES)) {
    add(name, { label: 'prov', normalized: name, code: null, kind: 'full' });
    const short = name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
    if (short !== name && short.length >= 2)
      add(short, { label: 'prov', normalized: name, code: null, kind: 'short' });
  }

  let district: GazetteerDivision | undefined;
  for (const division of input.divisions) {
    const live = current(division.code) ?? division;
    const historic = division.validTo != null && live.code !== division.code;
    const kind: GazetteerEntry['kind'] = historic ? 'historic' : 'full';
    if (division.level === 'province') {
      add(division.name, { label: 'prov', normalized: live.name, code: live.code, kind });
    } else if (division.level === 'city') {
      add(division.name, { label: 'city', normalized: live.name, code: live.code, kind });
      const short = shortName(division.name, ['市']);
      if (short) add(short, { label: 'city', normalized: live.name, code: live.code, kind: 'short' });
    } else if (division.level === 'district') {
      if (!division.validTo) district = division;
      add(division.name, { label: 'district', normalized: live.name, code: live.code, kind });
      const short = shortName(division.name, ['区', '市', '县']);
      if (short) add(short, { label: 'district', normalized: live.name, code: live.code, kind: 'short' });
    } else if (division.level === 'town') {
      add(division.name, { label: 'town', normalized: live.name, code: live.code, kind });
      const short = shortName(division.name, TOWN_SUFFIXES);
      if (short) add(short, { label: 'town', normalized: live.name, code: live.code, kind: 'short' });
    } else {
      const entry: GazetteerEntry = { label: 'community', normalized: live.name, code: live.code, kind };
      add(division.name, entry);
      addFuzzy(division.name, entry);
      const short = shortName(division.name, VILLAGE_SUFFIXES);
      if (short) add(short, { ...entry, kind: 'short' });
    }
  }
  for (const name of input.devzones ?? [])
    add(name, { label: 'devzone', normalized: name, code: null, kind: 'full' });
  for (const place of input.places) {
    const entry: GazetteerEntry = {
      label: place.label,
      normalized: place.name,
      code: place.divisionCode,
      kind: 'full',
    };
    add(place.name, entry);
    addFuzzy(place.name, entry);
    const sound = soundKey(place.name);
    if (!soundIndex.has(sound)) soundIndex.set(sound, entry);
    for (const alias of place.aliases ?? []) {
      const aliasEntry: GazetteerEntry = { ...entry, kind: 'alias' };
      add(alias, aliasEntry);
      addFuzzy(alias, aliasEntry);
    }
  }

  const districtCode = district?.code ?? '';
  const cityName = input.city ?? ZHEJIANG_CITIES[districtCode.slice(0, 4)] ?? '';
  if (cityName) {
    add(cityName, { label: 'city', normalized: cityName, code: null, kind: 'full' });
    const short = shortName(cityName, ['市']);
    if (short) add(short, { label: 'city', normalized: cityName, code: null, kind: 'short' });
  }
  const prefix = {
    prov: PROVINCES[districtCode.slice(0, 2)] ?? '',
    city: cityName,
    district: district?.name ?? '',
    districtCode,
  };

  return {
    prefix,
    matchAt(text, pos) {
      let found: { end: number; entries: GazetteerEntry[] }[] | null = null;
      let node: TrieNode | undefined = root;
      for (let i = pos; i < text.length; i++) {
        node = node.next.get(text[i] as string);
        if (!node) break;
        if (!node.entries) continue;
        found ??= [];
        found.push({ end: i + 1, entries: node.entries });
      }
      return found ?? NO_MATCHES;
    },
    fuzzyAt(text, pos, boundary, after) {
      const found: { end: number; entry: GazetteerEntry }[] = [];
      // The wrong character first: look the rest up whole.
      for (let end = pos + 3; end <= pos + 8 && end <= text.length; end++) {
        if (end > after && boundary[end] === 1)
          takeFuzzy(found, tailIndex.get(text.slice(pos + 1, end)) ?? null, end, pos, boundary, after);
      }
      // Later: walk the written prefix exactly, then any other child, then exactly again.
      let node: TrieNode | undefined = root.next.get(text[pos] as string);
      for (let depth = 1; node && depth < 8 && pos + depth < text.length; depth++) {
        const written = text[pos + depth] as string;
        node.kids ??= [...node.next];
        for (const [ch, child] of node.kids) {
          if (ch === written) continue;
          let at: TrieNode | undefined = child;
          let end = pos + depth + 1;
          takeFuzzy(found, at.entries, end, pos, boundary, after);
          while (at && end < text.length && end - pos < 8) {
            at = at.next.get(text[end] as string);
            end++;
            if (at) takeFuzzy(found, at.entries, end, pos, boundary, after);
          }
        }
        node = node.next.get(written);
      }
      return found;
    },
    soundAlike(span) {
      return soundIndex.get(soundKey(span)) ?? null;
    },
    lookup(name) {
      let node: TrieNode | undefined = root;
      for (const ch of name) {
        node = node.next.get(ch);
        if (!node) return [];
      }
      return node.entries ?? [];
    },
    division: (code) => byCode.get(code),
    townOf(code) {
      let division = current(code);
      for (let hops = 0; division && division.level !== 'town' && hops < 4; hops++) {
        division = division.parentCode ? current(division.parentCode) : undefined;
      }
      return division?.level === 'town' ? division.code : null;
    },
    nameOf: (code) => current(code)?.name ?? null,
  };
}
