import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openDatabase } from '../../src/shared/db/index.ts';

/** The web app is served from the API's origin: files, the page for client routes, JSON 404s under /api. */
describe('serving the web app', () => {
  let database: Database;
  let app: FastifyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'settle-web-'));

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Settle</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dir, '..', 'secret.txt'), 'outside');
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    app = await buildApp({ database, webDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers a client-side route with the page, never cached, under the CSP', async () => {
    for (const url of ['/', '/customers', '/invoices/INV-1?tab=journal']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year and other files fresh', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.body).toBe('console.log(1)');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('keeps /api answers JSON and refuses missing files and paths outside the folder', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%E0%A4%A']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('outside');
    }
    const post = await app.inject({ method: 'POST', url: '/customers' });
    expect(post.statusCode).toBe(404);
  });
});
