import { ADDRESS_LABELS, type AddressElement, type AddressLabel, type ParsedAddress } from '../types';
import { CONNECTORS, candidatesAt, scanContext, suffixLabel } from './candidates';
import { foldChars, isDigit, isHan, isLetter, isSeparator } from './chars';
import type { Gazetteer } from './gazetteer';
import type { Candidate, Piece } from './numbers';

// The order elements appear in a Chinese address, coarse to fine. Neutral labels (assist,
// intersection, redundant, otherinfo) do not move the position.
const RANK: Partial<Record<AddressLabel, number>> = {
  prov: 1,
  city: 2,
  district: 3,
  devzone: 4,
  town: 5,
  community: 6,
  village_group: 7,
  road: 8,
  roadno: 9,
  subroad: 10,
  subroadno: 11,
  poi: 12,
  subpoi: 13,
  houseno: 14,
  cellno: 15,
  floorno: 16,
  roomno: 17,
};
const STATES = 18;
const LABEL_OF_RANK: AddressLabel[] = [];
for (const [label, rank] of Object.entries(RANK)) LABEL_OF_RANK[rank as number] = label as AddressLabel;

// Labels whose predecessor is fixed rather than merely coarser.
const AFTER: Partial<Record<AddressLabel, readonly AddressLabel[]>> = {
  roadno: ['road', 'poi', 'village_group', 'community'],
  subroadno: ['subroad'],
  subpoi: ['poi'],
  houseno: ['poi', 'subpoi', 'roadno', 'village_group', 'community'],
  cellno: ['houseno'],
  floorno: ['cellno', 'houseno'],
  roomno: ['floorno', 'cellno', 'houseno'],
};

const OUT_OF_ORDER = -3;
const REPEAT = -1.5;
const PER_ELEMENT = -0.3;
const SKIP_NAME_CHAR = -1.2;
const COMPACT_IN_VILLAGE = -0.5;
const BEAM = 8;

// The last transition's outcome (module-level: the search calls this in its innermost loop).
let stepBonus = 0;
let stepRank = 0;

function transition(prevRank: number, label: AddressLabel, normalized: string, compact = false): void {
  if (label === 'assist' && CONNECTORS.has(normalized)) {
    const prev = LABEL_OF_RANK[prevRank];
    stepBonus = prev === 'road' || prev === 'roadno' ? 0 : OUT_OF_ORDER;
    stepRank = prevRank;
    return;
  }
  const rank = RANK[label];
  stepRank = rank ?? prevRank;
  if (rank === undefined) {
    stepBonus = 0;
    return;
  }
  const prev = LABEL_OF_RANK[prevRank];
  const fixed = AFTER[label];
  if (fixed) {
    stepBonus = prev && fixed.includes(prev) ? 0 : OUT_OF_ORDER;
    // A compact building-room (3-304) belongs in an estate; in a village 5-1 is a door number.
    if (compact && (prev === 'community' || prev === 'village_group')) stepBonus += COMPACT_IN_VILLAGE;
  } else if (label === 'road' && (prev === 'road' || prev === 'roadno')) {
    // A road after a road is the second road of an intersection (relabelled `subroad` afterwards).
    stepBonus = 0;
    stepRank = RANK.road as number;
  } else {
    stepBonus = rank > prevRank ? 0 : rank === prevRank ? REPEAT : OUT_OF_ORDER;
  }
}

// Every transition precomputed: (previous rank × label) → bonus and next rank; extra columns for a
// connector word (与, 和) and a compact building (3-304), whose bonus depends on the previous element.
const LABEL_COLUMN = new Map<AddressLabel, number>(ADDRESS_LABELS.map((label, i) => [label, i]));
const CONNECTOR_COLUMN = ADDRESS_LABELS.length;
const COMPACT_COLUMN = ADDRESS_LABELS.length + 1;
const COLUMNS = ADDRESS_LABELS.length + 2;
const STEP_BONUS = new Float64Array(STATES * COLUMNS);
const STEP_RANK = new Int8Array(STATES * COLUMNS);
for (let prev = 0; prev < STATES; prev++) {
  for (let column = 0; column < COLUMNS; column++) {
    const connector = column === CONNECTOR_COLUMN;
    const compact = column === COMPACT_COLUMN;
    const label = connector ? 'assist' : compact ? 'houseno' : (ADDRESS_LABELS[column] as AddressLabel);
    transition(prev, label, connector ? '与' : '', compact);
    STEP_BONUS[prev * COLUMNS + column] = stepBonus;
    STEP_RANK[prev * COLUMNS + column] = stepRank;
  }
}

