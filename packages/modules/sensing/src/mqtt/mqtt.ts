import { hostname } from 'node:os';
import { createServer, type Server } from 'node:net';
import { Aedes, type Client } from 'aedes';
import mqtt from 'mqtt';
import type { Kernel } from '@zhizhi/kernel';
import type { Ingest } from '../ingest/ingest';
import type { DeviceInfo, Registry } from '../registry/registry';

/** A running MQTT side: the embedded broker or the external-broker subscription. */
export interface MqttHandle {
  mode: 'embedded' | 'external';
  /** The port the embedded broker listens on. */
  port?: number;
  connectedClients(): number;
  close(): Promise<void>;
}

type Logger = NonNullable<Kernel['logger']>;
type DeviceClient = Client & { device?: DeviceInfo };

/**
 * The embedded broker (aedes) speaking ThingsBoard's device API: the device token is the MQTT
 * username; telemetry on `v1/devices/me/telemetry`, gateways on `v1/gateway/*`. A QoS 1 publish is
 * acknowledged (PUBACK) only after its readings are stored. Resolves null when the port is taken.
 */
export async function startEmbeddedBroker(
  registry: Registry,
  ingest: Ingest,
  options: { port: number; host?: string; logger?: Logger },
): Promise<MqttHandle | null> {
  const broker = await Aedes.createBroker({ drainTimeout: 30_000 });
  broker.authenticate = (client, username, _password, done) => {
    if (!username) {
      done(Object.assign(new Error('token required'), { returnCode: 4 }), false);
      return;
    }
    registry
      .deviceByToken(username)
      .then((device) => {
        if (!device) done(Object.assign(new Error('unknown token'), { returnCode: 5 }), false);
        else {
          (client as DeviceClient).device = device;
          done(null, true);
        }
      })
      .catch(() => done(Object.assign(new Error('unavailable'), { returnCode: 3 }), false));
  };
  broker.authorizePublish = (client, packet, done) => {
    const device = (client as DeviceClient | null)?.device;
    if (!device) return done(new Error('not a device'));
    ingest
      .mqttPublish(device, packet.topic, packet.payload as Buffer)
      .then(() => done(null))
      // Storage failed: drop the connection without PUBACK, so the device sends it again.
      .catch(() => done(new Error('not stored')));
  };
  // Devices may listen for RPC and attribute updates of their own; nothing else.
  broker.authorizeSubscribe = (_client, sub, done) => {
    done(null, sub.topic.startsWith('v1/devices/me/') || sub.topic.startsWith('v1/gateway/') ? sub : null);
  };
  // Telemetry is for the platform, not for other clients.
  broker.authorizeForward = (_client, packet) =>
    packet.topic.startsWith('v1/devices/me/telemetry') ? null : packet;

  const server: Server = createServer(
    broker.handle as unknown as (socket: import('node:net').Socket) => void,
  );
  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve(true));
  });
  if (!listening) {
    await new Promise<void>((r) => broker.close(() => r()));
    options.logger?.warn(
      { port: options.port },
      `MQTT port ${options.port} is already in use (another broker?): the embedded MQTT broker is off; HTTP telemetry still works. Set MQTT_PORT to a free port, or MQTT_URL to use that broker.`,
    );
    return null;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger?.info({ port }, 'embedded MQTT broker listening');
  return {
    mode: 'embedded',
    port,
    connectedClients: () => broker.connectedClients,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        broker.close(() => {});
        // Sockets of connected devices would keep server.close() waiting.
        for (const client of Object.values(
          (broker as unknown as { clients: Record<string, Client> }).clients ?? {},
        ))
          client.close();
      }),
  };
}

/**
 * An external broker (Mosquitto, EMQX): the platform subscribes with a shared subscription, so
 * several server nodes split the load. Firmware there cannot be told apart by username, so the
 * token is in the topic: `v1/devices/{token}/telemetry`, `v1/gateway/{token}/telemetry|connect`.
 * Messages are acknowledged to the broker only after they are stored (MQTT 5 custom acks), and the
 * session is persistent, so nothing acknowledged is lost and nothing unstored is dropped.
 */
export async function startExternalSubscriber(
  registry: Registry,
  ingest: Ingest,
  options: {
    url: string;
    clientId?: string;
    shareGroup?: string;
    sessionExpirySeconds?: number;
    logger?: Logger;
  },
): Promise<MqttHandle> {
  const group = options.shareGroup ?? 'zhizhi';
  const PAYLOAD_FORMAT_INVALID = 0x99;
  const NOT_AUTHORIZED = 0x87;
  const client = mqtt.connect(options.url, {
    protocolVersion: 5,
    clientId: options.clientId ?? `zhizhi-${hostname()}`.slice(0, 64),
    clean: false,
    // A node that restarts with its client id (default: its host name) resumes its session and gets
    // what was queued for it meanwhile.
    properties: { sessionExpiryInterval: options.sessionExpirySeconds ?? 24 * 3600 },
    reconnectPeriod: 2000,
    customHandleAcks: (topic, message, _packet, done) => {
      const m = /^v1\/(devices|gateway)\/([^/]{1,64})\/(telemetry|connect|attributes|disconnect)$/.exec(
        topic,
      );
      if (!m) return done(PAYLOAD_FORMAT_INVALID);
      const [, scope, token, kind] = m;
      registry
        .deviceByToken(token!)
        .then(async (device) => {
          if (!device) return done(NOT_AUTHORIZED);
          const local = scope === 'devices' ? `v1/devices/me/${kind}` : `v1/gateway/${kind}`;
          const outcome = await ingest.mqttPublish(device, local, message as Buffer);
          done(outcome.ok ? 0 : PAYLOAD_FORMAT_INVALID);
        })
        // Not stored: no PUBACK, the broker redelivers after reconnecting.
        .catch((error) => {
          options.logger?.error(
            { err: (error as Error).message },
            'MQTT message not stored; reconnecting for redelivery',
          );
          client.end(true, {}, () => client.reconnect());
        });
    },
  });
  client.on('error', (error) => options.logger?.warn({ err: error.message }, 'external MQTT broker error'));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cannot reach MQTT broker ${options.url}`)), 10_000);
    client.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await client.subscribeAsync(
    [
      `$share/${group}/v1/devices/+/telemetry`,
      `$share/${group}/v1/gateway/+/telemetry`,
      `$share/${group}/v1/gateway/+/connect`,
    ],
    { qos: 1 },
  );
  options.logger?.info(
    { url: options.url.replace(/\/\/[^@/]*@/, '//***@') },
    'subscribed to the external MQTT broker',
  );
  return {
    mode: 'external',
    connectedClients: () => (client.connected ? 1 : 0),
    close: () => client.endAsync(),
  };
}
