import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DeliveredItem, RowValue } from './rows';
import { deliverRow } from './rows';

/** The download formats of an open resource. */
export const DOWNLOAD_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A text cell a spreadsheet would run as a formula (CWE-1236); plain signed numbers are data. */
const FORMULA = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * RFC 4180: a field with a comma, quote, CR or LF (or edge spaces) is quoted, quotes doubled. A text
 * value starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so Excel and WPS show it
 * instead of evaluating it (CSV injection); numbers are written as they are.
 */
export function csvField(value: RowValue | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text) && !SIGNED_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvLine(values: (RowValue | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

type Batches = AsyncIterable<Record<string, RowValue>[]>;

/** UTF-8 with BOM (so Excel reads Chinese), item names as the header, one record per row. */
async function* csv(items: DeliveredItem[], batches: Batches) {
  yield `\uFEFF${csvLine(items.map((i) => i.name))}`;
  for await (const batch of batches) {
    let chunk = '';
    for (const data of batch) {
      const row = deliverRow(data, items);
      chunk += csvLine(items.map((i) => row[i.code]));
    }
    yield chunk;
  }
}

/** `{ code, name, fields: [{code, name, type}], rows: [{itemCode: value}] }`, written as it goes. */
async function* json(resource: { code: string; name: string }, items: DeliveredItem[], batches: Batches) {
  const fields = items.map((i) => ({ code: i.code, name: i.name, type: i.type }));
  yield `{"code":${JSON.stringify(resource.code)},"name":${JSON.stringify(resource.name)},"fields":${JSON.stringify(fields)},"rows":[`;
  let first = true;
  for await (const batch of batches) {
    const parts = batch.map((data) => JSON.stringify(deliverRow(data, items)));
    if (!parts.length) continue;
    yield `${first ? '' : ','}${parts.join(',')}`;
    first = false;
  }
  yield ']}\n';
}

/** A streamed workbook: one sheet, item names as the header, rows committed as they come. */
function xlsx(resource: { name: string }, items: DeliveredItem[], batches: Batches): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  // Sheet names: at most 31 characters, none of []:*?/\
  const sheet = workbook.addWorksheet(resource.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'data');
  (async () => {
    sheet.addRow(items.map((i) => i.name)).commit();
    for await (const batch of batches) {
      for (const data of batch) {
        const row = deliverRow(data, items);
        sheet.addRow(items.map((i) => row[i.code] ?? null)).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}

/** The download body as a stream (nothing is held in memory beyond one batch). */
export function downloadStream(
  format: DownloadFormat,
  resource: { code: string; name: string },
  items: DeliveredItem[],
  batches: Batches,
): Readable {
  if (format === 'xlsx') return xlsx(resource, items, batches);
  return Readable.from(format === 'csv' ? csv(items, batches) : json(resource, items, batches));
}
