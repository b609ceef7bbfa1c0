import { chinaTimeToEpoch, epochToChinaParts } from './china-time';
import { ProtocolError } from './protocol-error';
import { SL651_ELEMENTS, sl651Metric } from './sl651-elements';
import type { DecodedFrame, ProtocolReading } from './types';

/** A decoded SL 651-2014 HEX/BCD frame. */
export interface Sl651Frame extends DecodedFrame {
  protocol: 'sl651';
  /** Up: station → centre; down: centre → station (answers, queries). */
  direction: 'up' | 'down';
  /** Centre station address (1 byte). */
  center: number;
  /** Password, 4 hex digits. */
  password: string;
  functionCode: number;
  /** 流水号; null for a continuation packet, which carries no header. */
  serial: number | null;
  startChar: number;
  endChar: number;
  /** Set for multi-packet (SYN) frames. */
  packet?: { total: number; seq: number };
  /** 遥测站分类码 as a letter: `H` river, `K` reservoir, `P` rainfall, … */
  stationCategory: string | null;
  observedAt: number | null;
  /** 遥测站状态及报警信息 (element 0x45), 32 bits. */
  statusBits?: number;
  /** Time step of a 0x31 report or of element 0x04, in minutes. */
  timeStepMinutes?: number;
}

/** One element value for `encodeSl651`. */
export interface Sl651Value {
  /** Identifier: one byte, or 0xFFxx for the standard's extension identifiers. */
  element: number;
  value: number;
  /** N(digits, decimals); default from `SL651_ELEMENTS`. */
  digits?: number;
  decimals?: number;
}

export interface EncodeSl651Options {
  center: number;
  /** Remote station address, 10 hex digits (BCD for hydrological stations). */
  station: string;
  /** 0–0xFFFF or 4 hex digits. */
  password: number | string;
  func: number;
  serial: number;
  sentAt: number;
  /** Letter (`H`) or byte (0x48); default `H`. */
  stationCategory?: string | number;
  /** Default `sentAt`. */
  observedAt?: number;
  values?: Sl651Value[];
  /** Required for 0x31: the step between the values, all of one element. */
  timeStepMinutes?: number;
}

export interface Sl651AckOptions {
  /** Centre's clock for the answer's send time; default now. */
  sentAt?: number;
  /** End with ESC (1BH, keep the link online) instead of EOT (04H, end of transmission). */
  keepOnline?: boolean;
}

export const STX = 0x02;
export const SYN = 0x16;
const ETX = 0x03;
const ETB = 0x17;
const EOT = 0x04;
const ESC = 0x1b;
// ETX, ETB, ENQ, EOT, ACK, NAK, ESC
export const END_CHARS: ReadonlySet<number> = new Set([ETX, ETB, 0x05, EOT, 0x06, 0x15, ESC]);
// Uplink reports we decode: 链路维持, 测试, 均匀时段, 定时, 加报, 小时.
const UPLINK_FUNCTIONS = new Set([0x2f, 0x30, 0x31, 0x32, 0x33, 0x34]);
export const HEADER_BYTES = 14; // 7E7E, 1+5 addresses, password, function, flag/length, start char
export const FRAME_OVERHEAD = HEADER_BYTES + 3; // + end char + CRC
const FIVE_MINUTES = 300_000;

/**
 * CRC-16/MODBUS as SL 651-2014 specifies it: polynomial x16+x15+x2+1 (0xA001 reflected),
 * register 0xFFFF, no final XOR, over every byte from the first 7EH to the end char; sent
 * high byte first (Modbus itself sends the low byte first). "123456789" → 0x4B37.
 */
export function sl651Crc(data: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >> 1) ^ 0xa001 : crc >> 1;
  }
  return crc;
}

const malformed = (message: string) => new ProtocolError('sl651.malformed', message);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();
const idHex = (id: number) =>
  id
    .toString(16)
    .toUpperCase()
    .padStart(id > 0xff ? 4 : 2, '0');

