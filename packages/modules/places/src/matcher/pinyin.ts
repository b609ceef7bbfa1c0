import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string[]>();

/** Toneless pinyin syllables, one per character (cached: names repeat). */
export function syllables(text: string): string[] {
  let hit = cache.get(text);
  if (!hit) {
    hit = pinyin(text, { toneType: 'none', type: 'array' });
    if (cache.size > 50_000) cache.clear();
    cache.set(text, hit);
  }
  return hit;
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
