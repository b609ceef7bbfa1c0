import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from './protocol-error';
import { type Sl651Value, decodeSl651, encodeSl651, sl651Ack, sl651Crc } from './sl651';
import { SL651_ELEMENTS } from './sl651-elements';
import { Sl651Splitter } from './sl651-splitter';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
/** China wall-clock time → epoch ms. */
const cst = (y: number, mo: number, d: number, h: number, mi: number, s = 0) =>
  Date.UTC(y, mo - 1, d, h - 8, mi, s);

/** An uplink frame around a body given in hex: header from the standard's table, CRC appended. */
function uplink(func: number, bodyHex: string, station = '0012345678', center = 0x01): Buffer {
  const body = hex(bodyHex);
  const head = Buffer.concat([
    hex('7E7E'),
    Buffer.from([center]),
    hex(station),
    hex('0000'),
    Buffer.from([func]),
  ]);
  const bytes = Buffer.concat([
    head,
    Buffer.from([body.length >> 8, body.length & 0xff, 0x02]),
    body,
    hex('03'),
  ]);
  const crc = sl651Crc(bytes);
  return Buffer.concat([bytes, Buffer.from([crc >> 8, crc & 0xff])]);
}

/** Recomputes the CRC after a test edits the frame. */
function withCrc(frame: Buffer): Buffer {
  const copy = Buffer.from(frame);
  copy.writeUInt16BE(sl651Crc(copy.subarray(0, -2)), copy.length - 2);
  return copy;
}

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtocolError) return error.code;
    throw error;
  }
  throw new Error('expected a ProtocolError');
}

const header = 'F1F1 0012345678 48 F0F0 2608011200';

describe('sl651Crc', () => {
  it('is CRC-16/MODBUS ("123456789" → 4B37)', () => {
    expect(sl651Crc(Buffer.from('123456789'))).toBe(0x4b37);
  });

  it('verifies two real frames published with a public SL 651 toolkit', () => {
    // 0x32 timed report of reservoir 00418D2337 ("njnrs" sample), CRC 5AC6.
    const reservoir = hex(
      '7E7E2500418D23370000320030020C06230601010314F1F100418D23374BF0F0230601010020190000003B23000378652219' +
        '00000026190000003812128503 5AC6',
    );
    const frame = decodeSl651(reservoir);
    expect(frame).toMatchObject({
      address: '00418D2337',
      center: 0x25,
      command: '32',
      serial: 0x0c06,
      stationCategory: 'K',
      sentAt: cst(2023, 6, 1, 1, 3, 14),
      observedAt: cst(2023, 6, 1, 1, 0),
      needsAck: true,
    });
    expect(frame.readings.map((r) => [r.code, r.metric, r.value])).toEqual([
      ['20', 'rain_current', 0],
      ['3B', 'water_level', 37.865],
      ['22', 'rain_5min', 0],
      ['26', 'rain_total', 0],
      ['38', 'battery_voltage', 12.85],
    ]);
    // 0x33 add report of river station 1234567890 ("watertester" sample), CRC 2C63.
    const river = decodeSl651(
      hex(
        '7e7e011234567890000233008e020001230308111501f1f1123456789048f0f023030811143923000003453a230000030503110254' +
          '283600000041952029360000003660002736000000785520361b000304371b0006003c1b0003453d1b000305c155000000000000' +
          '01165134c255000000000000010165204919000969471100794a19000968452000000001381212 04c91100517a0800ca100100' +
          '032c63',
      ),
    );
    expect(river).toMatchObject({ command: '33', password: '0002', stationCategory: 'H', statusBits: 1 });
    const byMetric = Object.fromEntries(river.readings.map((r) => [r.metric, r.value]));
    expect(byMetric).toMatchObject({
      water_level: 0.345,
      water_temp: 25.4,
      flow: 0.78552,
      battery_voltage: 12.04,
    });
  });
});