/** Decodes one complete SL 651 HEX/BCD frame, checking length and CRC. */
export function decodeSl651(input: Uint8Array): Sl651Frame {
  const b = Buffer.from(input);
  const length = checkFrame(b);
  const frame = decodeHeader(b, length);
  let bodyStart = HEADER_BYTES;
  if (frame.startChar === SYN) {
    if (length < 3) throw malformed('multi-packet frame without packet numbers');
    frame.packet = { total: (b[14] << 4) | (b[15] >> 4), seq: ((b[15] & 0x0f) << 8) | b[16] };
    bodyStart += 3;
    // Continuation packets carry element bytes cut anywhere: refused with a code (counted per
    // device) rather than acknowledged with their readings lost.
    if (frame.packet.seq > 1)
      throw new ProtocolError(
        'sl651.multipacket_unsupported',
        `packet ${frame.packet.seq} of ${frame.packet.total}: multi-packet messages are not taken`,
      );
  }
  decodeBody(b.subarray(bodyStart, HEADER_BYTES + length), frame);
  return frame;
}

// Start, declared length and CRC; returns the body length.
function checkFrame(b: Buffer): number {
  if (b.length < FRAME_OVERHEAD || b[0] !== 0x7e || b[1] !== 0x7e) {
    throw malformed('frame must start with 7E7E and hold at least a header');
  }
  const length = ((b[11] & 0x0f) << 8) | b[12];
  if (b.length !== FRAME_OVERHEAD + length) {
    const held = b.length - FRAME_OVERHEAD;
    throw new ProtocolError('sl651.length_mismatch', `declared ${length} body bytes, frame holds ${held}`);
  }
  const crc = sl651Crc(b.subarray(0, b.length - 2));
  if (crc !== b.readUInt16BE(b.length - 2)) {
    const message = `CRC ${hex(b.subarray(-2))} does not match computed ${idHex(crc)}`;
    throw new ProtocolError('sl651.crc_mismatch', message);
  }
  return length;
}

function decodeHeader(b: Buffer, length: number): Sl651Frame {
  const directionNibble = b[11] >> 4;
  if (directionNibble !== 0 && directionNibble !== 8) throw malformed(`bad up/down flag ${directionNibble}`);
  const up = directionNibble === 0;
  const func = b[10];
  if (up && !UPLINK_FUNCTIONS.has(func)) {
    throw new ProtocolError('sl651.unsupported_function', `function code ${idHex(func)} is not decoded`);
  }
  const startChar = b[13];
  const endChar = b[HEADER_BYTES + length];
  if (startChar !== STX && startChar !== SYN) throw malformed(`bad start char ${idHex(startChar)}`);
  if (!END_CHARS.has(endChar)) throw malformed(`bad end char ${idHex(endChar)}`);
  return {
    protocol: 'sl651',
    // Uplink: centre then station; downlink (SL 651-2014 table 12): station then centre.
    address: hex(up ? b.subarray(3, 8) : b.subarray(2, 7)),
    command: idHex(func),
    sentAt: null,
    readings: [],
    // (assumed) 链路维持报 gets no answer; the centre cannot see whether a station runs in
    // 自报确认 mode, so every other complete report is confirmed — an extra answer is harmless.
    needsAck: up && func !== 0x2f && endChar === ETX,
    direction: up ? 'up' : 'down',
    center: up ? b[2] : b[7],
    password: hex(b.subarray(8, 10)),
    functionCode: func,
    serial: null,
    startChar,
    endChar,
    stationCategory: null,
    observedAt: null,
  };
}

function decodeBody(body: Buffer, frame: Sl651Frame): void {
  if (body.length < 8) throw malformed('body must hold serial number and send time');
  frame.serial = body.readUInt16BE(0);
  frame.sentAt = bcdTime(body.subarray(2, 8));
  // Keep-alives and answers carry nothing else; the first packet of a multi-packet report is
  // cut at an arbitrary byte, so its elements are not parsed either.
  if (frame.direction === 'down' || frame.functionCode === 0x2f || frame.packet) return;
  let pos = 8;
  if (body[pos] !== 0xf1) throw malformed('report must carry F1F1 station address');
  need(body, pos + 2, 6);
  frame.stationCategory = String.fromCharCode(body[pos + 7]);
  pos += 8;
  if (body[pos] !== 0xf0) throw malformed('report must carry F0F0 observation time');
  need(body, pos + 2, 5);
  frame.observedAt = bcdTime(body.subarray(pos + 2, pos + 7));
  pos += 7;
  if (frame.functionCode === 0x31) decodeUniform(body, pos, frame);
  else decodeElements(body, pos, frame);
}

