import { InputError } from '@zhizhi/kernel';
import { liveScenario, type ScenarioKind, type SimulatedDevice } from '@zhizhi/sensing';
import type { Command } from 'commander';
import { createOutput, withKernel } from '../context';
import { remoteClient } from '../remote';
import {
  apiClientFor,
  type DeviceListing,
  listDevicesLocal,
  listDevicesRemote,
  readTokensFile,
  withStations,
} from './sensing-devices';
import { createSimulator, messageAt, type SimulatorStats } from './simulate-loop';
import {
  httpTransport,
  mqttDeviceTransport,
  mqttExternalTransport,
  type Transport,
} from './simulate-transports';

/** Terminal columns taken by `text`: CJK and full-width characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function deviceTable(devices: readonly DeviceListing[]): string {
  if (!devices.length) return 'No devices.';
  const rows = devices.map((d) => [
    d.code,
    `${d.stationName} (${d.stationCode})`,
    d.protocol + (d.protocolAddress ? ` ${d.protocolAddress}` : ''),
    d.token,
    d.metrics.join(',') || '—',
    d.lastSeenAt ? d.lastSeenAt.slice(0, 19).replace('T', ' ') : '从未上报',
  ]);
  return table(
    ['设备 device', '站点 station', '协议 protocol', 'token', '指标 metrics', '最近上报 last seen (UTC)'],
    rows,
  );
}

const positive = (name: string, integer: boolean) => (raw: string) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
    throw new InputError(
      'cli.simulate.option_invalid',
      `${name} takes a positive ${integer ? 'integer' : 'number'}, got "${raw}".`,
    );
  return value;
};

interface SimulateOptions {
  devices: number;
  rate: number;
  http?: string;
  mqtt?: string;
  external?: boolean;
  scenario: ScenarioKind;
  speed: number;
  duration?: number;
  tokens?: string;
  qos: '0' | '1';
  batch: number;
}

/** Candidate devices: the tokens file, else the server, else the local database (refused while locked). */
async function loadDevices(program: Command, options: SimulateOptions): Promise<SimulatedDevice[]> {
  const server = remoteClient(program);
  const { apiKey } = program.opts<{ apiKey?: string }>();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  let listings: DeviceListing[];
  let stationClient = server;
  if (options.tokens) {
    listings = await readTokensFile(options.tokens);
    if (!stationClient && apiKey && options.http) stationClient = apiClientFor(options.http, apiKey);
  } else if (server) listings = await listDevicesRemote(server);
  else listings = await withKernel((kernel) => listDevicesLocal(kernel), { remote: true });
  const withMetrics = listings.filter((d) => d.metrics.length > 0);
  const chosen = withMetrics.slice(0, options.devices);
  if (chosen.length < options.devices)
    say(`Only ${withMetrics.length} device(s) have metrics; simulating ${chosen.length}.`);
  const devices = await withStations(chosen, stationClient);
  const probe = liveScenario(options.scenario, Date.now());
  const modelled = devices.filter((d) => messageAt(probe, d, probe.start, 0) !== null);
  if (modelled.length < devices.length)
    say(`${devices.length - modelled.length} device(s) report no metric the scenario models; left out.`);
  if (!modelled.length) throw new InputError('cli.simulate.no_devices', 'No device to simulate.');
  return modelled;
}

async function openTransport(
  options: SimulateOptions,
  devices: SimulatedDevice[],
  fallbackHttp?: string,
): Promise<Transport> {
  const qos = options.qos === '0' ? 0 : 1;
  if (options.mqtt)
    return options.external
      ? mqttExternalTransport(options.mqtt, qos)
      : mqttDeviceTransport(options.mqtt, devices, qos);
  return httpTransport((options.http ?? fallbackHttp)!);
}

const hours = (ms: number) =>
  `${Math.floor(ms / 3_600_000)}h${String(Math.floor((ms % 3_600_000) / 60_000)).padStart(2, '0')}m`;

function progressLine(stats: SimulatorStats, perSecond: number, start: number): string {
  return (
    `[${Math.round(stats.elapsedMs / 1000)}s] sent ${stats.sent} · acknowledged ${stats.acknowledged} · ` +
    `errors ${stats.errors}${stats.skipped ? ` · skipped ${stats.skipped}` : ''} · ${perSecond.toFixed(1)} readings/s · ` +
    `scenario +${hours(stats.scenarioTime - start)}${stats.lastError ? ` · last error: ${stats.lastError}` : ''}`
  );
}

