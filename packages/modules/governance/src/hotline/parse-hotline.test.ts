import { readFileSync } from 'node:fs';
import { InputError } from '@zhizhi/kernel/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HotlineOrder, parseHotlineFile } from './parse-hotline';
import { encodeGbk, HEADER, orderRow, toCsv, utf8 } from './test/factories';

const parseCsv = (rows: string[][], options: Parameters<typeof toCsv>[1] = {}) =>
  parseHotlineFile(utf8(toCsv(rows, options)), 'orders.csv');

const firstOrder: HotlineOrder = {
  orderNo: 'FH2025100900001',
  receivedAt: new Date('2025-10-09T06:03:00Z'),
  callerName: '王先生',
  callerPhone: '13900000001',
  content: '南山路与中山路交叉口路面有大坑，雨天积水，电动车容易摔倒，请尽快修补。',
  address: '锦屏街道南山路与中山路交叉口',
  category: '城乡建设/道路设施',
  townName: '锦屏街道',
  dueAt: new Date('2025-10-16T06:03:00Z'),
  lng: 121.4062,
  lat: 29.6553,
};

/** What went wrong, without the English and Chinese prose. */
const problems = (errors: { row: number; field: string; code: string }[]) =>
  errors.map(({ row, field, code }) => ({ row, field, code }));

