import type { CellValue, SheetRow } from '@zhizhi/kernel/files';
import { InputError } from '@zhizhi/kernel/errors';

/** Header names departments use for the address column (公安 户籍/实有人口, 自然资源 不动产, 水电气 用户). */
const ADDRESS_HEADERS = [
  '标准地址',
  '地址',
  '住址',
  '门牌地址',
  '户籍地址',
  '居住地址',
  '房屋坐落',
  '坐落',
  '用水地址',
  '用电地址',
  '用气地址',
  '装表地址',
  'address',
];
const ID_HEADERS = ['记录编号', '编号', '户号', '用户编号', '不动产单元号', '房屋编号', '记录号', 'id', 'ID'];

export const MAX_IMPORT_ROWS = 50_000;

export interface ImportRecord {
  /** The row as the spreadsheet shows it (1-based, header included). */
  row: number;
  sourceRecordId: string | null;
  raw: string;
}

function text(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function findColumn(header: readonly string[], wanted: string | undefined, names: readonly string[]): number {
  if (wanted !== undefined && wanted !== '') {
    const byName = header.indexOf(wanted);
    if (byName >= 0) return byName;
    if (/^\d+$/.test(wanted) && Number(wanted) < header.length) return Number(wanted);
    return -1;
  }
  for (const name of names) {
    const at = header.indexOf(name);
    if (at >= 0) return at;
  }
  for (const name of names) {
    const at = header.findIndex((h) => h.includes(name));
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * The address records of a departmental sheet: the first row is the header; the address column is
 * the one named (or the first whose header says 地址/坐落); only it and a record id are read, so
 * names, ID numbers and phone numbers in other columns are never stored.
 */
export function readImportRecords(rows: Iterable<SheetRow>, addressColumn?: string) {
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) throw new InputError('places.import.empty', 'The file has no rows.');
  const header = first.value.cells.map((cell) => text(cell));
  const addressAt = findColumn(header, addressColumn, ADDRESS_HEADERS);
  if (addressAt < 0) {
    throw new InputError(
      'places.import.no_address_column',
      addressColumn
        ? `There is no column "${addressColumn}".`
        : 'No address column found: name it 地址 (or 住址, 房屋坐落 …) or choose it.',
      { columns: header.slice(0, 50) },
    );
  }
  const idAt = findColumn(header, undefined, ID_HEADERS);
  const records: ImportRecord[] = [];
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const { row, cells } = next.value;
    const raw = text(cells[addressAt]);
    const sourceRecordId = idAt >= 0 ? text(cells[idAt]).slice(0, 100) || null : null;
    if (raw === '' && cells.every((cell) => text(cell) === '')) continue;
    records.push({ row, sourceRecordId, raw });
    if (records.length > MAX_IMPORT_ROWS) {
      throw new InputError(
        'places.import.too_many_rows',
        `A file may hold at most ${MAX_IMPORT_ROWS} records; split it.`,
      );
    }
  }
  if (records.length === 0)
    throw new InputError('places.import.empty', 'The file has a header but no records.');
  return { header, addressColumn: header[addressAt] || String(addressAt), records };
}
