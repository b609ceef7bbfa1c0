import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors';
import { decodeCsvText, parseCsvRecords, readCsvRows, sniffDelimiter } from './read-csv';
import { encodeGbk, toCsv, utf8 } from './test/factories';

const records = (text: string, delimiter: ',' | '\t' = ',') => [...parseCsvRecords(text, delimiter)];
const cellsOf = (text: string) => records(text).map((record) => record.cells);

/** Text with every character RFC 4180 treats specially, plus Chinese and full-width punctuation. */
const fieldArb = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', ' ', ',', '"', '\r', '\n', '诉', '求', '，', '“', '\t', 'é', '😀'),
  maxLength: 12,
});

describe('parseCsvRecords', () => {
  it('reads quoted delimiters, doubled quotes and line breaks inside a field', () => {
    expect(cellsOf('a,"b,c","say ""hi""","line1\r\nline2"\r\nd,e,f,g\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'line1\r\nline2'],
      ['d', 'e', 'f', 'g'],
    ]);
  });

  it('numbers records as Excel rows, however many lines a record spans', () => {
    expect(records('h1,h2\n"x\ny\nz",1\n\n"",2').map(({ row, cells }) => [row, cells])).toEqual([
      [1, ['h1', 'h2']],
      [2, ['x\ny\nz', '1']],
      [3, ['']],
      [4, ['', '2']],
    ]);
  });

  it('accepts CRLF, LF and CR line ends, and a last record without one', () => {
    expect(cellsOf('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(cellsOf('a,')).toEqual([['a', '']]);
    expect(cellsOf('')).toEqual([]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(cellsOf('5" pipe,"x"y\n')).toEqual([['5" pipe', 'xy']]);
  });

  it('splits on tabs when asked', () => {
    expect(cellsOf('a\tb')).toEqual([['a\tb']]);
    expect(records('a\t"b\tc"\td', '\t').map((record) => record.cells)).toEqual([['a', 'b\tc', 'd']]);
  });

  it('names the row where a quoted field is never closed, in English and Chinese', () => {
    const text = 'a,b\r\nc,"never closed\r\nd,e\r\n';
    let error: unknown;
    try {
      records(text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'files.sheet.unterminated_quote',
      status: 400,
      message: 'A quoted field that starts on row 2 is never closed.',
      details: { row: 2, messageZh: '第 2 行开始的带引号字段没有结束引号。' },
    });
  });

  it("starts error codes with the caller's prefix", () => {
    expect(() => [...parseCsvRecords('"open', ',', { errorPrefix: 'places.file' })]).toThrow(
      expect.objectContaining({
        code: 'places.file.unterminated_quote',
        details: expect.objectContaining({ row: 1 }),
      }),
    );
    expect(() => [...readCsvRows(utf8('a\n"b'), { errorPrefix: 'hotline.file' })]).toThrow(
      expect.objectContaining({
        code: 'hotline.file.unterminated_quote',
        details: expect.objectContaining({ row: 2 }),
      }),
    );
  });

  it('round-trips any table written by an RFC 4180 writer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.array(fc.array(fieldArb, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 8,
          }),
        ),
        fc.boolean(),
        (table, alwaysQuote) => {
          const parsed = records(toCsv(table, { alwaysQuote }));
          expect(parsed.map((record) => record.cells)).toEqual(table);
          expect(parsed.map((record) => record.row)).toEqual(table.map((_, index) => index + 1));
        },
      ),
    );
  });
});

describe('decodeCsvText', () => {
  const text = '工单编号,诉求内容\r\nFH1,锦屏街道南山路噪音扰民\r\n';

  it('reads UTF-8 with or without a byte order mark', () => {
    expect(decodeCsvText(utf8(text))).toBe(text);
    expect(decodeCsvText(utf8(`\ufeff${text}`))).toBe(text);
  });

  it('reads GBK, which is what Excel in China saves CSV as', () => {
    const bytes = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvText(bytes)).toBe(text);
  });

  it('reads UTF-16 with a byte order mark, as Excel saves Unicode text', () => {
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) {
      utf16[2 + index * 2] = text.charCodeAt(index) & 0xff;
      utf16[3 + index * 2] = text.charCodeAt(index) >> 8;
    }
    expect(decodeCsvText(utf16)).toBe(text);
  });
});

describe('readCsvRows', () => {
  it('unwraps Excel ="…" text cells and sniffs a tab delimiter', () => {
    expect(sniffDelimiter('a\tb\tc\n1,5\t2\t3')).toBe('\t');
    expect(sniffDelimiter('a,b\n')).toBe(',');
    const rows = [...readCsvRows(utf8('工单编号\t联系电话\n="FH001"\t="0574-88000001"\n'))];
    expect(rows[1]).toEqual({ row: 2, cells: ['FH001', '0574-88000001'] });
  });
});
