import { describe, expect, it } from 'vitest';
import { parseHotlineFile } from './parse-hotline';
import { HEADER, orderRow, xlsx } from './test/factories';

const header = HEADER.slice(0, 5); // 工单编号 来电时间 来电人 联系电话 诉求内容
const callTime = new Date('2025-10-09T06:03:00Z');
/** What Excel shows as 2025-10-09 14:03, as exceljs hands it over: wall clock in UTC fields. */
const shownAs1403 = new Date(Date.UTC(2025, 9, 9, 14, 3));

describe('parseHotlineFile: XLSX', () => {
  it('reads date cells, serials in General cells and text dates, all as Beijing time', async () => {
    const bytes = await xlsx([
      {
        name: '工单',
        rows: [
          header,
          ['FH1', shownAs1403, '王先生', '13900000001', '路面坑洼'],
          ['FH2', 45939.58541666667, '李女士', 13900000002, '夜间施工噪音'],
          ['FH3', '2025/10/9 14:03', null, null, '垃圾未清运'],
        ],
        formats: { 1: '@' },
      },
    ]);
    const result = await parseHotlineFile(bytes, 'orders.xlsx');
    expect(result.errors).toEqual([]);
    expect(
      result.orders.map(({ row, order }) => [row, order.orderNo, order.receivedAt, order.callerPhone]),
    ).toEqual([
      [2, 'FH1', callTime, '13900000001'],
      [3, 'FH2', callTime, '13900000002'],
      [4, 'FH3', callTime, null],
    ]);
  });

  it('reads numbers, rich text, formulas and hyperlinks as what the cell shows', async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          [...header, '事发地址', '经度', '纬度'],
          [
            2025100900001,
            { formula: 'DATE(2025,10,9)+TIME(14,3,0)', result: shownAs1403 },
            { richText: [{ text: '王' }, { text: '先生', font: { bold: true } }] },
            { text: '13900000001', hyperlink: 'tel:13900000001' },
            { richText: [{ text: '路面' }, { text: '坑洼' }] },
            { formula: 'CONCAT("锦屏街道","南山路")', result: '锦屏街道南山路' },
            121.4062,
            29.6553,
          ],
        ],
      },
    ]);
    const result = await parseHotlineFile(bytes, 'orders.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.orders[0].order).toEqual({
      orderNo: '2025100900001',
      receivedAt: callTime,
      callerName: '王先生',
      callerPhone: '13900000001',
      content: '路面坑洼',
      address: '锦屏街道南山路',
      category: null,
      townName: null,
      dueAt: null,
      lng: 121.4062,
      lat: 29.6553,
    });
  });

  it('flags order numbers that Excel stored as numbers and so lost digits', async () => {
    const bytes = await xlsx([
      {
        name: '工单',
        rows: [
          header,
          [2510090001234567, shownAs1403, null, null, '噪音'],
          [12.5, shownAs1403, null, null, '噪音'],
        ],
      },
    ]);
    const result = await parseHotlineFile(bytes, 'orders.xlsx');
    expect(result.errors.map(({ row, code }) => [row, code])).toEqual([
      [2, 'hotline.row.invalid_order_no'],
      [3, 'hotline.row.invalid_order_no'],
    ]);
  });

  it('counts serials from 1904 when the workbook says so', async () => {
    const bytes = await xlsx(
      [{ name: '工单', rows: [header, ['FH1', 44477.58541666667, null, null, '噪音']] }],
      {
        date1904: true,
      },
    );
    const result = await parseHotlineFile(bytes, 'orders.xlsx');
    expect(result.orders[0].order.receivedAt).toEqual(callTime);
  });

  it('uses the first sheet with a header, below any title, and numbers rows as Excel does', async () => {
    const bytes = await xlsx([
      { name: '说明', rows: [['本表由12345平台导出'], ['工单编号：每张工单唯一']] },
      {
        name: '工单',
        rows: [
          ['奉化区12345工单导出（2025-10-01至2025-10-09）'],
          [],
          HEADER,
          orderRow(),
          [],
          orderRow({ 工单编号: 'FH2', 联系电话: '无' }),
          orderRow({ 工单编号: 'FH3' }),
        ],
      },
    ]);
    const result = await parseHotlineFile(bytes, '工单导出.xlsx');
    expect(result.totalRows).toBe(3);
    expect(result.orders.map(({ row }) => row)).toEqual([4, 7]);
    expect(result.errors.map(({ row, field, code }) => [row, field, code])).toEqual([
      [6, 'callerPhone', 'hotline.row.invalid_phone'],
    ]);
  });

  it('reports the closest header when no sheet has all required columns', async () => {
    const bytes = await xlsx([
      {
        name: '工单',
        rows: [
          ['工单编号', '诉求内容', '联系电话'],
          ['FH1', '噪音', '13900000001'],
        ],
      },
    ]);
    await expect(parseHotlineFile(bytes, 'orders.xlsx')).rejects.toMatchObject({
      code: 'hotline.file.missing_columns',
      details: { missing: ['来电时间'] },
    });
  });
});
