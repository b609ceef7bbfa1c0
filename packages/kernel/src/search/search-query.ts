import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { quoteLexeme } from './quote-lexeme';
import { type QueryGroup, queryGroups } from './tokenize';

/** Only the first this-many characters of a user's input are searched for. */
export const MAX_QUERY_CHARS = 100;

function allOf(lexemes: string[], prefix: boolean): string {
  return lexemes
    .map((lexeme, i) => quoteLexeme(lexeme) + (prefix && i === lexemes.length - 1 ? ':*' : ''))
    .join(' & ');
}

// A run of Chinese matches when the document has all its words (anywhere: 道路破损 finds 道路坑洼破损) or all
// its character pairs (so any 2+ character substring is found even when jieba cut the document otherwise:
// 街道 in 萧王庙街道, cut 萧/王/庙街/道).
function groupOperand(group: QueryGroup, last: boolean): string {
  const words = allOf(group.words, last);
  if (group.grams.length === 0) return words;
  const grams = allOf(group.grams, last);
  return words === grams ? words : `( ${words} | ${grams} )`;
}

// The tsquery literal for a user's input, or null when nothing searchable is left.
export function queryLiteral(input: string): string | null {
  const groups = queryGroups(Array.from(input.normalize('NFKC')).slice(0, MAX_QUERY_CHARS).join(''));
  if (groups.length === 0) return null;
  const operands = groups.map((group, i) => groupOperand(group, i === groups.length - 1));
  return [...new Set(operands)].join(' & ');
}

/**
 * A tsquery for what a user typed: every part must match (AND), the last word as a prefix (奉化 finds
 * 奉化区, 不动 finds 不动产). Null when the input holds nothing searchable (only punctuation or stop words).
 * Any input is safe: words become quoted lexemes, never tsquery syntax, sent as a bound parameter.
 */
export function searchQuery(userInput: string): SQL | null {
  const literal = queryLiteral(userInput);
  return literal === null ? null : sql`${literal}::tsquery`;
}

/**
 * `ts_rank_cd(vector, query[, normalization])`: cover density, so documents where the words stand close
 * together and in heavier parts (weight A) rank first. normalization is PostgreSQL's bit mask
 * (e.g. 1 divides by 1 + log of the document length); default 0.
 */
export function rankExpression(vector: SQLWrapper, query: SQL, normalization = 0): SQL<number> {
  if (!Number.isInteger(normalization) || normalization < 0 || normalization > 63) {
    throw new RangeError('normalization must be an integer bit mask from 0 to 63');
  }
  const mask = normalization === 0 ? sql`` : sql`, ${sql.raw(String(normalization))}`;
  return sql<number>`ts_rank_cd(${vector}, ${query}${mask})`.mapWith(Number);
}
