import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHj212, encodeHj212, frameHj212, hj212Ack, hj212Crc } from './hj212';
import { Hj212Splitter } from './hj212-splitter';
import { ProtocolError } from './protocol-error';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const segment2011 =
  'QN=20260801120000123;ST=22;CN=2011;PW=123456;MN=330213TEST0001;Flag=5;CP=&&DataTime=20260801120000;' +
  'a34002-Rtd=85.2,a34002-Flag=N;LA-Rtd=62.1,LA-Flag=N&&';
/** 2026-08-01 12:00:00 China time. */
const noonAug1 = Date.UTC(2026, 7, 1, 4, 0, 0);

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtocolError) return error.code;
    throw error;
  }
  throw new Error('expected a ProtocolError');
}

describe('hj212Crc', () => {
  it('matches the example frame of HJ 212-2017 (##0101 … 1C80)', () => {
    // The standard's own sample (QN=20160801085857223, CN=1062 set real-time interval).
    const segment =
      'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&';
    expect(segment.length).toBe(101);
    expect(hj212Crc(bytes(segment))).toBe('1C80');
    const frame = decodeHj212(`##0101${segment}1C80\r\n`);
    expect(frame).toMatchObject({ command: '1062', address: '010000A8900016F000169DC0', needsAck: true });
    expect(frame.cp).toEqual({ RtdInterval: '30' });
  });

  it('matches CRCs published with two public HJ 212 clients', () => {
    // From a C# HJ 212 library's unit test (expected "5440") and a Java sample main ("##0081…7580").
    const dust =
      'QN=20180427125809000;ST=22;CN=2011;PW=123456;MN=LXHB0CS0306310;Flag=5;CP=&&DataTime=20180427125809;' +
      'a34004-Rtd=75600.000,a34004-Flag=N;a34002-Rtd=140600.000,a34002-Flag=N;a34001-Rtd=178000.000,' +
      'a34001-Flag=N;a01001-Rtd=24.8,a01001-Flag=N;a01002-Rtd=46.8,a01002-Flag=N;a01006-Rtd=101.380,' +
      'a01006-Flag=N;a01007-Rtd=0.0,a01007-Flag=N;a01008-Rtd=25,a01008-Flag=N;LA-Rtd=57.9,LA-Flag=N&&';
    expect(hj212Crc(bytes(dust))).toBe('5440');
    expect(
      hj212Crc(bytes('QN=20181111151745000;ST=21;CN=2011;PW=123456;MN=YSRDWQGQ1000001001;Flag=5;CP=&&&&')),
    ).toBe('7580');
  });

  it('is not CRC-16/MODBUS: the high byte is shifted down before each byte is mixed in', () => {
    expect(hj212Crc(bytes('123456789'))).toBe('2F80'); // Modbus gives 4B37
  });
});

