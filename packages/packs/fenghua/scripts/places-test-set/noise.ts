/**
 * Noise operators. Each is a tag; a case gets 0–3 of them. They work on the segment list in a fixed
 * phase order so that, for example, numbers are written before full-width conversion.
 */
import { HOMOPHONES } from './homophones';
import type { Prng } from './prng';
import type { Rendered } from './render';
import type { NumberInfo, Segment } from './segments';
import { chineseDigits, chineseNumber, hasHalfWidth, toFullWidth } from './text-forms';

export const NOISE_TAGS = [
  'missing_prefix',
  'historic',
  'short_names',
  'assist',
  'otherinfo',
  'compact',
  'numerals',
  'variants',
  'typo',
  'redundant',
  'spaces_punct',
  'fullwidth',
] as const;

export type NoiseTag = (typeof NOISE_TAGS)[number];

/** How a numbered element is to be written (set by numerals/variants/compact, applied by writeNumbers). */
interface NumberStyle {
  chinese?: boolean;
  ordinal?: boolean;
  unit?: string;
  subForm?: '附' | '之';
  compact?: boolean;
}

export type WorkSegment = Segment & { style?: NumberStyle };

export interface Work {
  rendered: Rendered;
  segs: WorkSegment[];
}

const PREFIX_LABELS = ['prov', 'city', 'district', 'town', 'community'] as const;
const NUMBERED = new Set(['roadno', 'houseno', 'cellno', 'floorno', 'roomno', 'village_group']);

/** Changes the written text, keeping the standard form. */
export function rewrite(seg: Segment, text: string): void {
  if (seg.normalized === undefined) seg.normalized = seg.text;
  seg.text = text;
}

function find(w: Work, label: string): WorkSegment | undefined {
  return w.segs.find((s) => s.label === label);
}

function unchanged(seg: Segment): boolean {
  return seg.normalized === undefined || seg.normalized === seg.text;
}

export function standardNumber(num: NumberInfo): string {
  if (num.unit === '号' && num.sub !== undefined) return `${num.main}-${num.sub}号`;
  return `${num.main}${num.unit}`;
}

/** Whether an operator can apply to a clean rendering (checked again when applied). */
export function applicable(tag: NoiseTag, r: Rendered): boolean {
  const level = r.node.level;
  const has = (label: string) => r.segments.some((s) => s.label === label);
  switch (tag) {
    case 'historic':
      return true;
    case 'assist':
      return ['doorplate', 'estate', 'natural_village', 'poi'].includes(level);
    case 'compact':
      return level === 'room' && has('houseno') && has('roomno');
    case 'numerals':
      return r.segments.some((s) => s.num && NUMBERED.has(s.label ?? ''));
    case 'variants':
      return (
        has('houseno') || has('roomno') || has('floorno') || has('village_group') || hasSubNumber(r.segments)
      );
    case 'typo':
      return r.segments.some((s) => typoPositions(s).length > 0);
    case 'fullwidth':
      return r.segments.some((s) => hasHalfWidth(s.text));
    default:
      return true;
  }
}

function hasSubNumber(segs: readonly Segment[]): boolean {
  return segs.some((s) => s.label === 'roadno' && s.num?.sub !== undefined);
}

function typoPositions(seg: Segment): number[] {
  if (!['road', 'poi', 'community', 'subroad'].includes(seg.label ?? '') || !unchanged(seg)) return [];
  const out: number[] = [];
  for (let i = 0; i < seg.text.length; i++) if (HOMOPHONES[seg.text[i]]) out.push(i);
  return out;
}

function remove(w: Work, labels: readonly string[]): void {
  w.segs = w.segs.filter((s) => !labels.includes(s.label ?? ''));
}

