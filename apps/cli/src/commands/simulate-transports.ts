import { randomBytes } from 'node:crypto';
import { InputError } from '@zhizhi/kernel';
import type { SimulatedDevice } from '@zhizhi/sensing';
import mqtt, { type MqttClient } from 'mqtt';
import type { SendTelemetry, TelemetryMessage } from './simulate-loop';

/** A way to deliver telemetry, with its connections to close. */
export interface Transport {
  send: SendTelemetry;
  close(): Promise<void>;
}

const body = (messages: TelemetryMessage[]) => JSON.stringify(messages.length === 1 ? messages[0] : messages);

/** The reason behind undici's bare "fetch failed". */
function reachError(url: string, error: unknown): Error {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new Error(`cannot reach ${url} (${cause?.code ?? cause?.message ?? (error as Error).message})`);
}

/** ThingsBoard's HTTP device API: `POST {url}/api/v1/{token}/telemetry`, answered once stored. */
export function httpTransport(baseUrl: string): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async send(device, messages) {
      const url = `${base}/api/v1/${encodeURIComponent(device.token)}/telemetry`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(messages),
      }).catch((error: unknown) => {
        throw reachError(base, error);
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${device.code}: ${text.slice(0, 200)}`);
      // Partly unusable payloads are answered 200 with reasons; the simulator should never cause them.
      const dropped = (JSON.parse(text) as { dropped?: string[] }).dropped ?? [];
      if (dropped.length) throw new Error(`${device.code}: server dropped ${dropped[0]}`);
    },
    close: async () => {},
  };
}

const clientId = (label: string) => `zz-sim-${label}-${randomBytes(4).toString('hex')}`.slice(0, 64);

async function connect(url: string, options: mqtt.IClientOptions, label: string): Promise<MqttClient> {
  try {
    return await mqtt.connectAsync(url, {
      clientId: clientId(label),
      connectTimeout: 10_000,
      reconnectPeriod: 1000,
      ...options,
    });
  } catch (error) {
    throw new InputError(
      'cli.simulate.mqtt_refused',
      `MQTT ${url} refused or did not answer ${label}: ${(error as Error).message}`,
    );
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * ThingsBoard's MQTT device API on the embedded broker: one connection per device, the token as
 * username, telemetry on `v1/devices/me/telemetry`. With QoS 1 a publish resolves at PUBACK, which
 * the platform sends only after storing.
 */
export async function mqttDeviceTransport(
  url: string,
  devices: readonly SimulatedDevice[],
  qos: 0 | 1,
): Promise<Transport> {
  const clients = new Map<string, MqttClient>();
  const close = async () => {
    await Promise.allSettled([...clients.values()].map((c) => c.endAsync(true)));
  };
  try {
    await eachLimited(devices, 32, async (d) => {
      clients.set(d.token, await connect(url, { username: d.token }, `device ${d.code}`));
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async send(device, messages) {
      const client = clients.get(device.token);
      if (!client) throw new Error(`${device.code} is not connected`);
      await client.publishAsync('v1/devices/me/telemetry', body(messages), { qos });
    },
    close,
  };
}

/**
 * An external broker (Mosquitto, EMQX) the platform subscribes to: one connection for all devices,
 * the token in the topic `v1/devices/{token}/telemetry`. Credentials for the broker go in the URL.
 */
export async function mqttExternalTransport(url: string, qos: 0 | 1): Promise<Transport> {
  const client = await connect(url, {}, 'the simulator');
  return {
    async send(device, messages) {
      await client.publishAsync(`v1/devices/${device.token}/telemetry`, body(messages), { qos });
    },
    close: async () => {
      await client.endAsync(true);
    },
  };
}
