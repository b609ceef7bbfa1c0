import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './testing';

describe('serving the web app', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'zhizhi-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>整体智治</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    t = await createTestApp({ webDist: dist });
  });
  afterAll(() => t.close());

  it('serves index.html for / and for client-side routes, files as themselves', async () => {
    for (const url of ['/', '/admin/staff', '/audit?x=1']) {
      const response = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('整体智治');
    }
    expect((await t.app.inject('/')).body).toContain('整体智治'); // curl's */*
    const script = await t.app.inject('/assets/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('keeps API misses and non-page requests as problem+json 404', async () => {
    const api = await t.app.inject({ url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.json()).toMatchObject({ status: 404, code: 'http.not_found' });
    const json = await t.app.inject({ url: '/nope', headers: { accept: 'application/json' } });
    expect(json.json().code).toBe('http.not_found');
    const post = await t.app.inject({
      method: 'POST',
      url: '/admin/staff',
      headers: { accept: 'text/html' },
    });
    expect(post.statusCode).toBe(404);
  });
});
