import ExcelJS from 'exceljs';
export { encodeGbk, utf8 } from '@zhizhi/kernel/testing';

/** The columns of a typical 12345 export, in its order. */
export const HEADER = [
  '工单编号',
  '来电时间',
  '来电人',
  '联系电话',
  '诉求内容',
  '事发地址',
  '诉求类型',
  '所属街道',
  '办理时限',
  '经度',
  '纬度',
];

export type OrderRow = Record<(typeof HEADER)[number], string>;

/** A valid row; `overrides` replaces cells by header name. */
export function orderRow(overrides: Partial<OrderRow> = {}): string[] {
  const row: OrderRow = {
    工单编号: 'FH2025100900001',
    来电时间: '2025-10-09 14:03:00',
    来电人: '王先生',
    联系电话: '13900000001',
    诉求内容: '南山路与中山路交叉口路面有大坑，雨天积水，电动车容易摔倒，请尽快修补。',
    事发地址: '锦屏街道南山路与中山路交叉口',
    诉求类型: '城乡建设/道路设施',
    所属街道: '锦屏街道',
    办理时限: '2025-10-16 14:03:00',
    经度: '121.4062',
    纬度: '29.6553',
    ...overrides,
  };
  return HEADER.map((name) => row[name]);
}

/** A field as an RFC 4180 writer puts it: quoted when it must be, or always. */
export function csvField(value: string, alwaysQuote = false): string {
  return alwaysQuote || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface CsvOptions {
  bom?: boolean;
  lineEnd?: string;
  alwaysQuote?: boolean;
}

/** RFC 4180 text, each record ended by CRLF unless told otherwise. */
export function toCsv(
  rows: string[][],
  { bom = false, lineEnd = '\r\n', alwaysQuote = false }: CsvOptions = {},
) {
  const body = rows
    .map((row) => row.map((field) => csvField(field, alwaysQuote)).join(',') + lineEnd)
    .join('');
  return (bom ? '\ufeff' : '') + body;
}

export interface SheetSpec {
  name: string;
  rows: ExcelJS.CellValue[][];
  /** Number formats by 1-based column, e.g. `{ 2: 'yyyy-mm-dd hh:mm' }`. */
  formats?: Record<number, string>;
}

/** An XLSX workbook written by exceljs, as uploaded bytes. */
export async function xlsx(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) worksheet.addRow(row);
    for (const [column, format] of Object.entries(spec.formats ?? {})) {
      worksheet.getColumn(Number(column)).numFmt = format;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
