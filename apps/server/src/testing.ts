import { systemActor } from '@zhizhi/kernel';
import { createTestKernel } from '@zhizhi/kernel/testing';
import type { Logger } from 'pino';
import { type App, buildApp } from './app';
import { createModules, startModules } from './modules';

/** The API over a fresh test kernel, with an admin and an auditor account. */
export async function createTestApp(
  options: { rateLimitPerMinute?: number; logger?: Logger; webDist?: string } = {},
) {
  const t = await createTestKernel();
  await t.kernel.staff.createStaff(systemActor, {
    username: 'admin',
    displayName: '管理员',
    password: 'admin-pass-1',
    departmentId: null,
    roles: [{ roleCode: 'admin', divisionCode: '330213000000' }],
    mustChangePassword: false,
  });
  await t.kernel.staff.createStaff(systemActor, {
    username: 'audit',
    displayName: '审计员',
    password: 'audit-pass-1',
    departmentId: null,
    roles: [{ roleCode: 'auditor', divisionCode: '330213000000' }],
    mustChangePassword: false,
  });
  const modules = createModules(t.kernel, { cockpitTickMs: 0 });
  await startModules(modules);
  const app: App = await buildApp({
    kernel: t.kernel,
    modules,
    info: {
      name: 'Zhizhi',
      version: 'test',
      dialect: t.database.dialect,
      demo: false,
      region: { code: '330213000000', name: '奉化区', nameEn: 'Fenghua District' },
    },
    webDist: options.webDist ?? null,
    rateLimitPerMinute: options.rateLimitPerMinute,
    logger: options.logger,
  });
  await app.ready();

  /** Logs in through the API; returns headers for authenticated writes. */
  async function login(username = 'admin', password = 'admin-pass-1') {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    const cookie = response.cookies.find((c) => c.name === 'zz_session');
    if (!cookie) throw new Error(`login failed: ${response.body}`);
    const csrf = response.json().csrfToken as string;
    return { cookie: `zz_session=${cookie.value}`, 'x-csrf-token': csrf };
  }

  return {
    ...t,
    modules,
    app,
    login,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}
