import { segmenter } from './segmenter';

// HMM off everywhere: the HMM guesses "new words" from context, so a query and a document holding the same
// string could be cut differently (萧王庙 alone → 萧王庙, inside 萧王庙街道 → 萧王/庙街). Without it an
// unknown string falls apart into single characters the same way in both.
const HMM = false;

/** Longer tokens are cut to this many characters (tsvector lexemes must stay under 2 KB). */
export const MAX_TOKEN_CHARS = 64;

// Function words that carry no meaning alone. Only whole one-character tokens are dropped (的 inside 目的
// stays); 不 is kept on purpose (路灯不亮).
const STOP_WORDS = new Set([
  ...'的地得了着过和与及或而并且之其于以在是为被把对向从也都就又这那此该等个吗呢吧啊呀哦嗯',
]);

const SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;
// A clause alternates runs of Chinese characters (cut by jieba) and runs of anything else: ASCII words and
// numbers, other scripts (テキスト, 한국어, Straße), each kept whole as one token.
const PIECE = /\p{Script=Han}+|\P{Script=Han}+/gu;
const HAN = /^\p{Script=Han}/u;

// NFKC first folds full-width forms (ＡＢＣ１２３ → ABC123); then anything that is not a letter, digit or mark
// separates (punctuation, spaces, symbols, emoji: 3.5 → 3, 5), and each clause splits into Chinese and
// non-Chinese runs.
function* pieces(text: string): Generator<{ piece: string; han: boolean }> {
  for (const clause of text.normalize('NFKC').split(SEPARATOR)) {
    for (const [piece] of clause.matchAll(PIECE)) yield { piece, han: HAN.test(piece) };
  }
}

// A word as a token: lower-cased and shortened, or null for a stop word.
function clean(word: string): string | null {
  const token = word.toLowerCase();
  if (STOP_WORDS.has(token)) return null;
  const chars = Array.from(token);
  return chars.length > MAX_TOKEN_CHARS ? chars.slice(0, MAX_TOKEN_CHARS).join('') : token;
}

// Every 2-character gram of a run of Chinese characters (none for a single character).
export function bigramsOf(run: string): string[] {
  const chars = Array.from(run);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/**
 * The tokens to index for a text, in text order (repeated words kept, for ranking). For each run of Chinese
 * characters: jieba's search-mode words (each word plus the 2- and 3-character dictionary words inside it),
 * then every 2-character gram of the run not already among them. Any other run is one token.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { piece, han } of pieces(text)) {
    if (!han) {
      const token = clean(piece);
      if (token !== null) tokens.push(token);
      continue;
    }
    const seen = new Set<string>();
    for (const word of segmenter().cutForSearch(piece, HMM)) {
      const token = clean(word);
      if (token === null) continue;
      tokens.push(token);
      seen.add(token);
    }
    for (const gram of bigramsOf(piece)) {
      if (seen.has(gram)) continue;
      tokens.push(gram);
      seen.add(gram);
    }
  }
  return tokens;
}

// What a query must find together: all its words (jieba's precise cut, stop words dropped) or, for a run of
// Chinese characters, all its 2-character grams (none for a single character or a non-Chinese run).
export interface QueryGroup {
  words: string[];
  grams: string[];
}

// A query cut like a document: each run of Chinese characters is a group, as is every other run.
export function queryGroups(text: string): QueryGroup[] {
  const groups: QueryGroup[] = [];
  for (const { piece, han } of pieces(text)) {
    const words: string[] = [];
    for (const word of han ? segmenter().cut(piece, HMM) : [piece]) {
      const token = clean(word);
      if (token !== null) words.push(token);
    }
    if (words.length === 0) continue;
    groups.push({ words: [...new Set(words)], grams: han ? [...new Set(bigramsOf(piece))] : [] });
  }
  return groups;
}
