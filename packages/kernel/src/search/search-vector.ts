import { type SQL, sql } from 'drizzle-orm';
import { quoteLexeme } from './quote-lexeme';
import { tokenize } from './tokenize';

type Text = string | null | undefined;

/** A tsvector weight: A (most important, e.g. a title) to D (the default). */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/** One part of a weighted document. */
export interface WeightedText {
  text: Text;
  weight: SearchWeight;
}

// PostgreSQL's tsvector limits: positions 1..16383, 256 positions per lexeme, 1 MB of lexeme text.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_LEXEME_BYTES = 1_000_000;

/** The tokens of every part, space-joined: a readable record of what is indexed (see README). */
export function toSearchText(...parts: Text[]): string {
  return parts.flatMap((part) => (part ? tokenize(part) : [])).join(' ');
}

// The tsvector literal (`'lexeme':1,4B …`) for weighted parts, positions running on across parts.
export function vectorLiteral(parts: readonly WeightedText[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  let bytes = 0;
  for (const { text, weight } of parts) {
    if (!text) continue;
    const suffix = weight === 'D' ? '' : weight;
    for (const token of tokenize(text)) {
      position = Math.min(position + 1, MAX_POSITION);
      let list = positions.get(token);
      if (!list) {
        const size = Buffer.byteLength(token);
        if (bytes + size > MAX_LEXEME_BYTES) continue; // a gigantic text: index the words seen so far
        bytes += size;
        list = [];
        positions.set(token, list);
      }
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${suffix}`);
    }
  }
  return Array.from(positions, ([lexeme, list]) => `${quoteLexeme(lexeme)}:${list.join(',')}`).join(' ');
}

/** SQL for the tsvector of the given texts (weight D), to store in the caller's tsvector column. */
export function toSearchVector(...parts: Text[]): SQL {
  return sql`${vectorLiteral(parts.map((text) => ({ text, weight: 'D' as const })))}::tsvector`;
}

/** SQL for a tsvector whose parts carry weights (title A, body D, …), for ranking with rankExpression. */
export function toWeightedVector(parts: readonly WeightedText[]): SQL {
  return sql`${vectorLiteral(parts)}::tsvector`;
}
