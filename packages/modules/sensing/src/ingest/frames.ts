import { createServer, type Server, type Socket } from 'node:net';
import type { Kernel } from '@zhizhi/kernel';
import {
  type DecodedFrame,
  decodeHj212,
  decodeSl651,
  Hj212Splitter,
  hj212Ack,
  ProtocolError,
  Sl651Splitter,
  sl651Ack,
} from '../protocols';
import type { DeviceInfo, Registry } from '../registry/registry';
import type { Ingest } from './ingest';
import type { IncomingReading } from './payload';

export type FrameProtocol = 'hj212' | 'sl651';

/** What became of one frame. */
export type FrameOutcome =
  | { ok: true; address: string; command: string; stored: number; duplicates: number; ack: Buffer | null }
  | { ok: false; code: string; reason: string };

type Logger = NonNullable<Kernel['logger']>;

/** Readings of a decoded frame in our units (HJ 212 flow is L/s, ours m³/s). */
export function frameReadings(frame: DecodedFrame): IncomingReading[] {
  const out: IncomingReading[] = [];
  for (const r of frame.readings) {
    if (r.kind) continue; // restart times, running hours: not measurements
    if (r.flag && r.flag !== 'N') continue; // HJ 212: stopped, maintenance, fault, calibration …
    const value = frame.protocol === 'hj212' && r.code === 'w00000' ? r.value / 1000 : r.value;
    out.push({ metric: r.metric, ts: r.ts, value });
  }
  return out;
}

/**
 * HJ 212-2017 and SL 651-2014 frames: decoded, matched to the device registered with that station
 * address (HJ 212 `MN`, SL 651 遥测站地址), stored, then answered when the frame asks for it — the
 * answer leaves only after the readings are stored, so a device that gets no answer sends again.
 */
export function createFrameIngest(registry: Registry, ingest: Ingest) {
  const decode = (protocol: FrameProtocol, bytes: Uint8Array | string) =>
    protocol === 'hj212'
      ? decodeHj212(bytes)
      : decodeSl651(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);

  async function handle(
    protocol: FrameProtocol,
    bytes: Uint8Array | string,
    via?: DeviceInfo,
  ): Promise<FrameOutcome> {
    let frame: DecodedFrame;
    try {
      frame = decode(protocol, bytes);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      ingest.countReject(via ?? null, `${error.code}: ${error.message}`);
      return { ok: false, code: error.code, reason: error.message };
    }
    const device = await registry.deviceByAddress(protocol, frame.address);
    if (!device || (via && !via.isGateway && via.id !== device.id)) {
      ingest.countReject(via ?? null, `unknown station address ${frame.address}`);
      return {
        ok: false,
        code: 'sensing.frame.unknown_address',
        reason: `No ${protocol} device is registered with address ${frame.address}.`,
      };
    }
    const readings = frameReadings(frame);
    const result = readings.length
      ? await ingest.protocolReadings(device, readings)
      : { stored: 0, duplicates: 0 };
    const ack = frame.needsAck
      ? protocol === 'hj212'
        ? Buffer.from(hj212Ack(frame as Parameters<typeof hj212Ack>[0]) ?? '', 'ascii')
        : sl651Ack(frame as Parameters<typeof sl651Ack>[0])
      : null;
    return {
      ok: true,
      address: frame.address,
      command: frame.command,
      stored: result.stored,
      duplicates: result.duplicates,
      ack: ack?.length ? ack : null,
    };
  }

  /** A TCP listener for one protocol (devices connect and stream frames; answers go back on the socket). */
  async function listen(
    protocol: FrameProtocol,
    port: number,
    options: { host?: string; logger?: Logger } = {},
  ): Promise<{ port: number; close(): Promise<void> } | null> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      const splitter = protocol === 'hj212' ? new Hj212Splitter() : new Sl651Splitter();
      // Frames of one connection are handled in order, each answered after it is stored.
      let chain = Promise.resolve();
      socket.on('data', (chunk) => {
        for (const frame of splitter.push(chunk)) {
          chain = chain
            .then(() => handle(protocol, frame))
            .then((outcome) => {
              if (outcome.ok && outcome.ack && !socket.destroyed) socket.write(outcome.ack);
            })
            .catch(() => {
              socket.destroy(); // not stored: no answer, the device sends again
            });
        }
      });
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
      socket.setTimeout(10 * 60_000, () => socket.destroy());
    });
    const ok = await new Promise<boolean>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error),
      );
      server.listen(port, options.host ?? '0.0.0.0', () => resolve(true));
    });
    if (!ok) {
      options.logger?.warn(
        { port },
        `${protocol} port ${port} is in use: the ${protocol} TCP listener is off`,
      );
      return null;
    }
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    options.logger?.info({ port: bound }, `${protocol} TCP listener on`);
    return {
      port: bound,
      close: () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    };
  }

  return { handle, listen };
}

export type FrameIngest = ReturnType<typeof createFrameIngest>;
