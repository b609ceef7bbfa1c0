import type { HotlineField } from './hotline-columns';
import {
  COORDINATE_RANGE,
  HOTLINE_MAX_LENGTH,
  type HotlineRowErrorCode,
  type RowErrorParams,
  rowError,
} from './hotline-errors';
import {
  type CellValue,
  cellText,
  normalizePhone,
  type ParseTimeOptions,
  parseBeijingTime,
  parseDecimal,
} from './hotline-values';
import type { HotlineOrder, HotlineRowError } from './parse-hotline';

/** The cells of one data row, by the field their column fills. */
export type HotlineRowCells = Partial<Record<HotlineField, CellValue>>;

export interface HotlineRowResult {
  /** The order when the row has no error. */
  order: HotlineOrder | null;
  /** The normalised order number when it is valid, so duplicates can be found across rows. */
  orderNo: string | null;
  errors: HotlineRowError[];
}

type Fail = (field: HotlineField, code: HotlineRowErrorCode, params?: RowErrorParams) => null;

// Excel keeps 15 significant digits: a longer order number stored as a number has lost some.
const LARGEST_EXACT_EXCEL_NUMBER = 1e15;

/** Checks one data row; `row` is the spreadsheet row number, for the errors. */
export function readHotlineRow(cells: HotlineRowCells, row: number, date1904: boolean): HotlineRowResult {
  const errors: HotlineRowError[] = [];
  const fail: Fail = (field, code, params) => {
    errors.push(rowError(row, field, code, params));
    return null;
  };
  const cell = (field: HotlineField) => cells[field] ?? null;
  const orderNo = readOrderNo(cell('orderNo'), fail);
  const receivedAt = readTime(
    cell('receivedAt'),
    'receivedAt',
    { date1904, dateOnlyMeansEndOfDay: false },
    fail,
  );
  const callerName = readText(cells, 'callerName', fail);
  const callerPhone = readPhone(cell('callerPhone'), fail);
  const content = readText(cells, 'content', fail);
  if (content === null && cellText(cell('content')) === '') fail('content', 'hotline.row.missing_content');
  const address = readText(cells, 'address', fail);
  const category = readText(cells, 'category', fail);
  const townName = readText(cells, 'townName', fail);
  const dueAt = readTime(cell('dueAt'), 'dueAt', { date1904, dateOnlyMeansEndOfDay: true }, fail);
  const { lng, lat } = readCoordinates(cell('lng'), cell('lat'), fail);
  if (errors.length > 0 || orderNo === null || receivedAt === null || content === null) {
    return { order: null, orderNo, errors };
  }
  return {
    order: {
      orderNo,
      receivedAt,
      callerName,
      callerPhone,
      content,
      address,
      category,
      townName,
      dueAt,
      lng,
      lat,
    },
    orderNo,
    errors,
  };
}

function readOrderNo(value: CellValue, fail: Fail): string | null {
  if (
    typeof value === 'number' &&
    (!Number.isSafeInteger(value) || Math.abs(value) >= LARGEST_EXACT_EXCEL_NUMBER)
  ) {
    return fail('orderNo', 'hotline.row.invalid_order_no');
  }
  const text = cellText(value).normalize('NFKC');
  if (text === '') return fail('orderNo', 'hotline.row.missing_order_no');
  // Excel writes a number it cannot hold as 1.23457E+17; `2E10` may be a genuine order number.
  if (/\s/.test(text) || /^\d(\.\d+)?E\+\d+$/i.test(text))
    return fail('orderNo', 'hotline.row.invalid_order_no');
  return checkLength(text, 'orderNo', fail);
}

/** The call time is required; the due time is not. */
function readTime(value: CellValue, field: 'receivedAt' | 'dueAt', options: ParseTimeOptions, fail: Fail) {
  const required = field === 'receivedAt';
  if (cellText(value) === '') return required ? fail(field, 'hotline.row.missing_received_at') : null;
  const invalid = required ? 'hotline.row.invalid_received_at' : 'hotline.row.invalid_due_at';
  return parseBeijingTime(value, options) ?? fail(field, invalid);
}

/** Trimmed text with line breaks as `\n`; null when the cell is empty or too long. */
function readText(cells: HotlineRowCells, field: HotlineField, fail: Fail): string | null {
  const text = cellText(cells[field] ?? null).replace(/\r\n?/g, '\n');
  return text === '' ? null : checkLength(text, field, fail);
}

function checkLength(text: string, field: HotlineField, fail: Fail): string | null {
  const max = HOTLINE_MAX_LENGTH[field];
  if (max !== undefined && [...text].length > max) return fail(field, 'hotline.row.too_long', { max });
  return text;
}

function readPhone(value: CellValue, fail: Fail): string | null {
  const text = cellText(value);
  if (text === '') return null;
  return normalizePhone(text) ?? fail('callerPhone', 'hotline.row.invalid_phone');
}

function readCoordinates(lngCell: CellValue, latCell: CellValue, fail: Fail) {
  const read = (field: 'lng' | 'lat', value: CellValue) => {
    if (cellText(value) === '') return null;
    const range = COORDINATE_RANGE[field];
    const number = parseDecimal(value);
    if (number === null || number < range.min || number > range.max) {
      return fail(field, 'hotline.row.invalid_coordinate', range);
    }
    return number;
  };
  const lng = read('lng', lngCell);
  const lat = read('lat', latCell);
  const lngGiven = cellText(lngCell) !== '';
  const latGiven = cellText(latCell) !== '';
  if (lngGiven !== latGiven) fail(lngGiven ? 'lat' : 'lng', 'hotline.row.incomplete_coordinates');
  return { lng, lat };
}