async function fileErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('parseHotlineFile: CSV', () => {
  it('reads a UTF-8 file with a byte order mark into orders in Beijing time', async () => {
    const result = await parseCsv([HEADER, orderRow()], { bom: true });
    expect(result).toEqual({ orders: [{ row: 2, order: firstOrder }], errors: [], totalRows: 1 });
  });

  it('reads a GBK file as Excel in China saves it', async () => {
    const bytes = encodeGbk(toCsv([HEADER, orderRow()]));
    expect(await parseHotlineFile(bytes, '工单导出.csv')).toEqual({
      orders: [{ row: 2, order: firstOrder }],
      errors: [],
      totalRows: 1,
    });
  });

  it('matches headers by synonym, full-width form, spacing, notes and marks', async () => {
    const header = [
      ' 工单号 ',
      '受理时间',
      '联系人',
      '来电号码',
      '工单内容（必填）',
      '地址',
      '工单类别',
      '所属镇街',
      '截止时间[yyyy-mm-dd]',
      'ＬＮＧ',
      '*纬　度',
    ];
    const result = await parseCsv([header, orderRow()]);
    expect(result.orders).toEqual([{ row: 2, order: firstOrder }]);
  });

  it('prefers 来电时间 over 受理时间 when an export has both, and ignores unknown columns', async () => {
    const header = ['受理时间', '工单编号', '来电时间', '诉求内容', '办理状态'];
    const result = await parseCsv([
      header,
      ['2025-10-10 09:00:00', 'FH1', '2025-10-09 14:03', '噪音扰民', '已办结'],
    ]);
    expect(result.orders[0].order).toMatchObject({
      orderNo: 'FH1',
      receivedAt: new Date('2025-10-09T06:03:00Z'),
      callerName: null,
      callerPhone: null,
      dueAt: null,
      lng: null,
      lat: null,
    });
  });

  it('keeps quoted commas, quotes and line breaks, and numbers rows as Excel shows them', async () => {
    const content = '1、路面破损, 影响通行；\r\n2、井盖"松动"\n请尽快处理';
    const csv = toCsv([
      ['奉化区12345工单导出（2025-10-01至2025-10-09）'],
      [],
      HEADER,
      orderRow({ 诉求内容: content }),
      ['', '', '', '', '', '', '', '', '', '', ''],
      orderRow({ 工单编号: 'FH2', 来电时间: '2025/10/9 14:03' }),
    ]);
    const result = await parseHotlineFile(utf8(csv), 'orders.csv');
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(2);
    expect(result.orders.map(({ row }) => row)).toEqual([4, 6]);
    expect(result.orders[0].order.content).toBe('1、路面破损, 影响通行；\n2、井盖"松动"\n请尽快处理');
    expect(result.orders[1].order.receivedAt).toEqual(new Date('2025-10-09T06:03:00Z'));
  });

  it('reads Beijing time whatever time zone the server runs in', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(2025, 9, 9).getTimezoneOffset()).not.toBe(-480);
      const result = await parseCsv([HEADER, orderRow({ 来电时间: '45939.58541666667' })]);
      expect(result.orders[0].order.receivedAt).toEqual(new Date('2025-10-09T06:03:00Z'));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('reports every problem of a row and leaves the row out of the orders', async () => {
    const result = await parseCsv([
      HEADER,
      orderRow({ 工单编号: '', 来电时间: '2025-02-30 10:00', 联系电话: '139****0001', 诉求内容: ' ' }),
      orderRow({ 工单编号: 'FH2', 来电时间: '', 办理时限: '5个工作日', 经度: '121.4', 纬度: '' }),
      orderRow({ 工单编号: 'FH3', 经度: '29.6553', 纬度: '121.4062' }),
      orderRow({ 工单编号: 'FH4', 经度: 'abc' }),
    ]);
    expect(result.orders).toEqual([]);
    expect(result.totalRows).toBe(4);
    expect(problems(result.errors)).toEqual([
      { row: 2, field: 'orderNo', code: 'hotline.row.missing_order_no' },
      { row: 2, field: 'receivedAt', code: 'hotline.row.invalid_received_at' },
      { row: 2, field: 'callerPhone', code: 'hotline.row.invalid_phone' },
      { row: 2, field: 'content', code: 'hotline.row.missing_content' },
      { row: 3, field: 'receivedAt', code: 'hotline.row.missing_received_at' },
      { row: 3, field: 'dueAt', code: 'hotline.row.invalid_due_at' },
      { row: 3, field: 'lat', code: 'hotline.row.incomplete_coordinates' },
      { row: 4, field: 'lng', code: 'hotline.row.invalid_coordinate' },
      { row: 4, field: 'lat', code: 'hotline.row.invalid_coordinate' },
      { row: 5, field: 'lng', code: 'hotline.row.invalid_coordinate' },
    ]);
    for (const error of result.errors) {
      expect(error.message).toMatch(/^[A-Z].*\.$/);
      expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('never repeats personal data in its messages', async () => {
    const result = await parseCsv([
      HEADER,
      orderRow({ 来电人: '欧阳娜娜'.repeat(13), 联系电话: '1390000000' }),
      orderRow({ 工单编号: 'FH2', 联系电话: '0574-8800' }),
    ]);
    expect(problems(result.errors)).toEqual([
      { row: 2, field: 'callerName', code: 'hotline.row.too_long' },
      { row: 2, field: 'callerPhone', code: 'hotline.row.invalid_phone' },
      { row: 3, field: 'callerPhone', code: 'hotline.row.invalid_phone' },
    ]);
    const text = JSON.stringify(result.errors);
    for (const personal of ['欧阳', '娜娜', '1390000000', '0574-8800']) expect(text).not.toContain(personal);
  });

  it('rejects a repeated order number and names the row it first appeared on', async () => {
    const result = await parseCsv([
      HEADER,
      orderRow(),
      orderRow({ 工单编号: 'FH2' }),
      orderRow({ 工单编号: 'ＦＨ2025100900001', 诉求内容: '' }),
    ]);
    expect(result.orders.map(({ row }) => row)).toEqual([2, 3]);
    expect(problems(result.errors)).toEqual([
      { row: 4, field: 'orderNo', code: 'hotline.row.duplicate_order_no' },
      { row: 4, field: 'content', code: 'hotline.row.missing_content' },
    ]);
    expect(result.errors[0].message).toBe('The order number repeats the one on row 2.');
    expect(result.errors[0].messageZh).toBe('工单编号与第 2 行重复。');
  });

  it('limits the request content to 2000 characters', async () => {
    const result = await parseCsv([
      HEADER,
      orderRow({ 诉求内容: '噪'.repeat(2000) }),
      orderRow({ 工单编号: 'FH2', 诉求内容: '噪'.repeat(2001) }),
    ]);
    expect(result.orders.map(({ row }) => row)).toEqual([2]);
    expect(result.errors).toEqual([
      {
        row: 3,
        field: 'content',
        code: 'hotline.row.too_long',
        message: 'The request content is longer than 2000 characters.',
        messageZh: '诉求内容超过 2000 个字符。',
      },
    ]);
  });

  it('flags order numbers with spaces or that Excel turned into numbers', async () => {
    const result = await parseCsv([
      HEADER,
      orderRow({ 工单编号: '1.23457E+17' }),
      orderRow({ 工单编号: 'FH 2025' }),
      orderRow({ 工单编号: '2E10' }),
      orderRow({ 工单编号: ` FH${'9'.repeat(63)}` }),
    ]);
    expect(problems(result.errors)).toEqual([
      { row: 2, field: 'orderNo', code: 'hotline.row.invalid_order_no' },
      { row: 3, field: 'orderNo', code: 'hotline.row.invalid_order_no' },
      { row: 5, field: 'orderNo', code: 'hotline.row.too_long' },
    ]);
    expect(result.orders.map(({ order }) => order.orderNo)).toEqual(['2E10']);
  });

  it('round-trips any valid orders written by an RFC 4180 writer', async () => {
    const textArb = fc
      .string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '诉', '求', '，', '“'), maxLength: 40 })
      .map((text) => text.trim());
    const orderArb = fc.record({
      receivedAt: fc.integer({ min: Date.UTC(1990, 0, 1, 0, 0, 0) / 1000, max: Date.UTC(2099, 0, 1) / 1000 }),
      callerName: textArb,
      content: textArb.filter((text) => text !== ''),
      address: textArb,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,20}$/), { minLength: 1, maxLength: 8 }),
        fc.array(orderArb, { minLength: 8, maxLength: 8 }),
        fc.shuffledSubarray(['工单编号', '来电时间', '来电人', '诉求内容', '事发地址'], { minLength: 5 }),
        fc.record({ bom: fc.boolean(), alwaysQuote: fc.boolean(), lineEnd: fc.constantFrom('\r\n', '\n') }),
        async (orderNos, orders, header, options) => {
          const wallClock = (seconds: number) =>
            new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
          const written = orderNos.map((orderNo, index) => {
            const order = orders[index];
            const cells: Record<string, string> = {
              工单编号: orderNo,
              来电时间: wallClock(order.receivedAt),
              来电人: order.callerName,
              诉求内容: order.content,
              事发地址: order.address,
            };
            return header.map((name) => cells[name]);
          });
          const result = await parseCsv([header, ...written], options);
          const lines = (text: string) => text.replace(/\r\n?/g, '\n');
          expect(result.errors).toEqual([]);
          expect(result.orders).toEqual(
            orderNos.map((orderNo, index) => ({
              row: index + 2,
              order: expect.objectContaining({
                orderNo,
                receivedAt: new Date((orders[index].receivedAt - 8 * 3600) * 1000),
                callerName: lines(orders[index].callerName) || null,
                content: lines(orders[index].content),
                address: lines(orders[index].address) || null,
              }),
            })),
          );
        },
      ),
    );
  });

  it('reads the sample export shipped beside the parser', async () => {
    const bytes = readFileSync(new URL('./sample-12345.csv', import.meta.url));
    const result = await parseHotlineFile(bytes, 'sample-12345.csv');
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(8);
    expect(result.orders).toHaveLength(8);
    expect(result.orders[2].order.content).toContain('\n2、');
    expect(result.orders[6].order).toMatchObject({ callerName: null, callerPhone: null });
  });
});

