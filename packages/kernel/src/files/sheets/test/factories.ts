import ExcelJS from 'exceljs';

export { encodeGbk, utf8 } from '../../../testing/encodings';

/** A field as an RFC 4180 writer puts it: quoted when it must be, or always. */
export function csvField(value: string, alwaysQuote = false): string {
  return alwaysQuote || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180 text, each record ended by CRLF. */
export function toCsv(rows: string[][], { alwaysQuote = false }: { alwaysQuote?: boolean } = {}): string {
  return rows.map((row) => `${row.map((field) => csvField(field, alwaysQuote)).join(',')}\r\n`).join('');
}

export interface SheetSpec {
  name: string;
  rows: ExcelJS.CellValue[][];
}

/** An XLSX workbook written by exceljs, as uploaded bytes. */
export async function xlsx(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) worksheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
