import { chinaTimeToEpoch, epochToChinaParts } from './china-time';
import { hj212Metric } from './hj212-metrics';
import { ProtocolError } from './protocol-error';
import type { DecodedFrame, ProtocolReading, ReadingStatistic } from './types';

/** A decoded HJ 212 frame, with the header fields the answer needs. */
export interface Hj212Frame extends DecodedFrame {
  protocol: 'hj212';
  /** Request id `QN` (yyyyMMddHHmmssSSS), null when the device left it out. */
  qn: string | null;
  st: string;
  pw: string;
  /** `Flag`: bit 0 A (answer wanted), bit 1 D (split packet), bits 2–7 protocol version (1 = 2017). */
  flag: number;
  pnum?: number;
  pno?: number;
  /** CP fields that are not per-factor (`DataTime`, `RestartTime`, …). */
  cp: Record<string, string>;
}

/** Per-factor fields of one code in `encodeHj212`. */
export interface Hj212ValueFields {
  rtd?: number;
  avg?: number;
  min?: number;
  max?: number;
  cou?: number;
  flag?: string;
}

export interface EncodeHj212Options {
  st: string;
  cn: string;
  pw: string;
  mn: string;
  /** Defaults to 5: 2017 version, answer wanted. */
  flag?: number;
  /** `DataTime` of the values, epoch ms. Leave out for frames without data (answers). */
  dataTime?: number;
  /** A plain number is the Rtd value for 2011 and the Avg value for 2051/2061/2031. */
  values?: Record<string, number | Hj212ValueFields>;
  /** Other CP fields, e.g. `{ RestartTime: '20260801080000' }`. */
  cpFields?: Record<string, string>;
  /** Defaults to `dataTime` with milliseconds; left out when neither is given. */
  qn?: string;
}

const SUFFIX: Record<ReadingStatistic, string> = {
  rtd: 'Rtd',
  avg: 'Avg',
  min: 'Min',
  max: 'Max',
  cou: 'Cou',
};
const FIELD_ORDER: ReadonlyArray<[keyof Hj212ValueFields, string]> = [
  ['rtd', 'Rtd'],
  ['avg', 'Avg'],
  ['min', 'Min'],
  ['max', 'Max'],
  ['cou', 'Cou'],
];
// Which statistic becomes the reading, best first, per CN: period data report the mean.
const PREFERENCE: Record<string, ReadingStatistic[]> = {
  '2011': ['rtd'],
  '2051': ['avg', 'cou'],
  '2061': ['avg', 'cou'],
  '2031': ['avg', 'cou'],
};
const DEFAULT_PREFERENCE: ReadingStatistic[] = ['rtd', 'avg', 'cou'];
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
export const HEADER_BYTES = 6; // "##" + 4-digit length
export const TRAILER_BYTES = 6; // 4 hex CRC + "\r\n"

/**
 * CRC of HJ 212-2017 (appendix "CRC 校验算法"), over the data segment bytes only.
 * Variant: register 0xFFFF; per byte `crc = (crc >> 8) ^ byte`, then 8 times
 * `crc = crc & 1 ? (crc >> 1) ^ 0xA001 : crc >> 1`; printed as 4 upper-case hex digits.
 * It differs from CRC-16/MODBUS (which XORs the byte into the low byte without first shifting
 * the high byte down): "123456789" gives 2F80 here and 4B37 with Modbus.
 */
