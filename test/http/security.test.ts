import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/modules/auth/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openPgliteTestDatabase } from '../../src/shared/testing/test-database.ts';
import { callerWith, TEST_PASSWORD } from '../support/auth.ts';
import { seedOrg } from '../support/factories.ts';

describe('HTTP hardening', () => {
  let database: Database;
  let app: FastifyInstance;
  let ctx: Ctx;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await openPgliteTestDatabase();
    ctx = await seedOrg(database);
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    // The most talkative level: whatever reaches the log at all is checked below.
    app = await buildApp({ database, orgSlug: ctx.org.slug, logger: { level: 'trace', stream } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('sets security headers on every answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a body over the size limit with 413, before any work', async () => {
    const { headers } = await callerWith(ctx, ['admin']);
    const big = JSON.stringify({ code: 'BIG', name: 'x'.repeat(2 * 1024 * 1024) });
    const res = await app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
  });

  it('a browser session: httpOnly SameSite cookie, and unsafe methods need the CSRF token', async () => {
    const { email } = await callerWith(ctx, ['ar_clerk']);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const csrf = (login.json() as { csrf_token: string }).csrf_token;
    const cookie = `${SESSION_COOKIE}=${session?.value}`;
    const read = await app.inject({ method: 'GET', url: '/api/customers', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    const payload = { code: 'CSRF1', name: 'Csrf Ltd' };
    const without = await app.inject({ method: 'POST', url: '/api/customers', headers: { cookie }, payload });
    expect([without.statusCode, without.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie, [CSRF_HEADER]: `${csrf.slice(0, -1)}${csrf.endsWith('x') ? 'y' : 'x'}` },
      payload,
    });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    const right = await app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie, [CSRF_HEADER]: csrf },
      payload,
    });
    expect(right.statusCode).toBe(201);
  });

  it('a revoked token or an ended session stops working at once (no stale sign-in is served)', async () => {
    const { email, headers } = await callerWith(ctx, ['admin']);
    expect((await app.inject({ method: 'GET', url: '/api/customers', headers })).statusCode).toBe(200);
    const tokens = (await app.inject({ method: 'GET', url: '/api/auth/tokens', headers })).json() as {
      id: string;
    }[];
    for (const t of tokens) {
      await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${t.id}`, headers });
    }
    expect((await app.inject({ method: 'GET', url: '/api/customers', headers })).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;
    const csrf = (login.json() as { csrf_token: string }).csrf_token;
    expect((await app.inject({ method: 'GET', url: '/api/customers', headers: { cookie } })).statusCode).toBe(
      200,
    );
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, [CSRF_HEADER]: csrf },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect((await app.inject({ method: 'GET', url: '/api/customers', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('no secret reaches the log: passwords, session and CSRF tokens, API tokens, TOTP secrets', async () => {
    const secrets: string[] = [TEST_PASSWORD, 'wrong password entirely 99'];
    const { email, token, headers } = await callerWith(ctx, ['admin']);
    secrets.push(token);
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'wrong password entirely 99' },
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    const session = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const csrf = (login.json() as { csrf_token: string }).csrf_token;
    secrets.push(session, csrf);
    const cookie = `${SESSION_COOKIE}=${session}`;
    const minted = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie, [CSRF_HEADER]: csrf },
      payload: { name: 'log-check' },
    });
    secrets.push((minted.json() as { token: string }).token);
    const enrol = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrol',
      headers: { cookie, [CSRF_HEADER]: csrf },
    });
    const secret = (enrol.json() as { secret?: string }).secret;
    if (secret) secrets.push(secret);
    await app.inject({ method: 'GET', url: '/api/invoices', headers });
    await app.inject({
      method: 'GET',
      url: '/api/invoices',
      headers: { authorization: 'Bearer stl_not-a-real-token' },
    });
    secrets.push('stl_not-a-real-token');
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(1000); // the log really was written
    expect(log).toContain('/api/auth/login');
    for (const s of secrets) {
      expect(s.length).toBeGreaterThan(8);
      expect(log.includes(s), `log contains ${s.slice(0, 6)}…`).toBe(false);
    }
  });
});