async function simulateSensors(program: Command, options: SimulateOptions) {
  if (options.http && options.mqtt)
    throw new InputError('cli.simulate.transport_conflict', 'Give --http or --mqtt, not both.');
  if (options.external && !options.mqtt)
    throw new InputError('cli.simulate.option_invalid', '--external goes with --mqtt URL.');
  if (!options.http && !options.mqtt && !program.opts<{ server?: string }>().server)
    throw new InputError(
      'cli.simulate.transport_missing',
      'Say where to send: --http URL or --mqtt URL (or --server URL).',
    );
  const out = createOutput(program.opts().json === true);
  const devices = await loadDevices(program, options);
  const transport = await openTransport(options, devices, program.opts<{ server?: string }>().server);
  const scenario = liveScenario(options.scenario, Date.now());
  const simulator = createSimulator({
    devices,
    scenario,
    speed: options.speed,
    rate: options.rate,
    batch: options.batch,
    send: transport.send,
  });
  process.stderr.write(
    `Simulating ${devices.length} device(s), ${options.rate} readings/s, ${options.scenario} scenario at ${options.speed}× ` +
      `(timestamps are wall-clock now) via ${options.mqtt ? `MQTT ${options.mqtt}` : 'HTTP'}. Ctrl-C to stop.\n`,
  );
  let last = simulator.stats();
  const progress = setInterval(() => {
    const now = simulator.stats();
    const perSecond =
      ((now.acknowledged - last.acknowledged) * 1000) / Math.max(1, now.elapsedMs - last.elapsedMs);
    process.stderr.write(`${progressLine(now, perSecond, scenario.start)}\n`);
    last = now;
  }, 5000);
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130); // a second Ctrl-C: do not wait for answers
    interrupted = true;
    simulator.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const stats = await simulator.run({
      durationMs: options.duration === undefined ? undefined : options.duration * 1000,
    });
    const perSecond = (stats.acknowledged * 1000) / Math.max(1, stats.elapsedMs);
    const summary = {
      devices: devices.length,
      scenario: options.scenario,
      speed: options.speed,
      interrupted,
      ...stats,
      readingsPerSecond: Math.round(perSecond * 10) / 10,
    };
    if (stats.errors > 0 && stats.acknowledged === 0)
      throw new InputError(
        'cli.simulate.nothing_acknowledged',
        `No reading was acknowledged (${stats.errors} errors; last: ${stats.lastError}).`,
        summary,
      );
    out.result(
      summary,
      `Done${stats.scenarioEnded ? ' (scenario over)' : ''}: ${progressLine(stats, perSecond, scenario.start)}`,
    );
  } finally {
    clearInterval(progress);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await transport.close();
  }
}

/** `device list` and `simulate sensors` (sensing module). */
export function registerSensingCommands(program: Command) {
  program
    .command('device')
    .description('Sensing devices (感知设备)')
    .command('list')
    .description('Devices with their access tokens (--json: input for simulate sensors --tokens)')
    .action(async () => {
      const out = createOutput(program.opts().json === true);
      const client = remoteClient(program);
      const devices = client
        ? await listDevicesRemote(client)
        : await withKernel((kernel) => listDevicesLocal(kernel), { remote: true });
      out.result(devices, deviceTable(devices));
    });

  program
    .command('simulate')
    .description('Simulators for testing and demos')
    .command('sensors')
    .description(
      'Send realistic sensor readings as real devices would (ThingsBoard HTTP or MQTT device API). ' +
        'Timestamps are wall-clock now; the scenario runs --speed times faster.',
    )
    .requiredOption(
      '--devices <n>',
      'how many devices (the first N with metrics)',
      positive('--devices', true),
    )
    .requiredOption(
      '--rate <r>',
      'messages per second across all devices (one message = all metrics of one device)',
      positive('--rate', false),
    )
    .option('--http <url>', 'platform base URL for POST /api/v1/{token}/telemetry (default: --server)')
    .option(
      '--mqtt <url>',
      'MQTT broker, e.g. mqtt://localhost:1883 (one connection per device, token as username)',
    )
    .option(
      '--external',
      'with --mqtt: an external broker; one connection, topic v1/devices/{token}/telemetry',
    )
    .option(
      '--scenario <kind>',
      'normal | typhoon (72 h, rain peaks after ~24 h)',
      (v) => {
        if (v !== 'normal' && v !== 'typhoon')
          throw new InputError('cli.simulate.option_invalid', `--scenario is normal or typhoon, got "${v}".`);
        return v;
      },
      'normal',
    )
    .option(
      '--speed <k>',
      'scenario time runs k× faster than wall time (typhoon at 120: 36 minutes)',
      positive('--speed', false),
      1,
    )
    .option(
      '--duration <seconds>',
      'stop after this many seconds (default: until Ctrl-C or the scenario ends)',
      positive('--duration', false),
    )
    .option(
      '--tokens <file>',
      'devices from this file (output of device list --json); entries need stationKind and stationAttributes unless an API key is given',
    )
    .option(
      '--qos <0|1>',
      'MQTT QoS',
      (v) => {
        if (v !== '0' && v !== '1')
          throw new InputError('cli.simulate.option_invalid', `--qos is 0 or 1, got "${v}".`);
        return v;
      },
      '1',
    )
    .option(
      '--batch <b>',
      'messages per request (HTTP array / MQTT array payload) per device',
      positive('--batch', true),
      1,
    )
    .action((options: SimulateOptions) => simulateSensors(program, options));
}
