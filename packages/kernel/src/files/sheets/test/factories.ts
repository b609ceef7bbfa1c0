import ExcelJS from 'exceljs';

/** A field as an RFC 4180 writer puts it: quoted when it must be, or always. */
export function csvField(value: string, alwaysQuote = false): string {
  return alwaysQuote || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180 text, each record ended by CRLF. */
export function toCsv(rows: string[][], { alwaysQuote = false }: { alwaysQuote?: boolean } = {}): string {
  return rows.map((row) => `${row.map((field) => csvField(field, alwaysQuote)).join(',')}\r\n`).join('');
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

let gbkTable: Map<string, number> | null = null;

/** GBK bytes for text, from a table built by decoding every two-byte GBK code. */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (character.length === 1 && character !== '\ufffd' && !gbkTable.has(character)) {
          gbkTable.set(character, (lead << 8) | trail);
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(character);
    if (pair === undefined) throw new Error(`no GBK code for U+${code.toString(16)}`);
    bytes.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(bytes);
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
