/** One numeric reading as it arrives, before it has a series. */
export interface IncomingReading {
  metric: string;
  /** Epoch milliseconds. */
  ts: number;
  value: number;
}

/** What a payload yielded: readings, and why any part was dropped. */
export interface ParsedPayload {
  readings: IncomingReading[];
  /** Reasons for dropped keys or entries (the payload is rejected only when nothing is usable). */
  dropped: string[];
}

/** A payload that cannot be used at all. */
export class PayloadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PayloadError';
  }
}

export const MAX_READINGS_PER_PAYLOAD = 50_000;
const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const EARLIEST = Date.UTC(2000, 0, 1);
/** Device clocks drift; more than this in the future is refused. */
const FUTURE_SLACK_MS = 10 * 60_000;

function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (
    typeof value === 'string' &&
    value.trim() !== '' &&
    /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.trim())
  )
    return Number(value);
  return null;
}

/** Metric keys are stored lower-case with dots and dashes as underscores (`PM2.5` → `pm2_5`). */
export function metricCode(key: string): string {
  return key.toLowerCase().replace(/[.-]/g, '_');
}

// Devices repeat the same few keys in every message: remember what each became.
const codes = new Map<string, string | null>();
function codeOf(key: string): string | null {
  let code = codes.get(key);
  if (code === undefined) {
    code = KEY.test(key) ? metricCode(key) : null;
    if (codes.size > 10_000) codes.clear();
    codes.set(key, code);
  }
  return code;
}

function addValues(out: ParsedPayload, values: unknown, ts: number, now: number, where: string): void {
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    out.dropped.push(`${where}: values must be an object`);
    return;
  }
  if (ts < EARLIEST || ts > now + FUTURE_SLACK_MS) {
    out.dropped.push(`${where}: timestamp ${ts} out of range`);
    return;
  }
  const at = Math.round(ts);
  for (const key in values as Record<string, unknown>) {
    const metric = codeOf(key);
    if (metric === null) {
      out.dropped.push(`${where}: bad key "${key.slice(0, 40)}"`);
      continue;
    }
    const raw = (values as Record<string, unknown>)[key];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : numeric(raw);
    if (value === null) {
      out.dropped.push(`${where}.${key}: not a number`);
      continue;
    }
    out.readings.push({ metric, ts: at, value });
  }
}

function addEntry(out: ParsedPayload, entry: unknown, now: number, where: string): void {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
    out.dropped.push(`${where}: expected an object`);
    return;
  }
  const obj = entry as Record<string, unknown>;
  if ('values' in obj || 'ts' in obj) {
    const ts = obj.ts === undefined ? now : numeric(obj.ts);
    if (ts === null) {
      out.dropped.push(`${where}.ts: not a number`);
      return;
    }
    addValues(out, obj.values, ts, now, where);
  } else {
    addValues(out, obj, now, now, where);
  }
}

/**
 * Reads a ThingsBoard telemetry payload: `{"ts":…,"values":{…}}`, a flat object (server time), or
 * an array of either. Numbers, numeric strings and booleans become readings; other values are
 * dropped with a reason.
 */
export function parseTelemetry(body: unknown, now: number): ParsedPayload {
  const out: ParsedPayload = { readings: [], dropped: [] };
  if (Array.isArray(body)) {
    for (const [i, entry] of body.entries()) addEntry(out, entry, now, `[${i}]`);
  } else addEntry(out, body, now, '$');
  if (out.readings.length > MAX_READINGS_PER_PAYLOAD)
    throw new PayloadError(
      'sensing.payload.too_large',
      `More than ${MAX_READINGS_PER_PAYLOAD} readings in one payload.`,
    );
  if (!out.readings.length)
    throw new PayloadError(
      'sensing.payload.empty',
      `No usable reading: ${out.dropped.slice(0, 3).join('; ') || 'empty payload'}`,
    );
  return out;
}

/** Parses raw bytes as JSON, or throws a PayloadError. */
export function parseJsonBytes(bytes: Buffer | string): unknown {
  try {
    return JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch {
    throw new PayloadError('sensing.payload.not_json', 'The payload is not valid JSON.');
  }
}

/**
 * A gateway's telemetry (`v1/gateway/telemetry`): `{"Device A":[{"ts":…,"values":{…}}], …}`.
 * Returns readings per device name; a device whose entries are all unusable is listed in `dropped`.
 */
export function parseGatewayTelemetry(
  body: unknown,
  now: number,
): { devices: Map<string, IncomingReading[]>; dropped: string[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new PayloadError(
      'sensing.payload.invalid',
      'Gateway telemetry must be an object keyed by device name.',
    );
  const devices = new Map<string, IncomingReading[]>();
  const dropped: string[] = [];
  let total = 0;
  for (const [name, entries] of Object.entries(body as Record<string, unknown>)) {
    if (!name.trim() || name.length > 100) {
      dropped.push('bad device name');
      continue;
    }
    try {
      const parsed = parseTelemetry(entries, now);
      total += parsed.readings.length;
      devices.set(name, parsed.readings);
      dropped.push(...parsed.dropped.map((d) => `${name}${d}`));
    } catch (error) {
      dropped.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (total > MAX_READINGS_PER_PAYLOAD)
    throw new PayloadError(
      'sensing.payload.too_large',
      `More than ${MAX_READINGS_PER_PAYLOAD} readings in one payload.`,
    );
  if (!devices.size)
    throw new PayloadError('sensing.payload.empty', `No usable reading: ${dropped.slice(0, 3).join('; ')}`);
  return { devices, dropped };
}

/** `v1/gateway/connect`: `{"device":"Device A"}` → the name. */
export function parseGatewayConnect(body: unknown): string {
  const name = (body as { device?: unknown } | null)?.device;
  if (typeof name !== 'string' || !name.trim() || name.length > 100)
    throw new PayloadError('sensing.payload.invalid', 'Gateway connect needs {"device": "<name>"}.');
  return name.trim();
}
