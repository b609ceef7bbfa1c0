import ExcelJS from 'exceljs';
import { InputError } from '@zhizhi/kernel/errors';

/** A cell as loaded: item values are strings, numbers, booleans or null. */
export type CellValue = string | number | boolean | null;
export type SourceRow = Record<string, CellValue>;

/**
 * Rows from somewhere, column names known up front (for the mapping), read in batches so a
 * large input never sits in memory twice.
 */
export interface TabularSource {
  /** File name, URL without credentials and query, or `host/db schema.table`. */
  label: string;
  columns: string[];
  /** Rows to expect, when known before reading (for the progress bar). */
  total: number | null;
  batches(size: number): AsyncGenerator<SourceRow[]>;
  /** Releases connections (PostgreSQL sources). */
  close?(): Promise<void>;
}

const bad = (code: string, message: string) => new InputError(code, message);

/**
 * The text of a CSV file. Excel in China saves CSV as GBK unless told otherwise, so bytes that
 * are not valid UTF-8 are read as GB18030; a byte order mark decides outright.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * RFC 4180 records (quoted fields may hold the delimiter, `""` and line breaks; CRLF, LF or CR
 * end a record). Comma, or tab when the first lines use more tabs. `="0574…"` (Excel keeping
 * leading zeros) reads as the text inside.
 */
export function* csvRecords(text: string): Generator<string[]> {
  const start = text.slice(0, 4096);
  const delimiter = start.split('\t').length > start.split(',').length ? '\t' : ',';
  const length = text.length;
  let index = 0;
  let record = 0;
  while (index < length) {
    record += 1;
    const cells: string[] = [];
    for (;;) {
      let value = '';
      if (text[index] === '"') {
        index += 1;
        for (;;) {
          const quote = text.indexOf('"', index);
          if (quote === -1)
            throw bad(
              'data.load.csv_unterminated_quote',
              `A quoted field in record ${record} is never closed.`,
            );
          value += text.slice(index, quote);
          index = quote + 1;
          if (text[index] !== '"') break;
          value += '"';
          index += 1;
        }
      }
      let end = index;
      while (end < length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end += 1;
      const cell = value + text.slice(index, end);
      const formula = /^="(.*)"$/s.exec(cell);
      cells.push(formula ? formula[1].replaceAll('""', '"') : cell);
      index = end;
      if (text[index] !== delimiter) break;
      index += 1;
    }
    if (text[index] === '\r') index += 1;
    if (text[index] === '\n') index += 1;
    // A blank line (one empty cell) is no record.
    if (cells.length > 1 || cells[0] !== '') yield cells;
  }
}

/** Counts the records of a CSV text cheaply (line ends outside quotes), for the progress total. */
function countRecords(text: string): number {
  let count = 0;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (!quoted && (c === 10 || c === 13)) {
      if (!blank) count += 1;
      blank = true;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 1;
    } else blank = false;
  }
  return blank ? count : count + 1;
}

function header(cells: readonly unknown[]): string[] {
  const columns = cells.map((c) => String(c ?? '').trim());
  if (!columns.some(Boolean)) throw bad('data.load.no_header', 'The first row must name the columns.');
  const named = columns.filter(Boolean);
  if (new Set(named).size !== named.length)
    throw bad('data.load.duplicate_column', 'Two columns have the same name.');
  return columns;
}

function rowOf(columns: readonly string[], cells: readonly CellValue[]): SourceRow {
  const row: SourceRow = {};
  for (let i = 0; i < columns.length; i++) if (columns[i]) row[columns[i]] = cells[i] ?? null;
  return row;
}

function fromRecords(
  label: string,
  columns: string[],
  total: number,
  records: Iterator<CellValue[]>,
): TabularSource {
  return {
    label,
    columns,
    total,
    async *batches(size) {
      let batch: SourceRow[] = [];
      for (let next = records.next(); !next.done; next = records.next()) {
        batch.push(rowOf(columns, next.value));
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
  };
}

/** A CSV file (UTF-8 or GBK; comma or tab). */
export function csvSource(label: string, bytes: Uint8Array): TabularSource {
  const text = decodeText(bytes);
  const records = csvRecords(text);
  const first = records.next();
  if (first.done) throw bad('data.load.empty', 'The file has no rows.');
  return fromRecords(label, header(first.value), Math.max(0, countRecords(text) - 1), records);
}

/** A scalar for a JSON or database value: dates as ISO text, objects as JSON text. */
export function scalar(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return isoDate(value);
  return JSON.stringify(value);
}

/** Midnight (UTC) dates as `YYYY-MM-DD` (Excel and `date` columns), other times as full ISO. */
function isoDate(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return null;
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Rows from parsed JSON: an array of objects, or `{ rows: [...] }`. */
export function jsonRowsSource(label: string, parsed: unknown): TabularSource {
  const rows = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { rows?: unknown }).rows)
      ? (parsed as { rows: unknown[] }).rows
      : null;
  if (!rows) throw bad('data.load.json_shape', 'Expected an array of objects or { "rows": [...] }.');
  const columns = new Set<string>();
  for (const row of rows) {
    if (!row || typeof row !== 'object' || Array.isArray(row))
      throw bad('data.load.json_shape', 'Every row must be an object of column → value.');
    for (const key of Object.keys(row)) columns.add(key);
  }
  const list = [...columns];
  const records = rows.map((row) => list.map((c) => scalar((row as Record<string, unknown>)[c])));
  return fromRecords(label, list, rows.length, records[Symbol.iterator]());
}

/** A JSON file. */
export function jsonSource(label: string, bytes: Uint8Array): TabularSource {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(bytes));
  } catch {
    throw bad('data.load.json_invalid', 'The file is not valid JSON.');
  }
  return jsonRowsSource(label, parsed);
}

function cellOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf(value.result ?? null);
  if ('hyperlink' in value) return cellOf(value.text as ExcelJS.CellValue);
  return null;
}

/** The first worksheet of an XLSX workbook; its first row names the columns. */
export async function xlsxSource(label: string, bytes: Uint8Array): Promise<TabularSource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw bad('data.load.xlsx_invalid', 'The file is not a readable XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw bad('data.load.empty', 'The workbook has no rows.');
  const cells = (number: number): CellValue[] => {
    const out: CellValue[] = [];
    sheet.findRow(number)?.eachCell({ includeEmpty: false }, (cell, column) => {
      out[column - 1] = cellOf(cell.value);
    });
    return Array.from(out, (c) => c ?? null);
  };
  const columns = header(cells(1));
  function* records(): Generator<CellValue[]> {
    for (let n = 2; n <= sheet.rowCount; n++) {
      const row = cells(n);
      if (row.some((c) => c !== null && c !== '')) yield row;
    }
  }
  return fromRecords(label, columns, sheet.rowCount - 1, records());
}

/** An uploaded file by its content (zip → XLSX, `[`/`{` → JSON, else CSV) or its name. */
export async function uploadSource(fileName: string, bytes: Uint8Array): Promise<TabularSource> {
  if (bytes.length === 0) throw bad('data.load.empty', 'Send the file as the request body.');
  const label = fileName.replace(/[\\/]/g, '_').slice(0, 200) || 'upload';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return xlsxSource(label, bytes);
  const lower = label.toLowerCase();
  let first = 0;
  while (
    first < bytes.length &&
    (bytes[first] <= 32 || bytes[first] === 0xef || bytes[first] === 0xbb || bytes[first] === 0xbf)
  )
    first += 1;
  if (lower.endsWith('.json') || bytes[first] === 0x5b || bytes[first] === 0x7b)
    return jsonSource(label, bytes);
  return csvSource(label, bytes);
}