describe('parseHotlineFile: file problems', () => {
  it('refuses files that are neither XLSX nor CSV text', async () => {
    const files: [Uint8Array, string][] = [
      [utf8('%PDF-1.7\n\u0000\u0001binary'), 'orders.pdf'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'orders.xls'],
      [utf8('<html><body><table><tr><td>工单编号</td></tr></table></body></html>'), 'orders.xls'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'orders.xlsx'],
      [utf8(toCsv([HEADER, orderRow()])), 'orders.xlsx'],
    ];
    for (const [bytes, name] of files) {
      const error = await fileErrorOf(parseHotlineFile(bytes, name));
      expect(error.code, name).toBe('hotline.file.unsupported');
      expect(error.details?.messageZh).toEqual(expect.any(String));
    }
  });

  it('reads text saved under an .xls name as CSV', async () => {
    const result = await parseHotlineFile(utf8(toCsv([HEADER, orderRow()])), '工单.xls');
    expect(result.orders).toHaveLength(1);
  });

  it('needs a header row naming the required columns', async () => {
    expect((await fileErrorOf(parseHotlineFile(new Uint8Array(), 'empty.csv'))).code).toBe(
      'hotline.file.no_header',
    );
    const unrelated = await fileErrorOf(
      parseCsv([
        ['姓名', '年龄'],
        ['张三', '30'],
      ]),
    );
    expect(unrelated.code).toBe('hotline.file.no_header');
    expect(unrelated.message).not.toContain('张三');
    const missing = await fileErrorOf(parseCsv([['工单编号', '联系电话', '诉求内容'], orderRow()]));
    expect(missing).toMatchObject({
      code: 'hotline.file.missing_columns',
      message: 'The header row lacks required columns: 来电时间.',
      details: { row: 1, missing: ['来电时间'], messageZh: '表头缺少必需的列：来电时间。' },
    });
  });

  it('refuses a header that names a column twice', async () => {
    const error = await fileErrorOf(parseCsv([[...HEADER, '工单编号'], orderRow()]));
    expect(error).toMatchObject({
      code: 'hotline.file.duplicate_column',
      details: { columns: ['工单编号'] },
    });
  });

  it('takes 20,000 orders and refuses one more', async () => {
    const rows = (count: number) =>
      [
        HEADER.slice(0, 5),
        ...Array.from({ length: count }, (_, index) => [`FH${index}`, '2025-10-09 14:03', '', '', '噪音']),
      ]
        .map((row) => row.join(','))
        .join('\n');
    const full = await parseHotlineFile(utf8(rows(20_000)), 'orders.csv');
    expect(full.orders).toHaveLength(20_000);
    const error = await fileErrorOf(parseHotlineFile(utf8(rows(20_001)), 'orders.csv'));
    expect(error).toMatchObject({
      code: 'hotline.file.too_many_rows',
      status: 400,
      details: { limit: 20_000 },
    });
  });

  it('names the row of a quoted field that is never closed', async () => {
    const text = `${toCsv([HEADER, orderRow()])}FH2,2025-10-09 14:03,,,"没有结束引号\r\n`;
    const error = await fileErrorOf(parseHotlineFile(utf8(text), 'orders.csv'));
    expect(error).toMatchObject({ code: 'hotline.file.unterminated_quote', details: { row: 3 } });
  });
});
