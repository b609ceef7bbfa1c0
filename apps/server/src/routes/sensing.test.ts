import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { systemActor } from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { encodeHj212, encodeSl651, type StationSeed } from '@zhizhi/sensing';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const run = promisify(execFile);
const XIKOU = '330213100000';
const MOSQUITTO_PUB = '/usr/bin/mosquitto_pub';

const station: StationSeed = {
  code: 'T-SK-TX',
  nameZh: '亭下水库',
  nameEn: 'Tingxia Reservoir',
  kind: 'reservoir',
  lng: 121.2254,
  lat: 29.6532,
  divisionCode: XIKOU,
  departmentCode: 'slj',
  attributes: { flood_limit_level: 78, warning_level: 83, guarantee_level: 86 },
  devices: [
    { code: 'T-Z', name: '坝前水位计', protocol: 'json', metrics: ['water_level'] },
    { code: 'T-GW', name: '水库网关', protocol: 'gateway', metrics: [] },
    {
      code: 'T-AIR',
      name: '坝顶空气站',
      protocol: 'hj212',
      protocolAddress: '33021300000000000001',
      metrics: ['pm10'],
    },
    {
      code: 'T-SL',
      name: '遥测水位站',
      protocol: 'sl651',
      protocolAddress: '0070213001',
      metrics: ['water_level'],
    },
  ],
  rules: [
    {
      code: 'T.guarantee',
      nameZh: '超保证水位',
      nameEn: 'Above guarantee level',
      alarmType: 'water_level.over_guarantee',
      severity: 'critical',
      kind: 'threshold',
      metric: 'water_level',
      op: '>',
      value: 'guarantee_level',
      hysteresis: 0.1,
    },
  ],
};