export function hj212Crc(data: Uint8Array): string {
  let crc = 0xffff;
  for (const byte of data) {
    crc = (crc >> 8) ^ byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >> 1) ^ 0xa001 : crc >> 1;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

const malformed = (message: string) => new ProtocolError('hj212.malformed', message);

/** Decodes one complete HJ 212 frame (`##` … `\r\n`), checking length and CRC. */
export function decodeHj212(input: string | Uint8Array): Hj212Frame {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  if (bytes.length < HEADER_BYTES + TRAILER_BYTES || bytes.toString('latin1', 0, 2) !== '##') {
    throw malformed('frame must start with ## and a 4-digit length');
  }
  const lengthText = bytes.toString('latin1', 2, HEADER_BYTES);
  if (!/^\d{4}$/.test(lengthText)) throw malformed(`bad length field "${lengthText}"`);
  const dataLength = Number(lengthText);
  if (bytes.length !== HEADER_BYTES + dataLength + TRAILER_BYTES) {
    throw new ProtocolError(
      'hj212.length_mismatch',
      `declared ${dataLength} data bytes, frame holds ${bytes.length - HEADER_BYTES - TRAILER_BYTES}`,
    );
  }
  if (bytes.toString('latin1', bytes.length - 2) !== '\r\n') throw malformed('frame must end with CRLF');
  const data = bytes.subarray(HEADER_BYTES, HEADER_BYTES + dataLength);
  const sentCrc = bytes.toString('latin1', HEADER_BYTES + dataLength, HEADER_BYTES + dataLength + 4);
  if (!/^[0-9A-Fa-f]{4}$/.test(sentCrc)) throw malformed(`bad CRC field "${sentCrc}"`);
  const crc = hj212Crc(data);
  if (crc !== sentCrc.toUpperCase()) {
    throw new ProtocolError('hj212.crc_mismatch', `CRC ${sentCrc} does not match computed ${crc}`);
  }
  return parseDataSegment(data.toString('utf8'));
}

function parseDataSegment(segment: string): Hj212Frame {
  const cpAt = segment.indexOf('CP=&&');
  if (cpAt < 0 || !segment.endsWith('&&') || segment.length < cpAt + 7) {
    throw malformed('data segment must end with CP=&&…&&');
  }
  const header = parsePairs(segment.slice(0, cpAt).split(';'));
  const { CN: cn, MN: mn } = header;
  if (!cn || !mn) throw malformed('CN and MN are required');
  const flag = header.Flag === undefined ? 0 : Number(header.Flag);
  if (!Number.isInteger(flag) || flag < 0 || flag > 255) throw malformed(`bad Flag "${header.Flag}"`);
  const qn = header.QN ?? null;
  const { cp, factors } = parseCp(segment.slice(cpAt + 5, -2));
  const frame: Hj212Frame = {
    protocol: 'hj212',
    address: mn,
    command: cn,
    sentAt: qn ? parseTime(qn, 'QN', true) : null,
    readings: [],
    needsAck: (flag & 1) === 1 && !cn.startsWith('9'),
    qn,
    st: header.ST ?? '',
    pw: header.PW ?? '',
    flag,
    cp,
  };
  if (header.PNUM !== undefined) frame.pnum = Number(header.PNUM);
  if (header.PNO !== undefined) frame.pno = Number(header.PNO);
  frame.readings = readingsOf(cn, cp, factors, frame.sentAt);
  return frame;
}

function parsePairs(parts: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw malformed(`field "${part}" has no name=value`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

// CP holds plain fields (DataTime) and `code-Suffix` factor fields.
function parseCp(text: string) {
  const cp: Record<string, string> = {};
  const factors = new Map<string, Record<string, string>>();
  for (const group of text.split(';')) {
    for (const [name, value] of Object.entries(parsePairs(group.split(',')))) {
      const dash = name.lastIndexOf('-');
      if (dash <= 0) {
        cp[name] = value;
        continue;
      }
      const code = name.slice(0, dash);
      const fields = factors.get(code) ?? {};
      fields[name.slice(dash + 1)] = value;
      factors.set(code, fields);
    }
  }
  return { cp, factors };
}

function readingsOf(
  cn: string,
  cp: Record<string, string>,
  factors: Map<string, Record<string, string>>,
  sentAt: number | null,
): ProtocolReading[] {
  if (cn.startsWith('9')) return [];
  const ts = cp.DataTime !== undefined ? parseTime(cp.DataTime, 'DataTime', false) : sentAt;
  const readings: ProtocolReading[] = [];
  if (cp.RestartTime !== undefined) {
    const restart = parseTime(cp.RestartTime, 'RestartTime', false);
    const at = ts ?? restart;
    if (restart !== null && at !== null) {
      readings.push({
        metric: 'device_restart',
        code: 'RestartTime',
        ts: at,
        value: restart,
        kind: 'restart_time',
      });
    }
  }
  if (factors.size > 0 && ts === null) throw malformed('factor values without DataTime or QN');
  for (const [code, fields] of factors) {
    const reading = factorReading(cn, code, fields, ts as number);
    if (reading) readings.push(reading);
  }
  return readings;
}

function factorReading(
  cn: string,
  code: string,
  fields: Record<string, string>,
  ts: number,
): ProtocolReading | null {
  const base = { metric: hj212Metric(code), code, ts };
  const withFlag = fields.Flag !== undefined ? { flag: fields.Flag } : {};
  // 2041 running time (hours) and 2021 running state come per device, not per statistic.
  if (fields.RT !== undefined) return { ...base, value: parseValue(code, 'RT', fields.RT), kind: 'run_time' };
  if (fields.RS !== undefined)
    return { ...base, value: parseValue(code, 'RS', fields.RS), kind: 'run_state' };
  for (const statistic of PREFERENCE[cn] ?? DEFAULT_PREFERENCE) {
    const suffix = SUFFIX[statistic];
    const text = fields[suffix];
    // Devices leave a value empty when the analyser has none; that is no reading, not an error.
    if (text === undefined || text === '') continue;
    return { ...base, value: parseValue(code, suffix, text), statistic, ...withFlag };
  }
  return null;
}

function parseValue(code: string, suffix: string, text: string): number {
  if (!NUMBER.test(text)) throw malformed(`${code}-${suffix} is not a number: "${text}"`);
  return Number(text);
}

// yyyyMMddHHmmss, or yyyyMMddHHmmssSSS for QN; China time.
function parseTime(text: string, field: string, lenient: boolean): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(text);
  const epoch = match
    ? chinaTimeToEpoch({
        year: Number(match[1]),
        month: Number(match[2]),
        day: Number(match[3]),
        hour: Number(match[4]),
        minute: Number(match[5]),
        second: Number(match[6]),
        millisecond: Number(match[7] ?? 0),
      })
    : null;
  // QN is an id first and a time second; a device that fills it oddly still sent valid data.
  if (epoch === null && !lenient) throw malformed(`bad ${field} "${text}"`);
  return epoch;
}

/** yyyyMMddHHmmss in China time, or with `withMs` yyyyMMddHHmmssSSS. */
export function formatHj212Time(epochMs: number, withMs = false): string {
  const p = epochToChinaParts(epochMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const base = `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
  return withMs ? base + pad(p.millisecond, 3) : base;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) {
    throw new ProtocolError('hj212.invalid_input', `cannot send ${value}`);
  }
  const text = String(value);
  // Receivers expect plain decimals; tiny values lose digits past the sixth decimal place.
  return /e/i.test(text) ? value.toFixed(6).replace(/\.?0+$/, '') : text;
}

function checkToken(name: string, value: string): string {
  if (/[;,=&\r\n]/.test(value)) {
    throw new ProtocolError('hj212.invalid_input', `${name} may not contain ; , = & or line breaks`);
  }
  return value;
}

function encodeFactor(cn: string, code: string, value: number | Hj212ValueFields): string[] {
  checkToken('factor code', code);
  const fields: Hj212ValueFields =
    typeof value === 'number' ? { [(PREFERENCE[cn] ?? DEFAULT_PREFERENCE)[0]]: value } : value;
  const parts = FIELD_ORDER.filter(([key]) => fields[key] !== undefined).map(
    ([key, suffix]) => `${code}-${suffix}=${formatNumber(fields[key] as number)}`,
  );
  if (fields.flag !== undefined) parts.push(`${code}-Flag=${checkToken('flag', fields.flag)}`);
  return parts;
}

/** Builds a complete HJ 212-2017 frame (`##`, length, data segment, CRC, CRLF). */
export function encodeHj212(options: EncodeHj212Options): string {
  const { st, cn, pw, mn, dataTime, values = {}, cpFields = {} } = options;
  const flag = options.flag ?? 5;
  const qn = options.qn ?? (dataTime !== undefined ? formatHj212Time(dataTime, true) : undefined);
  const head = [
    ...(qn !== undefined ? [`QN=${checkToken('QN', qn)}`] : []),
    `ST=${checkToken('ST', st)}`,
    `CN=${checkToken('CN', cn)}`,
    `PW=${checkToken('PW', pw)}`,
    `MN=${checkToken('MN', mn)}`,
    `Flag=${flag}`,
  ];
  const groups: string[] = [];
  if (dataTime !== undefined) groups.push(`DataTime=${formatHj212Time(dataTime)}`);
  for (const [name, value] of Object.entries(cpFields)) {
    groups.push(`${checkToken('CP field', name)}=${checkToken(name, value)}`);
  }
  for (const [code, value] of Object.entries(values)) {
    const parts = encodeFactor(cn, code, value);
    if (parts.length > 0) groups.push(parts.join(','));
  }
  return frameHj212(`${head.join(';')};CP=&&${groups.join(';')}&&`);
}

/** Wraps a data segment with header, CRC and CRLF. */
export function frameHj212(segment: string): string {
  const data = Buffer.from(segment, 'utf8');
  if (data.length > 9999)
    throw new ProtocolError('hj212.invalid_input', 'data segment longer than 9999 bytes');
  return `##${String(data.length).padStart(4, '0')}${segment}${hj212Crc(data)}\r\n`;
}

/**
 * The 9014 data answer (数据应答) a server sends when the frame's Flag asks for one (bit A),
 * or null when it does not. Same QN/PW/MN, ST=91, Flag=4 (2017, no answer wanted), empty CP —
 * as the standard's example; some platforms add `QnRtn=1`, which the standard reserves for 9011.
 */
export function hj212Ack(frame: Hj212Frame | string | Uint8Array): string | null {
  const decoded = typeof frame === 'object' && 'protocol' in frame ? frame : decodeHj212(frame);
  if (!decoded.needsAck) return null;
  return encodeHj212({
    st: '91',
    cn: '9014',
    pw: decoded.pw,
    mn: decoded.address,
    flag: 4,
    ...(decoded.qn !== null ? { qn: decoded.qn } : {}),
  });
}