const OPS: Record<NoiseTag, (w: Work, rng: Prng) => boolean> = {
  missing_prefix(w, rng) {
    const hasCommunity = !!find(w, 'community');
    // A village group or natural village alone (3组15号, 上白岩15号) is ambiguous: keep its village.
    const rural = ['village_group', 'natural_village'].includes(w.rendered.levels[0]);
    const choice = rng.weighted<string>([
      ['prov', 1],
      ['prov_city', 3],
      ['to_town', 3],
      ['to_community', hasCommunity ? 1 : 0],
      ['bare', 3],
    ]);
    if (choice === 'prov') remove(w, ['prov']);
    else if (choice === 'prov_city') remove(w, ['prov', 'city']);
    else if (choice === 'to_town') remove(w, ['prov', 'city', 'district']);
    else if (choice === 'to_community') remove(w, ['prov', 'city', 'district', 'town']);
    else remove(w, rural ? ['prov', 'city', 'district', 'town'] : PREFIX_LABELS);
    return true;
  },
  historic(w, rng) {
    const district = find(w, 'district');
    const town = find(w, 'town');
    const townOld = w.rendered.town.historicName;
    const canTown = !!town && !!townOld && unchanged(town);
    const canDistrict = !!district && unchanged(district);
    if (!canTown && !canDistrict) return false;
    const doTown = canTown && (!canDistrict || rng.chance(0.8));
    const doDistrict = canDistrict && (!doTown || rng.chance(0.4));
    if (doTown && town && townOld) rewrite(town, townOld);
    if (doDistrict && district) rewrite(district, '奉化市');
    return true;
  },
  short_names(w, rng) {
    const shortOf: Record<string, string> = {
      浙江省: '浙江',
      宁波市: '宁波',
      奉化区: '奉化',
      [w.rendered.town.name]: w.rendered.town.shortName,
    };
    const cands = w.segs.filter((s) => ['prov', 'city', 'district', 'town'].includes(s.label ?? ''));
    const usable = cands.filter((s) => unchanged(s) && shortOf[s.text]);
    if (usable.length === 0) return false;
    const forced = rng.pick(usable);
    for (const s of usable) if (s === forced || rng.chance(0.6)) rewrite(s, shortOf[s.text]);
    return true;
  },
  redundant(w, rng) {
    const cands = w.segs.filter((s) => ['city', 'district', 'town', 'road'].includes(s.label ?? ''));
    if (cands.length === 0) return false;
    const seg = rng.pick(cands);
    w.segs.splice(w.segs.indexOf(seg) + 1, 0, { text: seg.text, label: 'redundant' });
    return true;
  },
  assist(w, rng) {
    const last = [...w.segs].reverse().find((s) => s.label !== null);
    if (!last || !['roadno', 'poi'].includes(last.label ?? '')) return false;
    w.segs.push({
      text: rng.pick(['附近', '旁', '旁边', '对面', '门口', '东侧', '南侧', '西边', '北面']),
      label: 'assist',
    });
    return true;
  },
  otherinfo(w, rng) {
    if (rng.chance(0.4)) w.segs.push({ text: rng.pick([' ', '，', ',', '  ']), label: null });
    const remark = rng.pick([
      '门卫代收',
      '放门口',
      '快递放门卫',
      '放驿站',
      '打电话再送',
      '家里有老人请敲门',
      '周末送',
      '送货上门',
      '请放物业',
      '来前电话联系',
      '放菜鸟驿站',
      '门口鞋柜',
    ]);
    w.segs.push({ text: remark, label: 'otherinfo' });
    return true;
  },
  compact(w, rng) {
    const house = find(w, 'houseno');
    let cell = find(w, 'cellno');
    const room = find(w, 'roomno');
    // `2-502`: only where the building has one unit, so the room is still named exactly.
    if (cell && w.rendered.singleUnit && rng.chance(0.6)) {
      remove(w, ['cellno']);
      cell = undefined;
    }
    if (!house?.num || !room?.num || (cell && !cell.num)) return false;
    remove(w, ['floorno']);
    const chainParts = cell ? [house, cell, room] : [house, room];
    for (const s of chainParts) {
      s.style = { compact: true };
      rewrite(s, String(s.num?.main));
    }
    const out: WorkSegment[] = [];
    for (const s of w.segs) {
      out.push(s);
      if (s === house || (cell && s === cell)) out.push({ text: '-', label: null });
    }
    w.segs = out;
    return true;
  },
  numerals(w, rng) {
    const cands = w.segs.filter((s) => s.num && NUMBERED.has(s.label ?? '') && !s.style?.compact);
    if (cands.length === 0) return false;
    const forced = rng.pick(cands);
    for (const s of cands) {
      if (s !== forced && !rng.chance(0.5)) continue;
      s.style = { ...s.style, chinese: true, ordinal: s.label === 'village_group' && rng.chance(0.5) };
    }
    return true;
  },
  variants(w, rng) {
    const picks: (() => void)[] = [];
    for (const s of w.segs) {
      if (!s.num || s.style?.compact) continue;
      if (s.label === 'houseno')
        picks.push(() => (s.style = { ...s.style, unit: rng.pick(['栋', '座', '号楼']) }));
      if (s.label === 'floorno') picks.push(() => (s.style = { ...s.style, unit: '楼' }));
      if (s.label === 'village_group') picks.push(() => (s.style = { ...s.style, unit: '村民小组' }));
      if (s.label === 'roadno' && s.num.sub !== undefined) {
        picks.push(() => (s.style = { ...s.style, subForm: rng.pick(['附', '之'] as const) }));
      }
      if (s.label === 'roomno') {
        const i = w.segs.indexOf(s);
        const prev = w.segs[i - 1]?.label ?? '';
        const bare = ['cellno', 'houseno', 'floorno'].includes(prev);
        picks.push(() => (s.style = { ...s.style, unit: bare && rng.chance(0.5) ? '' : '号' }));
      }
    }
    if (picks.length === 0) return false;
    const order = rng.shuffle(picks);
    order[0]();
    for (const p of order.slice(1)) if (rng.chance(0.4)) p();
    return true;
  },
  typo(w, rng) {
    const cands = w.segs.filter((s) => typoPositions(s).length > 0);
    if (cands.length === 0) return false;
    const seg = rng.pick(cands);
    const i = rng.pick(typoPositions(seg));
    rewrite(seg, seg.text.slice(0, i) + HOMOPHONES[seg.text[i]] + seg.text.slice(i + 1));
    return true;
  },
  spaces_punct(w, rng) {
    let done = false;
    const house = find(w, 'houseno');
    if (house?.num && /^\d+(幢|栋|号楼)$/.test(house.text) && rng.chance(0.35)) {
      rewrite(house, `${house.num.main}#楼`);
      done = true;
    }
    const community = find(w, 'community');
    const ci = community ? w.segs.indexOf(community) : -1;
    if (community && ci > 0 && w.segs[ci - 1].label === 'town' && rng.chance(0.3)) {
      const [open, close] = rng.pick([
        ['（', '）'],
        ['(', ')'],
      ]);
      w.segs.splice(ci, 1, { text: open, label: null }, community, { text: close, label: null });
      done = true;
    }
    const boundaries: number[] = [];
    for (let i = 1; i < w.segs.length; i++) {
      if (w.segs[i - 1].label !== null && w.segs[i].label !== null && w.segs[i].label !== 'redundant') {
        boundaries.push(i);
      }
    }
    if (boundaries.length === 0) return done;
    const count = done ? rng.int(2) : 1 + rng.int(2);
    for (const at of rng
      .shuffle(boundaries)
      .slice(0, count)
      .sort((a, b) => b - a)) {
      w.segs.splice(at, 0, { text: rng.pick([' ', ' ', '，', ',', '  ', '、']), label: null });
      done = true;
    }
    return done;
  },
  fullwidth(w) {
    if (!w.segs.some((s) => hasHalfWidth(s.text))) return false;
    for (const s of w.segs) if (hasHalfWidth(s.text)) rewrite(s, toFullWidth(s.text));
    return true;
  },
};

