import type { AddressLabel } from '../types';
import { soundSimilarity } from '../matcher/pinyin';
import { isDigit, isHan, isLetter, isNumeralChar, isSeparator } from './chars';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { type Candidate, numberCandidates } from './numbers';

// Points per character by how a name was recognised: the search prefers known names, then
// known names with one wrong character, then names recognised only by their suffix.
const SCORE = {
  full: 2.2,
  historic: 2.2,
  alias: 2.1,
  short: 1.7,
  fuzzy: 1.9,
  generic: 1.2,
  bare: 0.9,
  word: 1.6,
  remark: 1.3,
};

const ROAD_SUFFIXES = ['大道', '大街', '路', '街', '巷', '弄', '线'];
const POI_SUFFIXES = [
  '小区',
  '花园',
  '新村',
  '公寓',
  '家园',
  '山庄',
  '广场',
  '大厦',
  '中心',
  '医院',
  '学校',
  '小学',
  '中学',
  '幼儿园',
  '卫生院',
  '服务站',
  '派出所',
  '公园',
  '车站',
  '市场',
  '工业区',
  '园区',
  '苑',
  '府',
  '庭',
  '城',
  '园',
  '湾',
  '阁',
  '居',
  '坊',
  '庄',
  '站',
];
const COMMUNITY_SUFFIXES = ['居委会', '村委会', '社区', '村'];
// Administrative suffixes that end a division name inside a longer run.
const ADMIN_INSIDE = /[省市县镇乡]|街道|[^小园社]区/;
const TOWN_SUFFIXES = ['街道', '镇', '乡'];
const DISTRICT_SUFFIXES = ['区', '县'];

const ASSIST_WORDS = [
  '斜对面',
  '附近',
  '旁边',
  '对面',
  '东侧',
  '西侧',
  '南侧',
  '北侧',
  '隔壁',
  '周边',
  '边上',
  '后面',
  '前面',
  '门口',
  '东面',
  '西面',
  '南面',
  '北面',
  '往东',
  '往西',
  '往南',
  '往北',
  '东边',
  '西边',
  '南边',
  '北边',
  '东南角',
  '西南角',
  '东北角',
  '西北角',
  '旁',
  '与',
  '和',
  '跟',
  '同',
];
/** Words joining two roads (中山东路与南山路): an `assist` only right after a road. */
export const CONNECTORS = new Set(['与', '和', '跟', '同']);
// Generic names never start with a verb of a delivery remark (放驿站, 送货上门, 请敲门).
const NAME_START_STOP = new Set([
  '放',
  '送',
  '请',
  '寄',
  '交',
  '家',
  '电',
  '麻',
  '和',
  '与',
  '跟',
  '同',
  '第',
  '组',
]);
// A remark starts with one of these and runs to the end of its Han run: 放菜鸟驿站, 请放物业.
const REMARK_STARTS = ['放', '请', '送', '寄', '麻烦', '电话', '联系', '快递', '代收'];
const REMARK_FIRST = new Set(REMARK_STARTS.map((word) => word[0] as string));
const INTERSECTION_WORDS = ['十字路口', '丁字路口', '交叉口', '交界处', '交汇处', '路口'];
// Characters that end a name run: units that follow numbers.
const NAME_STOP = new Set(['号', '幢', '栋', '单', '室', '层', '#']);

const SUFFIX_LAST = new Set(
  [
    ...ROAD_SUFFIXES,
    ...POI_SUFFIXES,
    ...COMMUNITY_SUFFIXES,
    ...TOWN_SUFFIXES,
    ...DISTRICT_SUFFIXES,
    '市',
    '省',
  ].map((suffix) => suffix[suffix.length - 1] as string),
);
const WORD_FIRST = new Set([...ASSIST_WORDS, ...INTERSECTION_WORDS].map((word) => word[0] as string));

