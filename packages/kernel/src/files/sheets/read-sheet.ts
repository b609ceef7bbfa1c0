import { readCsvRows } from './read-csv';
import { readXlsx, type XlsxWorkbook } from './read-xlsx';
import { sheetError } from './sheet-error';
import type { CellValue, SheetReadOptions, SheetRow } from './sheet-row';

/** A spreadsheet upload read either way: a CSV file is one sheet and never uses 1904 serials. */
export interface Workbook extends XlsxWorkbook {
  format: 'xlsx' | 'csv';
}

export interface SheetRowsOptions extends SheetReadOptions {
  /** Most non-blank rows (header included) before `${errorPrefix}.too_many_rows` is thrown while iterating. */
  maxRows?: number;
}

/**
 * Reads an uploaded spreadsheet: XLSX when the bytes are a zip, otherwise CSV (UTF-8, GBK or
 * UTF-16; comma or tab). Old `.xls` workbooks, web pages saved as spreadsheets, binary data and a
 * `.xlsx` name on bytes that are no zip throw `${errorPrefix}.unsupported`; a `.xls` name on text
 * is read as CSV, as that is what many systems export.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: SheetReadOptions = {},
): Promise<Workbook> {
  if (isZip(bytes)) return { format: 'xlsx', ...(await readXlsx(bytes, options)) };
  rejectNonCsv(bytes, fileName, options.errorPrefix);
  return { format: 'csv', sheets: [readCsvRows(bytes, options)], date1904: false };
}

/** The rows of the file's first sheet (see `readWorkbook`), read lazily. */
export async function readSheetRows(
  bytes: Uint8Array,
  fileName: string,
  options: SheetRowsOptions = {},
): Promise<Iterable<SheetRow>> {
  const { sheets } = await readWorkbook(bytes, fileName, options);
  const [first] = sheets;
  return options.maxRows === undefined ? first : limitRows(first, options.maxRows, options.errorPrefix);
}

function* limitRows(rows: Iterable<SheetRow>, maxRows: number, errorPrefix: string | undefined) {
  let count = 0;
  for (const row of rows) {
    if (!isBlank(row.cells)) count += 1;
    if (count > maxRows) {
      const limit = maxRows.toLocaleString('en-US');
      throw sheetError(
        errorPrefix,
        'too_many_rows',
        {
          en: `The file has more than ${limit} rows: split it into smaller files.`,
          zh: `文件超过 ${limit} 行：请拆分成较小的文件。`,
        },
        { limit: maxRows },
      );
    }
    yield row;
  }
}

function isBlank(cells: CellValue[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function rejectNonCsv(bytes: Uint8Array, fileName: string, errorPrefix: string | undefined): void {
  const isOldExcel = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^(\xef\xbb\xbf|\s)+/, '');
  const isWebPage = /^<(!doctype|html|table|\?xml)/i.test(start);
  if (isOldExcel || isWebPage) {
    throw sheetError(errorPrefix, 'unsupported', {
      en: 'Old .xls workbooks and web pages saved as spreadsheets are not supported: open the file in Excel and save it as .xlsx or CSV.',
      zh: '不支持旧版 .xls 工作簿或网页格式的表格：请用 Excel 打开后另存为 .xlsx 或 CSV。',
    });
  }
  // Text saved under a .xls name is common (and read as CSV); a .xlsx that is no zip is damaged.
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (/\.xlsx$/i.test(fileName.trim()) || (!isUtf16 && bytes.subarray(0, 8192).includes(0))) {
    throw sheetError(errorPrefix, 'unsupported', {
      en: 'The file is neither an XLSX workbook nor a CSV text file.',
      zh: '文件既不是 XLSX 工作簿，也不是 CSV 文本文件。',
    });
  }
}
