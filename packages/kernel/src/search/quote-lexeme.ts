// tsvector and tsquery literals, read by PostgreSQL's input functions (`::tsvector`, `::tsquery`).
// A quoted lexeme is taken verbatim: no parser, no dictionary, no locale. Tokens never contain a quote or a
// backslash (tokenize keeps letters, digits and marks only); escaping them anyway keeps any string safe.
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