describe('decodeHj212', () => {
  it('decodes 2011 real-time data with flags, China time and the answer request', () => {
    const frame = decodeHj212(frameHj212(segment2011));
    expect(frame).toMatchObject({
      protocol: 'hj212',
      address: '330213TEST0001',
      command: '2011',
      st: '22',
      pw: '123456',
      flag: 5,
      qn: '20260801120000123',
      sentAt: noonAug1 + 123,
      needsAck: true,
    });
    expect(frame.readings).toEqual([
      { metric: 'pm10', code: 'a34002', ts: noonAug1, value: 85.2, statistic: 'rtd', flag: 'N' },
      { metric: 'noise_leq', code: 'LA', ts: noonAug1, value: 62.1, statistic: 'rtd', flag: 'N' },
    ]);
  });

  it('takes Avg for minute (2051), hourly (2061) and daily (2031) data, Cou when there is no Avg', () => {
    for (const cn of ['2051', '2061', '2031']) {
      const frame = decodeHj212(
        frameHj212(
          `QN=20260801120000000;ST=32;CN=${cn};PW=1;MN=W1;Flag=4;CP=&&DataTime=20260801110000;` +
            'w01018-Min=10.1,w01018-Avg=12.5,w01018-Max=15,w01018-Flag=N;w00000-Cou=360.5,w00000-Flag=N;' +
            'w21003-Avg=0.42;w01001-Avg=7.12;w01009-Avg=6.8;w21011-Avg=0.051&&',
        ),
      );
      expect(frame.needsAck).toBe(false);
      expect(frame.readings.map((r) => [r.metric, r.value, r.statistic])).toEqual([
        ['cod', 12.5, 'avg'],
        ['flow', 360.5, 'cou'],
        ['ammonia_n', 0.42, 'avg'],
        ['ph', 7.12, 'avg'],
        ['dissolved_oxygen', 6.8, 'avg'],
        ['total_p', 0.051, 'avg'],
      ]);
      expect(frame.readings[0].ts).toBe(Date.UTC(2026, 7, 1, 3));
    }
  });

  it('reads the restart time of 2081 as a reading of kind restart_time', () => {
    const frame = decodeHj212(
      encodeHj212({
        st: '22',
        cn: '2081',
        pw: '1',
        mn: 'M1',
        dataTime: noonAug1,
        cpFields: { RestartTime: '20260801080000' },
      }),
    );
    expect(frame.readings).toEqual([
      {
        metric: 'device_restart',
        code: 'RestartTime',
        ts: noonAug1,
        value: noonAug1 - 4 * 3600_000,
        kind: 'restart_time',
      },
    ]);
  });

  it('decodes 9014 and 9013 answers into frames with no readings and no answer', () => {
    for (const cn of ['9014', '9013']) {
      const frame = decodeHj212(frameHj212(`QN=20260801120000123;ST=91;CN=${cn};PW=1;MN=M1;Flag=5;CP=&&&&`));
      expect(frame).toMatchObject({ command: cn, readings: [], needsAck: false });
    }
  });

  it('keeps unknown factor codes under hj212_<code>, negative values, and skips empty values', () => {
    const frame = decodeHj212(
      frameHj212(
        'ST=22;CN=2011;PW=1;MN=M1;Flag=4;CP=&&DataTime=20260101000000;a21001-Rtd=0.3;B03-Rtd=-5.25;a01001-Rtd=-12.5;a34004-Rtd=&&',
      ),
    );
    expect(frame.sentAt).toBeNull();
    expect(frame.readings.map((r) => [r.metric, r.value, r.ts])).toEqual([
      ['hj212_a21001', 0.3, Date.UTC(2025, 11, 31, 16)],
      ['hj212_b03', -5.25, Date.UTC(2025, 11, 31, 16)],
      ['air_temp', -12.5, Date.UTC(2025, 11, 31, 16)],
    ]);
  });

  it('reads the packet numbers of a split frame', () => {
    const frame = decodeHj212(
      frameHj212('QN=20260801120000123;ST=22;CN=2011;PW=1;MN=M1;Flag=7;PNUM=3;PNO=2;CP=&&&&'),
    );
    expect([frame.pnum, frame.pno, frame.needsAck]).toEqual([3, 2, true]);
  });

  it('rejects a changed byte with hj212.crc_mismatch', () => {
    const good = frameHj212(segment2011);
    expect(errorCode(() => decodeHj212(good.replace('85.2', '86.2')))).toBe('hj212.crc_mismatch');
    expect(errorCode(() => decodeHj212(good.replace(/[0-9A-F]{4}\r\n$/, 'ZZZZ\r\n')))).toBe(
      'hj212.malformed',
    );
  });

  it('rejects truncated frames and wrong length fields with hj212.length_mismatch', () => {
    const good = frameHj212(segment2011);
    expect(errorCode(() => decodeHj212(good.slice(0, -10)))).toBe('hj212.length_mismatch');
    const declared = Number(good.slice(2, 6));
    const wrong = `##${String(declared + 1).padStart(4, '0')}${good.slice(6)}`;
    expect(errorCode(() => decodeHj212(wrong))).toBe('hj212.length_mismatch');
  });

  it('rejects frames that break the format with hj212.malformed', () => {
    const bad = [
      frameHj212(segment2011).slice(1),
      `##01x1${segment2011}`,
      frameHj212(segment2011).replace('\r\n', '\n\n'),
      frameHj212('QN=1;ST=22;CN=2011;PW=1;MN=M1;Flag=5'),
      frameHj212('ST=22;PW=1;MN=M1;Flag=5;CP=&&&&'),
      frameHj212('ST=22;CN=2011;PW=1;MN=M1;Flag=x;CP=&&&&'),
      frameHj212('ST=22;CN=2011;PW=1;MN=M1;Flag=4;CP=&&DataTime=20260230120000;a01001-Rtd=1&&'),
      frameHj212('ST=22;CN=2011;PW=1;MN=M1;Flag=4;CP=&&DataTime=20260801120000;a01001-Rtd=1.2.3&&'),
      frameHj212('ST=22;CN=2011;PW=1;MN=M1;Flag=4;CP=&&a01001-Rtd=1&&'),
    ];
    for (const frame of bad) expect(errorCode(() => decodeHj212(frame))).toBe('hj212.malformed');
  });
});

