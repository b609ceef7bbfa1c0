/** A `fq` / `facet.field` the CKAN API cannot answer: CKAN's 409 "Search Query Error". */
export class CkanSearchError extends Error {
  override name = 'CkanSearchError';
}

/** The fields `fq` filters on and `facet.field` counts by. */
export const CKAN_FIELDS = ['organization', 'res_format', 'tags', 'opening_type', 'sharing_type'] as const;
export type CkanField = (typeof CKAN_FIELDS)[number];

/** One `fq` clause: the field, the values any of which matches, and whether it is negated. */
export interface CkanFilter {
  field: CkanField;
  values: string[];
  negate: boolean;
}

// field:value, field:"a value", field:(a OR "b c"), each optionally with + or -; AND between clauses.
const CLAUSE = /^([+-]?)([a-z_]+):(?:"([^"]*)"|\(([^)]*)\)|([^\s"()]+))/;

/**
 * Parses a CKAN/Solr filter query as CKAN clients send it (`organization:rsj res_format:"电子表格"
 * tags:(姓名 OR 地址) -opening_type:closed`). Clauses are ANDed; a parenthesised list is ORed.
 * Anything else is a CkanSearchError, as Solr would refuse it.
 */
export function parseFilterQuery(fq: string): CkanFilter[] {
  const filters: CkanFilter[] = [];
  let rest = fq.trim();
  while (rest) {
    const and = /^(AND|&&)\s+/.exec(rest);
    if (and) {
      rest = rest.slice(and[0].length).trimStart();
      continue;
    }
    const match = CLAUSE.exec(rest);
    if (!match) throw new CkanSearchError(`Search Query is invalid: cannot read "${rest.slice(0, 40)}"`);
    const [whole, sign, field, quoted, list, bare] = match;
    if (!(CKAN_FIELDS as readonly string[]).includes(field))
      throw new CkanSearchError(`Search Query is invalid: undefined field ${field}`);
    const values =
      list !== undefined
        ? list
            .split(/\s+OR\s+/)
            .map((v) => v.trim().replace(/^"(.*)"$/, '$1'))
            .filter(Boolean)
        : [quoted ?? bare];
    if (!values.length) throw new CkanSearchError(`Search Query is invalid: ${field} has no value`);
    filters.push({ field: field as CkanField, values, negate: sign === '-' });
    rest = rest.slice(whole.length).trimStart();
  }
  return filters;
}

/** `facet.field` is a JSON list of field names, e.g. `["organization","tags"]`. */
export function parseFacetFields(raw: string | undefined): CkanField[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CkanSearchError('facet.field must be a JSON list of field names');
  }
  if (!Array.isArray(parsed) || !parsed.every((f) => typeof f === 'string'))
    throw new CkanSearchError('facet.field must be a JSON list of field names');
  for (const field of parsed)
    if (!(CKAN_FIELDS as readonly string[]).includes(field))
      throw new CkanSearchError(`Search Query is invalid: undefined field ${field}`);
  return [...new Set(parsed as CkanField[])];
}
