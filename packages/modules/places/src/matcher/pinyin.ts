import { pinyin } from 'pinyin-pro';

const byChar = new Map<string, string>();

/** Toneless pinyin of one character (cached: a district's names use a few thousand characters). */
export function charSyllable(ch: string): string {
  let hit = byChar.get(ch);
  if (hit === undefined) {
    hit = pinyin(ch, { toneType: 'none' }) || ch;
    byChar.set(ch, hit);
  }
  return hit;
}

/**
 * Toneless pinyin syllables, one per character. Read character by character, so a name sounds the
 * same wherever it is cut from (place names rarely depend on the word-level readings of polyphones).
 */
export function syllables(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) out.push(charSyllable(ch));
  return out;
}

/** The sound of `text` as one key (syllables joined by spaces). */
export function soundKey(text: string): string {
  let key = '';
  for (const ch of text) key += key === '' ? charSyllable(ch) : ` ${charSyllable(ch)}`;
  return key;
}

// Pairs that speakers of Wu and many southern dialects do not tell apart, and typists confuse.
const FUZZY: [RegExp, string][] = [
  [/^zh/, 'z'],
  [/^ch/, 'c'],
  [/^sh/, 's'],
  [/^l/, 'n'],
  [/^f/, 'h'],
  [/ing$/, 'in'],
  [/eng$/, 'en'],
  [/ang$/, 'an'],
];

function fuzzyKey(syllable: string): string {
  let key = syllable;
  for (const [pattern, replacement] of FUZZY) key = key.replace(pattern, replacement);
  return key;
}

/**
 * Similarity of two names by sound, 0..1: characters compared position by position (same
 * character 1, same pinyin 0.9, same under dialect-fuzzy pinyin 0.75, otherwise 0), divided by the
 * longer length. Homophone typos (中山冬路 for 中山东路) score high, different names low.
 */
export function soundSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const pa = syllables(a);
  const pb = syllables(b);
  const length = Math.min(a.length, b.length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    if (a[i] === b[i]) total += 1;
    else if (pa[i] === pb[i]) total += 0.9;
    else if (fuzzyKey(pa[i] ?? '') === fuzzyKey(pb[i] ?? '')) total += 0.75;
  }
  return total / Math.max(a.length, b.length);
}
