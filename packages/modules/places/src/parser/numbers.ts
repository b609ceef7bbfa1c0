import type { AddressLabel } from '../types';
import { isDigit, isHan, isLetter, isNumeralChar, numeralValue } from './chars';

/** One labelled piece of a candidate (a candidate may label several pieces, e.g. `2-1-301`). */
export interface Piece {
  label: AddressLabel;
  start: number;
  end: number;
  normalized: string;
  code?: string | null;
  /** The building of a compact `a-b` (building-room), which fits an estate but not a village. */
  compact?: boolean;
}

/** A way to read the text from a position: its end, the pieces it labels and how good it is. */
export interface Candidate {
  end: number;
  pieces: Piece[];
  /** Points per character covered; the search adds transition bonuses and penalties. */
  score: number;
}

interface NumberToken {
  end: number;
  value: string;
}

/** A number at `pos`: Arabic digits, Chinese numerals (二十六, 五零二) or one Latin letter (A座). */
function readNumber(text: string, pos: number): NumberToken | null {
  const first = text[pos];
  if (isDigit(first)) {
    if (isDigit(text[pos - 1])) return null;
    let end = pos;
    while (isDigit(text[end])) end++;
    return { end, value: String(Number(text.slice(pos, end))) };
  }
  if (isNumeralChar(first)) {
    if (isNumeralChar(text[pos - 1])) return null;
    let end = pos;
    while (isNumeralChar(text[end])) end++;
    const value = numeralValue(text.slice(pos, end));
    return value === null ? null : { end, value: String(value) };
  }
  if (isLetter(first) && !isLetter(text[pos - 1]) && !isLetter(text[pos + 1])) {
    return { end: pos + 1, value: (first as string).toUpperCase() };
  }
  return null;
}

/** Digits or numerals only (sub-numbers, compact parts). */
function readPlainNumber(text: string, pos: number): NumberToken | null {
  if (isLetter(text[pos])) return null;
  return readNumber(text, pos);
}

function startsWith(text: string, pos: number, word: string): boolean {
  return text.startsWith(word, pos);
}

const BUILDING_UNITS = ['号楼', '#楼', '幢', '栋', '座', '#', '号院'];

function piece(label: AddressLabel, start: number, end: number, normalized: string): Piece {
  return { label, start, end, normalized };
}

/**
 * Candidates for a number element at `pos`: door numbers (26号, 26号附1, 26-1号), buildings (3幢,
 * 3栋, 3号楼, 3#), units, floors, rooms, village groups (第三组), and compact forms (2-1-301).
 * Ambiguous ones (26号, 5楼, a bare number) yield one candidate per reading; the search picks by
 * context.
 */
