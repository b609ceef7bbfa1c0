import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './testing';

describe('logs', () => {
  const lines: string[] = [];
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await createTestApp({ logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => t.close());

  it('record each request by route and status, without personal data, bodies, query strings or stacks', async () => {
    const admin = await t.login();
    await t.app.inject({
      method: 'POST',
      url: '/api/identity/citizens',
      headers: admin,
      payload: { idNumber: '330283199001019071', name: '王小明', phone: '13812345678' },
    });
    await t.app.inject({ url: '/api/admin/staff?q=13812345678', headers: admin });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Secret-Password-9' },
    });
    const log = lines.join('');
    expect(log).toContain('"route":"/api/identity/citizens"');
    expect(log).toContain('"status":401');
    for (const secret of [
      '330283199001019071',
      '王小明',
      '13812345678',
      'Secret-Password-9',
      'admin-pass-1',
      'zz_session=',
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
});