describe('sensing API, MQTT and frame listeners', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Record<string, string>;
  const tokens = new Map<string, string>();
  let now = Date.now();

  const telemetry = (token: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/${token}/telemetry`, payload: payload as object });
  const settle = async () => {
    await t.modules.sensing.writer.drain();
    await t.modules.sensing.engine.settle();
    for (let i = 0; i < 4; i++) await t.kernel.events.dispatch();
  };
  const activeAlarm = async () =>
    (await t.modules.sensing.alarms.list(systemActor, { status: 'active' })).find(
      (a) => a.alarm.type === 'water_level.over_guarantee',
    )?.alarm;
  const countReadings = async (deviceCode: string) =>
    (
      await rows<{ n: number }>(
        t.kernel.db,
        sql`select count(*)::int as n from sensing_reading r join sensing_series s on s.id = r.series_id
             join sensing_device d on d.id = s.device_id where d.code = ${deviceCode}`,
      )
    )[0]!.n;
  /** Raises the alarm with a reading over 保证水位 and drops it again, through `send`. */
  async function raiseAndClear(send: (value: number, ts: number) => Promise<unknown>) {
    now += 60_000;
    await send(86.4, now);
    const settled = async () => {
      await settle();
      return activeAlarm();
    };
    await expect.poll(async () => (await settled())?.caseId ?? null).not.toBeNull();
    const alarm = (await activeAlarm())!;
    now += 60_000;
    await send(85.0, now);
    await expect.poll(settled).toBeUndefined();
    const notes = await rows<{ note: string }>(
      t.kernel.db,
      sql`select note from cases_history where case_id = ${alarm.caseId} and transition = 'system_note'`,
    );
    expect(notes.map((n) => n.note).join()).toContain('告警已自动解除');
    return alarm;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    await t.kernel.org.createDepartment(systemActor, {
      code: 'slj',
      name: '区水利局',
      nameEn: 'Water Resources Bureau',
      divisionCode: '330213000000',
      kind: 'bureau',
    });
    await t.modules.sensing.registry.seed(
      systemActor,
      [
        { code: 'water_level', nameZh: '水位', nameEn: 'Water level', unit: 'm' },
        { code: 'pm10', nameZh: 'PM10', nameEn: 'PM10', unit: 'μg/m³' },
      ],
      [station],
    );
    await t.modules.sensing.engine.reload();
    const list = await t.app.inject({ url: '/api/sensing/devices', headers: admin });
    for (const d of list.json().items) tokens.set(d.code, d.token);
  });
  afterAll(async () => {
    await t.modules.sensing.stop();
    await t.close();
  });

  it('takes telemetry over HTTP, answers problem+json for bad payloads and unknown tokens', async () => {
    const ok = await telemetry(tokens.get('T-Z')!, { ts: now, values: { water_level: 80.1 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ stored: 1, duplicates: 0, dropped: [] });
    const again = await telemetry(tokens.get('T-Z')!, [{ ts: now, values: { water_level: 80.1 } }]);
    expect(again.json()).toMatchObject({ stored: 0, duplicates: 1 });
    const bad = await telemetry(tokens.get('T-Z')!, { water_level: 'high' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('sensing.payload.empty');
    const unknown = await telemetry('not-a-token', { water_level: 1 });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('sensing.device.unknown_token');
  });

  it('MQTT (the mqtt package): a reading over 保证水位 raises an alarm and opens a case; falling back clears it onto the case', async () => {
    const handle = await t.modules.sensing.startMqtt({ port: 0, host: '127.0.0.1' });
    const port = handle!.port!;
    const refused = await mqtt
      .connectAsync(`mqtt://127.0.0.1:${port}`, { username: 'wrong', reconnectPeriod: 0 })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(Error);
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      username: tokens.get('T-Z')!,
      reconnectPeriod: 0,
    });
    const publish = (value: number, ts: number) =>
      client.publishAsync('v1/devices/me/telemetry', JSON.stringify({ ts, values: { water_level: value } }), {
        qos: 1,
      });
    // A malformed message is counted and does not cost the connection.
    await client.publishAsync('v1/devices/me/telemetry', 'not json', { qos: 1 });
    const alarm = await raiseAndClear(publish);
    expect(client.connected).toBe(true);
    const [kase] = await rows<{ department: string; title: string }>(
      t.kernel.db,
      sql`select d.code as department, c.title from cases_case c join org_department d on d.id = c.department_id where c.id = ${alarm.caseId}`,
    );
    expect(kase!.department).toBe('slj');
    expect(kase!.title).toContain('亭下水库');

    // A gateway announces a child device and sends for it; the child is created on first sight.
    const gateway = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      username: tokens.get('T-GW')!,
      reconnectPeriod: 0,
    });
    await gateway.publishAsync('v1/gateway/connect', JSON.stringify({ device: '溢洪道闸位计' }), { qos: 1 });
    await gateway.publishAsync(
      'v1/gateway/telemetry',
      JSON.stringify({ 溢洪道闸位计: [{ ts: now, values: { gate_opening: 0.35 } }] }),
      { qos: 1 },
    );
    expect(await countReadings('T-GW:溢洪道闸位计')).toBe(1);
    await gateway.endAsync();
    await client.endAsync();
    await t.modules.sensing.ingest.flushRejects();
    const [device] = await rows<{ n: number }>(
      t.kernel.db,
      sql`select rejected_count as n from sensing_device where code = 'T-Z'`,
    );
    expect(device!.n).toBeGreaterThanOrEqual(1);
    await handle!.close();
  });

  it.runIf(existsSync(MOSQUITTO_PUB))(
    'mosquitto_pub against the embedded broker, then through Mosquitto itself (MQTT_URL)',
    async () => {
      const handle = await t.modules.sensing.startMqtt({ port: 0, host: '127.0.0.1' });
      const port = String(handle!.port);
      const viaEmbedded = (value: number, ts: number) =>
        run(MOSQUITTO_PUB, [
          '-h',
          '127.0.0.1',
          '-p',
          port,
          '-u',
          tokens.get('T-Z')!,
          '-q',
          '1',
          '-t',
          'v1/devices/me/telemetry',
          '-m',
          JSON.stringify({ ts, values: { water_level: value } }),
        ]);
      await raiseAndClear(viaEmbedded);
      await handle!.close();

      // The machine's Mosquitto on 1883: firmware publishes with its token in the topic.
      const external = await t.modules.sensing.startMqtt({
        url: 'mqtt://127.0.0.1:1883',
        clientId: `zhizhi-test-${randomUUID()}`,
        shareGroup: `test${randomUUID().slice(0, 8)}`,
        sessionExpirySeconds: 5,
      });
      const viaMosquitto = (value: number, ts: number) =>
        run(MOSQUITTO_PUB, [
          '-h',
          '127.0.0.1',
          '-p',
          '1883',
          '-q',
          '1',
          '-t',
          `v1/devices/${tokens.get('T-Z')}/telemetry`,
          '-m',
          JSON.stringify({ ts, values: { water_level: value } }),
        ]);
      await raiseAndClear(viaMosquitto);
      await external!.close();
    },
  );

  it('takes HJ 212 and SL 651 frames over HTTP and TCP, answering after storage', async () => {
    const dataTime = Math.floor(Date.now() / 60_000) * 60_000;
    const hj = encodeHj212({
      st: '22',
      cn: '2011',
      pw: '123456',
      mn: '33021300000000000001',
      flag: 5,
      dataTime,
      values: { a34002: { rtd: 85.2, flag: 'N' } },
    });
    const http = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${tokens.get('T-AIR')}/frames`,
      payload: { protocol: 'hj212', frames: [hj, '##0010broken0000\r\n'] },
    });
    expect(http.statusCode).toBe(200);
    const [good, broken] = http.json().items;
    expect(good).toMatchObject({ ok: true, address: '33021300000000000001', command: '2011', stored: 1 });
    expect(good.ack).toMatch(/^##\d{4}.*CN=9014/);
    expect(broken.ok).toBe(false);
    // A device token may not send another device's frames.
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/${tokens.get('T-Z')}/frames`,
      payload: { protocol: 'hj212', frames: [hj] },
    });
    expect(foreign.json().items[0]).toMatchObject({ ok: false, code: 'sensing.frame.unknown_address' });

    const ports = await t.modules.sensing.startFrameListeners({ sl651: 0 }, '127.0.0.1');
    const frame = encodeSl651({
      center: 1,
      station: '0070213001',
      password: 0x1234,
      func: 0x32,
      serial: 7,
      sentAt: dataTime,
      stationCategory: 0x4b,
      observedAt: dataTime,
      values: [{ element: 0x3b, value: 80.25, digits: 7, decimals: 2 }],
    });
    const answer = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect(ports.sl651!, '127.0.0.1', () => {
        socket.write(frame.subarray(0, 10)); // arrives in pieces, as over a modem
        setTimeout(() => socket.write(frame.subarray(10)), 20);
      });
      socket.once('data', (d) => {
        resolve(d);
        socket.destroy();
      });
      socket.once('error', reject);
    });
    expect(answer.subarray(0, 2).toString('hex')).toBe('7e7e');
    expect(await countReadings('T-SL')).toBe(1);
  });

  it('lists stations with live status, a station’s series, and the public bulletin without login', async () => {
    const stations = await t.app.inject({ url: '/api/sensing/stations', headers: admin });
    expect(stations.statusCode).toBe(200);
    const s = stations.json().items[0];
    expect(s).toMatchObject({ code: 'T-SK-TX', kind: 'reservoir', devices: expect.any(Number) });
    expect(s.values.water_level.value).toEqual(expect.any(Number));
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const series = await t.app.inject({
      url: `/api/sensing/stations/T-SK-TX/series?metric=water_level&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      headers: admin,
    });
    expect(series.json().resolution).toBe('raw');
    expect(series.json().points.length).toBeGreaterThan(3);
    const anonymous = await t.app.inject({ url: '/api/sensing/stations' });
    expect(anonymous.statusCode).toBe(401);
    await t.modules.sensing.warnings.refresh();
    const bulletin = await t.app.inject({ url: '/api/public/sensing/bulletin' });
    expect(bulletin.statusCode).toBe(200);
    expect(JSON.stringify(bulletin.json())).not.toMatch(/token|phone|password/i);
  });

  it('registers a station, a device and a rule through the API; the rule applies to the next reading', async () => {
    const station = await t.app.inject({
      method: 'PUT',
      url: '/api/sensing/stations',
      headers: admin,
      payload: {
        code: 'T-DUST',
        nameZh: '溪口安置房项目工地',
        nameEn: 'Xikou resettlement housing site',
        kind: 'construction_site',
        lng: 121.24,
        lat: 29.68,
        divisionCode: XIKOU,
        departmentCode: 'slj',
      },
    });
    expect(station.statusCode, station.body).toBe(200);
    const { id } = station.json();
    const device = await t.app.inject({
      method: 'POST',
      url: `/api/sensing/stations/${id}/devices`,
      headers: admin,
      payload: { code: 'T-DUST-01', name: '扬尘监测仪', protocol: 'json', metrics: ['pm10'] },
    });
    expect(device.statusCode, device.body).toBe(200);
    const { token } = device.json();
    expect(token).toMatch(/^[\w-]{20}$/);
    const rule = {
      code: 'T-DUST.pm10',
      nameZh: '扬尘超标',
      nameEn: 'Dust over limit',
      alarmType: 'dust.pm10_over',
      severity: 'major',
      params: { kind: 'threshold', metric: 'pm10', op: '>', value: 150 },
    };
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/sensing/stations/${id}/rules`,
      headers: admin,
      payload: { ...rule, params: { kind: 'threshold', metric: 'pm10', op: '>=', value: 150 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('sensing.rule.invalid');
    const badCel = await t.app.inject({
      method: 'PUT',
      url: `/api/sensing/stations/${id}/rules`,
      headers: admin,
      payload: { ...rule, params: { kind: 'expression', expression: 'm.pm10 >' } },
    });
    expect(badCel.statusCode).toBe(400);
    expect(badCel.json().code).toBe('rules.expression.invalid');
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/sensing/stations/${id}/rules`,
      headers: admin,
      payload: rule,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await telemetry(token, { ts: Date.now(), values: { pm10: 180 } });
    await settle();
    const alarms = await t.modules.sensing.alarms.list(systemActor, { stationId: id, status: 'active' });
    expect(alarms.map((a) => a.alarm.type)).toEqual(['dust.pm10_over']);
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: `/api/sensing/stations/${id}/rules`,
      payload: rule,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('streams alarm changes as server-sent events', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${address.port}/api/sensing/stream`, {
      headers: { cookie: admin.cookie! },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    now += 60_000;
    await telemetry(tokens.get('T-Z')!, { ts: now, values: { water_level: 86.6 } });
    let text = '';
    while (!text.includes('event: alarm')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"type":"water_level.over_guarantee"');
    controller.abort();
  });
});
