import ExcelJS from 'exceljs';
import { sheetError } from './sheet-error';
import type { CellValue, Sheet, SheetReadOptions, SheetRow } from './sheet-row';

export interface XlsxWorkbook {
  /** The worksheets in tab order. */
  sheets: Sheet[];
  /** Serials count from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
}

/** Opens an XLSX workbook; a zip that is not one throws `${errorPrefix}.unsupported`. */
export async function readXlsx(bytes: Uint8Array, options: SheetReadOptions = {}): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as ArrayBuffer; a copy also detaches us from the caller's buffer.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw notAWorkbook(options.errorPrefix);
  }
  if (workbook.worksheets.length === 0) throw notAWorkbook(options.errorPrefix);
  return {
    sheets: workbook.worksheets.map((worksheet) => worksheetRows(worksheet)),
    date1904: workbook.properties.date1904 === true,
  };
}

function notAWorkbook(errorPrefix: string | undefined) {
  return sheetError(errorPrefix, 'unsupported', {
    en: 'The file is a zip archive but not a readable XLSX workbook.',
    zh: '文件是压缩包，但不是可读取的 XLSX 工作簿。',
  });
}

function* worksheetRows(worksheet: ExcelJS.Worksheet): Generator<SheetRow> {
  for (let number = 1; number <= worksheet.rowCount; number++) {
    const row = worksheet.findRow(number);
    if (!row) continue;
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = toCellValue(cell.value);
    });
    yield { row: number, cells: Array.from(cells, (cell) => cell ?? null) };
  }
}

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result ?? null);
  if ('hyperlink' in value) return toCellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}
