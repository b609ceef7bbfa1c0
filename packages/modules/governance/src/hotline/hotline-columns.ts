import type { HotlineOrder } from './parse-hotline';

/** A work-order field that a column of the export fills. */
export type HotlineField = keyof HotlineOrder;

interface HotlineColumn {
  field: HotlineField;
  /** The name a 12345 export gives the column, used in messages to the user. */
  label: string;
  /** How English messages name the field. */
  english: string;
  required: boolean;
  /**
   * Header names after `normalizeHeader`, preferred first: when an export has two of them
   * (来电时间 and 受理时间 are both common), the earlier one wins.
   */
  synonyms: string[];
}

export const HOTLINE_COLUMNS: readonly HotlineColumn[] = [
  {
    field: 'orderNo',
    label: '工单编号',
    english: 'order number',
    required: true,
    synonyms: ['工单编号', '工单号', '工单编码', '工单流水号'],
  },
  {
    field: 'receivedAt',
    label: '来电时间',
    english: 'call time',
    required: true,
    synonyms: ['来电时间', '受理时间', '来电日期', '受理日期', '登记时间'],
  },
  {
    field: 'callerName',
    label: '来电人',
    english: 'caller name',
    required: false,
    synonyms: ['来电人', '联系人', '来电人姓名', '联系人姓名', '诉求人'],
  },
  {
    field: 'callerPhone',
    label: '联系电话',
    english: 'contact phone',
    required: false,
    synonyms: ['联系电话', '来电号码', '联系人电话', '来电电话', '联系方式', '手机号码'],
  },
  {
    field: 'content',
    label: '诉求内容',
    english: 'request content',
    required: true,
    synonyms: ['诉求内容', '工单内容', '来电内容', '诉求详情', '问题描述'],
  },
  {
    field: 'address',
    label: '事发地址',
    english: 'address',
    required: false,
    synonyms: ['事发地址', '地址', '事发地点', '诉求地址', '详细地址'],
  },
  {
    field: 'category',
    label: '诉求类型',
    english: 'category',
    required: false,
    synonyms: ['诉求类型', '工单类别', '工单类型', '诉求分类', '问题分类'],
  },
  {
    field: 'townName',
    label: '所属街道',
    english: 'subdistrict or town',
    required: false,
    synonyms: ['所属街道', '所属镇街', '所属镇(街道)', '所属镇街道', '镇街', '街道'],
  },
  {
    field: 'dueAt',
    label: '办理时限',
    english: 'due time',
    required: false,
    synonyms: ['办理时限', '截止时间', '办结时限', '处理时限', '到期时间'],
  },
  {
    field: 'lng',
    label: '经度',
    english: 'longitude',
    required: false,
    synonyms: ['经度', 'lng', 'lon', 'longitude'],
  },
  {
    field: 'lat',
    label: '纬度',
    english: 'latitude',
    required: false,
    synonyms: ['纬度', 'lat', 'latitude'],
  },
];

const COLUMN_BY_FIELD = new Map(HOTLINE_COLUMNS.map((column) => [column.field, column]));

export function hotlineColumn(field: HotlineField): HotlineColumn {
  return COLUMN_BY_FIELD.get(field)!;
}

/**
 * `＜工单编号（必填）＞ ` → `工单编号(必填)`: NFKC folds full-width letters, digits and brackets to
 * half-width; whitespace anywhere and `*` required-markers are dropped; Latin letters lower-cased.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b]/g, '')
    .replace(/^\*+|\*+$/g, '')
    .toLowerCase();
}

/** `工单编号(必填)` → `工单编号`, `截止时间[yyyy-mm-dd]` → `截止时间`. */
function withoutNote(header: string): string {
  return header.replace(/(\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)$/, '');
}

/** Which column of a header row fills which field. */
export interface HeaderMatch {
  columns: Map<HotlineField, number>;
  /** Fields whose best header name appears in more than one column: the file is ambiguous. */
  ambiguous: HotlineField[];
  /** Labels of the required columns not found. */
  missing: string[];
}

export function matchHeader(headers: readonly string[]): HeaderMatch {
  const names = headers.map((header) => {
    const name = normalizeHeader(header);
    return [name, withoutNote(name)];
  });
  const columns = new Map<HotlineField, number>();
  const ambiguous: HotlineField[] = [];
  for (const column of HOTLINE_COLUMNS) {
    for (const synonym of column.synonyms) {
      const found = names.flatMap(([name, bare], index) =>
        name === synonym || bare === synonym ? [index] : [],
      );
      if (found.length === 0) continue;
      if (found.length > 1) ambiguous.push(column.field);
      columns.set(column.field, found[0]);
      break;
    }
  }
  const missing = HOTLINE_COLUMNS.filter((column) => column.required && !columns.has(column.field)).map(
    (column) => column.label,
  );
  return { columns, ambiguous, missing };
}