// Search tables reused across calls (parsing is synchronous, so one set per process is enough).
let tables = {
  best: new Float64Array(0),
  fromPos: new Int32Array(0),
  fromState: new Int8Array(0),
  via: [] as (Candidate | null)[],
};

function scratch(size: number) {
  if (tables.best.length < size) {
    const grown = Math.max(size, tables.best.length * 2, 1024);
    tables = {
      best: new Float64Array(grown),
      fromPos: new Int32Array(grown),
      fromState: new Int8Array(grown),
      via: new Array(grown),
    };
  }
  tables.best.fill(Number.NEGATIVE_INFINITY, 0, size);
  tables.fromPos.fill(-1, 0, size);
  tables.via.fill(null, 0, size);
  return tables;
}

/**
 * Parses one free-text address into labelled elements: a best-path search over every reading of
 * every position (known names from the gazetteer, names recognised by their suffix, numbers with
 * their units), scored by how each reading was recognised and whether elements come in address
 * order. Never throws; unknown text is kept as `otherinfo`.
 */
export function parseAddress(input: string, gazetteer: Gazetteer): ParsedAddress {
  const text = foldChars(input);
  const n = text.length;
  const size = (n + 1) * STATES;
  const { best, fromPos, fromState, via } = scratch(size);
  const context = scanContext(text, gazetteer);
  best[0] = 0;
  for (let pos = 0; pos < n; pos++) {
    // Beam: a state this far behind the best one here cannot catch up (skipping costs more).
    let top = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < STATES; s++) top = Math.max(top, best[pos * STATES + s] as number);
    if (top === Number.NEGATIVE_INFINITY) continue;
    const floor = top - BEAM;
    const skipCost = isSeparator(text[pos]) ? 0 : SKIP_NAME_CHAR;
    const candidates = candidatesAt(text, pos, gazetteer, context);
    for (let s = 0; s < STATES; s++) {
      const here = best[pos * STATES + s] as number;
      if (here < floor) continue;
      relax(pos + 1, s, here + skipCost, pos, s, null);
      for (const candidate of candidates) {
        let rank = s;
        let score = here + candidate.score;
        for (const piece of candidate.pieces) {
          const column = piece.compact
            ? COMPACT_COLUMN
            : piece.label === 'assist' && CONNECTORS.has(piece.normalized)
              ? CONNECTOR_COLUMN
              : (LABEL_COLUMN.get(piece.label) as number);
          const cell = rank * COLUMNS + column;
          score += (STEP_BONUS[cell] as number) + PER_ELEMENT;
          rank = STEP_RANK[cell] as number;
        }
        relax(candidate.end, rank, score, pos, s, candidate);
      }
    }
  }

  function relax(
    pos: number,
    state: number,
    score: number,
    prevPos: number,
    prevState: number,
    c: Candidate | null,
  ) {
    const index = pos * STATES + state;
    if (score > (best[index] as number)) {
      best[index] = score;
      fromPos[index] = prevPos;
      fromState[index] = prevState;
      via[index] = c;
    }
  }

  let state = 0;
  for (let s = 1; s < STATES; s++)
    if ((best[n * STATES + s] as number) > (best[n * STATES + state] as number)) state = s;
  const chosen: Piece[] = [];
  const covered = new Uint8Array(n);
  for (let pos = n; pos > 0; ) {
    const index = pos * STATES + state;
    const candidate = via[index];
    if (candidate) {
      for (let i = candidate.pieces.length - 1; i >= 0; i--) chosen.push(candidate.pieces[i] as Piece);
      for (let i = fromPos[index] as number; i < candidate.end; i++) covered[i] = 1;
    }
    const prev = fromPos[index] as number;
    state = fromState[index] as number;
    pos = prev;
  }
  chosen.reverse();
  return finish(input, text, chosen, covered, gazetteer);
}

const DIVISION_LABELS = new Set<AddressLabel>(['prov', 'city', 'district', 'town', 'community']);
const NAME_LABELS = new Set<AddressLabel>([...DIVISION_LABELS, 'road', 'poi', 'devzone']);