export function numberCandidates(text: string, pos: number): Candidate[] {
  let start = pos;
  let cursor = pos;
  const ordinal = text[pos] === '第';
  if (ordinal) cursor++;
  const number = readNumber(text, cursor);
  if (!number) return [];
  const out: Candidate[] = [];
  const n = number.value;
  let at = number.end;
  const letter = isLetter(text[cursor]);

  if (ordinal) {
    if (startsWith(text, at, '村民小组')) out.push(one('village_group', start, at + 4, `${n}组`));
    else if (startsWith(text, at, '组')) out.push(one('village_group', start, at + 1, `${n}组`));
    else if (startsWith(text, at, '幢') || startsWith(text, at, '栋'))
      out.push(one('houseno', start, at + 1, `${n}幢`));
    else if (startsWith(text, at, '单元')) out.push(one('cellno', start, at + 2, `${n}单元`));
    else if (startsWith(text, at, '层')) out.push(one('floorno', start, at + 1, `${n}层`));
    return out;
  }
  start = cursor;

  // Sub-number written before 号: 26-1号, 26之1号, 26附1号.
  if (!letter && (text[at] === '-' || text[at] === '之' || text[at] === '附')) {
    const sub = readPlainNumber(text, at + 1);
    if (sub) {
      if (text[sub.end] === '号' && text[sub.end + 1] !== '楼') {
        out.push(one('roadno', start, sub.end + 1, `${n}-${sub.value}号`));
      }
      if (text[at] === '-') out.push(...compactCandidates(text, start, n, sub));
      else if (text[sub.end] !== '号') out.push(one('roadno', start, sub.end, `${n}-${sub.value}号`));
      return out;
    }
  }

  for (const unit of BUILDING_UNITS) {
    if (startsWith(text, at, unit)) {
      out.push(one('houseno', start, at + unit.length, `${n}幢`));
      return out;
    }
  }
  if (letter) {
    if (startsWith(text, at, '区')) out.push(one('subpoi', start, at + 1, `${n}区`));
    return out;
  }
  if (startsWith(text, at, '村民小组')) return [one('village_group', start, at + 4, `${n}组`)];
  if (startsWith(text, at, '组')) return [one('village_group', start, at + 1, `${n}组`)];
  if (startsWith(text, at, '单元')) return [one('cellno', start, at + 2, `${n}单元`)];
  if (startsWith(text, at, '层')) return [one('floorno', start, at + 1, `${n}层`)];
  if (startsWith(text, at, '室')) return [one('roomno', start, at + 1, `${n}室`)];
  if (startsWith(text, at, '楼')) {
    return [one('floorno', start, at + 1, `${n}层`), one('houseno', start, at + 1, `${n}幢`, -0.3)];
  }
  if (startsWith(text, at, '号')) {
    at++;
    // 26号附1(号), 26号之1
    if (text[at] === '附' || text[at] === '之' || text[at] === '-') {
      const sub = readPlainNumber(text, at + 1);
      if (sub) {
        const end = text[sub.end] === '号' ? sub.end + 1 : sub.end;
        return [one('roadno', start, end, `${n}-${sub.value}号`)];
      }
    }
    return [
      one('roadno', start, at, `${n}号`),
      one('subroadno', start, at, `${n}号`),
      one('houseno', start, at, `${n}幢`, -0.3),
      one('roomno', start, at, `${n}室`, -0.3),
    ];
  }
  // A bare number: only where it ends (a separator, the end, or a Han character that starts
  // something else), as in 阳光花园3幢2单元502 or 中山东路26.
  if (isDigit(text[at]) || isNumeralChar(text[at])) return out;
  if (isHan(text[start]) && !isDigit(text[start])) return out; // bare Chinese numerals are names (三门)
  out.push(one('roomno', start, at, `${n}室`, -0.2));
  out.push(one('roadno', start, at, `${n}号`, -0.4));
  return out;
}

function one(label: AddressLabel, start: number, end: number, normalized: string, bonus = 0): Candidate {
  return { end, pieces: [piece(label, start, end, normalized)], score: 2 * (end - start) + bonus };
}

/** `a-b-c` → building a, unit b, room c; `a-b` → building a, room b. */
function compactCandidates(text: string, start: number, a: string, b: NumberToken): Candidate[] {
  const out: Candidate[] = [];
  const aEnd = text.indexOf('-', start);
  if (aEnd < 0 || aEnd >= b.end) return out;
  if (text[b.end] === '-') {
    const c = readPlainNumber(text, b.end + 1);
    if (c && !isDigit(text[c.end])) {
      const end = text[c.end] === '室' || text[c.end] === '号' ? c.end + 1 : c.end;
      out.push({
        end,
        pieces: [
          piece('houseno', start, aEnd, `${a}幢`),
          piece('cellno', aEnd + 1, b.end, `${b.value}单元`),
          piece('roomno', b.end + 1, end, `${c.value}室`),
        ],
        score: 2 * (end - start),
      });
    }
    return out;
  }
  if (text[b.end] === '号') return out;
  const end = text[b.end] === '室' ? b.end + 1 : b.end;
  out.push({
    end,
    pieces: [
      { ...piece('houseno', start, aEnd, `${a}幢`), compact: true },
      piece('roomno', aEnd + 1, end, `${b.value}室`),
    ],
    // Two elements cost one more PER_ELEMENT than the door number: without this, 3-304 after an
    // estate read as door 3-304号. After a road a building is out of order and in a village the
    // compact penalty applies, so 26-1 stays a door there.
    score: 2 * (end - start),
  });
  // 26-1 after a road: a door number with a sub-number (never with 室: 2-301室 is a room).
  if (text[b.end] !== '室')
    out.push({
      end,
      pieces: [piece('roadno', start, end, `${a}-${b.value}号`)],
      score: 2 * (end - start) - 0.4,
    });
  return out;
}