/** Writes numbered elements in their chosen style (after numerals/variants/compact). */
export function writeNumbers(w: Work): void {
  for (const s of w.segs) {
    const st = s.style;
    if (!s.num || !st || st.compact) continue;
    const n = s.num;
    const main = st.chinese
      ? s.label === 'roomno'
        ? chineseDigits(n.main)
        : chineseNumber(n.main)
      : String(n.main);
    const sub = n.sub === undefined ? '' : st.chinese ? chineseNumber(n.sub) : String(n.sub);
    let text: string;
    if (s.label === 'roadno' && n.sub !== undefined) {
      const form = st.subForm ?? (st.chinese ? '之' : '-');
      text = form === '附' ? `${main}号附${sub}` : form === '之' ? `${main}之${sub}号` : `${main}-${sub}号`;
    } else if (s.label === 'village_group') {
      text = `${st.ordinal ? '第' : ''}${main}${st.unit ?? '组'}`;
    } else {
      text = `${main}${st.unit ?? n.unit}`;
    }
    if (text !== s.text) {
      s.normalized = standardNumber(n);
      s.text = text;
    }
  }
}

/** Applies the tags in phase order; returns the tags that really changed something. */
export function applyNoise(w: Work, tags: readonly NoiseTag[], rng: Prng): NoiseTag[] {
  const applied: NoiseTag[] = [];
  for (const tag of NOISE_TAGS) {
    if (tag === 'typo') writeNumbers(w);
    if (tags.includes(tag) && OPS[tag](w, rng)) applied.push(tag);
  }
  return applied;
}
