import type { CellValue } from './hotline-values';

/** One row of a sheet: its number as Excel shows it (1-based, header included) and its cells. */
export interface SheetRow<Cell = CellValue> {
  row: number;
  cells: Cell[];
}

/** The rows of one sheet, produced lazily so an oversized file stops early. */
export type Sheet = Iterable<SheetRow>;