describe('hj212Ack', () => {
  it('answers a frame whose Flag asks for it with a 9014 frame carrying the same QN', () => {
    const ack = hj212Ack(frameHj212(segment2011)) as string;
    expect(ack).toBe(
      frameHj212('QN=20260801120000123;ST=91;CN=9014;PW=123456;MN=330213TEST0001;Flag=4;CP=&&&&'),
    );
    expect(decodeHj212(ack)).toMatchObject({ command: '9014', needsAck: false, qn: '20260801120000123' });
  });

  it('returns null when the Flag does not ask for an answer', () => {
    expect(hj212Ack(frameHj212(segment2011.replace('Flag=5', 'Flag=4')))).toBeNull();
  });
});

const codes = ['a34002', 'a34004', 'LA', 'a01001', 'w01018', 'w00000', 'x99'];
const value = fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => n / 1000);
const dataTime = fc.integer({ min: 946_656_000, max: 4_102_415_999 }).map((s) => s * 1000);
const encodeInput = fc.record({
  cn: fc.constantFrom('2011', '2051', '2061', '2031'),
  mn: fc.stringMatching(/^[0-9A-Za-z]{1,24}$/),
  flag: fc.constantFrom(4, 5),
  dataTime,
  values: fc.dictionary(fc.constantFrom(...codes), value, { minKeys: 1 }),
});

describe('encodeHj212', () => {
  it('round-trips through decodeHj212', () => {
    fc.assert(
      fc.property(encodeInput, ({ cn, mn, flag, dataTime: at, values }) => {
        const frame = decodeHj212(
          encodeHj212({ st: '22', cn, pw: '123456', mn, flag, dataTime: at, values }),
        );
        expect(frame).toMatchObject({ address: mn, command: cn, sentAt: at, needsAck: flag === 5 });
        expect(Object.fromEntries(frame.readings.map((r) => [r.code, r.value]))).toEqual(values);
        expect(
          frame.readings.every((r) => r.ts === at && r.statistic === (cn === '2011' ? 'rtd' : 'avg')),
        ).toBe(true);
      }),
    );
  });

  it('writes every statistic field that is given', () => {
    const text = encodeHj212({
      st: '22',
      cn: '2051',
      pw: '1',
      mn: 'M1',
      dataTime: noonAug1,
      values: { a34002: { min: 1, avg: 2.5, max: 4, flag: 'N' } },
    });
    expect(text).toContain(
      'CP=&&DataTime=20260801120000;a34002-Avg=2.5,a34002-Min=1,a34002-Max=4,a34002-Flag=N&&',
    );
  });

  it('refuses separators inside fields and non-finite values', () => {
    expect(errorCode(() => encodeHj212({ st: '22', cn: '2011', pw: '1', mn: 'a;b' }))).toBe(
      'hj212.invalid_input',
    );
    const nan = { st: '22', cn: '2011', pw: '1', mn: 'M', dataTime: 0, values: { a01001: Number.NaN } };
    expect(errorCode(() => encodeHj212(nan))).toBe('hj212.invalid_input');
  });
});

/** Splits `data` at the given cut points (fractions), in order. */
function chunksOf(data: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * data.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let last = 0;
  for (const p of [...points, data.length]) {
    chunks.push(data.subarray(last, p));
    last = p;
  }
  return chunks;
}

describe('Hj212Splitter', () => {
  it('returns every frame, in order, from junk-laced chunks of any size', () => {
    const junk = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a.filter((b) => b !== 0x23)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(junk, encodeInput), { minLength: 1, maxLength: 6 }),
        junk,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }),
        (items, tail, cuts) => {
          const frames = items.map(([, input]) => bytes(encodeHj212({ st: '22', pw: '1', ...input })));
          const stream = Buffer.concat([...items.flatMap(([j], i) => [j, frames[i]]), tail]);
          const splitter = new Hj212Splitter();
          const out = chunksOf(stream, cuts).flatMap((chunk) => splitter.push(chunk));
          expect(out.map((f) => f.toString())).toEqual(frames.map((f) => f.toString()));
          const junkTotal = items.reduce((n, [j]) => n + j.length, 0) + tail.length;
          expect(splitter.junkBytes + splitter.pendingBytes).toBe(junkTotal);
        },
      ),
    );
  });

  it('skips false starts such as "##12" or a "##" header whose frame does not end in CRLF', () => {
    const frame = bytes(frameHj212(segment2011));
    const splitter = new Hj212Splitter();
    const out = splitter.push(Buffer.concat([bytes('##12##0009QN=123456\r\n###'), frame]));
    expect(out).toEqual([frame]);
    expect(splitter.junkBytes).toBe(24);
  });
});