function finish(
  input: string,
  text: string,
  pieces: Piece[],
  covered: Uint8Array,
  gazetteer: Gazetteer,
): ParsedAddress {
  const elements: AddressElement[] = [];
  // Division or place codes of the elements, kept beside them (the answer has no codes).
  const codes: (string | null)[] = [];
  const seen = new Set<string>();
  let prevLabel: AddressLabel | null = null;
  let pieceIndex = 0;
  for (let pos = 0; pos <= text.length; ) {
    const next = pieces[pieceIndex];
    if (next && next.start === pos) {
      let label = next.label;
      const known =
        !next.code && (label === 'road' || label === 'poi') ? correct(gazetteer, next.normalized) : null;
      const normalized = known?.normalized ?? next.normalized;
      const key = `${label}|${normalized}`;
      if (NAME_LABELS.has(label) && seen.has(key)) label = 'redundant';
      else if (
        label === 'road' &&
        (prevLabel === 'road' || prevLabel === 'roadno' || prevLabel === 'subroad')
      )
        label = 'subroad';
      else if (label === 'roadno' && prevLabel === 'subroad') label = 'subroadno';
      seen.add(key);
      if (label === 'otherinfo') {
        pushOther(elements, codes, input, text, next.start, next.end);
        pos = next.end;
        pieceIndex++;
        continue;
      }
      elements.push(element(input, label, next.start, next.end, normalized));
      codes.push(known?.code ?? next.code ?? null);
      if (RANK[label] !== undefined) prevLabel = label;
      pos = next.end;
      pieceIndex++;
      continue;
    }
    if (pos === text.length) break;
    // A run of uncovered characters that are not separators becomes `otherinfo`.
    if (!covered[pos] && !isSeparator(text[pos])) {
      let end = pos;
      while (
        end < text.length &&
        !covered[end] &&
        pieces[pieceIndex]?.start !== end &&
        !isSeparator(text[end])
      )
        end++;
      // Runs of marks alone (---, ##) are separators too.
      const run = text.slice(pos, end);
      if (hasWordChar(run)) pushOther(elements, codes, input, text, pos, end);
      pos = end;
      continue;
    }
    pos++;
  }
  return assemble(input, elements, codes, gazetteer);
}

/**
 * A road or place name read from its suffix or position may still be a known name with one wrong
 * character or written with homophones (found here whatever surrounds it, so the standard form of
 * a name does not depend on its neighbours).
 */
function correct(gazetteer: Gazetteer, name: string): { normalized: string; code: string | null } | null {
  if (name.length < 2) return null;
  const ends = new Uint8Array(name.length + 1);
  ends[name.length] = 1;
  const typo = gazetteer.fuzzyAt(name, 0, ends, 0).find((hit) => hit.end === name.length);
  const known = typo?.entry ?? gazetteer.soundAlike(name);
  return known && (known.label === 'road' || known.label === 'poi')
    ? { normalized: known.normalized, code: known.code }
    : null;
}

function hasWordChar(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const ch = run[i] as string;
    if (isHan(ch) || isDigit(ch) || isLetter(ch)) return true;
  }
  return false;
}

/**
 * Remarks written in one run are one `otherinfo` (打 + 电话再送, 门卫 + 代收); a position word
 * glued to a remark belongs to it (门口鞋柜).
 */
function pushOther(
  elements: AddressElement[],
  codes: (string | null)[],
  input: string,
  text: string,
  start: number,
  end: number,
) {
  const last = elements.at(-1);
  if (
    last &&
    last.end === start &&
    (last.label === 'otherinfo' || (last.label === 'assist' && last.normalized === '门口'))
  ) {
    elements[elements.length - 1] = element(input, 'otherinfo', last.start, end, text.slice(last.start, end));
    return;
  }
  elements.push(element(input, 'otherinfo', start, end, text.slice(start, end)));
  codes.push(null);
}

// The tail of a standard address in tree order, and what each element needs before it: a door
// number needs its road, estate, natural village or group; a room its building, and so on.
// A door number follows its road when there is one, else its estate, natural village or group.
const TAIL_ORDER: (AddressLabel | 'roadno-after-place')[] = [
  'village_group',
  'road',
  'roadno',
  'subroad',
  'subroadno',
  'intersection',
  'poi',
  'subpoi',
  'roadno-after-place',
  'houseno',
  'cellno',
  'floorno',
  'roomno',
];
const NEEDS: Partial<Record<AddressLabel, readonly AddressLabel[]>> = {
  roadno: ['road', 'poi', 'village_group', 'community'],
  subroad: ['road'],
  subroadno: ['subroad'],
  intersection: ['subroad'],
  subpoi: ['poi'],
  houseno: ['poi', 'subpoi', 'roadno', 'village_group', 'community'],
  cellno: ['houseno'],
  floorno: ['houseno', 'cellno'],
  roomno: ['houseno', 'cellno', 'floorno'],
};

/**
 * The standard tail: the first element of each kind, in tree order, dropping what cannot stand
 * (a door number with no road, estate or village; a room with no building). Written this way,
 * parsing the standard address gives the same standard address back.
 */
