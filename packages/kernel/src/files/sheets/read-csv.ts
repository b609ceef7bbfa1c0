import { sheetError } from './sheet-error';
import type { SheetReadOptions, SheetRow } from './sheet-row';

/**
 * The text of a CSV file. Excel in China saves CSV as GBK unless told otherwise, so bytes that
 * are not valid UTF-8 are read as GB18030 (a superset of GBK and GB2312). A UTF-8 or UTF-16
 * byte order mark decides the encoding outright.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Comma, or tab for Excel's "Unicode text" export: whichever the first lines use more. */
export function sniffDelimiter(text: string): ',' | '\t' {
  const start = text.slice(0, 4096);
  const count = (character: string) => start.split(character).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * RFC 4180 records with their 1-based record number, which is the row Excel shows: a quoted
 * field may hold the delimiter, `""` for a quote, and line breaks. Records end with CRLF, LF
 * or CR. Leniently, a quote inside an unquoted field is kept as text. A quoted field that never
 * closes throws `${errorPrefix}.unterminated_quote` with `details.row`.
 */
export function* parseCsvRecords(
  text: string,
  delimiter: ',' | '\t' = ',',
  options: SheetReadOptions = {},
): Generator<SheetRow<string>> {
  const length = text.length;
  let index = 0;
  let row = 0;
  while (index < length) {
    row += 1;
    const cells: string[] = [];
    for (;;) {
      let value = '';
      if (text[index] === '"') {
        const quoted = readQuoted(text, index + 1, row, options.errorPrefix);
        value = quoted.value;
        index = quoted.end;
      }
      let end = index;
      while (end < length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end += 1;
      cells.push(value + text.slice(index, end));
      index = end;
      if (text[index] !== delimiter) break;
      index += 1;
    }
    if (text[index] === '\r') index += 1;
    if (text[index] === '\n') index += 1;
    yield { row, cells };
  }
}

function readQuoted(
  text: string,
  start: number,
  row: number,
  errorPrefix: string | undefined,
): { value: string; end: number } {
  let value = '';
  let index = start;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote === -1) {
      throw sheetError(
        errorPrefix,
        'unterminated_quote',
        {
          en: `A quoted field that starts on row ${row} is never closed.`,
          zh: `第 ${row} 行开始的带引号字段没有结束引号。`,
        },
        { row },
      );
    }
    value += text.slice(index, quote);
    if (text[quote + 1] !== '"') return { value, end: quote + 1 };
    value += '"';
    index = quote + 2;
  }
}

/** `="0574…"`, Excel's way of keeping leading zeros in CSV, is read as the text inside. */
function unwrapFormulaText(cell: string): string {
  const match = /^="(.*)"$/s.exec(cell);
  return match ? match[1].replaceAll('""', '"') : cell;
}

/** The rows of a CSV file: encoding and delimiter sniffed, `="…"` text cells unwrapped. */
export function* readCsvRows(bytes: Uint8Array, options: SheetReadOptions = {}): Generator<SheetRow> {
  const text = decodeCsvText(bytes);
  for (const { row, cells } of parseCsvRecords(text, sniffDelimiter(text), options)) {
    yield { row, cells: cells.map(unwrapFormulaText) };
  }
}