function need(body: Buffer, pos: number, count: number): void {
  if (pos + count > body.length) throw malformed(`body ends inside an element at byte ${pos}`);
}

// An identifier (one byte, or FFH + one byte) and its data-definition byte.
function readElementHead(body: Buffer, at: number) {
  let pos = at;
  need(body, pos, 2);
  let id = body[pos++];
  if (id === 0xff) {
    need(body, pos, 2);
    id = 0xff00 | body[pos++];
  }
  const definition = body[pos++];
  return { id, definition, size: definition >> 3, decimals: definition & 7, pos };
}

function decodeElements(body: Buffer, start: number, frame: Sl651Frame): void {
  let pos = start;
  let observedAt = frame.observedAt as number;
  while (pos < body.length) {
    const head = readElementHead(body, pos);
    pos = head.pos;
    if (head.id === 0xf0) {
      need(body, pos, 5);
      observedAt = bcdTime(body.subarray(pos, pos + 5));
      pos += 5;
      continue;
    }
    if (head.id === 0xf1) {
      need(body, pos, 6);
      pos += 6;
      continue;
    }
    if (head.id === 0xf2 || head.id === 0xf3)
      throw malformed(`element ${idHex(head.id)} (人工置数/图片) is not decoded`);
    need(body, pos, head.size);
    const raw = body.subarray(pos, pos + head.size);
    pos += head.size;
    frame.readings.push(...elementReadings(frame, head.id, raw, head.decimals, observedAt));
  }
}

function elementReadings(
  frame: Sl651Frame,
  id: number,
  raw: Buffer,
  decimals: number,
  ts: number,
): ProtocolReading[] {
  if (id === 0x45) {
    if (raw.length < 1 || raw.length > 6) throw malformed('status element must be 1–6 bytes');
    frame.statusBits = raw.readUIntBE(0, raw.length);
    return [];
  }
  if (id === 0x04) {
    frame.timeStepMinutes = timeStep(raw);
    return [];
  }
  if (id === 0xf4) return fiveMinuteRain(raw, ts);
  // F5–FC: 5-minute relative water levels need the station's base level; not decoded.
  if (id >= 0xf5 && id <= 0xfc) return [];
  const value = bcdValue(raw, decimals);
  return value === null ? [] : [{ metric: sl651Metric(id), code: idHex(id), ts, value }];
}

// F4: twelve 1-byte HEX counts of 0.1 mm, oldest first; (assumed) the last ends at `ts`.
function fiveMinuteRain(raw: Buffer, ts: number): ProtocolReading[] {
  const readings: ProtocolReading[] = [];
  raw.forEach((byte, i) => {
    if (byte === 0xff) return;
    const at = ts - (raw.length - 1 - i) * FIVE_MINUTES;
    readings.push({ metric: 'rain_5min', code: 'F4', ts: at, value: byte / 10 });
  });
  return readings;
}

// 0x31: after the time step, one identifier + definition, then equal-sized values in time
// order. The first value is taken at the observation time — a real Fujian 0x31 frame (obs
// 10:05, step 5 min, 12 values, sent 11:00) bears this out.
function decodeUniform(body: Buffer, start: number, frame: Sl651Frame): void {
  const stepHead = readElementHead(body, start);
  if (stepHead.id !== 0x04) throw malformed('0x31 report must start with the 04H time step');
  need(body, stepHead.pos, stepHead.size);
  const step = timeStep(body.subarray(stepHead.pos, stepHead.pos + stepHead.size));
  if (step <= 0) throw malformed('0x31 time step must be positive');
  frame.timeStepMinutes = step;
  const head = readElementHead(body, stepHead.pos + stepHead.size);
  const remaining = body.length - head.pos;
  if (head.size === 0 || remaining % head.size !== 0)
    throw malformed('0x31 values do not fill the body evenly');
  for (let i = 0; i < remaining / head.size; i++) {
    const at = head.pos + i * head.size;
    const value = bcdValue(body.subarray(at, at + head.size), head.decimals);
    const ts = (frame.observedAt as number) + i * step * 60_000;
    if (value !== null)
      frame.readings.push({ metric: sl651Metric(head.id), code: idHex(head.id), ts, value });
  }
}

