import { readWorkbook, type Sheet, type SheetRow } from '@zhizhi/kernel/files';
import { type HeaderMatch, HOTLINE_COLUMNS, matchHeader } from './hotline-columns';
import { fileError, HOTLINE_MAX_DATA_ROWS, rowError } from './hotline-errors';
import { cellText } from './hotline-values';
import { type HotlineRowCells, readHotlineRow } from './read-hotline-row';

/** One 12345 hotline work order (工单) as the city platform exports it. */
export type HotlineOrder = {
  /** 工单编号, unique within the file. */
  orderNo: string;
  /** 来电时间 / 受理时间, read as Beijing time. */
  receivedAt: Date;
  /** 来电人 / 联系人. */
  callerName: string | null;
  /** 联系电话: 11 mobile digits, or a landline as `0574-88123456`. */
  callerPhone: string | null;
  /** 诉求内容, at most 2000 characters, line breaks as `\n`. */
  content: string;
  /** 事发地址. */
  address: string | null;
  /** 诉求类型, as the platform words it. */
  category: string | null;
  /** 所属街道 / 所属镇街, as written: matching it to a division is the importer's job. */
  townName: string | null;
  /** 办理时限; a date without a time of day means the end of that day. */
  dueAt: Date | null;
  /** 经度, as exported (the platform's datum is not converted). */
  lng: number | null;
  /** 纬度, as exported. */
  lat: number | null;
};

/** Why one row was not imported. Messages name the field, never the value (it may be personal data). */
export type HotlineRowError = {
  /** 1-based spreadsheet row including the header row, as Excel shows it. */
  row: number;
  /** The `HotlineOrder` field at fault, e.g. `callerPhone`. */
  field: string;
  /** Stable code, e.g. `hotline.row.missing_order_no`. */
  code: string;
  message: string;
  messageZh: string;
};

export type ParseHotlineFileResult = {
  /** Rows without any error, in file order. */
  orders: Array<{ row: number; order: HotlineOrder }>;
  /** Every problem of every rejected row; a row may have several. */
  errors: HotlineRowError[];
  /** Non-empty data rows below the header. */
  totalRows: number;
};

// Real exports may put a title (奉化区12345工单导出 …) and a blank line above the header.
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads a 12345 work-order export, XLSX or CSV (UTF-8 or GBK), into orders and row errors.
 * Throws `InputError` (`hotline.file.*`) when the file as a whole cannot be read.
 */
export async function parseHotlineFile(bytes: Uint8Array, fileName: string): Promise<ParseHotlineFileResult> {
  const workbook = await readWorkbook(bytes, fileName, { errorPrefix: 'hotline.file' });
  return parseSheets(workbook.sheets, workbook.date1904);
}

function parseSheets(sheets: Sheet[], date1904: boolean): ParseHotlineFileResult {
  let closest: { row: number; match: HeaderMatch } | null = null;
  for (const sheet of sheets) {
    const rows = sheet[Symbol.iterator]();
    const found = findHeader(rows);
    if (found.header) return readOrders(rows, found.header.match, date1904);
    if (found.closest && (!closest || found.closest.match.columns.size > closest.match.columns.size)) {
      closest = found.closest;
    }
  }
  if (closest) {
    const missing = closest.match.missing.join('、');
    throw fileError(
      'hotline.file.missing_columns',
      { en: `The header row lacks required columns: ${missing}.`, zh: `表头缺少必需的列：${missing}。` },
      { row: closest.row, missing: closest.match.missing },
    );
  }
  const required = HOTLINE_COLUMNS.filter((column) => column.required).map((column) => column.label);
  throw fileError(
    'hotline.file.no_header',
    {
      en: `No header row found: one of the first rows must name the columns, including ${required.join(', ')}.`,
      zh: `未找到表头：前几行中应有一行列名，至少包括${required.join('、')}。`,
    },
    { required },
  );
}

type HeaderSearch = {
  header?: { row: number; match: HeaderMatch };
  /** The row with the most known column names, when none has all required ones. */
  closest?: { row: number; match: HeaderMatch };
};

function findHeader(rows: Iterator<SheetRow>): HeaderSearch {
  const search: HeaderSearch = {};
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; ) {
    const next = rows.next();
    if (next.done) break;
    if (isEmpty(next.value)) continue;
    seen += 1;
    const match = matchHeader(next.value.cells.map(cellText));
    const candidate = { row: next.value.row, match };
    if (match.missing.length === 0) {
      rejectAmbiguous(candidate);
      search.header = candidate;
      return search;
    }
    if (match.columns.size > (search.closest?.match.columns.size ?? 0)) search.closest = candidate;
  }
  return search;
}

function rejectAmbiguous({ row, match }: { row: number; match: HeaderMatch }): void {
  if (match.ambiguous.length === 0) return;
  const labels = match.ambiguous.map(
    (field) => HOTLINE_COLUMNS.find((column) => column.field === field)!.label,
  );
  throw fileError(
    'hotline.file.duplicate_column',
    {
      en: `The header row names the same column more than once: ${labels.join(', ')}.`,
      zh: `表头中有重复的列：${labels.join('、')}。`,
    },
    { row, columns: labels },
  );
}

function readOrders(
  rows: Iterator<SheetRow>,
  header: HeaderMatch,
  date1904: boolean,
): ParseHotlineFileResult {
  const result: ParseHotlineFileResult = { orders: [], errors: [], totalRows: 0 };
  const firstRowOf = new Map<string, number>();
  for (let next = rows.next(); !next.done; next = rows.next()) {
    const { row, cells } = next.value;
    if (isEmpty(next.value)) continue;
    result.totalRows += 1;
    if (result.totalRows > HOTLINE_MAX_DATA_ROWS) throw tooManyRows();
    const fields: HotlineRowCells = {};
    for (const [field, column] of header.columns) fields[field] = cells[column] ?? null;
    const { order, orderNo, errors } = readHotlineRow(fields, row, date1904);
    const firstRow = orderNo === null ? undefined : firstRowOf.get(orderNo);
    if (firstRow !== undefined) {
      errors.unshift(rowError(row, 'orderNo', 'hotline.row.duplicate_order_no', { firstRow }));
    } else if (orderNo !== null) {
      firstRowOf.set(orderNo, row);
    }
    if (errors.length > 0) result.errors.push(...errors);
    else if (order) result.orders.push({ row, order });
  }
  return result;
}

function isEmpty(row: SheetRow): boolean {
  return row.cells.every((cell) => cellText(cell) === '');
}

function tooManyRows() {
  const limit = HOTLINE_MAX_DATA_ROWS.toLocaleString('en-US');
  return fileError(
    'hotline.file.too_many_rows',
    {
      en: `The file has more than ${limit} orders: split it into smaller files, e.g. by date.`,
      zh: `文件超过 ${limit} 条工单：请拆分成较小的文件（例如按日期）。`,
    },
    { limit: HOTLINE_MAX_DATA_ROWS },
  );
}
