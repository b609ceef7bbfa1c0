/**
 * One cell as read from either format. XLSX dates arrive as `Date` whose UTC fields hold the
 * wall-clock time Excel shows (that is how exceljs converts date serials).
 */
export type CellValue = string | number | boolean | Date | null;

/** One row of a sheet: its number as Excel shows it (1-based, header included) and its cells. */
export interface SheetRow<Cell = CellValue> {
  row: number;
  cells: Cell[];
}

/** The rows of one sheet, produced lazily so an oversized file stops early. */
export type Sheet = Iterable<SheetRow>;

export interface SheetReadOptions {
  /** Start of every error code, e.g. `hotline.file` gives `hotline.file.unsupported`; default `files.sheet`. */
  errorPrefix?: string;
}
