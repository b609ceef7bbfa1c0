import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors';
import { readSheetRows, readWorkbook } from './read-sheet';
import { encodeGbk, utf8, xlsx } from './test/factories';

const cellsOf = async (rows: Promise<Iterable<{ cells: unknown[] }>>) =>
  [...(await rows)].map((row) => row.cells);

describe('readSheetRows', () => {
  it('reads XLSX by its zip signature, whatever the name, and only the first sheet', async () => {
    const bytes = await xlsx([
      {
        name: '门牌',
        rows: [
          ['地址', '门牌号'],
          ['南山路', 12],
        ],
      },
      { name: '说明', rows: [['另一张表']] },
    ]);
    expect(await cellsOf(readSheetRows(bytes, 'upload.csv'))).toEqual([
      ['地址', '门牌号'],
      ['南山路', 12],
    ]);
  });

  it('reads anything else as CSV: GBK, tab-separated, and text saved under a .xls name', async () => {
    expect(await cellsOf(readSheetRows(encodeGbk('地址,门牌号\r\n南山路,12\r\n'), '门牌.csv'))).toEqual([
      ['地址', '门牌号'],
      ['南山路', '12'],
    ]);
    expect(await cellsOf(readSheetRows(utf8('地址\t门牌号\n南山路\t="012"\n'), '门牌.xls'))).toEqual([
      ['地址', '门牌号'],
      ['南山路', '012'],
    ]);
    expect(await cellsOf(readSheetRows(new Uint8Array(), 'empty.csv'))).toEqual([]);
  });

  it('refuses old .xls workbooks, web pages, binary data and a .xlsx that is no zip', async () => {
    const oldExcel = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const oldMessage = {
      code: 'files.sheet.unsupported',
      message:
        'Old .xls workbooks and web pages saved as spreadsheets are not supported: open the file in Excel and save it as .xlsx or CSV.',
      details: {
        messageZh: '不支持旧版 .xls 工作簿或网页格式的表格：请用 Excel 打开后另存为 .xlsx 或 CSV。',
      },
    };
    const neither = {
      code: 'files.sheet.unsupported',
      message: 'The file is neither an XLSX workbook nor a CSV text file.',
      details: { messageZh: '文件既不是 XLSX 工作簿，也不是 CSV 文本文件。' },
    };
    await expect(readSheetRows(oldExcel, 'a.xls')).rejects.toBeInstanceOf(InputError);
    await expect(readSheetRows(oldExcel, 'a.xls')).rejects.toMatchObject(oldMessage);
    await expect(readSheetRows(utf8('\ufeff <html><table></table></html>'), 'a.xls')).rejects.toMatchObject(
      oldMessage,
    );
    await expect(readSheetRows(utf8('a,b\n1,2\n'), 'a.xlsx ')).rejects.toMatchObject(neither);
    await expect(readSheetRows(Uint8Array.from([0x61, 0, 0x62]), 'a.csv')).rejects.toMatchObject(neither);
    await expect(readSheetRows(oldExcel, 'a.xls', { errorPrefix: 'places.file' })).rejects.toMatchObject({
      code: 'places.file.unsupported',
    });
  });

  it('stops with too_many_rows past maxRows non-blank rows, not counting blank ones', async () => {
    const text = 'h\n1\n\n ,\n2\n3\n';
    expect(await cellsOf(readSheetRows(utf8(text), 'a.csv', { maxRows: 4 }))).toHaveLength(6);
    const rows = await readSheetRows(utf8(text), 'a.csv', { maxRows: 3, errorPrefix: 'places.file' });
    let error: unknown;
    try {
      for (const _ of rows);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'places.file.too_many_rows',
      message: 'The file has more than 3 rows: split it into smaller files.',
      details: { limit: 3, messageZh: '文件超过 3 行：请拆分成较小的文件。' },
    });
  });
});

describe('readWorkbook', () => {
  it('says which format it read and hands over every sheet', async () => {
    const bytes = await xlsx([
      { name: 'a', rows: [['x']] },
      { name: 'b', rows: [['y']] },
    ]);
    const workbook = await readWorkbook(bytes, 'book.xlsx');
    expect(workbook.format).toBe('xlsx');
    expect(workbook.sheets).toHaveLength(2);
    const csv = await readWorkbook(utf8('x\n'), 'book.csv');
    expect([csv.format, csv.sheets.length, csv.date1904]).toEqual(['csv', 1, false]);
  });
});
