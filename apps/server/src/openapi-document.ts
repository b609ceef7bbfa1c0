import { createKernel, openDatabase } from '@zhizhi/kernel';
import { buildApp } from './app';
import { createModules } from './modules';
import { version } from './server';

/** The OpenAPI document exactly as the server serves it, serialised stably. */
export async function renderOpenApi(): Promise<string> {
  const database = await openDatabase(); // routes only; no query runs
  try {
    const kernel = createKernel({ database });
    const app = await buildApp({
      kernel,
      modules: createModules(kernel),
      info: {
        name: 'Zhizhi',
        version,
        dialect: 'pglite',
        demo: false,
        region: { code: '', name: '', nameEn: '' },
      },
      webDist: null,
    });
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await database.close();
  }
}