function bcdDigits(raw: Iterable<number>): string {
  let digits = '';
  for (const byte of raw) {
    if (byte >> 4 > 9 || (byte & 0x0f) > 9) throw malformed(`byte ${idHex(byte)} is not BCD`);
    digits += (byte >> 4).toString() + (byte & 0x0f).toString();
  }
  return digits;
}

// FFH first means negative (SL 651-2014 6.6.3.3), all FFH means no data.
function bcdValue(raw: Buffer, decimals: number): number | null {
  if (raw.length === 0) throw malformed('element without data bytes');
  if (raw.every((byte) => byte === 0xff)) return null;
  const negative = raw[0] === 0xff;
  const magnitude = Number(bcdDigits(negative ? raw.subarray(1) : raw)) / 10 ** decimals;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

function timeStep(raw: Buffer): number {
  if (raw.length !== 3) throw malformed('time step must be 3 bytes DDHHmm');
  const [day, hour, minute] = [...raw].map((byte) => Number(bcdDigits([byte])));
  return day * 1440 + hour * 60 + minute;
}

// yyMMddHHmm[ss] BCD, China time.
function bcdTime(raw: Uint8Array): number {
  const d = bcdDigits(raw);
  const part = (i: number) => Number(d.slice(i * 2, i * 2 + 2));
  const epoch = chinaTimeToEpoch({
    year: 2000 + part(0),
    month: part(1),
    day: part(2),
    hour: part(3),
    minute: part(4),
    second: raw.length > 5 ? part(5) : 0,
    millisecond: 0,
  });
  if (epoch === null) throw malformed(`bad time ${hex(raw)}`);
  return epoch;
}

const invalid = (message: string) => new ProtocolError('sl651.invalid_input', message);

function toBcd(digits: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < digits.length; i += 2) out.push((Number(digits[i]) << 4) | Number(digits[i + 1]));
  return out;
}

function timeBcd(epochMs: number, withSeconds: boolean): number[] {
  const p = epochToChinaParts(epochMs);
  if (p.year < 2000 || p.year > 2099) throw invalid('SL 651 times cover 2000–2099 only');
  const fields = [p.year - 2000, p.month, p.day, p.hour, p.minute, ...(withSeconds ? [p.second] : [])];
  return toBcd(fields.map((n) => String(n).padStart(2, '0')).join(''));
}

function idBytes(id: number): number[] {
  if (id > 0xff) {
    if (id >> 8 !== 0xff || id > 0xffff) throw invalid(`bad element identifier ${idHex(id)}`);
    return [0xff, id & 0xff];
  }
  return [id];
}

// A negative value takes FFH first and one more byte in the data definition.
function encodeValue(item: Sl651Value): { definition: number; data: number[] } {
  if (item.element === 0x45) {
    if (!Number.isInteger(item.value) || item.value < 0 || item.value > 0xffffffff)
      throw invalid('status must be uint32');
    const data = Buffer.alloc(4);
    data.writeUInt32BE(item.value);
    return { definition: 4 << 3, data: [...data] };
  }
  const known = Object.hasOwn(SL651_ELEMENTS, item.element) ? SL651_ELEMENTS[item.element] : undefined;
  const digits = item.digits ?? known?.digits ?? 8;
  const decimals = item.decimals ?? known?.decimals ?? 0;
  const size = Math.ceil(digits / 2);
  if (!Number.isFinite(item.value) || decimals > 7 || size < 1 || size > 30) {
    throw invalid(`cannot encode ${item.value} as N(${digits},${decimals})`);
  }
  const scaled = Math.round(Math.abs(item.value) * 10 ** decimals);
  const text = String(scaled);
  if (!/^\d+$/.test(text) || text.length > size * 2)
    throw invalid(`${item.value} does not fit N(${digits},${decimals})`);
  const data = toBcd(text.padStart(size * 2, '0'));
  if (item.value < 0 && scaled !== 0)
    return { definition: ((size + 1) << 3) | decimals, data: [0xff, ...data] };
  return { definition: (size << 3) | decimals, data };
}

function stationBytes(station: string): number[] {
  if (!/^[0-9A-Fa-f]{10}$/.test(station)) throw invalid('station address must be 10 hex digits');
  return [...Buffer.from(station, 'hex')];
}