describe('decodeSl651', () => {
  it('decodes a 0x2F keep-alive: header, serial and send time, no readings, no answer', () => {
    const frame = decodeSl651(uplink(0x2f, '0007 260801120005'));
    expect(frame).toMatchObject({
      command: '2F',
      serial: 7,
      sentAt: cst(2026, 8, 1, 12, 0, 5),
      readings: [],
      needsAck: false,
    });
  });

  it('decodes 0x30 test and 0x32 timed reports of a river station', () => {
    for (const func of [0x30, 0x32]) {
      const frame = decodeSl651(
        uplink(func, `0001 260801120010 ${header} 3923 00012345 3812 1285 4520 00000003`),
      );
      expect(frame.readings).toEqual([
        { metric: 'water_level', code: '39', ts: cst(2026, 8, 1, 12, 0), value: 12.345 },
        { metric: 'battery_voltage', code: '38', ts: cst(2026, 8, 1, 12, 0), value: 12.85 },
      ]);
      expect(frame.statusBits).toBe(3);
    }
  });

  it('decodes a 0x33 add report with rainfall, negative air temperature and a changed observation time', () => {
    const frame = decodeSl651(
      uplink(
        0x33,
        `0002 260801121500 ${header} 2019 000125 0219 FF0052 F0F0 2608011210 1A19 001234 3511 0153`,
      ),
    );
    expect(frame.readings.map((r) => [r.metric, r.value, r.ts])).toEqual([
      ['rain_current', 12.5, cst(2026, 8, 1, 12, 0)],
      ['air_temp', -5.2, cst(2026, 8, 1, 12, 0)],
      ['rain_1h', 123.4, cst(2026, 8, 1, 12, 10)],
      ['wind_speed', 15.3, cst(2026, 8, 1, 12, 10)],
    ]);
  });

  it('decodes a 0x34 hourly report with twelve 5-minute rainfalls (F4) and skips F5 levels', () => {
    const f4 = '00 01 02 03 04 05 06 07 08 09 FF 0A';
    const f5 = '00'.repeat(24);
    const frame = decodeSl651(
      uplink(0x34, `0003 260801130005 ${header.replace('1200', '1300')} F460 ${f4} F5C0 ${f5} 2619 001000`),
    );
    const rain = frame.readings.filter((r) => r.metric === 'rain_5min');
    expect(rain).toHaveLength(11);
    expect(rain[0]).toEqual({ metric: 'rain_5min', code: 'F4', ts: cst(2026, 8, 1, 12, 5), value: 0 });
    expect(rain.at(-1)).toEqual({ metric: 'rain_5min', code: 'F4', ts: cst(2026, 8, 1, 13, 0), value: 1 });
    expect(frame.readings.at(-1)).toMatchObject({ metric: 'rain_total', value: 100 });
  });

  it('decodes every value of a 0x31 evenly-timed report, first one at the observation time', () => {
    // Layout of a real Fujian 0x31 frame: obs 10:05, step 000005, 39 23 + twelve 4-byte levels.
    const values = Array.from({ length: 12 }, (_, i) => String(28960 + i).padStart(8, '0')).join('');
    const frame = decodeSl651(
      uplink(
        0x31,
        `2F7E 221205110019 F1F1 1000000006 48 F0F0 2212051005 0418 000005 3923 ${values}`,
        '1000000006',
      ),
    );
    expect(frame.timeStepMinutes).toBe(5);
    expect(frame.readings).toHaveLength(12);
    expect(frame.readings[0]).toEqual({
      metric: 'water_level',
      code: '39',
      ts: cst(2022, 12, 5, 10, 5),
      value: 28.96,
    });
    expect(frame.readings[11]).toEqual({
      metric: 'water_level',
      code: '39',
      ts: cst(2022, 12, 5, 11, 0),
      value: 28.971,
    });
  });

  it('reads all-FF data as no reading and two-byte FFxx identifiers as their own codes', () => {
    const frame = decodeSl651(uplink(0x32, `0001 260801120010 ${header} 3923 FFFFFFFF FF3311 0205`));
    expect(frame.readings).toEqual([
      { metric: 'sl651_ff33', code: 'FF33', ts: cst(2026, 8, 1, 12, 0), value: 20.5 },
    ]);
  });

  it('rejects a changed byte with sl651.crc_mismatch', () => {
    const frame = uplink(0x32, `0001 260801120010 ${header} 3923 00012345`);
    frame[frame.length - 5] ^= 0x01;
    expect(errorCode(() => decodeSl651(frame))).toBe('sl651.crc_mismatch');
  });

  it('rejects truncated frames and wrong length fields with sl651.length_mismatch', () => {
    const frame = uplink(0x32, `0001 260801120010 ${header} 3923 00012345`);
    expect(errorCode(() => decodeSl651(frame.subarray(0, -3)))).toBe('sl651.length_mismatch');
    const longer = Buffer.from(frame);
    longer[12] += 1;
    expect(errorCode(() => decodeSl651(withCrc(longer)))).toBe('sl651.length_mismatch');
    expect(errorCode(() => decodeSl651(frame.subarray(0, 10)))).toBe('sl651.malformed');
  });

  it('rejects uplink function codes it does not decode with sl651.unsupported_function', () => {
    expect(errorCode(() => decodeSl651(uplink(0x36, '0001 260801120010')))).toBe(
      'sl651.unsupported_function',
    );
  });

  it('rejects out-of-range BCD, impossible times and broken structure with sl651.malformed', () => {
    const bad = [
      uplink(0x32, `0001 260801120010 ${header} 3923 0001A345`),
      uplink(0x32, `0001 261301120010 ${header}`),
      uplink(0x32, `0001 260801120010 ${header} 3923 0001`),
      uplink(0x32, '0001 260801120010 F0F0 2608011200'),
      uplink(0x32, `0001 260801120010 ${header} F2F2 00`),
      uplink(0x31, `0001 260801120010 ${header} 3923 00012345`),
      uplink(0x31, `0001 260801120010 ${header} 0418 000005 3923 000123`),
    ];
    for (const frame of bad) expect(errorCode(() => decodeSl651(frame))).toBe('sl651.malformed');
    const badEnd = uplink(0x32, `0001 260801120010 ${header}`);
    badEnd[badEnd.length - 3] = 0x99;
    expect(errorCode(() => decodeSl651(withCrc(badEnd)))).toBe('sl651.malformed');
  });
});