function standardTail(
  found: readonly AddressElement[],
  codes: readonly (string | null)[],
  hasCommunity: boolean,
): string[] {
  const kept = new Set<AddressLabel>();
  if (hasCommunity) kept.add('community');
  const byLabel = new Map<AddressLabel, string>();
  for (let i = 0; i < found.length; i++) {
    const e = found[i] as AddressElement;
    // A name guessed only from its position (before a number, no known name, no suffix) is not
    // standard: read alone it is not recognisable as a name.
    const guessed = (e.label === 'poi' || e.label === 'road') && !codes[i] && !suffixLabel(e.normalized);
    if (!guessed && !byLabel.has(e.label)) byLabel.set(e.label, e.normalized);
  }
  const tail: string[] = [];
  for (const slot of TAIL_ORDER) {
    const label: AddressLabel = slot === 'roadno-after-place' ? 'roadno' : slot;
    if (slot === 'roadno' && !kept.has('road')) continue;
    if (kept.has(label)) continue;
    const value = byLabel.get(label);
    if (value === undefined) continue;
    const needs = NEEDS[label];
    if (needs && !needs.some((need) => kept.has(need))) continue;
    if (label === 'floorno' && byLabel.has('roomno') && (kept.has('houseno') || kept.has('cellno'))) continue;
    if (label === 'subroad') tail.push('与');
    kept.add(label);
    tail.push(value);
  }
  return tail;
}

function element(
  input: string,
  label: AddressLabel,
  start: number,
  end: number,
  normalized: string,
): AddressElement {
  return { label, value: input.slice(start, end), normalized, start, end };
}

function assemble(
  input: string,
  elements: AddressElement[],
  codes: (string | null)[],
  gazetteer: Gazetteer,
): ParsedAddress {
  // The first element of each label, and the first known road or place (one pass).
  const firstAt = new Map<AddressLabel, number>();
  let knownAt = -1;
  for (let i = 0; i < elements.length; i++) {
    const label = (elements[i] as AddressElement).label;
    if (!firstAt.has(label)) firstAt.set(label, i);
    if (knownAt < 0 && (label === 'poi' || label === 'road') && codes[i]) knownAt = i;
  }
  const first = (label: AddressLabel) => {
    const at = firstAt.get(label);
    return at === undefined
      ? undefined
      : { element: elements[at] as AddressElement, code: codes[at] ?? null };
  };
  const town = first('town');
  const known =
    knownAt >= 0
      ? { element: elements[knownAt] as AddressElement, code: codes[knownAt] as string }
      : undefined;
  const community = first('community');
  // Village names repeat across townships: take the one in the written (or implied) township.
  const wantedTown = town?.code ?? (known ? gazetteer.townOf(known.code) : null);
  if (community?.code && wantedTown && gazetteer.townOf(community.code) !== wantedTown) {
    const other = gazetteer
      .lookup(community.element.normalized)
      .find((e) => e.label === 'community' && e.code && gazetteer.townOf(e.code) === wantedTown);
    if (other) community.code = other.code;
  }
  let townCode = town?.code ?? (community?.code ? gazetteer.townOf(community.code) : null);
  let communityName = community?.element.normalized ?? null;
  let communityCode = community?.code ?? null;
  if (known) {
    const knownTown = gazetteer.townOf(known.code);
    if (!townCode || knownTown === townCode) {
      townCode = knownTown ?? townCode;
      const isVillage = !known.code.endsWith('000');
      if (!communityName && isVillage && known.element.label === 'poi') {
        communityName = gazetteer.nameOf(known.code);
        communityCode = known.code;
      }
    }
  }
  const townName = town?.element.normalized ?? (townCode ? gazetteer.nameOf(townCode) : null);
  const district = first('district');
  const inRegion = !district || district.element.normalized === gazetteer.prefix.district;
  const prov = first('prov')?.element.normalized;
  const city = first('city')?.element.normalized;
  const prefix = inRegion
    ? (prov ?? gazetteer.prefix.prov) + (city ?? gazetteer.prefix.city) + gazetteer.prefix.district
    : (prov ?? '') + (city ?? '') + (district?.element.normalized ?? '');
  const tail = standardTail(elements, codes, communityName !== null);
  const divisionCode =
    communityCode ?? townCode ?? (district?.code && inRegion ? district.code : null) ?? null;
  const standard = prefix + (townName ?? '') + (communityName ?? '') + tail.join('');
  return { input, elements, divisionCode, standard };
}