// Suffixes by their last character, longest first: 街道 before 道, 小区 before 区.
const SUFFIXES_BY_LAST = new Map<string, [string, AddressLabel][]>();
for (const [suffixes, label] of [
  [TOWN_SUFFIXES, 'town'],
  [COMMUNITY_SUFFIXES, 'community'],
  [ROAD_SUFFIXES, 'road'],
  [POI_SUFFIXES, 'poi'],
  [DISTRICT_SUFFIXES, 'district'],
  [['市'], 'city'],
  [['省'], 'prov'],
] as [string[], AddressLabel][]) {
  for (const suffix of suffixes) {
    const last = suffix[suffix.length - 1] as string;
    const list = SUFFIXES_BY_LAST.get(last) ?? [];
    list.push([suffix, label]);
    SUFFIXES_BY_LAST.set(last, list);
  }
}
for (const list of SUFFIXES_BY_LAST.values()) list.sort((a, b) => b[0].length - a[0].length);

export function suffixLabel(name: string): AddressLabel | null {
  const list = SUFFIXES_BY_LAST.get(name[name.length - 1] as string);
  if (!list) return null;
  for (const [suffix, label] of list) if (name.length > suffix.length && name.endsWith(suffix)) return label;
  return null;
}

function fromEntry(entry: GazetteerEntry, start: number, end: number, perChar: number): Candidate {
  return {
    end,
    pieces: [{ label: entry.label, start, end, normalized: entry.normalized, code: entry.code }],
    score: perChar * (end - start),
  };
}

/** What the candidate search precomputes once per address. */
export interface ScanContext {
  /** Exact gazetteer matches starting at each position. */
  matches: { end: number; entries: GazetteerEntry[] }[][];
  /**
   * Where an element may end: the end, a number, a separator, or the start of a known name. Fuzzy
   * lookups (one wrong character) are tried only for spans ending at such a boundary…
   */
  boundary: Uint8Array;
  /**
   * …and starting where an element may start: the beginning, after a mark, a number or a known
   * name, or where any candidate read so far ends (filled in as the search moves on).
   */
  start: Uint8Array;
  /** Where each run of name characters (Han, not a number unit) ends. */
  runEnd: Int32Array;
  /** `start` before the search added candidate ends: where one-typo lookups are tried. */
  fuzzyStart: Uint8Array;
}

export function scanContext(text: string, gazetteer: Gazetteer): ScanContext {
  const n = text.length;
  const matches: ScanContext['matches'] = new Array(n);
  const boundary = new Uint8Array(n + 1);
  const start = new Uint8Array(n + 1);
  boundary[n] = 1;
  start[0] = 1;
  const runEnd = new Int32Array(n + 1);
  runEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const ch = text[i];
    runEnd[i] = isHan(ch) && !NAME_STOP.has(ch as string) ? (runEnd[i + 1] as number) : i;
  }
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    const found = gazetteer.matchAt(text, i);
    matches[i] = found;
    // Anything but a name character ends a name: digits, numerals, units, marks, letters.
    const mark = !isHan(ch) || isNumeralChar(ch) || NUMBER_UNITS.has(ch as string);
    if (mark || found.length > 0) boundary[i] = 1;
    if (mark || NUMBER_UNITS.has(ch as string)) start[i + 1] = 1;
    for (const match of found) start[match.end] = 1;
  }
  return { matches, boundary, start, runEnd, fuzzyStart: start.slice() };
}

const NUMBER_UNITS = new Set(['号', '幢', '栋', '座', '元', '层', '楼', '室', '组']);

