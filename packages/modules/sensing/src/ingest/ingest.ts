import type { Kernel } from '@zhizhi/kernel';
import { AuthenticationError, InputError } from '@zhizhi/kernel/errors';
import { sql } from 'drizzle-orm';
import type { DeviceInfo, Registry } from '../registry/registry';
import {
  type IncomingReading,
  PayloadError,
  parseGatewayConnect,
  parseGatewayTelemetry,
  parseJsonBytes,
  parseTelemetry,
} from './payload';
import type { Writer, WriteResult } from './writer';

/** The ThingsBoard device topics we take (MQTT). */
export const TOPICS = {
  telemetry: 'v1/devices/me/telemetry',
  attributes: 'v1/devices/me/attributes',
  gatewayConnect: 'v1/gateway/connect',
  gatewayDisconnect: 'v1/gateway/disconnect',
  gatewayTelemetry: 'v1/gateway/telemetry',
} as const;

export interface IngestResult extends WriteResult {
  /** Parts of the payload that were dropped, with reasons. */
  dropped: string[];
}

/**
 * Ingestion, whatever the transport: device authentication by token, payload parsing, the
 * acknowledged write, and per-device counting of rejected payloads (which never stop ingestion).
 */
export function createIngest(kernel: Kernel, registry: Registry, writer: Writer) {
  const rejects = new Map<string, { n: number; reason: string; at: Date }>();
  let totalRejected = 0;
  let totalStored = 0;
  let totalDuplicates = 0;

  function countReject(device: DeviceInfo | null, reason: string) {
    totalRejected += 1;
    if (!device) return;
    const cur = rejects.get(device.id);
    rejects.set(device.id, { n: (cur?.n ?? 0) + 1, reason: reason.slice(0, 300), at: new Date() });
  }

  /** Writes the per-device reject counters (every second, and at shutdown). */
  async function flushRejects() {
    if (!rejects.size) return;
    const batch = [...rejects.entries()];
    rejects.clear();
    for (const [id, r] of batch)
      await kernel.db.execute(sql`update sensing_device set rejected_count = rejected_count + ${r.n},
                                   last_reject_reason = ${r.reason}, last_reject_at = ${r.at} where id = ${id}`);
  }

  async function store(
    device: DeviceInfo,
    readings: IncomingReading[],
    dropped: string[],
  ): Promise<IngestResult> {
    const result = await writer.write(device, readings);
    totalStored += result.stored;
    totalDuplicates += result.duplicates;
    if (dropped.length) countReject(device, dropped.slice(0, 3).join('; '));
    return { ...result, dropped };
  }

  async function authenticate(token: string): Promise<DeviceInfo> {
    const device = await registry.deviceByToken(token);
    if (!device)
      throw new AuthenticationError('sensing.device.unknown_token', 'Unknown or disabled device token.');
    return device;
  }

  /** HTTP `POST /api/v1/{token}/telemetry`: resolves after the readings are stored. */
  async function httpTelemetry(token: string, body: unknown): Promise<IngestResult> {
    const device = await authenticate(token);
    let parsed: ReturnType<typeof parseTelemetry>;
    try {
      parsed = parseTelemetry(body, Date.now());
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      countReject(device, error.message);
      throw new InputError(error.code, error.message);
    }
    return store(device, parsed.readings, parsed.dropped);
  }

  /**
   * One MQTT publish from an authenticated device. Resolves once stored (the QoS 1 PUBACK waits for
   * it); a malformed payload is counted and resolves with `rejected` rather than failing, so one bad
   * message never disconnects a device.
   */
  async function mqttPublish(
    device: DeviceInfo,
    topic: string,
    payload: Buffer,
  ): Promise<{ ok: true; result?: IngestResult } | { ok: false; code: string; reason: string }> {
    const now = Date.now();
    try {
      if (topic === TOPICS.telemetry) {
        const parsed = parseTelemetry(parseJsonBytes(payload), now);
        return { ok: true, result: await store(device, parsed.readings, parsed.dropped) };
      }
      if (topic === TOPICS.attributes || topic === TOPICS.gatewayDisconnect) return { ok: true };
      if (!device.isGateway)
        throw new PayloadError('sensing.topic.not_allowed', `Topic ${topic.slice(0, 80)} is not accepted.`);
      if (topic === TOPICS.gatewayConnect) {
        await registry.gatewayChild(device, parseGatewayConnect(parseJsonBytes(payload)));
        return { ok: true };
      }
      if (topic === TOPICS.gatewayTelemetry) {
        const parsed = parseGatewayTelemetry(parseJsonBytes(payload), now);
        const results = await Promise.all(
          [...parsed.devices].map(async ([name, readings]) =>
            writer.write(await registry.gatewayChild(device, name), readings),
          ),
        );
        const stored = results.reduce((a, r) => a + r.stored, 0);
        const duplicates = results.reduce((a, r) => a + r.duplicates, 0);
        totalStored += stored;
        totalDuplicates += duplicates;
        if (parsed.dropped.length) countReject(device, parsed.dropped.slice(0, 3).join('; '));
        return { ok: true, result: { stored, duplicates, dropped: parsed.dropped } };
      }
      throw new PayloadError('sensing.topic.not_allowed', `Topic ${topic.slice(0, 80)} is not accepted.`);
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      countReject(device, error.message);
      return { ok: false, code: error.code, reason: error.message };
    }
  }

  /** Readings a protocol decoder produced for a device (HJ 212, SL 651). */
  async function protocolReadings(device: DeviceInfo, readings: IncomingReading[]) {
    return store(device, readings, []);
  }

  return {
    authenticate,
    httpTelemetry,
    mqttPublish,
    protocolReadings,
    countReject,
    flushRejects,
    stats: () => ({ stored: totalStored, duplicates: totalDuplicates, rejected: totalRejected }),
  };
}

export type Ingest = ReturnType<typeof createIngest>;
