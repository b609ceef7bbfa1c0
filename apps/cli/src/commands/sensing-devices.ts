import { readFile } from 'node:fs/promises';
import { type ApiClient, createApiClient, unwrap } from '@zhizhi/api-client';
import { InputError, type Kernel, systemActor } from '@zhizhi/kernel';
import {
  createSensing,
  STATION_KINDS,
  type SimulatedDevice,
  type StationKind,
  sensingStation,
} from '@zhizhi/sensing';
import { inArray } from 'drizzle-orm';

type Attributes = Record<string, number | string>;

/** One line of `device list --json`; also the format `simulate sensors --tokens FILE` reads. */
export interface DeviceListing {
  code: string;
  name: string;
  stationCode: string;
  stationName: string;
  protocol: string;
  protocolAddress: string | null;
  token: string;
  metrics: string[];
  lastSeenAt: string | null;
  /** Present when listed locally (the API list lacks them; the simulator then asks per station). */
  stationKind?: StationKind;
  stationAttributes?: Attributes;
}

/** Devices with their tokens and station kind/attributes, from the local database. */
export async function listDevicesLocal(kernel: Kernel): Promise<DeviceListing[]> {
  const sensing = createSensing(kernel);
  const rows = await sensing.registry.listDevices(systemActor);
  const codes = [...new Set(rows.map((r) => r.stationCode))];
  const stations = codes.length
    ? await kernel.db
        .select({
          code: sensingStation.code,
          kind: sensingStation.kind,
          attributes: sensingStation.attributes,
        })
        .from(sensingStation)
        .where(inArray(sensingStation.code, codes))
    : [];
  const byCode = new Map(stations.map((s) => [s.code, s]));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    stationCode: r.stationCode,
    stationName: r.stationName,
    protocol: r.protocol,
    protocolAddress: r.protocolAddress,
    token: r.token,
    metrics: r.metrics,
    lastSeenAt: r.lastSeenAt ? r.lastSeenAt.toISOString() : null,
    stationKind: byCode.get(r.stationCode)?.kind,
    stationAttributes: byCode.get(r.stationCode)?.attributes,
  }));
}

/** Devices with their tokens through the API (`GET /api/sensing/devices`, needs sensing.manage). */
export async function listDevicesRemote(client: ApiClient): Promise<DeviceListing[]> {
  const { items } = await unwrap(client.GET('/api/sensing/devices'));
  return items.map((d) => ({
    code: d.code,
    name: d.name,
    stationCode: d.stationCode,
    stationName: d.stationName,
    protocol: d.protocol,
    protocolAddress: d.protocolAddress,
    token: d.token,
    metrics: d.metrics,
    lastSeenAt: d.lastSeenAt,
  }));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function fileEntry(value: unknown, index: number, file: string): DeviceListing {
  const bad = (why: string) =>
    new InputError('cli.simulate.tokens_invalid', `${file}: entry ${index} ${why}.`, { index });
  if (!isRecord(value)) throw bad('is not an object');
  const { code, token, metrics, stationCode, stationKind } = value;
  if (typeof code !== 'string' || typeof token !== 'string' || typeof stationCode !== 'string')
    throw bad('needs code, token and stationCode strings');
  if (!Array.isArray(metrics) || !metrics.every((m) => typeof m === 'string'))
    throw bad('needs metrics, an array of metric codes');
  if (stationKind !== undefined && !STATION_KINDS.includes(stationKind as StationKind))
    throw bad(`has an unknown stationKind "${String(stationKind)}"`);
  const attributes = value.stationAttributes ?? value.attributes;
  if (attributes !== undefined && !isRecord(attributes)) throw bad('has attributes that are not an object');
  return {
    code,
    name: typeof value.name === 'string' ? value.name : code,
    stationCode,
    stationName: typeof value.stationName === 'string' ? value.stationName : stationCode,
    protocol: typeof value.protocol === 'string' ? value.protocol : 'json',
    protocolAddress: null,
    token,
    metrics,
    lastSeenAt: null,
    stationKind: stationKind as StationKind | undefined,
    stationAttributes: attributes as Attributes | undefined,
  };
}

/** Reads the output of `device list --json` (or a hand-written file in that shape). */
export async function readTokensFile(file: string): Promise<DeviceListing[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputError('cli.simulate.tokens_unreadable', `Cannot read ${file}.`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError('cli.simulate.tokens_invalid', `${file} is not JSON (expected device list --json).`);
  }
  if (!Array.isArray(parsed))
    throw new InputError('cli.simulate.tokens_invalid', `${file} must hold a JSON array of devices.`);
  return parsed.map((entry, i) => fileEntry(entry, i, file));
}

/** A typed client with an API key, e.g. for the `--http` target of the simulator. */
export function apiClientFor(baseUrl: string, apiKey: string): ApiClient {
  return createApiClient({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${apiKey}` },
  });
}

/**
 * The simulator's view of the devices: each with its station's kind and attributes, taken from the
 * listing or, where missing, from `GET /api/sensing/stations/{code}` (once per station).
 */
export async function withStations(
  listings: readonly DeviceListing[],
  client: ApiClient | null,
): Promise<SimulatedDevice[]> {
  const stations = new Map<string, { kind: StationKind; attributes: Attributes }>();
  for (const d of listings) {
    if (d.stationKind)
      stations.set(d.stationCode, { kind: d.stationKind, attributes: d.stationAttributes ?? {} });
  }
  for (const d of listings) {
    if (stations.has(d.stationCode)) continue;
    if (!client)
      throw new InputError(
        'cli.simulate.station_unknown',
        `Device ${d.code} has no stationKind/stationAttributes; use a file from \`zhizhi device list --json\` run locally, or give an API key so the station can be asked for.`,
      );
    const station = await unwrap(
      client.GET('/api/sensing/stations/{id}', { params: { path: { id: d.stationCode } } }),
    );
    stations.set(d.stationCode, { kind: station.kind, attributes: station.attributes });
  }
  return listings.map((d) => {
    const station = stations.get(d.stationCode)!;
    return {
      code: d.code,
      token: d.token,
      metrics: d.metrics,
      station: { code: d.stationCode, ...station },
    };
  });
}
