// app.inject tests of the auth, users and roles routes through the real access-control plugin.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import { updateSecuritySettings } from '../src/modules/auth/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { PASSWORD, seedAuthOrg, seedUser, withKeyring } from './auth.fixtures.ts';

type Session = { cookie: string; csrf: string; setCookies: string[] };

describe.each(openTestDatabases())('auth routes on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let ctx: Ctx;
  beforeAll(async () => {
    database = withKeyring(await open());
    ctx = await seedAuthOrg(database);
    app = await buildApp({ database, orgSlug: ctx.org.slug });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function loginAs(email: string, password = PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect(res.statusCode, res.body).toBe(200);
    const setCookies = [res.headers['set-cookie'] ?? []].flat();
    const session = res.cookies.find((c) => c.name === 'settle_session');
    return { cookie: `settle_session=${session?.value}`, csrf: res.json().csrf_token, setCookies };
  }
  const as = (s: Session, options: InjectOptions, withCsrf = true) =>
    app.inject({
      ...options,
      headers: { ...options.headers, cookie: s.cookie, ...(withCsrf ? { 'x-csrf-token': s.csrf } : {}) },
    });

  it('signs in with cookies the browser keeps from scripts, and signs out', async () => {
    const user = await seedUser(ctx, { roles: ['ar_clerk'] });
    const s = await loginAs(user.email);
    expect(s.setCookies.find((c) => c.startsWith('settle_session='))).toMatch(/HttpOnly/);
    expect(s.setCookies.find((c) => c.startsWith('settle_session='))).toMatch(/SameSite=Strict/);
    expect(s.setCookies.find((c) => c.startsWith('settle_csrf='))).not.toMatch(/HttpOnly/);
    const me = await as(s, { method: 'GET', url: '/api/auth/me' }, false);
    expect(me.json()).toMatchObject({ email: user.email, roles: ['ar_clerk'], via: 'session' });
    expect((await as(s, { method: 'POST', url: '/api/auth/logout' }, false)).json().error.code).toBe(
      'CSRF_INVALID',
    );
    expect((await as(s, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await as(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses strangers, wrong passwords and missing permissions', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    const user = await seedUser(ctx, { roles: ['collector'] });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'x'.repeat(12) },
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    const s = await loginAs(user.email);
    expect((await as(s, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await as(s, { method: 'GET', url: '/api/roles' })).statusCode).toBe(403);
  });

  it('an admin manages users through the API; a token works as a bearer', async () => {
    const admin = await seedUser(ctx, { roles: ['admin'] });
    const s = await loginAs(admin.email);
    const created = await as(s, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'new@example.com', roles: ['auditor'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().generated_password).toMatch(/^\S{23}$/);
    expect((await as(s, { method: 'GET', url: '/api/roles' })).json()).toHaveLength(5);
    const token = await as(s, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'ci', scopes: ['users.manage'] },
    });
    expect(token.statusCode, token.body).toBe(201);
    const bearer = { authorization: `Bearer ${token.json().token}` };
    const list = await app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(list.json().map((u: { email: string }) => u.email)).toContain('new@example.com');
    expect(
      (await app.inject({ method: 'GET', url: '/api/settings/security', headers: bearer })).statusCode,
    ).toBe(403);
  });

  it('a user whose role requires MFA may only enrol until they have', async () => {
    const manager = await seedUser(ctx, { roles: ['finance_manager'] });
    await updateSecuritySettings(ctx, { mfa_required_roles: ['finance_manager'] });
    const s = await loginAs(manager.email);
    expect((await as(s, { method: 'GET', url: '/api/customers' })).json().error.code).toBe(
      'MFA_ENROLMENT_REQUIRED',
    );
    const enrol = await as(s, { method: 'POST', url: '/api/auth/mfa/enrol' });
    expect(enrol.statusCode, enrol.body).toBe(200);
    expect(enrol.json().otpauth_uri).toMatch(/^otpauth:\/\/totp\//);
    await updateSecuritySettings(ctx, { mfa_required_roles: [] });
  });
});