/** Every candidate reading starting at `pos` of the (character-folded) text. */
export function candidatesAt(
  text: string,
  pos: number,
  gazetteer: Gazetteer,
  context: ScanContext,
): Candidate[] {
  const out: Candidate[] = [];
  const ch = text[pos];
  if (ch === undefined || isSeparator(ch)) return out;

  let longestKnown = 0;
  for (const match of context.matches[pos] ?? []) {
    longestKnown = Math.max(longestKnown, match.end);
    for (const entry of match.entries) out.push(fromEntry(entry, pos, match.end, SCORE[entry.kind]));
  }

  if (ch === '第' || isDigit(ch) || isNumeralChar(ch) || isLetter(ch)) {
    for (const candidate of numberCandidates(text, pos)) out.push(candidate);
  }

  if (WORD_FIRST.has(ch)) {
    for (const word of INTERSECTION_WORDS) {
      if (text.startsWith(word, pos)) out.push(word1('intersection', pos, word));
    }
    for (const word of ASSIST_WORDS) {
      if (!text.startsWith(word, pos)) continue;
      // 往南50米: a direction with its distance.
      const distance = word.startsWith('往') ? /^\d+(米|公里)/.exec(text.slice(pos + word.length)) : null;
      out.push(word1('assist', pos, distance ? word + distance[0] : word));
    }
  }
  for (const start of REMARK_FIRST.has(ch) ? REMARK_STARTS : []) {
    if (!text.startsWith(start, pos)) continue;
    let end = pos + start.length;
    while (end < text.length && isHan(text[end])) end++;
    out.push({
      end,
      pieces: [{ label: 'otherinfo', start: pos, end, normalized: text.slice(pos, end) }],
      score: SCORE.remark * (end - pos),
    });
  }

  // Known names with one character wrong anywhere, the last included (剡禾璐, 桃源社曲).
  if (isHan(ch) && context.fuzzyStart[pos] === 1) {
    for (const { end, entry } of gazetteer.fuzzyAt(text, pos, context.boundary, longestKnown)) {
      // A homophone typo (剡禾璐 for 剡禾路) beats a different-sounding one (剡禾村).
      const sound = soundSimilarity(text.slice(pos, end), entry.normalized);
      out.push(fromEntry(entry, pos, end, SCORE.fuzzy + 0.15 * sound));
    }
  }

  // Names recognised by their suffix (中山冬路, 阳光华园): runs of Han characters, at most 14 long.
  if (
    context.start[pos] === 1 &&
    isHan(ch) &&
    !NAME_STOP.has(ch) &&
    !NAME_START_STOP.has(ch) &&
    !isNumeralChar(ch)
  ) {
    const last = Math.min(context.runEnd[pos] as number, pos + 14);
    for (let end = Math.max(pos + 2, longestKnown + 1); end <= last; end++) {
      // A name without a known suffix right before a building or door number is a place name
      // (阳光华圆1幢, 上白岩十五号): a weak reading, better than leaving it unlabelled.
      const suffixEnd = SUFFIX_LAST.has(text[end - 1] as string);
      const next = text[end];
      const bare = (isDigit(next) || isNumeralChar(next)) && numberFollows(text, end);
      if (!bare && !suffixEnd) continue;
      const name = text.slice(pos, end);
      const suffixed = suffixEnd ? suffixLabel(name) : null;
      // …or a known name written with homophones (阳光华圆 for 阳光花园, 冬岭 for 东岭).
      const soundsLike = !suffixed && bare ? gazetteer.soundAlike(name) : null;
      if (soundsLike) {
        out.push(fromEntry(soundsLike, pos, end, SCORE.fuzzy));
        continue;
      }
      const label = suffixed ?? (bare ? 'poi' : null);
      // An unknown name never runs across an administrative suffix (奉化市|莼湖镇, not one name).
      if (label && !ADMIN_INSIDE.test(name.slice(0, -1)))
        out.push({
          end,
          pieces: [{ label, start: pos, end, normalized: name }],
          score: (suffixed ? SCORE.generic : SCORE.bare) * (end - pos),
        });
    }
  }
  // An element starts where another one ends: names guessed from their suffix or position are
  // tried only there (positions are visited in order, so later ones see these marks).
  for (const candidate of out) context.start[candidate.end] = 1;
  return out;
}

/** A number with a unit starts at `at` (digits, or Chinese numerals followed by 号/幢/组 …). */
function numberFollows(text: string, at: number): boolean {
  if (isDigit(text[at])) return true;
  if (!isNumeralChar(text[at])) return false;
  let end = at;
  while (isNumeralChar(text[end])) end++;
  return NAME_STOP.has(text[end] as string) || text[end] === '组';
}

function word1(label: AddressLabel, pos: number, word: string): Candidate {
  return {
    end: pos + word.length,
    pieces: [{ label, start: pos, end: pos + word.length, normalized: word }],
    score: SCORE.word * word.length,
  };
}
