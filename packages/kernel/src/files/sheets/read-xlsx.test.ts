import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors';
import { readXlsx } from './read-xlsx';
import type { Sheet } from './sheet-row';
import { xlsx } from './test/factories';

/** What Excel shows as 2025-10-09 14:03, as exceljs hands it over: wall clock in UTC fields. */
const shownAs1403 = new Date(Date.UTC(2025, 9, 9, 14, 3));

const rowsOf = (sheet: Sheet) => [...sheet].map(({ row, cells }) => [row, cells]);

describe('readXlsx', () => {
  it('reads each cell as what it shows: text, numbers, booleans, dates, rich text, formulas, links', async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['编号', '时间', '名称', '电话', '地址', '数量', '有效', '错误'],
          [
            2025100900001,
            { formula: 'DATE(2025,10,9)+TIME(14,3,0)', result: shownAs1403 },
            { richText: [{ text: '王' }, { text: '先生', font: { bold: true } }] },
            { text: '13900000001', hyperlink: 'tel:13900000001' },
            { formula: 'CONCAT("锦屏街道","南山路")', result: '锦屏街道南山路' },
            12.5,
            true,
            { error: '#N/A' },
          ],
        ],
      },
    ]);
    const { sheets } = await readXlsx(bytes);
    expect(rowsOf(sheets[0])).toEqual([
      [1, ['编号', '时间', '名称', '电话', '地址', '数量', '有效', '错误']],
      [2, [2025100900001, shownAs1403, '王先生', '13900000001', '锦屏街道南山路', 12.5, true, '#N/A']],
    ]);
  });

  it('keeps column positions across empty cells, skips empty rows and numbers the rest as Excel does', async () => {
    const bytes = await xlsx([
      {
        name: '数据',
        rows: [['标题'], [], ['a', null, 'c'], [null, 'b']],
      },
    ]);
    const { sheets } = await readXlsx(bytes);
    expect(rowsOf(sheets[0])).toEqual([
      [1, ['标题']],
      [3, ['a', null, 'c']],
      [4, [null, 'b']],
    ]);
  });

  it('returns every worksheet in tab order, and whether serials count from 1904', async () => {
    const bytes = await xlsx(
      [
        { name: '说明', rows: [['本表由平台导出']] },
        { name: '数据', rows: [['x'], ['y']] },
      ],
      { date1904: true },
    );
    const workbook = await readXlsx(bytes);
    expect(workbook.date1904).toBe(true);
    expect(workbook.sheets.map(rowsOf)).toEqual([
      [[1, ['本表由平台导出']]],
      [
        [1, ['x']],
        [2, ['y']],
      ],
    ]);
    expect((await readXlsx(await xlsx([{ name: 'a', rows: [] }]))).date1904).toBe(false);
  });

  it("refuses a zip that is no workbook, in English and Chinese, under the caller's prefix", async () => {
    const notAWorkbook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const error = await readXlsx(notAWorkbook).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'files.sheet.unsupported',
      message: 'The file is a zip archive but not a readable XLSX workbook.',
      details: { messageZh: '文件是压缩包，但不是可读取的 XLSX 工作簿。' },
    });
    await expect(readXlsx(notAWorkbook, { errorPrefix: 'places.file' })).rejects.toMatchObject({
      code: 'places.file.unsupported',
    });
  });
});