describe('multi-packet (SYN) frames', () => {
  /** A continuation packet: header with SYN, packet numbers (total 3, this one 2), element bytes. */
  function continuation(): Buffer {
    const body = [0x00, 0x30, 0x02, 0x39, 0x23, 0x00, 0x80];
    const head = [0x7e, 0x7e, 0x01, 0x00, 0x70, 0x21, 0x30, 0x01, 0x12, 0x34, 0x32];
    const frame = [...head, (body.length >> 8) & 0x0f, body.length & 0xff, 0x16, ...body, 0x03];
    const crc = sl651Crc(Uint8Array.from(frame));
    return Buffer.from([...frame, crc >> 8, crc & 0xff]);
  }

  it('refuses continuation packets with a code instead of acknowledging them without their readings', () => {
    expect(errorCode(() => decodeSl651(continuation()))).toBe('sl651.multipacket_unsupported');
  });
});

describe('sl651Ack', () => {
  const report = uplink(0x32, `0102 260801120010 ${header} 3923 00012345`, '0012345678', 0x09);

  it('confirms a report with a downlink frame: station first, 8000H flag, same serial, EOT', () => {
    const ack = sl651Ack(report, { sentAt: cst(2026, 8, 1, 12, 0, 30) }) as Buffer;
    const expected = hex('7E7E 0012345678 09 0000 32 8008 02 0102 260801120030 04');
    expect(ack.subarray(0, -2)).toEqual(expected);
    expect(ack.readUInt16BE(ack.length - 2)).toBe(sl651Crc(expected));
    expect(decodeSl651(ack)).toMatchObject({
      direction: 'down',
      address: '0012345678',
      center: 9,
      serial: 0x0102,
      needsAck: false,
    });
  });

  it('ends with ESC when the link should stay online, and answers no keep-alive', () => {
    expect(sl651Ack(report, { sentAt: cst(2026, 8, 1, 12, 1), keepOnline: true })?.at(-3)).toBe(0x1b);
    expect(sl651Ack(uplink(0x2f, '0007 260801120005'))).toBeNull();
  });
});

const mapped = [0x02, 0x03, 0x1a, 0x20, 0x26, 0x27, 0x35, 0x38, 0x39, 0x3b];
/** A value that fits the element's N(digits, decimals), sign included. */
const elementValue = (element: number) => {
  const { digits, decimals } = SL651_ELEMENTS[element];
  const max = 10 ** digits - 1;
  return fc.integer({ min: -max, max }).map((n) => ({ element, value: n / 10 ** decimals }));
};
/** 2000-01-01 00:00 to 2099-12-31 23:59:59 China time: what two-digit BCD years can hold. */
const time = fc.integer({ min: 946_656_000, max: 4_102_387_199 }).map((s) => s * 1000);
const reportInput = fc.record({
  func: fc.constantFrom(0x30, 0x32, 0x33, 0x34),
  station: fc.stringMatching(/^[0-9]{10}$/),
  center: fc.integer({ min: 0, max: 255 }),
  serial: fc.integer({ min: 0, max: 0xffff }),
  sentAt: time,
  observedAt: time.map((t) => t - (t % 60_000)),
  values: fc.array(fc.constantFrom(...mapped).chain(elementValue), { maxLength: 8 }),
});

