import { InputError } from '@zhizhi/kernel/errors';
import { type HotlineField, hotlineColumn } from './hotline-columns';
import type { HotlineRowError } from './parse-hotline';

/** Most data rows one file may hold; larger exports are split by date range. */
export const HOTLINE_MAX_DATA_ROWS = 20_000;

/** Longest text each field may hold, in characters. */
export const HOTLINE_MAX_LENGTH: Partial<Record<HotlineField, number>> = {
  orderNo: 64,
  callerName: 50,
  content: 2000,
  address: 500,
  category: 100,
  townName: 50,
};

/** Coordinates must fall inside China's bounding box: 0/0 or swapped values are export bugs. */
export const COORDINATE_RANGE = {
  lng: { min: 73, max: 136 },
  lat: { min: 3, max: 54 },
} as const;

export type HotlineRowErrorCode =
  | 'hotline.row.missing_order_no'
  | 'hotline.row.invalid_order_no'
  | 'hotline.row.duplicate_order_no'
  | 'hotline.row.missing_received_at'
  | 'hotline.row.invalid_received_at'
  | 'hotline.row.invalid_due_at'
  | 'hotline.row.invalid_phone'
  | 'hotline.row.missing_content'
  | 'hotline.row.too_long'
  | 'hotline.row.invalid_coordinate'
  | 'hotline.row.incomplete_coordinates';

/** Numbers a message needs besides the field; never the cell's value (it may be personal data). */
export interface RowErrorParams {
  firstRow?: number;
  min?: number;
  max?: number;
}

interface Label {
  en: string;
  zh: string;
}

const DATE_EXAMPLE = '2025-10-09 14:03:00';

// Exhaustive: adding a code without its messages fails the typecheck.
const ROW_MESSAGES: Record<HotlineRowErrorCode, (label: Label, params: RowErrorParams) => Label> = {
  'hotline.row.missing_order_no': () => ({ en: 'The order number is empty.', zh: '工单编号为空。' }),
  'hotline.row.invalid_order_no': () => ({
    en: 'The order number contains spaces, or Excel turned it into a number and lost digits (shown like 1.23E+17): format the column as text and export again.',
    zh: '工单编号含有空格，或已被 Excel 转成数字而丢失位数（显示为 1.23E+17 之类）：请把该列设为文本格式后重新导出。',
  }),
  'hotline.row.duplicate_order_no': (_, { firstRow }) => ({
    en: `The order number repeats the one on row ${firstRow}.`,
    zh: `工单编号与第 ${firstRow} 行重复。`,
  }),
  'hotline.row.missing_received_at': () => ({ en: 'The call time is empty.', zh: '来电时间为空。' }),
  'hotline.row.invalid_received_at': () => ({
    en: `The call time is not a date and time such as ${DATE_EXAMPLE}.`,
    zh: `来电时间不是有效的日期时间（例如 ${DATE_EXAMPLE}）。`,
  }),
  'hotline.row.invalid_due_at': () => ({
    en: `The due time is not a date and time such as ${DATE_EXAMPLE}.`,
    zh: `办理时限不是有效的日期时间（例如 ${DATE_EXAMPLE}）。`,
  }),
  'hotline.row.invalid_phone': () => ({
    en: 'The contact phone is neither a mainland mobile number (11 digits starting with 13–19) nor a landline with its area code (such as 0574-88123456).',
    zh: '联系电话既不是有效的手机号码（13–19 开头的 11 位数字），也不是带区号的固定电话（例如 0574-88123456）。',
  }),
  'hotline.row.missing_content': () => ({ en: 'The request content is empty.', zh: '诉求内容为空。' }),
  'hotline.row.too_long': ({ en, zh }, { max }) => ({
    en: `The ${en} is longer than ${max} characters.`,
    zh: `${zh}超过 ${max} 个字符。`,
  }),
  'hotline.row.invalid_coordinate': ({ en, zh }, { min, max }) => ({
    en: `The ${en} must be a decimal number between ${min} and ${max}.`,
    zh: `${zh}必须是 ${min} 到 ${max} 之间的数字。`,
  }),
  'hotline.row.incomplete_coordinates': () => ({
    en: 'Longitude and latitude must be given together.',
    zh: '经度和纬度必须同时填写。',
  }),
};

export function rowError(
  row: number,
  field: HotlineField,
  code: HotlineRowErrorCode,
  params: RowErrorParams = {},
): HotlineRowError {
  const column = hotlineColumn(field);
  const { en, zh } = ROW_MESSAGES[code]({ en: column.english, zh: column.label }, params);
  return { row, field, code, message: en, messageZh: zh };
}

// `unsupported` and `unterminated_quote` come from the kernel's sheet readers (errorPrefix `hotline.file`).
export type HotlineFileErrorCode =
  | 'hotline.file.unsupported'
  | 'hotline.file.no_header'
  | 'hotline.file.missing_columns'
  | 'hotline.file.duplicate_column'
  | 'hotline.file.too_many_rows'
  | 'hotline.file.unterminated_quote';

/** A problem with the whole file; `details.messageZh` carries the Chinese message. */
export function fileError(
  code: HotlineFileErrorCode,
  message: Label,
  details: Record<string, unknown> = {},
): InputError {
  return new InputError(code, message.en, { ...details, messageZh: message.zh });
}
