/**
 * The segment model: a case is a list of segments joined into the input. Spans are computed from the
 * segment lengths, so every gold span is right by construction.
 */

import { ADDRESS_LABELS, type AddressLabel } from '@zhizhi/places';

export const LABELS = ADDRESS_LABELS;

export type Label = AddressLabel;

export type NumberUnit = '号' | '幢' | '单元' | '层' | '室' | '组';

/** A parsed standard number (`26-1号` → main 26, sub 1, unit 号). */
export interface NumberInfo {
  main: number;
  sub?: number;
  unit: NumberUnit;
}

export interface Segment {
  text: string;
  /** null: separator or filler, left unlabelled. */
  label: Label | null;
  /** Standard form; defaults to `text`. */
  normalized?: string;
  /** Number parts of numbered elements, used by the number noise operators. */
  num?: NumberInfo;
  /** 12-digit code for division elements (district, town, community). */
  code?: string;
}

/** A case before ids and spans are assigned. */
export interface CaseDraft {
  segments: Segment[];
  expectedKey: string | null;
  tags: string[];
  /** Current township name used to complete the standard address when the input omits it. */
  townName: string | null;
  /** Village-level name the node's key carries (villages' own places), completed when not written. */
  keyCommunity: string | null;
}

export interface ElementRecord {
  label: Label;
  value: string;
  normalized: string;
  start: number;
  end: number;
}

export interface CaseRecord {
  id: string;
  input: string;
  elements: ElementRecord[];
  expectedKey: string | null;
  divisionCode: string | null;
  standard: string;
  tags: string[];
}

export const STANDARD_PREFIX = '浙江省宁波市奉化区';

// Elements that form the tail of the standard address, in input order.
const TAIL_LABELS: ReadonlySet<Label> = new Set([
  'road',
  'subroad',
  'roadno',
  'subroadno',
  'poi',
  'subpoi',
  'village_group',
  'houseno',
  'cellno',
  'floorno',
  'roomno',
  'intersection',
]);

/** The connector between the two roads of an intersection is kept in the standard form. */
export const ROAD_CONNECTORS: ReadonlySet<string> = new Set(['与', '和', '跟', '、']);

function norm(seg: Segment): string {
  return seg.normalized ?? seg.text;
}

/** The standard address: prefix completed, then the normalised tail elements in input order. */
export function standardOf(draft: CaseDraft): string {
  const town = draft.segments.find((s) => s.label === 'town');
  const community = draft.segments.find((s) => s.label === 'community');
  let out = STANDARD_PREFIX + (town ? norm(town) : (draft.townName ?? ''));
  const communityName = community ? norm(community) : draft.keyCommunity;
  if (communityName) out += communityName;
  for (const seg of draft.segments) {
    if (seg.label === null) continue;
    if (TAIL_LABELS.has(seg.label)) out += norm(seg);
    else if (seg.label === 'assist' && ROAD_CONNECTORS.has(norm(seg))) out += '与';
  }
  return out;
}

/** 12-digit code of the deepest division written in the input (redundant repeats ignored). */
export function divisionCodeOf(segments: readonly Segment[]): string | null {
  const rank: Partial<Record<Label, number>> = { district: 1, town: 2, community: 3 };
  let best: Segment | null = null;
  for (const seg of segments) {
    const r = seg.label ? rank[seg.label] : undefined;
    if (r === undefined || !seg.code) continue;
    if (!best || r > (rank[best.label as Label] ?? 0)) best = seg;
  }
  return best?.code ?? null;
}

/** Joins the segments and computes the spans. */
export function toRecord(id: string, draft: CaseDraft): CaseRecord {
  let input = '';
  const elements: ElementRecord[] = [];
  for (const seg of draft.segments) {
    if (seg.text.length === 0) continue;
    const start = input.length;
    input += seg.text;
    if (seg.label !== null) {
      elements.push({ label: seg.label, value: seg.text, normalized: norm(seg), start, end: input.length });
    }
  }
  return {
    id,
    input,
    elements,
    expectedKey: draft.expectedKey,
    divisionCode: divisionCodeOf(draft.segments),
    standard: standardOf(draft),
    tags: [...draft.tags].sort(),
  };
}

/** Tags that make a case hard; `missing_prefix` counts only when the district is gone too. */
export const HARD_TAGS: ReadonlySet<string> = new Set([
  'historic',
  'numerals',
  'fullwidth',
  'compact',
  'typo',
  'intersection',
]);

export function isHard(record: CaseRecord): boolean {
  if (record.tags.some((t) => HARD_TAGS.has(t))) return true;
  return record.tags.includes('missing_prefix') && !record.elements.some((e) => e.label === 'district');
}