function passwordBytes(password: number | string): number[] {
  const value = typeof password === 'number' ? password : Number.parseInt(password, 16);
  if (typeof password === 'string' && !/^[0-9A-Fa-f]{4}$/.test(password))
    throw invalid('password must be 4 hex digits');
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw invalid('password must be 0–0xFFFF');
  return [value >> 8, value & 0xff];
}

function observationBody(options: EncodeSl651Options): number[] {
  const category = options.stationCategory ?? 'H';
  const categoryByte = typeof category === 'number' ? category : category.charCodeAt(0);
  const out = [0xf1, 0xf1, ...stationBytes(options.station), categoryByte & 0xff];
  out.push(0xf0, 0xf0, ...timeBcd(options.observedAt ?? options.sentAt, false));
  const values = options.values ?? [];
  if (options.func !== 0x31) {
    for (const item of values) {
      const { definition, data } = encodeValue(item);
      out.push(...idBytes(item.element), definition, ...data);
    }
    return out;
  }
  const step = options.timeStepMinutes;
  if (step === undefined || !Number.isInteger(step) || step <= 0 || step >= 100 * 1440) {
    throw invalid('0x31 needs a positive timeStepMinutes below 100 days');
  }
  const stepDigits = [Math.floor(step / 1440), Math.floor((step % 1440) / 60), step % 60];
  out.push(0x04, 0x18, ...toBcd(stepDigits.map((n) => String(n).padStart(2, '0')).join('')));
  if (values.length === 0 || values.some((item) => item.element !== values[0].element)) {
    throw invalid('0x31 carries one or more values of a single element');
  }
  const encoded = values.map(encodeValue);
  if (encoded.some((e) => e.definition !== encoded[0].definition))
    throw invalid('0x31 values must share one size');
  out.push(...idBytes(values[0].element), encoded[0].definition);
  for (const e of encoded) out.push(...e.data);
  return out;
}

interface FrameParts {
  up: boolean;
  center: number;
  station: string;
  password: number | string;
  func: number;
  body: number[];
  endChar: number;
}

function buildFrame(parts: FrameParts): Buffer {
  if (parts.body.length > 0xfff) throw invalid('body longer than 4095 bytes');
  if (!Number.isInteger(parts.center) || parts.center < 0 || parts.center > 0xff)
    throw invalid('center must be a byte');
  const station = stationBytes(parts.station);
  const addresses = parts.up ? [parts.center, ...station] : [...station, parts.center];
  const lengthField = (parts.up ? 0 : 0x8000) | parts.body.length;
  const head = [0x7e, 0x7e, ...addresses, ...passwordBytes(parts.password), parts.func & 0xff];
  const bytes = [...head, lengthField >> 8, lengthField & 0xff, STX, ...parts.body, parts.endChar];
  const crc = sl651Crc(Uint8Array.from(bytes));
  return Buffer.from([...bytes, crc >> 8, crc & 0xff]);
}

/** Builds a single-packet uplink report (HEX/BCD, STX … ETX, CRC). */
export function encodeSl651(options: EncodeSl651Options): Buffer {
  if (!Number.isInteger(options.serial) || options.serial < 0 || options.serial > 0xffff)
    throw invalid('serial must be 0–65535');
  const body = [options.serial >> 8, options.serial & 0xff, ...timeBcd(options.sentAt, true)];
  if (options.func !== 0x2f) body.push(...observationBody(options));
  return buildFrame({ ...options, up: true, body, endChar: ETX });
}

/**
 * The centre's confirmation of a report (downlink, same function code and serial number,
 * body = serial + send time), or null when the frame wants none. Ends with EOT (04H) to
 * close the exchange, or ESC (1BH) to keep the link online; ENQ (05H) is for the centre's
 * own queries, not for answers.
 */
export function sl651Ack(frame: Sl651Frame | Uint8Array, options: Sl651AckOptions = {}): Buffer | null {
  const decoded = frame instanceof Uint8Array ? decodeSl651(frame) : frame;
  if (!decoded.needsAck) return null;
  const serial = decoded.serial ?? 0;
  return buildFrame({
    up: false,
    center: decoded.center,
    station: decoded.address,
    password: decoded.password,
    func: decoded.functionCode,
    body: [serial >> 8, serial & 0xff, ...timeBcd(options.sentAt ?? Date.now(), true)],
    endChar: options.keepOnline ? ESC : EOT,
  });
}
