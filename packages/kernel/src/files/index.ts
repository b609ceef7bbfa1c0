export {
  createFileStore,
  DEFAULT_MAX_BYTES,
  IMAGE_TYPES,
  type FileStore,
  type StoreFileInput,
} from './file-store';
export { sniffType } from './sniff-type';
export { filesFile } from './schema';
export { decodeCsvText, parseCsvRecords, readCsvRows, sniffDelimiter } from './sheets/read-csv';
export { readSheetRows, readWorkbook, type SheetRowsOptions, type Workbook } from './sheets/read-sheet';
export { readXlsx, type XlsxWorkbook } from './sheets/read-xlsx';
export { DEFAULT_SHEET_ERROR_PREFIX, type SheetErrorName } from './sheets/sheet-error';
export type { CellValue, Sheet, SheetReadOptions, SheetRow } from './sheets/sheet-row';