describe('encodeSl651', () => {
  it('round-trips reports, negative values included, through decodeSl651', () => {
    fc.assert(
      fc.property(reportInput, (input) => {
        const frame = decodeSl651(encodeSl651({ ...input, password: 0x1234, stationCategory: 'K' }));
        expect(frame).toMatchObject({
          address: input.station,
          center: input.center,
          serial: input.serial,
          password: '1234',
        });
        expect(frame.sentAt).toBe(input.sentAt - (input.sentAt % 1000));
        expect(frame.stationCategory).toBe('K');
        expect(frame.readings.map((r) => [Number.parseInt(r.code, 16), r.value, r.ts])).toEqual(
          input.values.map((v) => [v.element, v.value, input.observedAt]),
        );
      }),
    );
  });

  it('round-trips 0x31 series of one element', () => {
    fc.assert(
      fc.property(
        reportInput,
        fc.integer({ min: 1, max: 1440 }),
        fc.array(fc.integer({ min: 0, max: 9_999_999 }), { minLength: 1, maxLength: 24 }),
        (input, step, levels) => {
          const values: Sl651Value[] = levels.map((n) => ({ element: 0x39, value: n / 1000 }));
          const frame = decodeSl651(
            encodeSl651({ ...input, func: 0x31, password: 0, values, timeStepMinutes: step }),
          );
          expect(frame.timeStepMinutes).toBe(step);
          expect(frame.readings.map((r) => [r.value, r.ts])).toEqual(
            values.map((v, i) => [v.value, input.observedAt + i * step * 60_000]),
          );
        },
      ),
    );
  });

  it('writes a negative value with FFH first and one more byte in the data definition', () => {
    const frame = encodeSl651({
      center: 1,
      station: '0012345678',
      password: 0,
      func: 0x32,
      serial: 1,
      sentAt: cst(2026, 8, 1, 12, 0),
      values: [{ element: 0x39, value: -1.234 }],
    });
    expect(frame.subarray(-10, -3)).toEqual(hex('39 2B FF 00001234'));
  });

  it('refuses values that do not fit and bad addresses', () => {
    const base = {
      center: 1,
      station: '0012345678',
      password: 0,
      func: 0x32,
      serial: 1,
      sentAt: cst(2026, 8, 1, 12, 0),
    };
    expect(errorCode(() => encodeSl651({ ...base, values: [{ element: 0x38, value: 100 }] }))).toBe(
      'sl651.invalid_input',
    );
    expect(errorCode(() => encodeSl651({ ...base, station: '12345' }))).toBe('sl651.invalid_input');
  });
});

describe('Sl651Splitter', () => {
  it('returns every frame, in order, from junk-laced chunks of any size', () => {
    const junk = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a.filter((b) => b !== 0x7e)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(junk, reportInput), { minLength: 1, maxLength: 5 }),
        junk,
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 40 }),
        (items, tail, sizes) => {
          const frames = items.map(([, input]) => encodeSl651({ ...input, password: 0 }));
          const stream = Buffer.concat([...items.flatMap(([j], i) => [j, frames[i]]), tail]);
          const splitter = new Sl651Splitter();
          const out: Buffer[] = [];
          for (let at = 0, i = 0; at < stream.length; i++) {
            const size = sizes[i % sizes.length];
            out.push(...splitter.push(stream.subarray(at, at + size)));
            at += size;
          }
          expect(out).toEqual(frames);
          const junkTotal = items.reduce((n, [j]) => n + j.length, 0) + tail.length;
          expect(splitter.junkBytes + splitter.pendingBytes).toBe(junkTotal);
        },
      ),
    );
  });

  it('skips a 7E7E whose frame fails its CRC and finds the next one', () => {
    const good = uplink(0x32, `0001 260801120010 ${header} 3923 00012345`);
    const damaged = Buffer.from(good);
    damaged[20] ^= 0x10;
    const splitter = new Sl651Splitter();
    expect(splitter.push(Buffer.concat([damaged, good]))).toEqual([good]);
    expect(splitter.junkBytes).toBe(damaged.length);
  });
});
